"""Other clients' fixtures, some old or hand-trimmed: each parses, or fails typed and precise.

In tolerant mode every one of them parses, its attributes hold their declared types, and
`to_dict()` gives back exactly the body (tests/typed_view.py says what "declared types" checks).
"""

from __future__ import annotations

import json
import re
import warnings
from typing import Any

import httpx
import pytest

from tests.helpers import DATA, load_json
from tests.typed_view import assert_typed
from tmdb_facade import ResponseValidationError, Tmdb

CALLS: dict[str, tuple[str, tuple[int, ...]]] = {
    "season_images": ("season_images", (1396, 1)),
    "episode_images": ("episode_images", (1396, 1, 1)),
    "person_images": ("person_images", (62,)),
    "season_credits": ("season_credits", (1396, 1)),
    "aggregate_credits": ("season_aggregate_credits", (1396, 1)),
    "season_details": ("season_details", (1396, 1)),
}

# fixture -> (endpoint, None if it parses, else the JSON path of the first schema violation)
FIXTURES: dict[str, tuple[str, str | None]] = {
    "adamayoung_TMDb/person-image-collection.json": ("person_images", None),
    "adamayoung_TMDb/tv-episode-image-collection.json": ("episode_images", None),
    "adamayoung_TMDb/tv-season-image-collection.json": ("season_images", None),
    "adamayoung_TMDb/tv-season-aggregate-credits.json": ("aggregate_credits", None),
    "chiiya_tmdb-php/people_images.json": ("person_images", None),
    "chiiya_tmdb-php/episodes_images.json": ("episode_images", None),
    "chiiya_tmdb-php/seasons_images.json": ("season_images", None),
    "chiiya_tmdb-php/seasons_credits.json": ("season_credits", None),
    "chiiya_tmdb-php/seasons_aggregate_credits.json": ("aggregate_credits", None),
    "from_issues/adamayoung_TMDb_issue124_tv-episode-images_37854_s1e43.json": (
        "episode_images",
        None,
    ),
    "leandcesar_themoviedb/people_images.json": ("person_images", None),
    "leandcesar_themoviedb/tv_episodes_images.json": ("episode_images", None),
    "leandcesar_themoviedb/tv_seasons_images.json": ("season_images", None),
    "leandcesar_themoviedb/tv_seasons_credits.json": ("season_credits", None),
    "leandcesar_themoviedb/tv_seasons_aggregate_credits.json": ("aggregate_credits", None),
    # Trimmed by hand: no vote_average / vote_count.
    "php-tmdb_api/images_person.json": (
        "person_images",
        "$.profiles[0].vote_average",
    ),
    # An old shape with image sizes as floats (1500.0): JSON Schema counts 1500.0 as an integer.
    "php-tmdb_api/images_tv_episode.json": ("episode_images", None),
    "php-tmdb_api/images_tv_season.json": ("season_images", None),
    # Season details with their appended images, credits...: some vote_average are strings.
    "php-tmdb_api/tv_season_all.json": (
        "season_details",
        "$.images.posters[0].vote_average",
    ),
    # Season details with appends, a real (older) answer.
    "chiiya_tmdb-php/seasons_appends.json": ("season_details", None),
    # Trimmed by hand: an episode without runtime, crew and guest stars.
    "adamayoung_TMDb/tv-season-details-append-response.json": (
        "season_details",
        "$.episodes[0].runtime",
    ),
    # Aggregate credits given to the plain credits endpoint: no character/job fields.
    "adamayoung_TMDb/tv-season-aggregate-credits.json#as-credits": (
        "season_credits",
        "$.cast[0].character",
    ),
}


def body_of(name: str) -> Any:
    return load_json(DATA / "fixtures" / name.partition("#")[0])


def client_of(body: Any, *, strict: bool) -> Tmdb:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=body)

    return Tmdb("t", transport=httpx.MockTransport(handler), strict=strict)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_strict_mode_parses_or_fails_with_a_json_path(name: str) -> None:
    endpoint, violation = FIXTURES[name]
    method, args = CALLS[endpoint]
    body = body_of(name)
    with client_of(body, strict=True) as tmdb:
        if violation is None:
            model = getattr(tmdb, method)(*args)
            assert model.id == body["id"]
            assert model.spec_deviations == ()
        else:
            with pytest.raises(ResponseValidationError) as caught:
                getattr(tmdb, method)(*args)
            assert caught.value.json_path == violation


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_tolerant_mode_parses_every_fixture_and_lists_what_departs(name: str) -> None:
    endpoint, violation = FIXTURES[name]
    method, args = CALLS[endpoint]
    body = body_of(name)
    with client_of(body, strict=False) as tmdb, warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        model = getattr(tmdb, method)(*args)
    assert model.id == body["id"]
    paths = [deviation.json_path for deviation in model.spec_deviations]
    assert paths[:1] == ([] if violation is None else [violation])
    assert len(warned) == len({re.sub(r"\[\d+\]", "[*]", path) for path in paths})
    assert_typed(model)
    assert model.to_dict() == body
    assert json.loads(json.dumps(model.to_dict())) == body
