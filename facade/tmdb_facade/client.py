"""`Tmdb` (sync) and `AsyncTmdb` (async): the two public clients.

Each method builds its request with `_calls`, and `_send` hands every answer to the shared
`_handle_answer`; the two classes differ only in the line that sends and the line that sleeps.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Self, TypeVar

import anyio
import httpx

from tmdb_api.models import (
    EpisodeImages,
    Image,
    PersonImages,
    SeasonAggregateCredits,
    SeasonCredits,
    SeasonImages,
)

from . import _calls
from ._auth import AsyncCredentialTransport, CredentialTransport
from ._base import (
    CONNECTION_LIMITS,
    DEFAULT_BASE_URL,
    DEFAULT_IMAGE_BASE_URL,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    BaseTmdb,
    RetryAfter,
    default_now,
    default_rand,
)
from ._calls import ApiCall, ImageLanguages
from .bulk import TaskMap, ThreadedMap
from .images import ImageKind, image_url
from .ratelimit import DEFAULT_RATE, Limiter
from .retry import RetryPolicy

__all__ = ["AsyncTmdb", "Tmdb"]

T = TypeVar("T")


class Tmdb(BaseTmdb, ThreadedMap):
    """Synchronous TMDB client.

    >>> with Tmdb() as tmdb:  # reads TMDB_ACCESS_TOKEN or TMDB_API_KEY  # doctest: +SKIP
    ...     credits = tmdb.season_credits(1396, 1)
    ...     credits.cast[0].character
    'Walter White'

    `access_token` is TMDB's v4 read access token (sent as a bearer token), `api_key` the v3
    key (sent as the `api_key` query parameter). `transport` replaces the network (an
    `httpx.MockTransport` in tests, a proxy...); `sleep`, `now` and `rand` replace the clock
    and randomness used between retries.
    """

    def __init__(
        self,
        access_token: str | None = None,
        *,
        api_key: str | None = None,
        base_url: str = DEFAULT_BASE_URL,
        image_base_url: str = DEFAULT_IMAGE_BASE_URL,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_policy: RetryPolicy | None = None,
        rate_limit: float | Limiter | None = DEFAULT_RATE,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        now: Callable[[], float] = default_now,
        rand: Callable[[], float] = default_rand,
    ) -> None:
        super().__init__(
            access_token,
            api_key=api_key,
            base_url=base_url,
            image_base_url=image_base_url,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            rate_limit=rate_limit,
            now=now,
            rand=rand,
        )
        inner = transport or httpx.HTTPTransport(limits=CONNECTION_LIMITS)
        self._http = httpx.Client(
            transport=CredentialTransport(inner, self._credentials, self.base_url),
            **self._client_options(),
        )
        self._sleep = sleep

    def _send(self, call: ApiCall[T]) -> T:
        request = self._http.build_request(call.method, call.url, params=call.params)
        retries_done, delay = 0, self._pace(call)
        while True:
            if delay > 0:
                self._sleep(delay)
            answer: httpx.Response | httpx.RequestError
            try:
                answer = self._http.send(request)
            except httpx.RequestError as error:
                answer = error
            outcome = self._handle_answer(call, request, answer, retries_done)
            if not isinstance(outcome, RetryAfter):
                return outcome
            retries_done, delay = retries_done + 1, outcome.delay

    def image_bytes(
        self, image: Image | str, size: str = "original", *, kind: ImageKind | None = None
    ) -> bytes:
        """The file of an image at `size`: `tmdb.image_bytes(poster, "w500", kind="poster")`."""
        url = image_url(image, size, kind=kind, base_url=self.image_base_url)
        return self._send(_calls.image(url))

    def close(self) -> None:
        """Close the connection pool. The client cannot be used afterwards."""
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def season_images(
        self,
        series_id: int,
        season_number: int,
        *,
        language: str | None = None,
        include_image_language: ImageLanguages | None = None,
    ) -> SeasonImages:
        """The posters of a season: `tmdb.season_images(1396, 1, language="en")`.

        `include_image_language=["en", None]` adds English and text-free posters.
        """
        return self._send(
            _calls.season_images(
                series_id,
                season_number,
                language=language,
                include_image_language=include_image_language,
            )
        )

    def episode_images(
        self,
        series_id: int,
        season_number: int,
        episode_number: int,
        *,
        language: str | None = None,
        include_image_language: ImageLanguages | None = None,
    ) -> EpisodeImages:
        """The stills of an episode: `tmdb.episode_images(1396, 1, 1)`."""
        return self._send(
            _calls.episode_images(
                series_id,
                season_number,
                episode_number,
                language=language,
                include_image_language=include_image_language,
            )
        )

    def person_images(self, person_id: int) -> PersonImages:
        """The profile pictures of a person: `tmdb.person_images(62)`."""
        return self._send(_calls.person_images(person_id))

    def season_credits(
        self, series_id: int, season_number: int, *, language: str | None = None
    ) -> SeasonCredits:
        """Cast and crew of a season's latest episode: `tmdb.season_credits(1396, 1)`."""
        return self._send(_calls.season_credits(series_id, season_number, language=language))

    def season_aggregate_credits(
        self, series_id: int, season_number: int, *, language: str | None = None
    ) -> SeasonAggregateCredits:
        """Cast and crew of every episode of a season: `tmdb.season_aggregate_credits(1396, 1)`."""
        return self._send(
            _calls.season_aggregate_credits(series_id, season_number, language=language)
        )


class AsyncTmdb(BaseTmdb, TaskMap):
    """Asynchronous TMDB client; the same methods as `Tmdb`, awaited.

    >>> async with AsyncTmdb() as tmdb:  # doctest: +SKIP
    ...     images = await tmdb.person_images(62)

    At most 20 connections are open at once (TMDB's limit per address).
    """

    def __init__(
        self,
        access_token: str | None = None,
        *,
        api_key: str | None = None,
        base_url: str = DEFAULT_BASE_URL,
        image_base_url: str = DEFAULT_IMAGE_BASE_URL,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_policy: RetryPolicy | None = None,
        rate_limit: float | Limiter | None = DEFAULT_RATE,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
        now: Callable[[], float] = default_now,
        rand: Callable[[], float] = default_rand,
    ) -> None:
        super().__init__(
            access_token,
            api_key=api_key,
            base_url=base_url,
            image_base_url=image_base_url,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            rate_limit=rate_limit,
            now=now,
            rand=rand,
        )
        inner = transport or httpx.AsyncHTTPTransport(limits=CONNECTION_LIMITS)
        self._http = httpx.AsyncClient(
            transport=AsyncCredentialTransport(inner, self._credentials, self.base_url),
            **self._client_options(),
        )
        self._sleep = sleep

    async def _send(self, call: ApiCall[T]) -> T:
        request = self._http.build_request(call.method, call.url, params=call.params)
        retries_done, delay = 0, self._pace(call)
        while True:
            if delay > 0:
                await self._sleep(delay)
            answer: httpx.Response | httpx.RequestError
            try:
                answer = await self._http.send(request)
            except httpx.RequestError as error:
                answer = error
            outcome = self._handle_answer(call, request, answer, retries_done)
            if not isinstance(outcome, RetryAfter):
                return outcome
            retries_done, delay = retries_done + 1, outcome.delay

    async def image_bytes(
        self, image: Image | str, size: str = "original", *, kind: ImageKind | None = None
    ) -> bytes:
        """The file of an image: `await tmdb.image_bytes(poster, "w500", kind="poster")`."""
        url = image_url(image, size, kind=kind, base_url=self.image_base_url)
        return await self._send(_calls.image(url))

    async def close(self) -> None:
        """Close the connection pool. The client cannot be used afterwards."""
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def season_images(
        self,
        series_id: int,
        season_number: int,
        *,
        language: str | None = None,
        include_image_language: ImageLanguages | None = None,
    ) -> SeasonImages:
        """The posters of a season: `await tmdb.season_images(1396, 1, language="en")`."""
        return await self._send(
            _calls.season_images(
                series_id,
                season_number,
                language=language,
                include_image_language=include_image_language,
            )
        )

    async def episode_images(
        self,
        series_id: int,
        season_number: int,
        episode_number: int,
        *,
        language: str | None = None,
        include_image_language: ImageLanguages | None = None,
    ) -> EpisodeImages:
        """The stills of an episode: `await tmdb.episode_images(1396, 1, 1)`."""
        return await self._send(
            _calls.episode_images(
                series_id,
                season_number,
                episode_number,
                language=language,
                include_image_language=include_image_language,
            )
        )

    async def person_images(self, person_id: int) -> PersonImages:
        """The profile pictures of a person: `await tmdb.person_images(62)`."""
        return await self._send(_calls.person_images(person_id))

    async def season_credits(
        self, series_id: int, season_number: int, *, language: str | None = None
    ) -> SeasonCredits:
        """Cast and crew of a season's latest episode: `await tmdb.season_credits(1396, 1)`."""
        return await self._send(_calls.season_credits(series_id, season_number, language=language))

    async def season_aggregate_credits(
        self, series_id: int, season_number: int, *, language: str | None = None
    ) -> SeasonAggregateCredits:
        """Cast and crew of every episode: `await tmdb.season_aggregate_credits(1396, 1)`."""
        return await self._send(
            _calls.season_aggregate_credits(series_id, season_number, language=language)
        )
