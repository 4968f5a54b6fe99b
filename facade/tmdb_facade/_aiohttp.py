"""An httpx transport over aiohttp: `AsyncTmdb`'s network under asyncio when aiohttp is
installed (extra `aiohttp`).

Hand-written rather than httpx-aiohttp's `AiohttpTransport`: that one re-parses and
re-quotes every URL, cannot take the credential without a copy of the request, and maps a
dropped connection to `ConnectTimeout`; measured at concurrency 20, AsyncTmdb made 536 req/s
over it and 660 over this one (BENCHMARKS.md, "The async transport"). httpcore's pool, the
other choice, checks every connection's socket on every request and every release
(quadratic in the pool's size): half of AsyncTmdb's time at concurrency 20, profiled.
"""

from __future__ import annotations

import ssl
from base64 import b64encode
from collections.abc import AsyncIterator, Callable
from typing import Any, ClassVar
from urllib.parse import quote

import aiohttp
import httpx

# aiohttp 3.10 or later (the extra's floor); an older one is an ImportError here, and the
# client then keeps httpx's own transport.
from aiohttp import ConnectionTimeoutError
from multidict import CIMultiDict
from yarl import URL

from ._auth import Credentials

#: Read at most this much at once: the caller caps the whole body (`BoundedStream`), and must
#: get the chance to refuse a huge one before it is all in memory.
_CHUNK = 64 * 1024

_HTTP_1_1 = {"http_version": b"HTTP/1.1"}


class AiohttpTransport(httpx.AsyncBaseTransport):
    """HTTP/1.1 over one `aiohttp.ClientSession`, made on first use inside the event loop.

    `limits` bounds the connections (httpx's `max_connections` and `keepalive_expiry`);
    `ssl_context` is called once, on first use (building one costs tens of ms). `proxy_for`
    names the proxy of each URL (`_network.Network.proxy_for`; None: no proxy ever). Under
    another event loop than asyncio this cannot run: `AsyncTmdb` uses httpx's own transport
    there.
    """

    #: `ClientTransport` hands the credential to `send` rather than copying each request to
    #: add it (the copy parses the URL again: 9 % of AsyncTmdb's profiled time).
    adds_credentials: ClassVar[bool] = True
    #: Each request ends by its `read` timeout, whole (connecting, 1xx answers, headers and
    #: body: aiohttp's `total`), so `ClientTransport` need not cancel it.
    bounds_attempts: ClassVar[bool] = True

    def __init__(
        self,
        *,
        limits: httpx.Limits,
        ssl_context: Callable[[], ssl.SSLContext],
        proxy_for: Callable[[httpx.URL], httpx.URL | None] | None = None,
    ) -> None:
        self._limits = limits
        self._ssl_context = ssl_context
        self._proxy_for = proxy_for
        self._proxies: dict[httpx.URL, tuple[URL, dict[str, str] | None]] = {}
        self._session: aiohttp.ClientSession | None = None
        self._timeouts: dict[tuple[Any, ...], aiohttp.ClientTimeout] = {}

    def _open(self) -> aiohttp.ClientSession:
        connector = aiohttp.TCPConnector(
            limit=self._limits.max_connections or 0,
            keepalive_timeout=self._limits.keepalive_expiry or 0,
            ssl=self._ssl_context(),
        )
        # httpx decodes the body (its own Accept-Encoding went out), and the client above
        # owns redirects, cookies and proxies (`proxy_for`: the same routes as httpx's
        # transports, and no ~/.netrc credential sent anywhere): aiohttp does none of it.
        self._session = aiohttp.ClientSession(
            connector=connector,
            auto_decompress=False,
            cookie_jar=aiohttp.DummyCookieJar(),
            trust_env=False,
        )
        # aiohttp sends a GET again, once, when its connection drops; the client's own retry
        # policy decides that (`max_retries=0` means no second try). aiohttp has no public
        # setting (aio-libs/aiohttp#10790; its own test client sets this private one):
        # tests/test_async_transport.py fails if the attribute goes or stops having its effect.
        self._session._retry_connection = False
        return self._session

    def _timeout(self, extension: dict[str, float | None]) -> aiohttp.ClientTimeout:
        key = (extension.get("connect"), extension.get("read"), extension.get("pool"))
        timeout = self._timeouts.get(key)
        if timeout is None:
            connect, read, pool = key
            # httpx's pool timeout is the wait for a free connection, aiohttp's `connect`
            # that wait plus the connecting: the sum bounds both as httpx would. `read` is
            # also the whole attempt's (`bounds_attempts`).
            total_connect = None if pool is None or connect is None else pool + connect
            timeout = aiohttp.ClientTimeout(
                total=read, connect=total_connect, sock_connect=connect, sock_read=read
            )
            self._timeouts[key] = timeout
        return timeout

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self.send(request, None)

    async def send(self, request: httpx.Request, credentials: Credentials | None) -> httpx.Response:
        """`request`, with `credentials` added to what goes out (never to `request`)."""
        session = self._session or self._open()
        try:
            data: Any = request.content or None
        except httpx.RequestNotRead:
            data = request.stream
        headers = CIMultiDict(request.headers.multi_items())
        url = str(request.url)
        secrets: tuple[str, ...] = ()
        if credentials is None:
            pass
        elif credentials.kind == "access_token":
            headers["Authorization"] = f"Bearer {credentials.secret}"
        else:
            quoted = quote(credentials.secret, safe="")
            separator = "&" if request.url.query else "?"
            url = f"{url}{separator}api_key={quoted}"
            secrets = (credentials.secret, quoted)
        if data is not None:
            headers.pop("Transfer-Encoding", None)  # aiohttp frames the body itself
        proxy, proxy_headers = self._proxy(request.url)
        if proxy_headers and request.url.scheme == "http":
            # Not tunnelled: the proxy reads the request itself, and aiohttp sends
            # `proxy_headers` only with a CONNECT.
            headers.update(proxy_headers)
            proxy_headers = None
        try:
            response = await session.request(
                request.method,
                URL(url, encoded=True),
                headers=headers,
                data=data,
                allow_redirects=False,
                timeout=self._timeout(request.extensions.get("timeout", {})),
                server_hostname=request.extensions.get("sni_hostname"),
                proxy=proxy,
                proxy_headers=proxy_headers,
            )
        except Exception as error:
            # Not `from error`: aiohttp's error may hold the URL, with the api_key in it.
            raise _as_httpx(error, request, connecting=True, hide=secrets) from None
        return httpx.Response(
            response.status,
            headers=response.raw_headers,
            stream=_Body(response, request),
            extensions={**_HTTP_1_1, "reason_phrase": (response.reason or "").encode()},
        )

    def _proxy(self, url: httpx.URL) -> tuple[URL | None, dict[str, str] | None]:
        """The proxy of `url` as aiohttp takes it: its URL without, and its credential apart
        (sent to the proxy alone, in `Proxy-Authorization`, spelled as httpx's `Proxy` does:
        aiohttp's `BasicAuth` is deprecated, its replacement newer than the extra's floor)."""
        proxy = None if self._proxy_for is None else self._proxy_for(url)
        if proxy is None:
            return None, None
        known = self._proxies.get(proxy)
        if known is None:
            headers = None
            if proxy.username or proxy.password:
                userinfo = f"{proxy.username}:{proxy.password}".encode()
                headers = {"Proxy-Authorization": f"Basic {b64encode(userinfo).decode()}"}
            bare = URL(str(proxy.copy_with(username=None, password=None)))
            known = self._proxies[proxy] = (bare, headers)
        return known

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()


class _Body(httpx.AsyncByteStream):
    def __init__(self, response: aiohttp.ClientResponse, request: httpx.Request) -> None:
        self._response = response
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            while chunk := await self._response.content.read(_CHUNK):
                yield chunk
        except Exception as error:
            raise _as_httpx(error, self._request, connecting=False) from None

    async def aclose(self) -> None:
        self._response.release()


def _as_httpx(
    error: Exception, request: httpx.Request, *, connecting: bool, hide: tuple[str, ...] = ()
) -> Exception:
    """aiohttp's error as the httpx error it stands for, so the client above (retries, error
    messages) sees one kind whatever the transport. Anything else is not a network failure
    and goes up as it is. The message is aiohttp's, without `hide` (the api_key, as it is
    and quoted: an `InvalidURL` quotes the URL)."""
    message = str(error) or type(error).__name__
    if isinstance(error, aiohttp.ClientConnectorError) and request.url.scheme == "http":
        # aiohttp's wording names TLS settings ("ssl:default") even where none are used.
        message = f"Cannot connect to host {error.host}:{error.port} [{error.strerror}]"
    for secret in hide:
        message = message.replace(secret, "***")
    if isinstance(error, ConnectionTimeoutError):
        return httpx.ConnectTimeout(message, request=request)
    if isinstance(error, TimeoutError):  # aiohttp's read timeouts are TimeoutErrors too
        return httpx.ReadTimeout(message, request=request)
    if isinstance(error, aiohttp.ClientConnectorError):
        return httpx.ConnectError(message, request=request)
    if isinstance(error, aiohttp.ServerDisconnectedError | aiohttp.ClientPayloadError):
        return httpx.RemoteProtocolError(message, request=request)
    if isinstance(error, aiohttp.ClientError | OSError):
        return (httpx.ConnectError if connecting else httpx.ReadError)(message, request=request)
    return error
