"""An answer's body bounded in time and size: what `ClientTransport` (`_transport`) puts
between every transport and the client, and the cache (`_cache`) between its stored answers
and the client.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import AsyncIterator, Iterator
from contextvars import ContextVar
from typing import NoReturn

import httpx

from ._inflate import BadCodingError, Decoder, UnsupportedCodingError, codings
from .errors import ResponseValidationError

#: The `time.monotonic()` by which the attempt under way in this thread must be done (None:
#: no deadline, a caller's `httpx.Timeout(None)`): `_deadline.HTTPTransport`'s sockets wait
#: no longer. Set by `ClientTransport` around each of its calls into httpx.
DEADLINE: ContextVar[float | None] = ContextVar("tmdb_facade_deadline", default=None)

#: The request extension that holds the seconds its attempt may take, whole (the client's
#: read timeout, or the call's own `timeout=`): `ClientTransport` goes by it when present.
ATTEMPT_SECONDS = "tmdb_facade.attempt_seconds"


def within(deadline: float | None) -> contextlib.AbstractAsyncContextManager[object]:
    """What is awaited inside is cancelled at `deadline` (`time.monotonic()`), and then a
    `TimeoutError`: under asyncio its own `timeout_at` (a third of anyio's cost, measured:
    12 against 38 us a scope), else anyio's (trio)."""
    if deadline is None:
        return contextlib.nullcontext()
    import asyncio  # here: `Tmdb` users need not pay its import (see `_check_event_loop`)

    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return _anyio_within(deadline)
    # The loop's clock is `time.monotonic()` (asyncio's default); `started` was read from it.
    return asyncio.timeout_at(deadline - time.monotonic() + loop.time())


@contextlib.asynccontextmanager
async def _anyio_within(deadline: float) -> AsyncIterator[None]:
    import anyio

    with anyio.fail_after(max(deadline - time.monotonic(), 0.0)):
        yield


def bounded(
    request: httpx.Request,
    response: httpx.Response,
    started: float,
    seconds: float | None,
    max_bytes: int,
    *,
    cancels: bool = True,
) -> httpx.Response:
    """`response`, its body read through `BoundedStream` (`request` is the one without the
    credential, which is all an error may name), and decoded there: what is above sees the
    decoded body (and a cache stores it), with no `Content-Encoding` left to decode again.
    `cancels=False`: the async transport ends its reads at the deadline itself."""
    applied: list[str] | UnsupportedCodingError = []
    encoding = response.headers.get_list("content-encoding")
    if encoding and not response.is_stream_consumed:
        try:
            applied = codings(encoding)
        except UnsupportedCodingError as error:
            applied = error
        del response.headers["content-encoding"]
        response.headers.pop("content-length", None)
    response.stream = BoundedStream(
        response.stream, request, started, seconds, max_bytes, applied, cancels=cancels
    )
    return response


class BoundedStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that must arrive whole within `seconds` of the request, and be at most
    `max_bytes`, both as received and once decoded (`applied`: its content codings, or the
    one the client cannot decode): httpx's own timeouts are per read, so a server dripping
    bytes would hold a call for as long as it likes, and a huge body, or a small one that
    inflates (a "gzip bomb"), would fill the memory."""

    def __init__(
        self,
        inner: httpx.SyncByteStream | httpx.AsyncByteStream,
        request: httpx.Request,
        started: float,
        seconds: float | None,
        max_bytes: int,
        applied: list[str] | UnsupportedCodingError | None = None,
        *,
        cancels: bool = True,
    ) -> None:
        self._inner = inner
        self._cancels = cancels
        self._request = request
        self._deadline = None if seconds is None else started + seconds
        self._seconds = seconds
        self._max_bytes = max_bytes
        self._received = 0
        self._decoded = 0
        self._unsupported = applied if isinstance(applied, UnsupportedCodingError) else None
        self._decoder = Decoder(applied) if isinstance(applied, list) and applied else None

    def _too_large(self) -> NoReturn:
        raise ResponseValidationError(
            f"{self._request.method} {self._request.url}: the answer is larger than "
            f"{self._max_bytes} bytes",
            json_path="$",
            http_status=0,
            body=None,
            request_method=self._request.method,
            request_url=str(self._request.url),
        )

    def _late(self) -> NoReturn:
        raise httpx.ReadTimeout(
            f"the answer took longer than {self._seconds:g}s", request=self._request
        ) from None

    def _start(self) -> None:
        if self._unsupported is not None:
            raise ResponseValidationError(
                f"{self._request.method} {self._request.url}: the answer is encoded as "
                f"{self._unsupported}, which the client did not ask for",
                json_path="$",
                http_status=0,
                body=None,
                request_method=self._request.method,
                request_url=str(self._request.url),
            )

    def _check(self, chunk: bytes) -> Iterator[bytes]:
        """`chunk` as received, decoded: each piece counted before it is given on."""
        self._received += len(chunk)
        if self._received > self._max_bytes:
            self._too_large()
        if self._deadline is not None and time.monotonic() > self._deadline:
            self._late()
        if self._decoder is None:
            yield chunk
            return
        try:
            for piece in self._decoder.feed(chunk):
                yield self._count(piece)
        except BadCodingError as error:
            raise httpx.DecodingError(str(error), request=self._request) from None

    def _rest(self) -> Iterator[bytes]:
        if self._decoder is None:
            return
        try:
            for piece in self._decoder.finish():
                yield self._count(piece)
        except BadCodingError as error:
            raise httpx.DecodingError(str(error), request=self._request) from None

    def _count(self, piece: bytes) -> bytes:
        self._decoded += len(piece)
        if self._decoded > self._max_bytes:
            self._too_large()
        return piece

    def __iter__(self) -> Iterator[bytes]:
        assert isinstance(self._inner, httpx.SyncByteStream)
        self._start()
        chunks = iter(self._inner)
        while True:
            # The sockets of `_deadline.HTTPTransport` wait at most until the deadline.
            token = DEADLINE.set(self._deadline)
            try:
                chunk = next(chunks, None)
            except httpx.TimeoutException:
                if self._deadline is not None and time.monotonic() >= self._deadline:
                    self._late()
                raise
            finally:
                DEADLINE.reset(token)
            if chunk is None:
                break
            yield from self._check(chunk)
        yield from self._rest()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        assert isinstance(self._inner, httpx.AsyncByteStream)
        self._start()
        chunks = aiter(self._inner)
        while True:
            try:
                if self._cancels:
                    async with within(self._deadline):
                        chunk = await anext(chunks, None)
                else:
                    chunk = await anext(chunks, None)
            except (TimeoutError, httpx.TimeoutException):
                if self._deadline is not None and time.monotonic() >= self._deadline:
                    self._late()
                raise
            if chunk is None:
                break
            for piece in self._check(chunk):
                yield piece
        for piece in self._rest():
            yield piece

    def close(self) -> None:
        assert isinstance(self._inner, httpx.SyncByteStream)
        self._inner.close()

    async def aclose(self) -> None:
        assert isinstance(self._inner, httpx.AsyncByteStream)
        await self._inner.aclose()
