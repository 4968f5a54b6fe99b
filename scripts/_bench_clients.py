"""Every client the benchmark compares, behind one small interface, all fetching the same call.

Each fetches `CREDITS_PATH` with the v3 API key and reads the JSON (the peers and the facade
into their typed models, the raw clients with `.json()`). The peers are pointed at the fake
server only by setting their base URL and API key: tmdbsimple's `base_uri` (an instance
attribute set in `TMDB.__init__`) and `API_KEY`, themoviedb's `ClientConfig.host` (it has no
public setting for the host) and `api_key`. Nothing else of theirs is changed.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Callable
from typing import Any

import aiohttp
import httpx
import requests
import tmdbsimple
from _bench_util import API_KEY, CREDITS_PATH, SEASON, SERIES
from themoviedb.aiotmdb import aioTMDb
from themoviedb.tmdb import TMDb

from tmdb_facade import AsyncTmdb, Tmdb, TmdbError
from tmdb_facade._base import CONNECTION_LIMITS

PARAMS = {"api_key": API_KEY}
LIMITS = httpx.Limits(max_connections=20, max_keepalive_connections=20)


class SyncClient:
    """One call at a time (`call`); `bulk` runs many on threads sharing the client."""

    def call(self) -> object:
        raise NotImplementedError

    def bulk(self, n: int, concurrency: int) -> int:
        """Make `n` calls, `concurrency` at a time; the number that raised."""
        with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
            futures = [pool.submit(self.call) for _ in range(n)]
            return sum(future.exception() is not None for future in futures)

    def close(self) -> None:
        pass


class AsyncClient:
    """The same for asyncio: `abulk` runs many calls as tasks, `concurrency` at a time."""

    async def call(self) -> object:
        raise NotImplementedError

    async def bulk(self, n: int, concurrency: int) -> int:
        slots = asyncio.Semaphore(concurrency)

        async def one() -> object:
            async with slots:
                return await self.call()

        results = await asyncio.gather(*(one() for _ in range(n)), return_exceptions=True)
        return sum(isinstance(result, BaseException) for result in results)

    async def close(self) -> None:
        pass


# -- raw HTTP clients ------------------------------------------------------------------------


class HttpxSync(SyncClient):
    def __init__(self, url: str, rate_limited: bool) -> None:
        self.client = httpx.Client(base_url=url, limits=LIMITS)

    def call(self) -> object:
        response = self.client.get(CREDITS_PATH, params=PARAMS)
        response.raise_for_status()
        return response.json()

    def close(self) -> None:
        self.client.close()


class HttpxAsync(AsyncClient):
    def __init__(self, url: str, rate_limited: bool) -> None:
        self.client = httpx.AsyncClient(base_url=url, limits=LIMITS)

    async def call(self) -> object:
        response = await self.client.get(CREDITS_PATH, params=PARAMS)
        response.raise_for_status()
        return response.json()

    async def close(self) -> None:
        await self.client.aclose()


class Aiohttp(AsyncClient):
    def __init__(self, url: str, rate_limited: bool) -> None:
        self.session = aiohttp.ClientSession(url, connector=aiohttp.TCPConnector(limit=20))

    async def call(self) -> object:
        async with self.session.get(CREDITS_PATH, params=PARAMS) as response:
            response.raise_for_status()
            return await response.json()

    async def close(self) -> None:
        await self.session.close()


# -- the facade ------------------------------------------------------------------------------


class Facade(SyncClient):
    """`Tmdb`; bulk work through its own `map`. `rate_limited=False` switches the limiter off."""

    def __init__(self, url: str, rate_limited: bool) -> None:
        options: dict[str, Any] = {} if rate_limited else {"rate_limit": None}
        self.client = Tmdb(api_key=API_KEY, base_url=url, **options)

    def call(self) -> object:
        return self.client.season_credits(SERIES, SEASON)

    def bulk(self, n: int, concurrency: int) -> int:
        client = self.client
        results = client.map(
            client.season_credits,
            [(SERIES, SEASON)] * n,
            concurrency=concurrency,
            return_exceptions=True,
        )
        return sum(isinstance(result, TmdbError) for result in results)

    def close(self) -> None:
        self.client.close()


def _async_transport(name: str | None) -> httpx.AsyncBaseTransport | None:
    if name == "httpcore":
        return httpx.AsyncHTTPTransport(limits=CONNECTION_LIMITS)
    if name == "httpx-aiohttp":
        from httpx_aiohttp import AiohttpTransport

        return AiohttpTransport(limits=CONNECTION_LIMITS)
    return None


class FacadeAsync(AsyncClient):
    """`AsyncTmdb` with its default transport, or with the one named."""

    transport: str | None = None

    def __init__(self, url: str, rate_limited: bool) -> None:
        options: dict[str, Any] = {} if rate_limited else {"rate_limit": None}
        transport = _async_transport(self.transport)
        if transport is not None:
            options["transport"] = transport
        self.client = AsyncTmdb(api_key=API_KEY, base_url=url, **options)

    async def call(self) -> object:
        return await self.client.season_credits(SERIES, SEASON)

    async def bulk(self, n: int, concurrency: int) -> int:
        client = self.client
        results = await client.map(
            client.season_credits,
            [(SERIES, SEASON)] * n,
            concurrency=concurrency,
            return_exceptions=True,
        )
        return sum(isinstance(result, TmdbError) for result in results)

    async def close(self) -> None:
        await self.client.close()


class FacadeAsyncHttpcore(FacadeAsync):
    transport = "httpcore"


class FacadeAsyncHttpxAiohttp(FacadeAsync):
    transport = "httpx-aiohttp"


# -- the peers -------------------------------------------------------------------------------


class TmdbSimple(SyncClient):
    """tmdbsimple with a pooled `requests.Session` (it still sends `Connection: close`)."""

    def __init__(self, url: str, rate_limited: bool) -> None:
        self.base_uri = f"{url}/3"
        tmdbsimple.API_KEY = API_KEY
        tmdbsimple.REQUESTS_SESSION = self.session = requests.Session()

    def call(self) -> object:
        season = tmdbsimple.TV_Seasons(SERIES, SEASON)
        season.base_uri = self.base_uri
        return season.credits()

    def close(self) -> None:
        self.session.close()
        tmdbsimple.REQUESTS_SESSION = None


class TheMovieDb(SyncClient):
    """themoviedb's sync client as documented first: a new `requests.Session` per call."""

    keep_session = False

    def __init__(self, url: str, rate_limited: bool) -> None:
        self.client = TMDb(api_key=API_KEY)
        self.client._config.host = url
        if self.keep_session:
            self.client.__enter__()

    def call(self) -> object:
        return self.client.season(SERIES, SEASON).credits()

    def close(self) -> None:
        self.client.close()


class TheMovieDbSession(TheMovieDb):
    """themoviedb used as a context manager: one `requests.Session`, connections reused."""

    keep_session = True


class TheMovieDbAsync(AsyncClient):
    """themoviedb's aiohttp client, used as a context manager (one `ClientSession`)."""

    def __init__(self, url: str, rate_limited: bool) -> None:
        self.client = aioTMDb(api_key=API_KEY)
        self.client._config.host = url
        self.opened = False

    async def call(self) -> object:
        if not self.opened:  # the session must be made inside the running event loop
            await self.client.__aenter__()
            self.opened = True
        return await self.client.season(SERIES, SEASON).credits()

    async def close(self) -> None:
        await self.client.aclose()


SyncFactory = Callable[[str, bool], SyncClient]
AsyncFactory = Callable[[str, bool], AsyncClient]

SYNC: dict[str, SyncFactory] = {
    "httpx.Client": HttpxSync,
    "tmdb_facade.Tmdb": Facade,
    "tmdbsimple": TmdbSimple,
    "themoviedb": TheMovieDb,
    "themoviedb (session)": TheMovieDbSession,
}
ASYNC: dict[str, AsyncFactory] = {
    "httpx.AsyncClient": HttpxAsync,
    "aiohttp": Aiohttp,
    "tmdb_facade.AsyncTmdb": FacadeAsync,
    "AsyncTmdb + httpcore": FacadeAsyncHttpcore,
    "AsyncTmdb + httpx-aiohttp": FacadeAsyncHttpxAiohttp,
    "themoviedb async": TheMovieDbAsync,
}
PEERS = {"tmdbsimple", "themoviedb", "themoviedb (session)", "themoviedb async"}
