"""`fetch_series`: a whole series in 1 + seasons + episodes requests, sync and async alike."""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.series_bodies import Counting, fetch, series_handler
from tmdb_facade import (
    AsyncTmdb,
    InvalidArgumentError,
    InvalidArgumentTypeError,
    NotFoundError,
    ResponseValidationError,
    Tmdb,
    WholeSeries,
    cache_status,
    fetch_series,
    fetch_series_async,
)
from tmdb_facade.testing import FakeTmdb

SERIES = 1396
FIVE_BY_THIRTEEN = [13] * 5


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_a_whole_series_takes_one_request_per_series_season_and_episode(mode: str) -> None:
    counting = Counting(series_handler(SERIES, FIVE_BY_THIRTEEN))
    series = fetch(mode, counting.transport, SERIES, rate_limit=None)

    assert len(counting.requests) == 1 + 5 + 5 * 13
    kinds = Counter(path.count("/") for path in counting.paths())
    assert kinds == {3: 1, 5: 5, 8: 65}  # /3/tv/1396, .../season/N, .../episode/E/images
    seasons = [r for r in counting.requests if r.url.path.count("/") == 5]
    assert {r.url.params["append_to_response"] for r in seasons} == {
        "images,credits,aggregate_credits"
    }

    assert [s.season_number for s in series.seasons] == [1, 2, 3, 4, 5]
    first = series.seasons[0]
    assert len(first.posters) == 54
    assert first.credits.cast[0].character == "Walter White"
    assert first.aggregate_credits.cast[0].name == "Bryan Cranston"
    assert list(first.stills) == list(range(1, 14))
    assert all(len(stills) == 6 for season in series.seasons for stills in season.stills.values())
    assert series.details.number_of_episodes == 65


def test_stills_false_takes_one_request_per_season(mode: str) -> None:
    counting = Counting(series_handler(SERIES, FIVE_BY_THIRTEEN))
    series = fetch(mode, counting.transport, SERIES, stills=False, rate_limit=None)
    assert len(counting.requests) == 1 + 5
    assert all(season.stills == {} and season.posters for season in series.seasons)


def test_some_seasons_in_the_series_order(mode: str) -> None:
    counting = Counting(series_handler(SERIES, [2, 3, 4]))
    series = fetch(mode, counting.transport, SERIES, seasons=[3, 1], rate_limit=None)
    assert [(s.season_number, list(s.stills)) for s in series.seasons] == [
        (1, [1, 2]),
        (3, [1, 2, 3, 4]),
    ]
    assert len(counting.requests) == 1 + 2 + 6


def test_language_and_image_languages_reach_every_request(mode: str) -> None:
    counting = Counting(series_handler(SERIES, [2]))
    fetch(mode, counting.transport, SERIES, language="de", include_image_language=["de", None])
    assert all(r.url.params["language"] == "de" for r in counting.requests)
    assert [r.url.params.get("include_image_language") for r in counting.requests] == [
        None,
        "de,null",
        "de,null",
        "de,null",
    ]


def test_progress_counts_every_request_against_a_growing_total(mode: str) -> None:
    seen: list[tuple[int, int]] = []
    counting = Counting(series_handler(SERIES, [2, 1]))
    fetch(mode, counting.transport, SERIES, progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (1, 3)
    assert seen[-1] == (6, 6)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert {t for _, t in seen} == {3, 6}


def test_a_season_not_in_the_series_is_named_after_one_request(mode: str) -> None:
    counting = Counting(series_handler(SERIES, [2, 2]))
    with pytest.raises(InvalidArgumentError, match="has no season 7, 9; its seasons: 1, 2"):
        fetch(mode, counting.transport, SERIES, seasons=[1, 7, 9])
    assert counting.paths() == ["/3/tv/1396"]


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        ({"series_id": "1396"}, InvalidArgumentTypeError, "series_id must be an int"),
        ({"seasons": "12"}, InvalidArgumentTypeError, "seasons must be a collection"),
        ({"seasons": [1, "2"]}, InvalidArgumentTypeError, "seasons must hold ints"),
        ({"seasons": [-1]}, InvalidArgumentError, "season numbers are 0 or more"),
        ({"stills": 1}, InvalidArgumentTypeError, "stills must be a bool"),
        ({"concurrency": 0}, InvalidArgumentError, "concurrency must be an int >= 1"),
        ({"language": "german"}, InvalidArgumentError, "language must look like"),
        ({"include_image_language": "en"}, InvalidArgumentTypeError, "must be a list"),
        ({"series_id": 0}, InvalidArgumentError, "series_id must be between"),
        ({"max_requests": 0}, InvalidArgumentError, "max_requests must be 1 or more"),
        ({"max_requests": 9.0}, InvalidArgumentTypeError, "max_requests must be an int or"),
        ({"return_exceptions": 1}, InvalidArgumentTypeError, "return_exceptions must be a bool"),
    ],
)
def test_bad_arguments_are_refused_before_any_request(
    mode: str, arguments: dict[str, Any], error: type[Exception], message: str
) -> None:
    counting = Counting(series_handler(SERIES, [1]))
    arguments = dict(arguments)  # shared by the sync and the async run
    series_id = arguments.pop("series_id", SERIES)
    with pytest.raises(error, match=message):
        fetch(mode, counting.transport, series_id, **arguments)
    assert counting.requests == []


def test_a_season_gone_missing_raises_not_found(mode: str) -> None:
    handler = series_handler(SERIES, [1, 1])

    def second_season_gone(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/3/tv/1396/season/2":
            return httpx.Response(404, json={"status_code": 34, "status_message": "gone"})
        return handler(request)

    with pytest.raises(NotFoundError):
        fetch(mode, Counting(second_season_gone).transport, SERIES, max_retries=0)


def test_season_details_without_the_appended_parts_is_a_validation_error(mode: str) -> None:
    handler = series_handler(SERIES, [1])

    def ignores_append(request: httpx.Request) -> httpx.Response:
        plain = request.url.copy_remove_param("append_to_response")
        return handler(httpx.Request(request.method, plain))

    with pytest.raises(ResponseValidationError, match="lack `images`") as raised:
        fetch(mode, Counting(ignores_append).transport, SERIES, stills=False)
    assert raised.value.json_path == "$.images"


def test_a_second_fetch_through_a_cache_sends_nothing(mode: str, tmp_path: Path) -> None:
    counting = Counting(series_handler(SERIES, [3, 3]))
    first = fetch(mode, counting.transport, SERIES, cache=tmp_path / "c.sqlite")
    again = fetch(mode, counting.transport, SERIES, cache=tmp_path / "c.sqlite")
    assert len(counting.requests) == 1 + 2 + 6
    assert again.seasons[1].details.to_dict() == first.seasons[1].details.to_dict()
    status = cache_status(again.seasons[1].details)
    assert status is not None
    assert status.from_cache


def test_breaking_bad_season_one_from_the_fake_server_then_from_the_cache(
    mode: str, tmp_path: Path
) -> None:
    with FakeTmdb() as server:
        options: dict[str, Any] = {"base_url": server.url, "cache": tmp_path / "c.sqlite"}
        for _ in range(2):
            if mode == "sync":
                with Tmdb(server.access_token, **options) as tmdb:
                    series = fetch_series(tmdb, SERIES, seasons=[1], stills=False)
            else:

                async def run() -> WholeSeries:
                    async with AsyncTmdb(server.access_token, **options) as tmdb:
                        return await fetch_series_async(tmdb, SERIES, seasons=[1], stills=False)

                series = asyncio.run(run())
        paths = [r.path for r in server.requests]
        appended = {r.query.get("append_to_response") for r in server.requests[1:]}
    assert series.details.name == "Breaking Bad"
    # its specials (season 0) besides the 5 seasons it counts: no contradiction
    assert [s.season_number for s in series.details.seasons] == [0, 1, 2, 3, 4, 5]
    assert series.details.number_of_seasons == 5
    assert series.deviations == ()
    (season,) = series.seasons
    assert season.details.episodes[0].name == "Pilot"
    assert season.credits.cast[0].character == "Walter White"
    assert len(season.posters) > 0
    assert paths == ["/3/tv/1396", "/3/tv/1396/season/1"]  # the second fetch: all from the cache
    assert appended == {"images,credits,aggregate_credits"}
    assert cache_status(season.details) is not None
