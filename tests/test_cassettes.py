"""Every endpoint and error exchange, replayed from tests/cassettes (or live with --live).

The assertions hold on TMDB's real data, so the same tests re-run against the live API.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from tests import cassette_config
from tests.clients import Driver
from tests.conftest import live_credentials
from tmdb_facade import AuthenticationError, NotFoundError
from tmdb_facade.models import (
    EpisodeImages,
    PersonImages,
    SeasonAggregateCredits,
    SeasonCredits,
    SeasonImages,
)
from tmdb_facade.testing import FakeTmdb

pytestmark = pytest.mark.vcr


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
        yield Source(dict(credentials), live=True)
    elif record_mode == "none":
        yield Source({"access_token": "replayed-token"})
    elif os.environ.get(cassette_config.SOURCE_ENV) == "live":
        yield Source(dict(live_credentials()), live=True)
    else:
        with FakeTmdb() as server:
            yield Source(
                {"access_token": server.access_token, "base_url": server.url}, server=server
            )


@pytest.fixture(params=["sync", "async"])
def client(request: pytest.FixtureRequest, source: Source) -> Iterator[Driver]:
    driver = Driver(request.param, None, **source.options)
    yield driver
    driver.close()


def test_season_images(client: Driver) -> None:
    images = client.call("season_images", 1396, 1)
    assert isinstance(images, SeasonImages)
    assert images.id == 3572
    assert len(images.posters) > 10
    assert all(poster.file_path.startswith("/") for poster in images.posters)


def test_season_images_in_a_language(client: Driver) -> None:
    images = client.call("season_images", 1396, 1, language="en")
    assert images.posters
    assert {poster.iso_639_1 for poster in images.posters} <= {"en", None}


def test_season_images_with_image_languages(client: Driver) -> None:
    images = client.call("season_images", 1396, 1, include_image_language=["en", None])
    languages = {poster.iso_639_1 for poster in images.posters}
    assert "en" in languages
    assert languages <= {"en", None}


def test_episode_images(client: Driver) -> None:
    images = client.call("episode_images", 1396, 1, 1, include_image_language=["en", None])
    assert isinstance(images, EpisodeImages)
    assert images.id == 62085
    assert images.stills
    assert all(still.aspect_ratio > 1 for still in images.stills)


def test_person_images(client: Driver) -> None:
    images = client.call("person_images", 62)
    assert isinstance(images, PersonImages)
    assert images.id == 62
    assert images.profiles


def test_season_credits(client: Driver) -> None:
    credits = client.call("season_credits", 1396, 1, language="en-US")
    assert isinstance(credits, SeasonCredits)
    assert ("Bryan Cranston", "Walter White") in {(c.name, c.character) for c in credits.cast}
    assert credits.crew


def test_season_aggregate_credits(client: Driver) -> None:
    credits = client.call("season_aggregate_credits", 1396, 1, language="en-US")
    assert isinstance(credits, SeasonAggregateCredits)
    walter = next(member for member in credits.cast if member.name == "Bryan Cranston")
    assert walter.total_episode_count == 7
    assert [role.character for role in walter.roles] == ["Walter White"]


def test_unknown_series_is_not_found(client: Driver) -> None:
    with pytest.raises(NotFoundError) as caught:
        client.call("season_credits", 999999999, 1)
    assert caught.value.tmdb_status_code == 34


@pytest.fixture(params=["sync", "async"])
def client_with_a_wrong_token(request: pytest.FixtureRequest, source: Source) -> Iterator[Driver]:
    # The fake server and TMDB both refuse a token they did not issue.
    options = {**source.options, "access_token": "not-a-valid-token"}
    options.pop("api_key", None)
    driver = Driver(request.param, None, **options)
    yield driver
    driver.close()


def test_bad_credentials_are_refused(client_with_a_wrong_token: Driver) -> None:
    with pytest.raises(AuthenticationError) as caught:
        client_with_a_wrong_token.call("person_images", 62)
    assert caught.value.tmdb_status_code == 7


RATE_LIMITED = {
    "success": False,
    "status_code": 25,
    "status_message": "Your request count (#) is over the allowed limit of (40).",
}


def fakes_only(source: Source) -> None:
    if source.live:
        pytest.skip("TMDB cannot be made to answer 429 or 500 on demand; replayed only")


def test_rate_limited_then_answered(client: Driver, source: Source) -> None:
    fakes_only(source)
    if source.server:
        source.server.respond_next(429, RATE_LIMITED, {"Retry-After": "2"})
    credits = client.call("season_credits", 1396, 1)
    assert credits.id == 3572
    assert client.sleeps == [2.0]


def test_server_error_then_answered(client: Driver, source: Source) -> None:
    fakes_only(source)
    if source.server:
        source.server.fail_next(status=500)
    images = client.call("person_images", 62)
    assert images.id == 62
    assert len(client.sleeps) == 1
