"""Where requests go and whom they trust: straight or through a proxy (`proxy=`, else the
environment's HTTPS_PROXY / HTTP_PROXY / ALL_PROXY / NO_PROXY), with the certificates of
SSL_CERT_FILE / SSL_CERT_DIR. One decision, read once when the client is made, that every
transport follows (httpx's own, sync and async, and aiohttp's), or a caller's own httpx client.

The environment is read the way urllib, requests and aiohttp read it (`getproxies_environment`,
`proxy_bypass_environment`: lowercase names first, HTTP_PROXY ignored under CGI); httpx's own
reading is private (`httpx._utils`). A proxy's user and password are sent to the proxy only
(`Proxy-Authorization`), and hidden from every message, repr and log line (`_redact`).
"""

from __future__ import annotations

import os
import ssl
import threading
import urllib.request
from collections.abc import Callable, Mapping
from typing import Final

import certifi
import httpx

from ._redact import Redactor, register
from .errors import ClientClosedError, InvalidArgumentError, InvalidArgumentTypeError

Inner = httpx.BaseTransport | httpx.AsyncBaseTransport

#: NO_PROXY's reading, as `urllib.request.proxy_bypass` does it on Linux, but from the
#: variables read when the client was made (and never from macOS's or Windows' settings, which
#: httpx ignores too). In urllib for decades, missing from typeshed.
_bypass: Callable[[str, Mapping[str, str]], bool] = urllib.request.proxy_bypass_environment  # type: ignore[attr-defined]

#: The proxy schemes every transport here speaks (aiohttp has no SOCKS).
_PROXY_SCHEMES: Final = ("http", "https")


def _proxy_url(value: str | httpx.URL, name: str) -> httpx.URL:
    """`value` as a proxy URL (`host:port` alone means http, as for curl and httpx)."""
    text = str(value)
    if "://" not in text:
        text = f"http://{text}"
    try:
        url = httpx.URL(text)
    except httpx.InvalidURL:
        url = None
    if url is None or url.scheme not in _PROXY_SCHEMES or not url.host:
        # Not quoted: the value may hold the proxy's password.
        raise InvalidArgumentError(
            f"{name} must be an http(s) proxy URL such as 'http://proxy.example:3128' "
            "(value not shown)"
        )
    return url


class Network:
    """The proxy for each URL, and the SSL context: what `proxy=` and `trust_env=` decide."""

    def __init__(self, proxy: str | httpx.URL | None, trust_env: bool) -> None:
        if not isinstance(trust_env, bool):
            raise InvalidArgumentTypeError(
                f"trust_env must be a bool, got {type(trust_env).__name__}"
            )
        if proxy is not None and not isinstance(proxy, str | httpx.URL):
            raise InvalidArgumentTypeError(
                f"proxy must be a URL (str or httpx.URL), got {type(proxy).__name__}"
            )
        self.trust_env = trust_env
        self._proxy = None if proxy is None else _proxy_url(proxy, "proxy")
        # Read once, as httpx's client does: the client's routes do not change under it.
        environ = urllib.request.getproxies_environment() if trust_env and proxy is None else {}
        self._environ: Mapping[str, str] = environ
        self._by_scheme: dict[str, httpx.URL] = {
            scheme: _proxy_url(environ[scheme], f"{scheme.upper()}_PROXY")
            for scheme in ("http", "https", "all")
            if scheme in environ
        }
        self._cafile = (os.environ.get("SSL_CERT_FILE") or None) if trust_env else None
        self._capath = (os.environ.get("SSL_CERT_DIR") or None) if trust_env else None
        if self._cafile is not None and not os.path.isfile(self._cafile):
            raise InvalidArgumentError(
                f"SSL_CERT_FILE names no file: {self._cafile!r} (unset it, or trust_env=False)"
            )
        if self._capath is not None and not os.path.isdir(self._capath):
            raise InvalidArgumentError(
                f"SSL_CERT_DIR names no folder: {self._capath!r} (unset it, or trust_env=False)"
            )
        self._redactors = [
            Redactor(secret)
            for url in (self._proxy, *self._by_scheme.values())
            if url is not None
            for secret in (url.password, url.username)
            if secret
        ]
        for redactor in self._redactors:
            register(redactor)  # hidden from log lines while this lives

    @property
    def proxied(self) -> bool:
        """Whether any request may go through a proxy."""
        return self._proxy is not None or bool(self._by_scheme)

    def proxy_for(self, url: httpx.URL) -> httpx.URL | None:
        """The proxy `url` goes through, or None to go straight to it."""
        if self._proxy is not None:
            return self._proxy
        proxy = self._by_scheme.get(url.scheme) or self._by_scheme.get("all")
        if proxy is None:
            return None
        host = url.host if url.port is None else f"{url.host}:{url.port}"
        return None if _bypass(host, self._environ) else proxy

    def ssl_context(self) -> ssl.SSLContext:
        """What vouches for the servers: SSL_CERT_FILE and SSL_CERT_DIR when trusted and set
        (as OpenSSL reads them), else certifi's bundle, as httpx's default."""
        if self._cafile is None and self._capath is None:
            return ssl.create_default_context(cafile=certifi.where())
        try:
            return ssl.create_default_context(cafile=self._cafile, capath=self._capath)
        except (OSError, ssl.SSLError) as error:
            raise InvalidArgumentError(
                f"SSL_CERT_FILE {self._cafile!r} holds no usable certificate: {error}"
            ) from None

    def redact(self, text: str) -> str:
        """`text` without any proxy's user or password."""
        for redactor in self._redactors:
            text = redactor.text(text)
        return text


class Routes(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """One transport per proxy (and one straight), each made on first use by `make`, and
    each request sent through the one `network` chooses for its URL: httpx's `mounts`, for
    transports under the client rather than in it."""

    def __init__(self, network: Network, make: Callable[[httpx.URL | None], Inner]) -> None:
        self._network = network
        self._make = make
        self._made: dict[httpx.URL | None, Inner] = {}
        self._lock = threading.Lock()

    def _for(self, url: httpx.URL) -> Inner:
        proxy = self._network.proxy_for(url)
        inner = self._made.get(proxy)
        if inner is None:
            with self._lock:
                inner = self._made.get(proxy) or self._made.setdefault(proxy, self._make(proxy))
        return inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        inner = self._for(request.url)
        assert isinstance(inner, httpx.BaseTransport)
        return inner.handle_request(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        inner = self._for(request.url)
        assert isinstance(inner, httpx.AsyncBaseTransport)
        return await inner.handle_async_request(request)

    def close(self) -> None:
        for inner in self._made.values():
            assert isinstance(inner, httpx.BaseTransport)
            inner.close()

    async def aclose(self) -> None:
        for inner in self._made.values():
            assert isinstance(inner, httpx.AsyncBaseTransport)
            await inner.aclose()


class OwnClient(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """A caller's httpx client as the network (`http_client=`): each request goes through its
    `send` (its transport and mounts, hooks and logging), never with its auth or redirects,
    and the client is never closed here: it is the caller's."""

    def __init__(self, client: httpx.Client | httpx.AsyncClient) -> None:
        self._client = client

    def _check_open(self) -> None:
        if self._client.is_closed:
            raise ClientClosedError("the http_client given to this client is closed")

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(self._client, httpx.Client)
        self._check_open()
        return self._client.send(request, stream=True, auth=None, follow_redirects=False)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(self._client, httpx.AsyncClient)
        self._check_open()
        return await self._client.send(request, stream=True, auth=None, follow_redirects=False)

    def close(self) -> None:
        pass

    async def aclose(self) -> None:
        pass


def check_http_client(
    http_client: object,
    kind: type[httpx.Client | httpx.AsyncClient],
    *,
    transport: object,
    proxy: object,
) -> OwnClient | None:
    """The caller's client as a transport, after checking that it fits: the right kind, and
    not with another network (`transport=`, `proxy=`) that one of them would silently drop."""
    if proxy is not None and (transport is not None or http_client is not None):
        raise InvalidArgumentError(
            "proxy= is for the library's own network: give it to your transport or "
            "http_client instead"
        )
    if http_client is None:
        return None
    if not isinstance(http_client, kind):
        raise InvalidArgumentTypeError(
            f"http_client must be an httpx.{kind.__name__}, got {type(http_client).__name__}"
        )
    if transport is not None:
        raise InvalidArgumentError("give http_client= or transport=, not both")
    return OwnClient(http_client)
