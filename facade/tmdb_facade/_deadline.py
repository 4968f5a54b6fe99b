"""One deadline for a whole attempt of `Tmdb` over httpx's own transport: connecting, sending,
the headers and the body.

httpx's timeouts are per socket operation, so a server that sends `103 Early Hints` without
end, or drips its headers a byte at a time, answers every read in time and holds a call for
as long as it likes. The sync transport cannot be cancelled from outside (a watchdog thread
could only close a socket it cannot reach before the headers arrive), so the deadline goes
to the socket itself: httpcore's public network-backend interface, wrapped so that every
operation waits at most until the deadline of the attempt under way (`_body.DEADLINE`,
which `ClientTransport` sets around its calls into httpx). Name resolution is the system's
(`getaddrinfo`, before the socket exists) and is not bound by it. The async client needs none of
this: it cancels the attempt (`anyio.fail_after`), whatever transport it runs on.
"""

from __future__ import annotations

import ssl
import time
import typing

import httpcore
import httpx

from ._body import DEADLINE


def _capped(timeout: float | None, error: type[Exception]) -> float | None:
    """`timeout` shortened to what is left before the deadline; `error` once it has passed."""
    deadline = DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise error("the attempt's deadline has passed")
    return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _capped(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _capped(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: typing.Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        timeout = _capped(timeout, httpcore.ConnectTimeout)
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        timeout = _capped(timeout, httpcore.ConnectTimeout)
        return _Stream(self._inner.connect_tcp(host, port, timeout, local_address, socket_options))

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: typing.Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        timeout = _capped(timeout, httpcore.ConnectTimeout)
        return _Stream(self._inner.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class HTTPTransport(httpx.HTTPTransport):
    """httpx's sync transport, its sockets bound by `DEADLINE`."""

    def __init__(
        self,
        *,
        limits: httpx.Limits,
        verify: ssl.SSLContext | bool = True,
        proxy: httpx.Proxy | None = None,
    ) -> None:
        super().__init__(limits=limits, verify=verify, proxy=proxy)
        # httpx takes no network backend; its pool does (httpcore's public argument), and is
        # the one attribute reached into here. tests/test_limits.py's 1xx flood and dripped
        # headers fail if this stops working.
        # A proxy's pool (`httpcore.HTTPProxy`) is one too, and connects through the same.
        pool = self._pool
        assert isinstance(pool, httpcore.ConnectionPool)
        pool._network_backend = _Backend(pool._network_backend)
