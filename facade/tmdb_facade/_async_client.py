"""`AsyncTmdb`, the asynchronous client; `scripts/unasync` writes `Tmdb` from it.

Each API method is one line: the generated `ENDPOINT` of its operation and the arguments.
`_request` checks them and builds the request (`_calls`), `_send` sends it and hands every
answer to the shared `_handle_answer` (`_base`), which decides what happens next.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from functools import partial
from types import TracebackType
from typing import Concatenate, Generic, ParamSpec, Self, TypeVar, Unpack, cast

import anyio
import httpx

from tmdb_facade._generated.api.configuration import configuration_details
from tmdb_facade._generated.api.people import person_images
from tmdb_facade._generated.api.tv_episodes import tv_episode_images
from tmdb_facade._generated.api.tv_seasons import (
    tv_season_aggregate_credits,
    tv_season_credits,
    tv_season_details,
    tv_season_images,
)
from tmdb_facade._generated.api.tv_series import tv_series_details
from tmdb_facade._generated.models import (
    Configuration,
    EpisodeImages,
    Image,
    PersonImages,
    SeasonAggregateCredits,
    SeasonCredits,
    SeasonDetails,
    SeasonImages,
    SeriesDetails,
)
from tmdb_facade._generated.types import Endpoint

from . import _calls
from ._base import CONNECTION_LIMITS, BaseTmdb, RetryAfter, default_now, default_rand
from ._cache import HIT, CacheOption, note_cache_status, remember_status, with_cache
from ._calls import ApiCall, Appendix, ImageLanguages, api_call
from ._constants import DEFAULT_MAX_RETRIES, DEFAULT_RATE, DEFAULT_TIMEOUT, MAX_BODY_BYTES
from ._exchange import exchange_async
from ._map_async import TaskMap
from ._network import check_http_client
from ._options import CallOptions, RawResponse
from ._transport import ClientTransport, network
from .errors import TmdbError
from .images import ImageKind, image_url
from .ratelimit import Limiter
from .retry import RetryPolicy

__all__ = ["AsyncRawResponses", "AsyncTmdb"]

T = TypeVar("T")
P = ParamSpec("P")


class AsyncTmdb(BaseTmdb, TaskMap):
    """Asynchronous TMDB client.

    >>> async with AsyncTmdb() as tmdb:  # reads TMDB_ACCESS_TOKEN or TMDB_API_KEY  # doctest: +SKIP
    ...     credits = await tmdb.season_credits(1396, 1)
    ...     credits.cast[0].character
    'Walter White'

    `access_token` is TMDB's v4 read access token (sent as a bearer token), `api_key` the v3
    key (sent as the `api_key` query parameter). `strict=True` (or TMDB_STRICT=1) makes any
    departure of an answer from the spec a `ResponseValidationError`; by default the answer is
    kept as sent, its departures listed in `spec_deviations` and warned about once
    (`SpecDeviationWarning`). `base_url` and `image_base_url` default to
    TMDB_BASE_URL and TMDB_IMAGE_BASE_URL, else TMDB's own. `transport` replaces the network
    (an `httpx.MockTransport` in tests, a proxy...); `sleep`, `now` and `rand` replace the
    clock and randomness used between retries. At most 20 connections are open at once
    (TMDB's limit per address). `cache=True` keeps TMDB's answers in an HTTP cache (a path,
    a hishel storage or an `HttpCache` for another place; `cache_status(result)` tells how a
    result was served).

    Networks: `proxy="http://user:password@proxy:3128"` sends every request through that
    proxy (https ones through a CONNECT tunnel: the proxy sees the host, never the
    credential; a plain-http base_url's requests, credential included, go to the proxy as
    they would to the server). By default (`trust_env=True`) HTTPS_PROXY, HTTP_PROXY,
    ALL_PROXY, NO_PROXY, SSL_CERT_FILE and SSL_CERT_DIR are honoured, read once here;
    `trust_env=False` ignores them (no proxy, certifi's certificates).

    `http_client=` takes your own `httpx.AsyncClient` as the network: each request goes
    out through its `send`, so its transport and mounts (proxies, certificates, connection
    pool), its event hooks and its logging apply (a request hook sees API requests with the
    credential on). Not used: its base_url, headers, params, cookies, auth, timeout and
    redirects (the library's own apply: it never follows a redirect). The library still adds
    the credential (API operations only, never image files), pacing, retries, the body's
    limits and deadline, and the cache; it never closes your client. (`Tmdb` over your client:
    its sockets are not bound by the attempt's deadline, only by `timeout=` per operation, so
    the deadline covers the body alone; `AsyncTmdb` cancels the whole attempt, as always.)

    Every method takes `timeout=`, `max_retries=`, `extra_query=` and `extra_headers=` for
    that call only; `with_options(...)` makes a client with other defaults that shares this
    one's connections, cache and rate limiter; `with_raw_response.<method>(...)` gives the
    answer's status, headers and bytes (`RawResponse`), `.parse()` the model.
    """

    def __init__(
        self,
        access_token: str | None = None,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        image_base_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_policy: RetryPolicy | None = None,
        rate_limit: float | Limiter | None = DEFAULT_RATE,
        strict: bool | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
        now: Callable[[], float] = default_now,
        rand: Callable[[], float] = default_rand,
        cache: CacheOption = None,
        proxy: str | httpx.URL | None = None,
        trust_env: bool = True,
        http_client: httpx.AsyncClient | None = None,
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
            strict=strict,
            now=now,
            rand=rand,
            proxy=proxy,
            trust_env=trust_env,
        )
        own = check_http_client(http_client, httpx.AsyncClient, transport=transport, proxy=proxy)
        api = ClientTransport(
            transport
            or own
            or (lambda: network(httpx.AsyncHTTPTransport, CONNECTION_LIMITS, self._network)),
            self._credentials,
            body_seconds=self.timeout.read,
            max_body_bytes=MAX_BODY_BYTES,
        )
        cached, self._hits = with_cache(
            "AsyncTmdb",
            cache,
            api,
            self.rate_limiter,
            sleep,
            MAX_BODY_BYTES,
            credentials=self._credentials,
        )
        self._paced_below_cache = cached is not api  # hits must not spend the rate limit
        self._http = httpx.AsyncClient(transport=cached, **self._client_options())
        self._transport = cached
        self._sleep = sleep

    async def _send(self, call: ApiCall[T]) -> T:
        # A raw answer needs the stored headers: it goes through httpx (and the cache there).
        if self._hits is not None and not self._raw:  # a fresh answer: no httpx, no network
            stored = await self._hits.get(call, self._http)
            if stored is not None:
                return remember_status(self._parse(call, call.method, call.url, stored), HIT)
        request = self._build_request(self._http, call)
        sent, delay = 0, self._pace(request)
        try:
            while True:
                if delay > 0:
                    await self._sleep(delay)
                self._check_open(self._http)
                sent += 1
                answer: httpx.Response | httpx.RequestError
                try:
                    answer = await exchange_async(self._transport, request)
                except httpx.RequestError as error:
                    answer = error
                outcome = self._handle_answer(call, request, answer, sent - 1)
                if not isinstance(outcome, RetryAfter):
                    return note_cache_status(outcome, answer)
                delay = outcome.delay
        except TmdbError as error:
            error.attempts = sent  # what every error of a call tells
            raise

    async def _request(
        self,
        endpoint: Endpoint[T],
        *path_arguments: object,
        options: Mapping[str, object],
        **query: object,
    ) -> T:
        return await self._send(api_call(endpoint, path_arguments, query, options))

    @property
    def with_raw_response(self) -> AsyncRawResponses:
        """The same methods, giving the answer as sent: `RawResponse` (status, headers, bytes,
        attempts), `.parse()` the model: `tmdb.with_raw_response.season_credits(1396, 1)`."""
        return AsyncRawResponses(self)

    async def close(self) -> None:
        """Close the connection pool. The client cannot be used afterwards, nor any
        `with_options` copy of it; closing a copy leaves the pool open (it is this one's)."""
        if self._owns_pool:
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

    async def image_bytes(
        self,
        image: Image | str,
        size: str = "original",
        *,
        kind: ImageKind | None = None,
        **options: Unpack[CallOptions],
    ) -> bytes:
        """The file of an image at `size`: `tmdb.image_bytes(poster, "w500", kind="poster")`."""
        url = image_url(image, size, kind=kind, base_url=self.image_base_url)
        return await self._send(_calls.image(url, options))

    # -- one method per operation of the spec ---------------------------------------------

    async def season_images(
        self,
        series_id: int,
        season_number: int,
        *,
        language: str | None = None,
        include_image_language: ImageLanguages | None = None,
        **options: Unpack[CallOptions],
    ) -> SeasonImages:
        """The posters of a season: `tmdb.season_images(1396, 1, language="en")`.

        `include_image_language=["en", None]` adds English and text-free posters.
        """
        return await self._request(
            tv_season_images.ENDPOINT,
            series_id,
            season_number,
            language=language,
            include_image_language=include_image_language,
            options=options,
        )

    async def episode_images(
        self,
        series_id: int,
        season_number: int,
        episode_number: int,
        *,
        language: str | None = None,
        include_image_language: ImageLanguages | None = None,
        **options: Unpack[CallOptions],
    ) -> EpisodeImages:
        """The stills of an episode: `tmdb.episode_images(1396, 1, 1)`."""
        return await self._request(
            tv_episode_images.ENDPOINT,
            series_id,
            season_number,
            episode_number,
            language=language,
            include_image_language=include_image_language,
            options=options,
        )

    async def person_images(self, person_id: int, **options: Unpack[CallOptions]) -> PersonImages:
        """The profile pictures of a person: `tmdb.person_images(62)`."""
        return await self._request(person_images.ENDPOINT, person_id, options=options)

    async def season_credits(
        self,
        series_id: int,
        season_number: int,
        *,
        language: str | None = None,
        **options: Unpack[CallOptions],
    ) -> SeasonCredits:
        """Cast and crew of a season's latest episode: `tmdb.season_credits(1396, 1)`."""
        return await self._request(
            tv_season_credits.ENDPOINT, series_id, season_number, language=language, options=options
        )

    async def season_aggregate_credits(
        self,
        series_id: int,
        season_number: int,
        *,
        language: str | None = None,
        **options: Unpack[CallOptions],
    ) -> SeasonAggregateCredits:
        """Cast and crew of every episode of a season: `tmdb.season_aggregate_credits(1396, 1)`."""
        return await self._request(
            tv_season_aggregate_credits.ENDPOINT,
            series_id,
            season_number,
            language=language,
            options=options,
        )

    async def image_config(self, **options: Unpack[CallOptions]) -> Configuration:
        """The image server's base URL and sizes: `tmdb.image_config().images.poster_sizes`."""
        return await self._request(configuration_details.ENDPOINT, options=options)

    async def series_details(
        self, series_id: int, *, language: str | None = None, **options: Unpack[CallOptions]
    ) -> SeriesDetails:
        """A TV series and its seasons: `tmdb.series_details(1396).number_of_seasons`."""
        return await self._request(
            tv_series_details.ENDPOINT, series_id, language=language, options=options
        )

    async def season_details(
        self,
        series_id: int,
        season_number: int,
        *,
        language: str | None = None,
        append_to_response: Sequence[Appendix] | None = None,
        include_image_language: ImageLanguages | None = None,
        **options: Unpack[CallOptions],
    ) -> SeasonDetails:
        """A season and its episodes: `tmdb.season_details(1396, 1).episodes[0].name`.

        `append_to_response=["images", "credits", "aggregate_credits"]` brings the season's
        posters, credits and aggregate credits in the same request (`.images`, `.credits_`,
        `.aggregate_credits`); `include_image_language` filters the posters.
        """
        return await self._request(
            tv_season_details.ENDPOINT,
            series_id,
            season_number,
            language=language,
            append_to_response=append_to_response,
            include_image_language=include_image_language,
            options=options,
        )


class AsyncRawMethod(Generic[P, T]):
    """A method of `AsyncTmdb` as `with_raw_response` has it: same arguments, giving a
    `RawResponse` of what the method returns (mypy sees both through `P` and `T`)."""

    def __init__(self, method: Callable[Concatenate[AsyncTmdb, P], Awaitable[T]]) -> None:
        self._method = method

    def __get__(
        self, accessor: AsyncRawResponses, owner: object = None
    ) -> Callable[P, Awaitable[RawResponse[T]]]:
        # The twin's `_send` gives `RawResponse`s where the method's type says models.
        return cast("Callable[P, Awaitable[RawResponse[T]]]", partial(self._method, accessor._twin))


class AsyncRawResponses:
    """`AsyncTmdb.with_raw_response`: each method of the client, giving a `RawResponse`."""

    def __init__(self, client: AsyncTmdb) -> None:
        self._twin = client._raw_twin()

    image_bytes = AsyncRawMethod(AsyncTmdb.image_bytes)
    season_images = AsyncRawMethod(AsyncTmdb.season_images)
    episode_images = AsyncRawMethod(AsyncTmdb.episode_images)
    person_images = AsyncRawMethod(AsyncTmdb.person_images)
    season_credits = AsyncRawMethod(AsyncTmdb.season_credits)
    season_aggregate_credits = AsyncRawMethod(AsyncTmdb.season_aggregate_credits)
    image_config = AsyncRawMethod(AsyncTmdb.image_config)
    series_details = AsyncRawMethod(AsyncTmdb.series_details)
    season_details = AsyncRawMethod(AsyncTmdb.season_details)
