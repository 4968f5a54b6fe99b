"""`FakeTmdb`: the server, its background thread, its switches and its bookkeeping."""

from __future__ import annotations

import asyncio
import math
import threading
import time
from collections import deque
from contextlib import suppress
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any

from tmdb_facade import _spec
from tmdb_facade.testing import _app, _clients
from tmdb_facade.testing._caching import TMDB_MAX_AGE, with_cache_headers
from tmdb_facade.testing._faults import FaultInjection, FaultQueue, TokenBucket, retry_after
from tmdb_facade.testing._http import Incoming, serve_connection

if TYPE_CHECKING:
    from tmdb_facade import AsyncTmdb, Tmdb

DEFAULT_ACCESS_TOKEN = "fake-tmdb-read-access-token"
DEFAULT_API_KEY = "fake-tmdb-api-key"
HOST = "127.0.0.1"
MAX_RECORDED = 10_000

# Content-Type is a field of the reply; the framing headers are h11's to write.


@dataclass(frozen=True)
class RecordedRequest:
    """A request the server received, and what it did with it."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    """Header names in lower case."""
    operation: str | None
    """The spec's operationId the path matched (`person-images`), None for other paths."""
    status: int | None
    """The status answered, None when the connection was dropped (`drop_next`)."""
    delay: float
    """Seconds the server waited on purpose before answering (latency, new connection delay)."""
    connection: int
    """Which TCP connection it came on: 1 for the server's first, 2 for the next, ..."""


class FakeTmdb(FaultInjection):
    """A fake TMDB API (and image CDN) on 127.0.0.1, serving real recorded responses.

    It runs its own event loop in a daemon thread, so synchronous and asynchronous tests can
    both use it. Stop it (or use it as a context manager) to close its connections.

    >>> import httpx
    >>> with FakeTmdb() as server:
    ...     response = httpx.get(f"{server.url}/3/person/62/images", headers=server.auth_headers)
    >>> response.json()["id"]
    62
    """

    def __init__(
        self,
        *,
        port: int = 0,
        access_token: str = DEFAULT_ACCESS_TOKEN,
        api_key: str = DEFAULT_API_KEY,
        latency: float = 0.0,
        new_connection_delay: float = 0.0,
        rate_limit: float | None = None,
        burst: int | None = None,
        cache_max_age: int | None = TMDB_MAX_AGE,
    ) -> None:
        """Make a server (not started yet); `port=0` picks a free one.

        `latency` and `new_connection_delay` are seconds added before answering (see the
        properties); `rate_limit` and `burst` are as in `set_rate_limit`. API answers carry
        TMDB's `Cache-Control: public, max-age=cache_max_age` with an `ETag`, and a matching
        `If-None-Match` gets a 304 (`cache_max_age`, an attribute, may change at any time;
        None sends no caching headers).
        """
        if not access_token or not api_key:
            raise ValueError("access_token and api_key must not be empty")
        self.access_token = access_token
        self.api_key = api_key
        self._wanted_port = port
        self._port: int | None = None
        self._lock = threading.Lock()
        self._latency = 0.0
        self._new_connection_delay = 0.0
        self.latency = latency
        self.new_connection_delay = new_connection_delay
        self.cache_max_age = cache_max_age
        self._bucket: TokenBucket | None = None
        self.set_rate_limit(rate_limit, burst)
        self._faults = FaultQueue()
        # Bounded, so that a long benchmark run does not fill the memory.
        self._requests: deque[RecordedRequest] = deque(maxlen=MAX_RECORDED)
        self._rate_limited = 0
        self._received = 0
        self._connections = 0
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None
        self._tasks: set[asyncio.Task[Any]] = set()

    # -- lifecycle ------------------------------------------------------------------------

    def start(self, timeout: float = 5.0) -> FakeTmdb:
        """Start serving in a background thread; returns once the port is open."""
        if self._thread is not None:
            raise RuntimeError("the fake TMDB server is already running")
        ready = threading.Event()
        errors: list[BaseException] = []
        self._thread = threading.Thread(
            target=self._run, args=(ready, errors), name="FakeTmdb", daemon=True
        )
        self._thread.start()
        if not ready.wait(timeout):
            self.stop(timeout)
            raise RuntimeError(f"the fake TMDB server did not start within {timeout} s")
        if errors:  # such as the port being taken
            self._thread.join(timeout)
            self._thread = None
            raise errors[0]
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Close every connection and the port, and wait (at most `timeout`) for the thread."""
        thread, loop, stopping = self._thread, self._loop, self._stopping
        if thread is None:
            return
        if loop is not None and stopping is not None:
            with suppress(RuntimeError):  # the loop has already finished
                loop.call_soon_threadsafe(stopping.set)
        thread.join(timeout)
        if thread.is_alive():
            raise RuntimeError(f"the fake TMDB server did not stop within {timeout} s")
        self._thread = self._loop = self._stopping = None

    def __enter__(self) -> FakeTmdb:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        where = f"url={self.url!r}" if self._port is not None else "not started"
        return f"<FakeTmdb {where}>"

    # -- where it is and what it accepts --------------------------------------------------

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("the fake TMDB server has not been started")
        return self._port

    @property
    def url(self) -> str:
        """The API's base URL, such as `http://127.0.0.1:54321` (paths start with `/3/`)."""
        return f"http://{HOST}:{self.port}"

    @property
    def image_base_url(self) -> str:
        """The image CDN's base URL: add a size and a file path (`w500/abc.jpg`)."""
        return f"{self.url}/t/p/"

    @property
    def auth_headers(self) -> dict[str, str]:
        """The headers that authenticate with `access_token`."""
        return {"Authorization": f"Bearer {self.access_token}"}

    def client(self, **options: Any) -> Tmdb:
        """A `Tmdb` for this server's API and images, unlimited, its retries without waiting.

        >>> with FakeTmdb() as server, server.client() as tmdb:
        ...     tmdb.person_images(62).id
        62
        """
        return _clients.client(self, **options)

    def async_client(self, **options: Any) -> AsyncTmdb:
        """An `AsyncTmdb` like `client()`; `options` override any of the client's arguments."""
        return _clients.async_client(self, **options)

    # -- bookkeeping ----------------------------------------------------------------------

    @property
    def requests(self) -> list[RecordedRequest]:
        """A copy of the requests received so far (the last 10,000), oldest first."""
        with self._lock:
            return list(self._requests)

    @property
    def rate_limited_count(self) -> int:
        """How many requests were answered 429 by the rate limit."""
        with self._lock:
            return self._rate_limited

    @property
    def request_count(self) -> int:
        """How many requests were received in all (`requests` keeps only the last 10,000)."""
        with self._lock:
            return self._received

    @property
    def connection_count(self) -> int:
        """How many TCP connections were accepted: a client that reuses them opens few."""
        with self._lock:
            return self._connections

    # -- switches -------------------------------------------------------------------------

    @property
    def latency(self) -> float:
        """Seconds added before every answer except image files (without blocking others)."""
        return self._latency

    @latency.setter
    def latency(self, seconds: float) -> None:
        self._latency = _non_negative("latency", seconds)

    @property
    def new_connection_delay(self) -> float:
        """Seconds added before the first answer on each new connection (like a TLS handshake)."""
        return self._new_connection_delay

    @new_connection_delay.setter
    def new_connection_delay(self, seconds: float) -> None:
        self._new_connection_delay = _non_negative("new_connection_delay", seconds)

    def set_rate_limit(self, rate: float | None, burst: int | None = None) -> None:
        """Answer 429 beyond `rate` API requests a second, after a `burst` (default: one second's
        worth); `None` turns the limit off. The bucket starts full.

        A 429 carries `Retry-After` (whole seconds until a request would pass, at least 1) and
        TMDB's body with status_code 25. Image files are never limited.
        """
        if rate is not None and rate <= 0:
            raise ValueError(f"rate must be positive, not {rate}")
        with self._lock:
            if rate is None:
                self._bucket = None
                return
            size = max(1, math.ceil(rate)) if burst is None else burst
            if size < 1:
                raise ValueError(f"burst must be at least 1, not {size}")
            self._bucket = TokenBucket(rate, size, float(size), time.monotonic())

    # -- the event loop (in the server's thread) ------------------------------------------

    def _run(self, ready: threading.Event, errors: list[BaseException]) -> None:
        try:
            asyncio.run(self._main(ready))
        except BaseException as exc:  # start() re-raises it if it happened while starting
            errors.append(exc)
        finally:
            ready.set()

    async def _main(self, ready: threading.Event) -> None:
        self._loop = asyncio.get_running_loop()
        self._stopping = asyncio.Event()
        server = await asyncio.start_server(self._connection, HOST, self._wanted_port)
        self._port = server.sockets[0].getsockname()[1]
        ready.set()
        async with server:
            await self._stopping.wait()
            server.close()
            tasks = list(self._tasks)
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)  # so that stop() can cancel it
        with self._lock:
            self._connections += 1
            number = self._connections
        try:
            await serve_connection(reader, writer, number, self._respond)
        except asyncio.CancelledError:
            # stop() cancels open connections. Ending normally matters: on Python 3.11 a
            # cancelled connection task makes asyncio's stream callback log a traceback.
            writer.close()
        finally:
            if task is not None:
                self._tasks.discard(task)

    async def _respond(self, request: Incoming) -> _app.Reply | None:
        """The reply to one request (None: drop the connection), after the delays asked for."""
        path = request.path
        image = _app.is_image_path(path)
        delay = self._new_connection_delay if request.first_on_connection else 0.0
        delay += 0.0 if image else self._latency
        wait: float | None = None
        with self._lock:
            fault = self._faults.take(path)
            if fault is None and not image and self._bucket is not None:
                wait = self._bucket.take(time.monotonic())
                self._rate_limited += wait is not None

        operation: str | None = None
        if fault is not None and fault.reply is not None:
            reply = fault.reply
        elif wait is not None:
            reply = _app.error_reply(429, (("Retry-After", retry_after(wait)),))
        elif image:
            reply = _app.image_reply(path)
        else:
            reply, operation = _app.api_reply(
                request.method,
                path,
                request.query,
                request.headers,
                token=self.access_token,
                key=self.api_key,
            )
        if fault is None and operation is not None and reply.status == 200:
            inm = request.headers.get("if-none-match")
            reply = with_cache_headers(reply, self.cache_max_age, inm)
        if fault is not None and fault.action == "malformed":
            reply = _app.Reply(200, reply.body[: len(reply.body) // 2], reply.content_type)
        if operation is None:
            found = _spec.find_operation(request.method, path)
            operation = found[0].operation_id if found else None

        if delay:
            await asyncio.sleep(delay)
        dropped = fault is not None and fault.action == "drop"
        recorded = RecordedRequest(
            method=request.method,
            path=path,
            query=request.query,
            headers=request.headers,
            operation=operation,
            status=None if dropped else reply.status,
            delay=delay,
            connection=request.connection,
        )
        with self._lock:
            self._requests.append(recorded)
            self._received += 1
        return None if dropped else reply


def _non_negative(name: str, seconds: float) -> float:
    if seconds < 0:
        raise ValueError(f"{name} must not be negative, not {seconds}")
    return float(seconds)
