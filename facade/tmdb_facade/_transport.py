"""The bottom of both clients: what every request goes through on its way out, and every
answer on its way in, whatever transport carries it.

One class for both modes, like httpx's MockTransport: the inner transport is sync or async.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, NoReturn, cast

import httpx

from ._auth import Credentials
from ._body import ATTEMPT_SECONDS, DEADLINE, bounded, within
from ._calls import is_api_call
from ._network import Inner, Network, Routes
from .errors import ClientClosedError

if TYPE_CHECKING:
    import asyncio


def network(
    httpx_transport: type[httpx.HTTPTransport | httpx.AsyncHTTPTransport],
    limits: httpx.Limits,
    routes: Network | None = None,
) -> Inner:
    """The transport to the network: over aiohttp for the async client under asyncio when
    aiohttp is installed (2.3-2.8x the throughput of httpx's own at concurrency 20, measured:
    BENCHMARKS.md, "The async transport"), else `httpx_transport` (httpx's own, sync or
    async; the only one under trio). Decided on first use, inside the caller's event loop.
    Each follows `routes`' proxies and certificates (by default the environment's)."""
    routes = routes or Network(None, trust_env=True)
    if httpx_transport is httpx.AsyncHTTPTransport:
        import asyncio  # the async client only (see `_check_event_loop`)

        try:
            asyncio.get_running_loop()
            from ._aiohttp import AiohttpTransport
        except (RuntimeError, ImportError):
            pass
        else:
            proxy_for = routes.proxy_for if routes.proxied else None
            return AiohttpTransport(
                limits=limits, ssl_context=routes.ssl_context, proxy_for=proxy_for
            )
    ssl_context = routes.ssl_context()

    def make(proxy: httpx.URL | None) -> Inner:
        # The proxy's own TLS (an https:// proxy) trusts what the servers' does.
        through = None
        if proxy is not None:
            proxy_tls = ssl_context if proxy.scheme == "https" else None  # httpcore's rule
            through = httpx.Proxy(proxy, ssl_context=proxy_tls)
        if httpx_transport is httpx.AsyncHTTPTransport:
            return httpx.AsyncHTTPTransport(limits=limits, verify=ssl_context, proxy=through)
        from ._deadline import HTTPTransport  # imports httpcore, which `Tmdb()` may never need

        return HTTPTransport(limits=limits, verify=ssl_context, proxy=through)

    return Routes(routes, make) if routes.proxied else make(None)


class ClientTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Adds the credential to API operations (`is_api_call`), and bounds every answer's body
    in time and size.

    `inner` is a transport, or a function that makes one on first use: the network transport
    builds an SSL context (tens of ms), which a client that is never used need not pay for.
    """

    def __init__(
        self,
        inner: Inner | Callable[[], Inner],
        credentials: Credentials,
        *,
        body_seconds: float | None,
        max_body_bytes: int,
    ) -> None:
        self._inner: Inner | None = None
        self._make_inner: Callable[[], Inner] | None = None
        if isinstance(inner, httpx.BaseTransport | httpx.AsyncBaseTransport):
            self._inner = inner
        else:
            self._make_inner = inner
        self._lock = threading.Lock()
        self._credentials = credentials
        self._body_seconds = body_seconds
        self._max_body_bytes = max_body_bytes
        self._loop: weakref.ref[asyncio.AbstractEventLoop] | None = None

    def _transport(self) -> Inner:
        if self._inner is None:
            with self._lock:
                if self._inner is None:
                    assert self._make_inner is not None
                    self._inner = self._make_inner()
        return self._inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        inner = self._transport()
        assert isinstance(inner, httpx.BaseTransport)
        started, seconds = time.monotonic(), self._seconds(request)
        deadline = None if seconds is None else started + seconds
        # The sockets of `_deadline.HTTPTransport` wait at most until `deadline`: the 1xx
        # answers and the headers must come within the attempt's time, not within each read's.
        token = DEADLINE.set(deadline)
        try:
            response = inner.handle_request(self._credentials.apply_for(request))
        except httpx.TimeoutException:
            if deadline is not None and time.monotonic() >= deadline:
                self._late(request, seconds)
            raise
        finally:
            DEADLINE.reset(token)
        return bounded(request, response, started, seconds, self._max_body_bytes)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        inner = self._transport()
        assert isinstance(inner, httpx.AsyncBaseTransport)
        self._check_event_loop()
        started, seconds = time.monotonic(), self._seconds(request)
        # One deadline for connecting, the 1xx answers and the headers (the body has its own
        # check, `BoundedStream`, from the same start): httpx's timeouts are per read, and a
        # server that keeps sending in time would never be stopped. `_aiohttp` sets aiohttp's
        # own deadline (`total`, which covers the body too) rather than pay for cancel scopes:
        # three per request, 12 us each under asyncio (measured), on the default transport.
        deadline = None if seconds is None else started + seconds
        cancels = not getattr(inner, "bounds_attempts", False)
        try:
            async with within(deadline if cancels else None):
                if getattr(inner, "adds_credentials", False):  # `_aiohttp`: no request copy
                    send = cast("Callable[..., Awaitable[httpx.Response]]", inner.send)  # type: ignore[attr-defined]
                    response = await send(
                        request, self._credentials if is_api_call(request) else None
                    )
                else:
                    sent = self._credentials.apply_for(request)
                    response = await inner.handle_async_request(sent)
        except (TimeoutError, httpx.TimeoutException):
            if deadline is not None and time.monotonic() >= deadline:
                self._late(request, seconds)
            raise
        return bounded(request, response, started, seconds, self._max_body_bytes, cancels=cancels)

    def _seconds(self, request: httpx.Request) -> float | None:
        """The attempt's time: the call's own (`ATTEMPT_SECONDS`), else the client's."""
        seconds: float | None = request.extensions.get(ATTEMPT_SECONDS, self._body_seconds)
        return seconds

    def _late(self, request: httpx.Request, seconds: float | None) -> NoReturn:
        raise httpx.ReadTimeout(
            f"the answer took longer than {seconds:g}s", request=request
        ) from None

    def _check_event_loop(self) -> None:
        """Connections belong to the event loop that opened them: refuse any other one, with
        a clear error rather than asyncio's "Event loop is closed" from deep inside."""
        # Imported here: asyncio costs ~17 ms to import, which `Tmdb` users need not pay.
        import asyncio

        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # not asyncio (trio): its connections have no loop to outlive
            return
        first = self._loop() if self._loop is not None else None
        if first is None and self._loop is None:
            self._loop = weakref.ref(loop)
        elif first is not loop:
            raise ClientClosedError(
                "this AsyncTmdb was first used in another event loop (such as an earlier "
                "asyncio.run), whose connections it keeps: make one client per event loop"
            )

    def close(self) -> None:
        if self._inner is not None:
            assert isinstance(self._inner, httpx.BaseTransport)
            self._inner.close()

    async def aclose(self) -> None:
        if self._inner is not None:
            assert isinstance(self._inner, httpx.AsyncBaseTransport)
            await self._inner.aclose()
