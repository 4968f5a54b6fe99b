"""Every endpoint and error exchange, replayed from tests/cassettes (or live with --live).

The assertions hold on TMDB's real data, so the same tests re-run against the live API.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests import cassette_config
from tests.clients import Driver
from tests.conftest import live_credentials
from tmdb_facade import AuthenticationError, NotFoundError
from tmdb_facade.models import (
    AppendedSeasonAggregateCredits,
    AppendedSeasonCredits,
    AppendedSeasonImages,
    Configuration,
    EpisodeImages,
    PersonImages,
    SeasonAggregateCredits,
    SeasonCredits,
    SeasonDetails,
    SeasonImages,
    SeriesDetails,
)
from tmdb_facade.testing import FakeTmdb

pytestmark = pytest.mark.vcr

CREDITS = "/3/tv/1396/season/1/credits"
SEASON_IMAGES = "/3/tv/1396/season/1/images"
PERSON_62 = "/3/person/62/images"


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    # scripts/record records into a scratch folder, and swaps it in only once every test passed.
    default = Path(__file__).parent / "cassettes" / "test_cassettes"
    return os.environ.get(cassette_config.CASSETTE_DIR_ENV) or str(default)


def assert_exchanges(cassette: Any, expected: list[tuple[str, int]]) -> None:
    """The test's cassette holds exactly these (path, status) exchanges, and each was used.

    The client's behaviour alone cannot tell a 429 from a 503 (both are retried after
    Retry-After): the cassette must hold what the test claims to exercise.
    """
    if cassette is None:  # pytest --live: nothing is recorded or replayed
        return
    held = [
        (httpx.URL(request.uri).path, response["status"]["code"])
        for request, response in zip(cassette.requests, cassette.responses, strict=True)
    ]
    assert held == expected
    if cassette.write_protected:  # replaying: nothing recorded went unused
        assert cassette.all_played


@dataclass
class Source:
    """Where the client talks to: a cassette, the fake server (recording), or TMDB itself."""

    options: dict[str, Any]
    server: FakeTmdb | None = None
    live: bool = False


@pytest.fixture
def source(request: pytest.FixtureRequest, record_mode: str) -> Iterator[Source]:
    if request.config.getoption("--live"):
        credentials = live_credentials()
        if not credentials:
            pytest.skip("--live needs TMDB_ACCESS_TOKEN or TMDB_API_KEY in the environment")
        yield Source({**credentials, **cassette_config.live_base_url()}, live=True)
    elif record_mode == "none":
        yield Source({"access_token": "replayed-token"})
    elif os.environ.get(cassette_config.SOURCE_ENV) == "live":
        yield Source({**live_credentials(), **cassette_config.live_base_url()}, live=True)
    else:
        # A canary token, so that a leak of the recording credential can be searched for.
        with FakeTmdb(access_token=cassette_config.RECORDING_CANARY) as server:
            yield Source(
                {"access_token": server.access_token, "base_url": server.url}, server=server
            )


@pytest.fixture(params=["sync", "async"])
def client(request: pytest.FixtureRequest, source: Source) -> Iterator[Driver]:
    driver = Driver(request.param, None, **source.options)
    yield driver
    driver.close()


def test_season_images(client: Driver, vcr: Any) -> None:
    images = client.call("season_images", 1396, 1)
    assert isinstance(images, SeasonImages)
    assert images.id == 3572
    assert len(images.posters) > 10
    assert all(poster.file_path.startswith("/") for poster in images.posters)
    assert_exchanges(vcr, [(SEASON_IMAGES, 200)])


def test_season_images_in_a_language(client: Driver, vcr: Any) -> None:
    images = client.call("season_images", 1396, 1, language="en")
    assert images.posters
    assert {poster.iso_639_1 for poster in images.posters} <= {"en", None}
    assert_exchanges(vcr, [(SEASON_IMAGES, 200)])


def test_season_images_with_image_languages(client: Driver, vcr: Any) -> None:
    images = client.call("season_images", 1396, 1, include_image_language=["en", None])
    languages = {poster.iso_639_1 for poster in images.posters}
    assert "en" in languages
    assert languages <= {"en", None}
    assert_exchanges(vcr, [(SEASON_IMAGES, 200)])


def test_episode_images(client: Driver, vcr: Any) -> None:
    images = client.call("episode_images", 1396, 1, 1, include_image_language=["en", None])
    assert isinstance(images, EpisodeImages)
    assert images.id == 62085
    assert images.stills
    assert all(still.aspect_ratio > 1 for still in images.stills)
    assert_exchanges(vcr, [("/3/tv/1396/season/1/episode/1/images", 200)])


def test_person_images(client: Driver, vcr: Any) -> None:
    images = client.call("person_images", 62)
    assert isinstance(images, PersonImages)
    assert images.id == 62
    assert images.profiles
    assert_exchanges(vcr, [(PERSON_62, 200)])


def test_season_credits(client: Driver, vcr: Any) -> None:
    credits = client.call("season_credits", 1396, 1, language="en-US")
    assert isinstance(credits, SeasonCredits)
    assert ("Bryan Cranston", "Walter White") in {(c.name, c.character) for c in credits.cast}
    assert credits.crew
    assert_exchanges(vcr, [(CREDITS, 200)])


def test_season_aggregate_credits(client: Driver, vcr: Any) -> None:
    credits = client.call("season_aggregate_credits", 1396, 1, language="en-US")
    assert isinstance(credits, SeasonAggregateCredits)
    walter = next(member for member in credits.cast if member.name == "Bryan Cranston")
    assert walter.total_episode_count == 7
    assert [role.character for role in walter.roles] == ["Walter White"]
    assert_exchanges(vcr, [("/3/tv/1396/season/1/aggregate_credits", 200)])


def test_image_config(client: Driver, vcr: Any) -> None:
    config = client.call("image_config")
    assert isinstance(config, Configuration)
    assert config.images.secure_base_url == "https://image.tmdb.org/t/p/"
    assert "w500" in config.images.poster_sizes
    assert "h632" in config.images.profile_sizes
    assert_exchanges(vcr, [("/3/configuration", 200)])


def test_series_details(client: Driver, vcr: Any) -> None:
    series = client.call("series_details", 1396)
    assert isinstance(series, SeriesDetails)
    assert series.name == "Breaking Bad"
    assert series.original_language == "en"
    numbered = {season.season_number: season.episode_count for season in series.seasons}
    assert [numbered[n] for n in range(1, 6)] == [7, 13, 13, 13, 16]
    assert_exchanges(vcr, [("/3/tv/1396", 200)])


def test_season_details_with_everything_appended(client: Driver, vcr: Any) -> None:
    season = client.call(
        "season_details",
        1396,
        1,
        append_to_response=["images", "credits", "aggregate_credits"],
        include_image_language=["en", None],
    )
    assert isinstance(season, SeasonDetails)
    assert [episode.episode_number for episode in season.episodes] == list(range(1, 8))
    assert isinstance(season.images, AppendedSeasonImages)
    assert isinstance(season.credits_, AppendedSeasonCredits)
    assert isinstance(season.aggregate_credits, AppendedSeasonAggregateCredits)
    assert season.images.posters
    assert {poster.iso_639_1 for poster in season.images.posters} <= {"en", None}
    assert ("Bryan Cranston", "Walter White") in {
        (c.name, c.character) for c in season.credits_.cast
    }
    assert any(m.name == "Bryan Cranston" for m in season.aggregate_credits.cast)
    assert_exchanges(vcr, [("/3/tv/1396/season/1", 200)])


def test_unknown_series_is_not_found(client: Driver, vcr: Any) -> None:
    with pytest.raises(NotFoundError) as caught:
        client.call("season_credits", 999999999, 1)
    assert caught.value.tmdb_status_code == 34
    assert_exchanges(vcr, [("/3/tv/999999999/season/1/credits", 404)])


@pytest.fixture(params=["sync", "async"])
def client_with_a_wrong_token(request: pytest.FixtureRequest, source: Source) -> Iterator[Driver]:
    # The fake server and TMDB both refuse a token they did not issue.
    options = {**source.options, "access_token": cassette_config.WRONG_TOKEN}
    options.pop("api_key", None)
    driver = Driver(request.param, None, **options)
    yield driver
    driver.close()


def test_bad_credentials_are_refused(client_with_a_wrong_token: Driver, vcr: Any) -> None:
    with pytest.raises(AuthenticationError) as caught:
        client_with_a_wrong_token.call("person_images", 62)
    assert caught.value.tmdb_status_code == 7
    assert_exchanges(vcr, [(PERSON_62, 401)])


RATE_LIMITED = {
    "success": False,
    "status_code": 25,
    "status_message": "Your request count (#) is over the allowed limit of (40).",
}


def fakes_only(source: Source) -> None:
    if source.live:
        pytest.skip("TMDB cannot be made to answer 429 or 500 on demand; replayed only")


def test_rate_limited_then_answered(client: Driver, source: Source, vcr: Any) -> None:
    fakes_only(source)
    if source.server:
        source.server.respond_next(429, RATE_LIMITED, {"Retry-After": "2"})
    credits = client.call("season_credits", 1396, 1)
    assert credits.id == 3572
    assert client.sleeps == [2.0]
    assert_exchanges(vcr, [(CREDITS, 429), (CREDITS, 200)])


def test_server_error_then_answered(client: Driver, source: Source, vcr: Any) -> None:
    fakes_only(source)
    if source.server:
        source.server.fail_next(status=500)
    images = client.call("person_images", 62)
    assert images.id == 62
    assert len(client.sleeps) == 1
    assert_exchanges(vcr, [(PERSON_62, 500), (PERSON_62, 200)])
