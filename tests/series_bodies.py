"""TMDB answers for a whole made-up series, valid against the spec, for `fetch_series`.

The bundled data holds one season; a series of several needs answers for every season and
episode. These reuse the live recordings of Breaking Bad season 1 (its posters, credits,
aggregate credits and an episode's stills) under every season, with made-up episodes.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Sequence
from typing import Any

import httpx

from tests.helpers import live_body
from tmdb_facade import AsyncTmdb, Tmdb, WholeSeries, fetch_series, fetch_series_async

_SEASON = re.compile(r"/3/tv/(?P<series>\d+)(?:/season/(?P<season>\d+))?(?:/episode/(?P<e>\d+))?")


def _without_id(name: str) -> dict[str, Any]:
    body: dict[str, Any] = live_body(name)
    return {key: value for key, value in body.items() if key != "id"}


def episode(series_id: int, season: int, number: int) -> dict[str, Any]:
    return {
        "air_date": "2008-01-20",
        "episode_number": number,
        "episode_type": "standard",
        "id": series_id * 10_000 + season * 100 + number,
        "name": f"Episode {number}",
        "overview": "",
        "production_code": "",
        "runtime": 47,
        "season_number": season,
        "show_id": series_id,
        "still_path": f"/s{season}e{number}.jpg",
        "vote_average": 8.0,
        "vote_count": 10,
        "crew": [],
        "guest_stars": [],
    }


def season_summary(series_id: int, season: int, episodes: int) -> dict[str, Any]:
    return {
        "air_date": "2008-01-20",
        "episode_count": episodes,
        "id": series_id * 100 + season,
        "name": f"Season {season}",
        "overview": "",
        "poster_path": f"/s{season}.jpg",
        "season_number": season,
        "vote_average": 8.0,
    }


def series_details(series_id: int, episodes_per_season: Sequence[int]) -> dict[str, Any]:
    """Series details listing seasons 1, 2, ... with these numbers of episodes."""
    return {
        "adult": False,
        "backdrop_path": None,
        "created_by": [],
        "episode_run_time": [],
        "first_air_date": "2008-01-20",
        "genres": [],
        "homepage": "",
        "id": series_id,
        "in_production": False,
        "languages": ["en"],
        "last_air_date": "2013-09-29",
        "last_episode_to_air": None,
        "name": "A Series",
        "next_episode_to_air": None,
        "networks": [],
        "number_of_episodes": sum(episodes_per_season),
        "number_of_seasons": len(episodes_per_season),
        "origin_country": ["US"],
        "original_language": "en",
        "original_name": "A Series",
        "overview": "",
        "popularity": 1.0,
        "poster_path": None,
        "production_companies": [],
        "production_countries": [],
        "seasons": [
            season_summary(series_id, number, count)
            for number, count in enumerate(episodes_per_season, start=1)
        ],
        "spoken_languages": [],
        "status": "Ended",
        "tagline": "",
        "type": "Scripted",
        "vote_average": 8.9,
        "vote_count": 1000,
    }


def season_details(
    series_id: int, season: int, episodes: int, appended: Sequence[str]
) -> dict[str, Any]:
    """Season details with `episodes` episodes and what `append_to_response` asked for."""
    body: dict[str, Any] = {
        "_id": f"season-{series_id}-{season}",
        "air_date": "2008-01-20",
        "episodes": [episode(series_id, season, n) for n in range(1, episodes + 1)],
        "name": f"Season {season}",
        "overview": "",
        "id": series_id * 100 + season,
        "poster_path": f"/s{season}.jpg",
        "season_number": season,
        "vote_average": 8.0,
    }
    parts = {
        "images": lambda: _without_id("tv_1396_season_1_images"),
        "credits": lambda: _without_id("tv_1396_season_1_credits"),
        "aggregate_credits": lambda: _without_id("tv_1396_season_1_aggregate_credits"),
    }
    body.update((name, parts[name]()) for name in appended)
    return body


def episode_images(series_id: int, season: int, number: int) -> dict[str, Any]:
    body: dict[str, Any] = live_body("tv_1396_season_1_episode_1_images")
    return {**body, "id": series_id * 10_000 + season * 100 + number}


def series_handler(
    series_id: int, episodes_per_season: Sequence[int]
) -> Callable[[httpx.Request], httpx.Response]:
    """A MockTransport handler answering for the whole series like TMDB; 404 for the rest."""

    def handle(request: httpx.Request) -> httpx.Response:
        found = _SEASON.fullmatch(request.url.path.removesuffix("/images"))
        if found is None or int(found["series"]) != series_id:
            return httpx.Response(404, json={"status_code": 34, "status_message": "not found"})
        season, number = found["season"], found["e"]
        if season is None:
            return httpx.Response(200, json=series_details(series_id, episodes_per_season))
        if not 1 <= int(season) <= len(episodes_per_season):
            return httpx.Response(404, json={"status_code": 34, "status_message": "not found"})
        if number is not None:
            return httpx.Response(200, json=episode_images(series_id, int(season), int(number)))
        appended = request.url.params.get("append_to_response", "")
        episodes = episodes_per_season[int(season) - 1]
        body = season_details(
            series_id, int(season), episodes, [a for a in appended.split(",") if a]
        )
        return httpx.Response(200, json=body)

    return handle


Handler = Callable[[httpx.Request], httpx.Response]


def editing(handler: Handler, edit: Callable[[str, Any], Any]) -> Handler:
    """`handler`, each 200 answer's body passed through `edit(path, body)` (which may change
    it in place and return None, or return another body)."""

    def handle(request: httpx.Request) -> httpx.Response:
        response = handler(request)
        if response.status_code != 200:
            return response
        body = response.json()
        edited = edit(request.url.path, body)
        return httpx.Response(200, json=body if edited is None else edited)

    return handle


class Counting:
    """A MockTransport over `handler` that keeps every request it saw, and each body sent."""

    def __init__(self, handler: Handler) -> None:
        self.requests: list[httpx.Request] = []
        self.sent: dict[str, Any] = {}

        def record(request: httpx.Request) -> httpx.Response:
            self.requests.append(request)
            response = handler(request)
            if response.status_code == 200:
                self.sent[request.url.path] = response.json()
            return response

        self.transport = httpx.MockTransport(record)

    def paths(self) -> list[str]:
        return [r.url.path for r in self.requests]


def fetch(mode: str, transport: httpx.MockTransport, *args: Any, **options: Any) -> WholeSeries:
    """`fetch_series` ("sync") or `fetch_series_async` over `transport`; the options `cache`,
    `rate_limit`, `max_retries` and `strict` go to the client."""
    names = ("cache", "rate_limit", "max_retries", "strict")
    client_options = {key: options.pop(key) for key in names if key in options}
    if mode == "sync":
        with Tmdb("t", transport=transport, **client_options) as tmdb:
            return fetch_series(tmdb, *args, **options)

    async def run() -> WholeSeries:
        async with AsyncTmdb("t", transport=transport, **client_options) as tmdb:
            return await fetch_series_async(tmdb, *args, **options)

    return asyncio.run(run())
