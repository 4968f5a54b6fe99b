"""`fetch_series` against answers TMDB should not send: bounded by what the series itself says,
each season and episode once, each answer checked to be the one asked for, TMDB's mistakes
never the caller's, a cap on requests, and partial results.

The answers are `tests/series_bodies.py`'s made-up series, edited on the way out.
"""

from __future__ import annotations

import copy
import json
import pickle
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from tests.series_bodies import Counting, editing, episode, fetch, season_summary, series_handler
from tmdb_facade import (
    InvalidArgumentError,
    MaxRequestsError,
    NotFoundError,
    ResponseValidationError,
    ServerError,
    SpecDeviationWarning,
    WholeSeries,
)
from tmdb_facade import series as series_module

SERIES = 1396
TV = f"/3/tv/{SERIES}"


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def deviations_allowed() -> Iterator[None]:
    """TMDB's off-spec answers warn (the tests turn warnings into errors): let them."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SpecDeviationWarning)
        yield


def edited(episodes_per_season: list[int], edits: dict[str, Callable[[Any], Any]]) -> Counting:
    """The made-up series, the answer at each path of `edits` passed through its edit."""

    def edit(path: str, body: Any) -> Any:
        return edits[path](body) if path in edits else None

    return Counting(editing(series_handler(SERIES, episodes_per_season), edit))


def stills_asked(counting: Counting) -> list[tuple[int, int]]:
    """(season, episode) of every stills request, in the order sent."""
    found = []
    for path in counting.paths():
        if path.endswith("/images"):
            parts = path.split("/")
            found.append((int(parts[5]), int(parts[7])))
    return sorted(found)


def everywhere(series: WholeSeries) -> list[str]:
    """The JSON path of every deviation of the result and of its models."""
    found = [*series.deviations, *series.details.spec_deviations]
    for season in series.seasons:
        found += [*season.deviations, *season.details.spec_deviations]
    return [deviation.json_path for deviation in found]


# -- bounded by the series' own counts ------------------------------------------------------


def test_seasons_listed_beyond_number_of_seasons_are_not_fetched(mode: str) -> None:
    def two_counted(body: dict[str, Any]) -> None:
        body["number_of_seasons"], body["number_of_episodes"] = 2, 2

    counting = edited([1] * 300, {TV: two_counted})
    with pytest.warns(SpecDeviationWarning, match=r"\$\.number_of_seasons: 2, yet 300 seasons"):
        series = fetch(mode, counting.transport, SERIES, rate_limit=None)

    assert len(counting.requests) == 1 + 2 + 2
    assert [season.season_number for season in series.seasons] == [1, 2]
    (deviation,) = series.deviations
    assert deviation.json_path == "$.number_of_seasons"
    assert deviation.problem.endswith(
        "season 3, 4, 5, 6, 7, 8, 9, 10, 11, 12... (298 in all) not fetched"
    )


def test_episodes_beyond_the_seasons_episode_count_get_no_stills(mode: str) -> None:
    def forty_episodes(body: dict[str, Any]) -> None:
        body["episodes"] += [episode(SERIES, 2, n) for n in range(4, 41)]

    counting = edited([2, 3], {f"{TV}/season/2": forty_episodes})
    with pytest.warns(SpecDeviationWarning, match="season 2 details contradict"):
        series = fetch(mode, counting.transport, SERIES)

    assert stills_asked(counting) == [(1, 1), (1, 2), (2, 1), (2, 2), (2, 3)]
    assert list(series.seasons[1].stills) == [1, 2, 3]
    assert len(series.seasons[1].details.episodes) == 40  # the answer as sent
    (deviation,) = series.seasons[1].deviations
    assert deviation.json_path == "$.episodes"
    assert deviation.problem.startswith("40 episodes, more than the 3 the series details allow")
    assert series.deviations == ()


def test_number_of_episodes_bounds_the_stills_of_all_seasons(mode: str) -> None:
    def four_in_all(body: dict[str, Any]) -> None:
        body["number_of_episodes"] = 4

    counting = edited([3, 3], {TV: four_in_all})
    with pytest.warns(SpecDeviationWarning) as warned:
        series = fetch(mode, counting.transport, SERIES)

    assert stills_asked(counting) == [(1, 1), (1, 2), (1, 3), (2, 1)]
    assert [list(season.stills) for season in series.seasons] == [[1, 2, 3], [1]]
    assert [d.json_path for d in series.deviations] == ["$.number_of_episodes"]
    assert series.deviations[0].problem.startswith(
        "4, yet the seasons' episode_count add up to 6 besides the specials"
    )
    # and what that leaves out of season 2, where it is left out
    (left_out,) = series.seasons[1].deviations
    assert left_out.problem.endswith("the stills of episode 2, 3 are not fetched")
    assert len(warned) == 2


def test_a_count_that_is_not_one_bounds_nothing_and_is_said(mode: str) -> None:
    def minus_one(body: dict[str, Any]) -> None:
        body["number_of_seasons"] = -1

    counting = edited([1, 1], {TV: minus_one})
    with pytest.warns(SpecDeviationWarning, match=r"\$\.number_of_seasons: -1 is not a count"):
        series = fetch(mode, counting.transport, SERIES)
    assert [season.season_number for season in series.seasons] == [1, 2]
    assert len(counting.requests) == 1 + 2 + 2  # the listing and number_of_episodes bound it


def test_each_season_and_episode_is_fetched_once(mode: str) -> None:
    def seasons_repeated(body: dict[str, Any]) -> None:
        body["seasons"] += [season_summary(SERIES, 2, 2)] * 200 + [season_summary(SERIES, 1, 2)]

    def episode_repeated(body: dict[str, Any]) -> None:
        body["episodes"].insert(1, episode(SERIES, 2, 1))

    counting = edited([2, 2], {TV: seasons_repeated, f"{TV}/season/2": episode_repeated})
    with pytest.warns(SpecDeviationWarning, match="listed again"):
        series = fetch(mode, counting.transport, SERIES)

    assert counting.paths().count(f"{TV}/season/2") == 1
    assert stills_asked(counting) == [(1, 1), (1, 2), (2, 1), (2, 2)]
    (repeats,) = series.deviations  # one for all 201 repeats
    assert repeats.json_path == "$.seasons[2].season_number"
    assert repeats.problem == "season 2 is listed again: it is fetched once (and 200 more like it)"
    (repeat,) = series.seasons[1].deviations
    assert repeat.json_path == "$.episodes[1].episode_number"


# -- TMDB's bad numbers are TMDB's error, not the caller's ------------------------------------


@pytest.mark.parametrize("number", [-1, 2**31, None, "2", True, 1.5])
def test_a_season_number_no_request_could_name_is_left_out(
    mode: str, number: object, deviations_allowed: None
) -> None:
    def bad_season(body: dict[str, Any]) -> None:
        body["seasons"].insert(1, {**season_summary(SERIES, 2, 5), "season_number": number})

    counting = edited([1, 1], {TV: bad_season})
    series = fetch(mode, counting.transport, SERIES)

    assert [season.season_number for season in series.seasons] == [1, 2]
    assert len(counting.requests) == 1 + 2 + 2
    assert any(path.startswith("$.seasons[1]") for path in everywhere(series))


@pytest.mark.parametrize("number", [-1, 2**31, None, "2"])
def test_an_episode_number_no_request_could_name_gets_no_stills(
    mode: str, number: object, deviations_allowed: None
) -> None:
    def bad_episode(body: dict[str, Any]) -> None:
        body["episodes"][1]["episode_number"] = number

    counting = edited([3], {f"{TV}/season/1": bad_episode})
    series = fetch(mode, counting.transport, SERIES)

    assert stills_asked(counting) == [(1, 1), (1, 3)]
    assert list(series.seasons[0].stills) == [1, 3]
    assert any(path.startswith("$.episodes[1]") for path in everywhere(series))


def test_a_season_asked_for_in_a_damaged_listing_is_tmdbs_error(
    mode: str, deviations_allowed: None
) -> None:
    def season_two_unreadable(body: dict[str, Any]) -> None:
        body["seasons"][1]["season_number"] = "2"

    counting = edited([1, 1], {TV: season_two_unreadable})
    with pytest.raises(ResponseValidationError, match="has no season 2") as raised:
        fetch(mode, counting.transport, SERIES, seasons=[2])
    assert not isinstance(raised.value, InvalidArgumentError)
    assert raised.value.json_path.startswith("$.seasons[1]")
    assert counting.paths() == [TV]


# -- each answer is the one asked for ---------------------------------------------------------


def test_a_season_answer_for_another_season_is_an_error_and_its_stills_are_not_fetched(
    mode: str,
) -> None:
    def season_three(body: dict[str, Any]) -> None:
        body["season_number"] = 3
        for item in body["episodes"]:
            item["season_number"] = 3

    counting = edited([1, 1, 1], {f"{TV}/season/2": season_three})
    with pytest.raises(ResponseValidationError, match="for season 3, not season 2") as raised:
        fetch(mode, counting.transport, SERIES, concurrency=1)
    assert raised.value.json_path == "$.season_number"
    assert raised.value.request_url.endswith(f"{TV}/season/2")
    assert stills_asked(counting) == []

    partial = edited([1, 1, 1], {f"{TV}/season/2": season_three})
    series = fetch(mode, partial.transport, SERIES, return_exceptions=True)
    assert [season.season_number for season in series.seasons] == [1, 3]
    assert isinstance(series.season_errors[2], ResponseValidationError)
    assert stills_asked(partial) == [(1, 1), (3, 1)]


def test_series_details_of_another_series_are_an_error(mode: str) -> None:
    def another(body: dict[str, Any]) -> None:
        body["id"] = 1399

    counting = edited([1], {TV: another})
    with pytest.raises(ResponseValidationError, match="for series 1399, not series 1396") as raised:
        fetch(mode, counting.transport, SERIES)
    assert raised.value.json_path == "$.id"
    assert counting.paths() == [TV]


def test_an_episode_of_another_season_in_a_season_answer_gets_no_stills(mode: str) -> None:
    def from_season_one(body: dict[str, Any]) -> None:
        body["episodes"][0]["season_number"] = 1

    counting = edited([2, 2], {f"{TV}/season/2": from_season_one})
    with pytest.warns(SpecDeviationWarning, match=r"episode 1 is of season 1, in season 2's"):
        series = fetch(mode, counting.transport, SERIES)
    assert stills_asked(counting) == [(1, 1), (1, 2), (2, 2)]
    assert [d.json_path for d in series.seasons[1].deviations] == ["$.episodes[0].season_number"]


def test_stills_of_another_episode_are_an_error(mode: str) -> None:
    def someone_elses(body: dict[str, Any]) -> None:
        body["id"] = 999

    counting = edited([3], {f"{TV}/season/1/episode/2/images": someone_elses})
    with pytest.raises(ResponseValidationError, match="for episode id 999, not") as raised:
        fetch(mode, counting.transport, SERIES)
    assert raised.value.json_path == "$.id"

    again = edited([3], {f"{TV}/season/1/episode/2/images": someone_elses})
    series = fetch(mode, again.transport, SERIES, return_exceptions=True)
    (season,) = series.seasons
    assert list(season.stills) == [1, 3]
    assert list(season.still_errors) == [2]


@pytest.mark.parametrize(
    ("part", "value"), [("images", None), ("credits", []), ("aggregate_credits", "x")]
)
def test_an_appended_part_that_is_not_an_object_is_an_error(
    mode: str, part: str, value: object, deviations_allowed: None
) -> None:
    def broken(body: dict[str, Any]) -> None:
        body[part] = value

    counting = edited([1, 1], {f"{TV}/season/2": broken})
    with pytest.raises(ResponseValidationError, match=f"lack `{part}`") as raised:
        fetch(mode, counting.transport, SERIES, stills=False)
    assert raised.value.json_path == f"$.{part}"

    again = edited([1, 1], {f"{TV}/season/2": broken})
    series = fetch(mode, again.transport, SERIES, stills=False, return_exceptions=True)
    assert [season.season_number for season in series.seasons] == [1]
    assert list(series.season_errors) == [2]


# -- partial results --------------------------------------------------------------------------


def failing(episodes_per_season: list[int]) -> Counting:
    """Season 2 is not found; the stills of season 1's episode 2 fail with a 500."""
    answer = series_handler(SERIES, episodes_per_season)

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path == f"{TV}/season/2":
            return httpx.Response(404, json={"status_code": 34, "status_message": "gone"})
        if request.url.path == f"{TV}/season/1/episode/2/images":
            return httpx.Response(500, json={"status_code": 11, "status_message": "broken"})
        return answer(request)

    return Counting(handle)


def test_return_exceptions_keeps_every_season_and_episode_that_did_not_fail(mode: str) -> None:
    counting = failing([3, 2, 1])
    series = fetch(mode, counting.transport, SERIES, return_exceptions=True, max_retries=0)

    assert [season.season_number for season in series.seasons] == [1, 3]
    assert list(series.season_errors) == [2]
    assert isinstance(series.season_errors[2], NotFoundError)
    first = series.seasons[0]
    assert list(first.stills) == [1, 3]
    assert isinstance(first.still_errors[2], ServerError)
    assert list(series.seasons[1].stills) == [1]


def test_without_return_exceptions_the_first_error_is_raised(mode: str) -> None:
    counting = failing([3, 2, 1])
    with pytest.raises(NotFoundError):
        fetch(mode, counting.transport, SERIES, max_retries=0, concurrency=1)
    assert stills_asked(counting) == []  # the seasons failed first: no stills asked for


# -- the cap on requests ----------------------------------------------------------------------


def test_max_requests_is_checked_once_the_series_says_how_many(mode: str) -> None:
    counting = Counting(series_handler(SERIES, [13] * 5))
    with pytest.raises(MaxRequestsError, match=r"1 \+ 5 seasons \+ 65 episodes = 71") as raised:
        fetch(mode, counting.transport, SERIES, max_requests=70)
    assert (raised.value.needed, raised.value.max_requests) == (71, 70)
    assert counting.paths() == [TV]  # none of the 70 more

    enough = Counting(series_handler(SERIES, [13] * 5))
    fetch(mode, enough.transport, SERIES, max_requests=71, rate_limit=None)
    assert len(enough.requests) == 71
    fewer = Counting(series_handler(SERIES, [13] * 5))
    fetch(mode, fewer.transport, SERIES, max_requests=6, stills=False)
    assert len(fewer.requests) == 6


def test_the_default_cap_stops_a_series_of_thousands_of_episodes(mode: str) -> None:
    counting = Counting(series_handler(SERIES, [1000, 1000, 1]))
    with pytest.raises(MaxRequestsError) as raised:
        fetch(mode, counting.transport, SERIES)
    assert raised.value.max_requests == series_module.DEFAULT_MAX_REQUESTS
    assert raised.value.needed == 1 + 3 + 2001
    assert counting.paths() == [TV]


def test_max_requests_error_pickles_and_copies() -> None:
    error = MaxRequestsError("too many", needed=9, max_requests=5)
    for again in (pickle.loads(pickle.dumps(error)), copy.copy(error), copy.deepcopy(error)):
        assert type(again) is MaxRequestsError
        assert (str(again), again.needed, again.max_requests) == ("too many", 9, 5)


# -- strict -----------------------------------------------------------------------------------


def test_strict_makes_a_contradiction_an_error(mode: str) -> None:
    def one_counted(body: dict[str, Any]) -> None:
        body["number_of_seasons"] = 1

    counting = edited([1, 1], {TV: one_counted})
    with pytest.raises(ResponseValidationError, match="1, yet 2 seasons") as raised:
        fetch(mode, counting.transport, SERIES, strict=True)
    assert raised.value.json_path == "$.number_of_seasons"
    assert counting.paths() == [TV]

    def episode_repeated(body: dict[str, Any]) -> None:
        body["episodes"].append(episode(SERIES, 1, 1))

    again = edited([1], {f"{TV}/season/1": episode_repeated})
    with pytest.raises(ResponseValidationError, match="episode 1 is listed again"):
        fetch(mode, again.transport, SERIES, strict=True)


# -- what was sent ----------------------------------------------------------------------------


def test_to_dict_gives_back_exactly_what_was_sent(mode: str) -> None:
    counting = Counting(series_handler(SERIES, [2, 1]))
    series = fetch(mode, counting.transport, SERIES)
    sent = counting.sent
    assert json.loads(json.dumps(series.to_dict())) == {
        "details": sent[TV],
        "seasons": [
            {
                "details": sent[f"{TV}/season/{n}"],
                "episode_images": [
                    sent[f"{TV}/season/{n}/episode/{e}/images"] for e in range(1, count + 1)
                ],
            }
            for n, count in ((1, 2), (2, 1))
        ],
    }
    assert series.seasons[1].to_dict() == series.to_dict()["seasons"][1]


# -- list items that are not objects: the tolerant models set them aside ----------------------


def test_a_season_item_that_is_not_an_object_is_left_out(
    mode: str, deviations_allowed: None
) -> None:
    def junk(body: dict[str, Any]) -> None:
        body["seasons"].insert(1, "junk")

    counting = edited([1, 1], {TV: junk})
    series = fetch(mode, counting.transport, SERIES)
    assert [season.season_number for season in series.seasons] == [1, 2]
    assert "$.seasons[1]" in everywhere(series)


def test_an_episode_item_that_is_not_an_object_is_left_out(
    mode: str, deviations_allowed: None
) -> None:
    def junk(body: dict[str, Any]) -> None:
        body["episodes"].insert(1, 42)

    counting = edited([2], {f"{TV}/season/1": junk})
    series = fetch(mode, counting.transport, SERIES)
    assert list(series.seasons[0].stills) == [1, 2]
    assert "$.episodes[1]" in everywhere(series)
