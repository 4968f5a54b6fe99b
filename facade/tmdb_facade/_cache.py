"""`Tmdb(cache=...)`: an RFC 9111 HTTP cache on hishel, placed above the credential.

The transports, top to bottom, when a cache is on:

    _Router          API requests to the cache, image files straight down (never cached)
    hishel           Cache-Control, ETag / If-None-Match, 304: what to serve, store, revalidate
    _ToNetwork       pacing by the rate limiter; the cache policy applied to each answer
    CredentialTransport, then the real (or the caller's) transport

hishel sees each request before the credential is added, so no cache key and no stored
request can hold the access token or the api_key. Pacing sits below the cache so that an
answer served from the cache spends nothing of the rate limit. One set of classes serves the
sync and the async client, like `CredentialTransport`. Fresh answers are served even before
httpx, by `_cache_hits`. hishel is imported only there and in `with_cache`, when a cache is
asked for (it is the optional `cache` extra).
"""

from __future__ import annotations

import functools
import inspect
import math
import os
import sys
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import formatdate
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeAlias, TypeVar

import httpx

from ._body import bounded
from ._calls import is_api_call
from ._constants import CACHE_FILE, DEFAULT_CACHE_TTL, MAX_BODY_BYTES
from .errors import InvalidArgumentError, InvalidArgumentTypeError
from .ratelimit import Limiter

if TYPE_CHECKING:
    import hishel

__all__ = ["CacheOption", "CacheStatus", "HttpCache", "cache_status", "default_cache_file"]

T = TypeVar("T")

# Directives that already say how long an answer stays fresh, or that it must not be reused.
_FRESHNESS = ("max-age", "s-maxage", "no-store", "no-cache")


def default_cache_file() -> Path:
    """Where `cache=True` keeps its SQLite file: the platform's folder for caches.

    Hand-written rather than taken from platformdirs: one folder on three systems is these few
    lines, the ones platformdirs would pick, without a dependency for every install.
    """
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        # The XDG base directory spec says to ignore a relative XDG_CACHE_HOME.
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"
    return base.joinpath(*CACHE_FILE)


@dataclass(frozen=True)
class HttpCache:
    """Where and how a client caches TMDB's answers: `Tmdb(cache=HttpCache("tmdb.sqlite"))`.

    `storage` is a path to a SQLite file (None: `default_cache_file()`), or a hishel storage
    (`hishel.SqliteStorage`, `hishel.RedisStorage`, ... for `Tmdb`; their `Async` twins for
    `AsyncTmdb`), which the client then uses but never closes. `ttl` is how many seconds an
    answer that says nothing about its freshness (no `Cache-Control: max-age`, no `Expires`)
    is served without asking TMDB again; answers that do say are kept as they say.
    """

    storage: str | os.PathLike[str] | hishel.BaseStorage | hishel.AsyncBaseStorage | None = None
    ttl: float = DEFAULT_CACHE_TTL

    def __post_init__(self) -> None:
        if type(self.ttl) not in (int, float):
            raise InvalidArgumentTypeError(
                f"ttl must be a number of seconds, got {type(self.ttl).__name__}"
            )
        if not math.isfinite(self.ttl) or self.ttl < 0:
            raise InvalidArgumentError(f"ttl must be finite seconds >= 0, got {self.ttl}")


CacheOption: TypeAlias = (
    "bool | str | os.PathLike[str] | HttpCache"
    " | hishel.BaseStorage | hishel.AsyncBaseStorage | None"
)
"""What `Tmdb(cache=...)` takes: True (the default file), a path, a storage, an `HttpCache`."""


@dataclass(frozen=True)
class CacheStatus:
    """How the cache answered one call (`cache_status(result)`)."""

    from_cache: bool
    """The body came from the cache: fresh there, or confirmed by TMDB with a 304."""
    revalidated: bool
    """TMDB was asked whether the stored answer still holds (one round trip)."""
    stored: bool
    """The answer was written to the cache."""

    @property
    def network(self) -> bool:
        """Whether the call sent anything to TMDB."""
        return self.revalidated or not self.from_cache


# Statuses by id() of the result they describe, dropped when the result is: the generated
# models are slotted attrs classes (no room for an attribute, and unhashable, so no
# WeakKeyDictionary), and a status kept on the client would be wrong with threads or tasks.
_statuses: dict[int, tuple[weakref.ref[Any], CacheStatus]] = {}


def cache_status(result: object) -> CacheStatus | None:
    """How the cache answered the call that returned `result`, or None if no cache was involved.

    >>> cache_status(tmdb.person_images(62)) is None  # this `tmdb` has no cache
    True
    >>> status = cache_status(cached.person_images(62))  # doctest: +SKIP
    >>> status.from_cache, status.network  # doctest: +SKIP
    (True, False)
    """
    found = _statuses.get(id(result))
    if found is None or found[0]() is not result:
        return None
    return found[1]


def note_cache_status(result: T, answer: httpx.Response | httpx.RequestError) -> T:
    """`result`, remembering how the cache answered it (called by the clients on every call)."""
    caching = answer.extensions.get("caching") if isinstance(answer, httpx.Response) else None
    return result if caching is None else remember_status(result, _status(**caching))


def remember_status(result: T, status: CacheStatus) -> T:
    """`result`, with `status` for `cache_status` (results that cannot be weakly referenced,
    such as bytes, get none)."""
    key = id(result)

    def forget(_: weakref.ref[Any]) -> None:
        _statuses.pop(key, None)

    try:
        ref = weakref.ref(result, forget)
    except TypeError:
        return result
    _statuses[key] = (ref, status)
    return result


@functools.cache
def _status(from_cache: bool, revalidated: bool, stored: bool) -> CacheStatus:
    """One shared `CacheStatus` for each of the eight combinations."""
    return CacheStatus(from_cache, revalidated, stored)


HIT: Final = _status(from_cache=True, revalidated=False, stored=False)


def with_cache(
    client: str,
    cache: CacheOption,
    transport: httpx.BaseTransport | httpx.AsyncBaseTransport,
    limiter: Limiter | None,
    sleep: Callable[[float], Any],
    max_body_bytes: int = MAX_BODY_BYTES,
) -> tuple[Any, Any]:
    """`transport` with the cache `cache` asks for on top of it, and the hits' fast path
    (`_cache_hits`); `(transport, None)` for no cache.

    `client` is "Tmdb" or "AsyncTmdb": the transports here (like httpx's MockTransport) are
    both sync and async, so the mode must be said. The returned transport paces API requests
    that reach the network through `limiter` and `sleep`; the client must not pace them too.
    A stored body is served only if it decodes to at most `max_body_bytes`.
    """
    if cache is None or cache is False:
        return transport, None
    config = cache if isinstance(cache, HttpCache) else HttpCache(None if cache is True else cache)
    if isinstance(config.storage, bool):
        raise InvalidArgumentTypeError("cache must be True, a path, a hishel storage or HttpCache")
    try:
        import hishel
        from hishel.httpx import AsyncCacheTransport, CacheTransport
    except ImportError:
        raise ImportError(
            "a cache needs hishel: pip install 'tmdb-facade[cache]'", name="hishel"
        ) from None
    is_async = client == "AsyncTmdb"
    stores = _storage(config.storage, client, hishel)
    below = _ToNetwork(transport, limiter, sleep, config.ttl)
    # A private cache (RFC 9111 3.5): one user's, even when several processes share the file.
    options = hishel.CacheOptions(shared=False, supported_methods=["GET", "HEAD"])
    from ._cache_hits import AsyncHits, SyncHits

    cached: Any = (
        AsyncCacheTransport(below, stores.storage, rfc=options)
        if is_async
        else CacheTransport(below, stores.storage, rfc=options)
    )
    hits = (AsyncHits if is_async else SyncHits)(stores.reader, options, max_body_bytes)
    return _Router(cached, transport, stores.owned, max_body_bytes), hits


@dataclass(frozen=True)
class _Stores:
    storage: Any
    """What hishel's transport keeps answers in."""
    reader: Any
    """What fresh hits are read from before httpx: `storage`, or for `AsyncTmdb` on a file
    of its own a sync storage on a second connection (no worker thread per SQLite call)."""
    owned: tuple[Any, ...]
    """What the client made, and so closes."""


def _storage(where: object, client: str, hishel: Any) -> _Stores:
    """The hishel storages for `where`."""
    is_async = client == "AsyncTmdb"
    wanted = hishel.AsyncBaseStorage if is_async else hishel.BaseStorage
    if isinstance(where, hishel.BaseStorage | hishel.AsyncBaseStorage):
        if not isinstance(where, wanted):
            raise InvalidArgumentTypeError(
                f"{client} needs a hishel {wanted.__name__}, got {type(where).__name__}"
            )
        return _Stores(where, where, ())
    if where is not None and not isinstance(where, str | os.PathLike):
        raise InvalidArgumentTypeError(
            f"cache must be True, a path, a hishel storage or HttpCache, got {type(where).__name__}"
        )
    path = default_cache_file() if where is None else Path(os.fspath(where)).expanduser()
    import sqlite3  # only with a cache: `import tmdb_facade` does without it

    # Our own connection: given only a path, hishel writes a `.gitignore` of `*` next to the
    # file (in a project folder that would hide the whole project from git) and puts a bare
    # file name under `.cache/hishel/` instead of where it was asked.
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        # Read now, so that a file that is no database, or another program's, is refused here
        # rather than logged on every call (hishel treats a broken file as a miss).
        connection.execute("PRAGMA schema_version")
        reader = hishel.SqliteStorage(connection=connection)
        reader.get_entries("")  # hishel's own check of the tables: RuntimeError if not its own
        if not is_async:
            return _Stores(reader, reader, (reader,))
        import anysqlite

        second = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    except (OSError, sqlite3.Error, RuntimeError) as error:
        raise InvalidArgumentError(f"cannot use the cache file {str(path)!r}: {error}") from None
    # anysqlite runs each SQLite call in a worker thread, which made an async hit cost 3 to 4
    # times a sync one (BENCHMARKS.md). Hits are read on the event loop instead, like the
    # decoding that follows them: a read in SQLite's WAL mode never waits for a writer.
    storage = hishel.AsyncSqliteStorage(connection=anysqlite.Connection(second))
    return _Stores(storage, reader, (storage, reader))


def _with_policy(response: httpx.Response, ttl: float) -> httpx.Response:
    """The answer as the cache should see it: only successes are kept, each for a known time."""
    headers = response.headers
    if "date" not in headers:
        # RFC 9110 6.6.1: a cache adds the Date it received an answer at; hishel counts a
        # stored answer's age from it, and without it an answer would never grow stale.
        headers["Date"] = formatdate(usegmt=True)
    if response.status_code >= 400:
        # An error is never reused: the cache key has no credential, so a 401 stored for a
        # bad key would answer the good one.
        headers["Cache-Control"] = "no-store"
    elif response.status_code == 200 and "expires" not in headers:
        directives = headers.get("cache-control", "")
        names = {d.split("=", 1)[0].strip().lower() for d in directives.split(",")}
        if not names.intersection(_FRESHNESS):
            headers["Cache-Control"] = ", ".join(
                d for d in (directives.strip(), f"max-age={int(ttl)}") if d
            )
    return response


class _ToNetwork(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """What the cache sends on to TMDB: paced by the rate limit, answers given the policy."""

    def __init__(
        self,
        inner: httpx.BaseTransport | httpx.AsyncBaseTransport,
        limiter: Limiter | None,
        sleep: Callable[[float], Any],
        ttl: float,
    ) -> None:
        self._inner = inner
        self._limiter = limiter
        self._sleep = sleep
        self._ttl = ttl

    def _delay(self) -> float:
        return 0.0 if self._limiter is None else self._limiter.reserve()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(self._inner, httpx.BaseTransport)
        if (delay := self._delay()) > 0:
            self._sleep(delay)
        return _with_policy(self._inner.handle_request(request), self._ttl)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(self._inner, httpx.AsyncBaseTransport)
        if (delay := self._delay()) > 0:
            await self._sleep(delay)
        return _with_policy(await self._inner.handle_async_request(request), self._ttl)


class _Router(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """API requests (`is_api_call`) through the cache, image files straight to `direct`."""

    def __init__(
        self,
        cached: Any,
        direct: httpx.BaseTransport | httpx.AsyncBaseTransport,
        owned: tuple[Any, ...],
        max_body_bytes: int,
    ) -> None:
        self._cached = cached
        self._max_body_bytes = max_body_bytes
        self._direct = direct
        self._owned = owned

    def _route(self, request: httpx.Request) -> Any:
        return self._cached if is_api_call(request) else self._direct

    def _decoded(self, response: httpx.Response) -> httpx.Response:
        """A stored answer still compressed (stored by an earlier version, or given a
        `Content-Encoding` by a 304) decoded within the body limit, as the network's are."""
        if "content-encoding" not in response.headers:
            return response
        assert response.request is not None
        return bounded(response.request, response, 0.0, None, self._max_body_bytes)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        route = self._route(request)
        response: httpx.Response = route.handle_request(request)
        response.request = request
        return self._decoded(response) if route is self._cached else response

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        route = self._route(request)
        response: httpx.Response = await route.handle_async_request(request)
        response.request = request
        return self._decoded(response) if route is self._cached else response

    # hishel's own close would also close a storage the caller passed in and still owns.
    def close(self) -> None:
        assert isinstance(self._direct, httpx.BaseTransport)
        self._direct.close()
        for storage in self._owned:
            storage.close()

    async def aclose(self) -> None:
        assert isinstance(self._direct, httpx.AsyncBaseTransport)
        await self._direct.aclose()
        for storage in self._owned:
            closed = storage.close()
            if inspect.isawaitable(closed):
                await closed
