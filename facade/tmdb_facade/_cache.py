"""`Tmdb(cache=...)`: an RFC 9111 HTTP cache on hishel, placed above the credential.

The transports, top to bottom, when a cache is on:

    _Router          API requests to the cache, image files straight down (never cached);
                     every API request straight to _ToNetwork once the cache has failed
    hishel           Cache-Control, ETag / If-None-Match, 304: what to serve, store, revalidate
    _ToNetwork       pacing by the rate limiter; the cache policy applied to each answer
                     (`_cache_policy`: what may be stored, and its age)
    ClientTransport, then the real (or the caller's) transport

The SQLite file, whether it is ours, and what happens when it fails: `_cache_store`.

hishel sees each request before the credential is added, so no cache key and no stored
request can hold the access token or the api_key. Pacing sits below the cache so that an
answer served from the cache spends nothing of the rate limit. One set of classes serves the
sync and the async client, like `ClientTransport`. Fresh answers are served even before
httpx, by `_cache_hits`. hishel is imported only there and in `with_cache`, when a cache is
asked for (it is the optional `cache` extra).
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import math
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, TypeAlias, TypeVar

import httpx

from ._body import bounded
from ._cache_policy import DECODE, with_policy
from ._calls import is_api_call
from ._constants import DEFAULT_CACHE_TTL, MAX_BODY_BYTES
from .errors import CacheFileError, CacheWarning, InvalidArgumentError, InvalidArgumentTypeError
from .ratelimit import Limiter

if TYPE_CHECKING:
    import hishel

    from ._auth import Credentials
    from ._cache_store import Stores

__all__ = [
    "CacheFileError",
    "CacheOption",
    "CacheStatus",
    "CacheWarning",
    "HttpCache",
    "cache_status",
]

T = TypeVar("T")


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


@dataclass(frozen=True, slots=True)
class Answer:
    """What the answer of one call carried, kept on the result the call returned (the private
    `_answer` every generated model has, openapi/templates): with the result, not in a registry
    beside it, so threads and tasks each read their own and nothing outlives the result."""

    cache_status: CacheStatus


def cache_status(result: object) -> CacheStatus | None:
    """How the cache answered the call that returned `result`, or None if no cache was involved.

    Only a call's own result knows: the models inside it, and the bytes of `image_bytes`
    (which have no room for it), give None.

    >>> cache_status(tmdb.person_images(62)) is None  # this `tmdb` has no cache
    True
    >>> status = cache_status(cached.person_images(62))  # doctest: +SKIP
    >>> status.from_cache, status.network  # doctest: +SKIP
    (True, False)
    """
    answer = getattr(result, "_answer", None)
    return answer.cache_status if isinstance(answer, Answer) else None


def note_cache_status(result: T, answer: httpx.Response | httpx.RequestError) -> T:
    """`result`, remembering how the cache answered it (called by the clients on every call)."""
    caching = answer.extensions.get("caching") if isinstance(answer, httpx.Response) else None
    return result if caching is None else remember_status(result, _status(**caching))


def remember_status(result: T, status: CacheStatus) -> T:
    """`result`, carrying `status` for `cache_status` (bytes cannot: they get none)."""
    with contextlib.suppress(AttributeError):  # bytes
        result._answer = Answer(status)  # type: ignore[attr-defined]
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
    *,
    credentials: Credentials | None = None,
) -> tuple[Any, Any]:
    """`transport` with the cache `cache` asks for on top of it, and the hits' fast path
    (`_cache_hits`); `(transport, None)` for no cache.

    `client` is "Tmdb" or "AsyncTmdb": the transports here (like httpx's MockTransport) are
    both sync and async, so the mode must be said. The returned transport paces API requests
    that reach the network through `limiter` and `sleep`; the client must not pace them too.
    A stored body is served only if it decodes to at most `max_body_bytes`; an answer whose
    body holds the client's `credentials` (however spelled) is never stored.
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
    from ._cache_hits import AsyncHits
    from ._cache_hits_sync import SyncHits
    from ._cache_store import open_stores

    is_async = client == "AsyncTmdb"
    stores = open_stores(config.storage, client, hishel)
    if stores.health.broken:  # it failed at once (and said so): no cache at all
        return transport, None
    below = _ToNetwork(transport, limiter, sleep, config.ttl, credentials)
    # A private cache (RFC 9111 3.5): one user's, even when several processes share the file.
    options = hishel.CacheOptions(shared=False, supported_methods=["GET", "HEAD"])

    cached: Any = (
        AsyncCacheTransport(below, stores.storage, rfc=options)
        if is_async
        else CacheTransport(below, stores.storage, rfc=options)
    )
    hits = (AsyncHits if is_async else SyncHits)(
        stores.reader, options, max_body_bytes, stores.health
    )
    router = _Router(cached, below, transport, stores, max_body_bytes)
    return router, hits


class _ToNetwork(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """What the cache sends on to TMDB: paced by the rate limit, answers given the policy
    (`_cache_policy`); a 200's body is read here, to tell whether the method could use it."""

    def __init__(
        self,
        inner: httpx.BaseTransport | httpx.AsyncBaseTransport,
        limiter: Limiter | None,
        sleep: Callable[[float], Any],
        ttl: float,
        credentials: Credentials | None,
        clock: Callable[[], float] = time.time,  # hishel counts ages on this clock
    ) -> None:
        self._inner = inner
        self._limiter = limiter
        self._sleep = sleep
        self._ttl = ttl
        self._credentials = credentials
        self._clock = clock

    def _delay(self) -> float:
        return 0.0 if self._limiter is None else self._limiter.reserve()

    def _policy(
        self, request: httpx.Request, response: httpx.Response, requested: float, received: float
    ) -> httpx.Response:
        return with_policy(
            response,
            ttl=self._ttl,
            requested=requested,
            received=received,
            decode=request.extensions.get(DECODE),
            credentials=self._credentials,
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(self._inner, httpx.BaseTransport)
        if (delay := self._delay()) > 0:
            self._sleep(delay)
        requested = self._clock()
        response = self._inner.handle_request(request)
        received = self._clock()
        if response.status_code == 200:
            response.read()
        return self._policy(request, response, requested, received)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(self._inner, httpx.AsyncBaseTransport)
        if (delay := self._delay()) > 0:
            await self._sleep(delay)
        requested = self._clock()
        response = await self._inner.handle_async_request(request)
        received = self._clock()
        if response.status_code == 200:
            await response.aread()
        return self._policy(request, response, requested, received)


class _Router(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """API requests through the cache, anything else (image files) straight to `direct`;
    API requests straight to `below` (paced, as without a cache) once the cache failed.

    API requests are told by the mark the client put on them (`is_api_call`), not by their
    host: a proxy or the fake server may serve the image files from the API's own. The body
    is read here, inside `watching`: hishel stores it as it is read, and a failure then must
    turn the cache off and say the answer was not stored.
    """

    def __init__(
        self,
        cached: Any,
        below: _ToNetwork,
        direct: httpx.BaseTransport | httpx.AsyncBaseTransport,
        stores: Stores,
        max_body_bytes: int,
    ) -> None:
        self._cached = cached
        self._below = below
        self._direct = direct
        self._max_body_bytes = max_body_bytes
        self._owned = stores.owned
        self._health = stores.health
        from ._cache_store import is_storage_error, watching

        self._watching = watching
        self._is_storage_error = is_storage_error

    def _decoded(self, request: httpx.Request, response: httpx.Response) -> httpx.Response:
        """A stored answer still compressed (stored by an earlier version, or given a
        `Content-Encoding` by a 304) decoded within the body limit, as the network's are."""
        response.request = request
        if "content-encoding" not in response.headers:
            return response
        return bounded(request, response, 0.0, None, self._max_body_bytes)

    def _checked(self, response: httpx.Response) -> httpx.Response:
        """`response`, not said to be stored if the cache failed while storing it."""
        caching = response.extensions.get("caching")
        if self._health.broken and caching is not None and caching.get("stored"):
            response.extensions["caching"] = {**caching, "stored": False}
        return response

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not is_api_call(request):
            assert isinstance(self._direct, httpx.BaseTransport)
            return self._direct.handle_request(request)
        if not self._health.broken:
            try:
                with self._watching(self._health):
                    response = self._decoded(request, self._cached.handle_request(request))
                    response.read()
                return self._checked(response)
            except Exception as error:
                if not self._is_storage_error(error):
                    raise
                self._health.fail(error)
        return self._below.handle_request(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if not is_api_call(request):
            assert isinstance(self._direct, httpx.AsyncBaseTransport)
            return await self._direct.handle_async_request(request)
        if not self._health.broken:
            try:
                with self._watching(self._health):
                    response = self._decoded(
                        request, await self._cached.handle_async_request(request)
                    )
                    await response.aread()
                return self._checked(response)
            except Exception as error:
                if not self._is_storage_error(error):
                    raise
                self._health.fail(error)
        return await self._below.handle_async_request(request)

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
