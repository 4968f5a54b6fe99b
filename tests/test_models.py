"""Real responses parse into the generated models and serialise back unchanged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import tmdb_facade._generated.models
from tests.helpers import BUNDLED, DATA, load_json
from tmdb_facade import _spec

LIVE = sorted((BUNDLED / "live").glob("*.json"))
SEEDS = sorted((BUNDLED / "seeds").glob("*.json"))
MANIFEST = load_json(BUNDLED / "manifest.json")
# The bodies this project wrote in TMDB's shape (data/README.md), by the path they answer.
COMPOSED = {
    path: entry["file"]
    for path, entry in MANIFEST["routes"].items()
    if entry["file"].startswith("composed/")
}


def model_for(operation_id: str) -> Any:
    """The generated class the spec names for the operation's 200 body."""
    ref = _spec.response_schema(operation_id, 200)["$ref"]
    return getattr(tmdb_facade._generated.models, ref.rsplit("/", 1)[1])


def canonical(value: Any) -> str:
    # json.dumps keeps 0.0 and 0 apart, and None apart from a missing key.
    return json.dumps(value, sort_keys=True)


def live_exchange(path: Path) -> tuple[str, int, Any]:
    exchange = load_json(path)
    found = _spec.find_operation(exchange["request"]["method"], exchange["request"]["path"])
    operation_id = found[0].operation_id if found else ""
    return operation_id, exchange["response"]["status"], exchange["response"]["body"]


@pytest.mark.parametrize("path", LIVE, ids=lambda p: p.stem)
def test_live_bodies_validate_against_the_spec(path: Path) -> None:
    operation_id, status, body = live_exchange(path)
    if not operation_id:
        # The 404 recording of a whole person is not among the spec's operations; its body is
        # TMDB's error body all the same.
        assert status == 404
        operation_id = "person-images"
    jsonschema.validate(body, _spec.response_schema(operation_id, status))


@pytest.mark.parametrize("path", [p for p in LIVE if "error" not in p.stem], ids=lambda p: p.stem)
def test_live_200_bodies_round_trip_through_the_models(path: Path) -> None:
    operation_id, status, body = live_exchange(path)
    assert status == 200
    model = model_for(operation_id).from_dict(body)
    assert canonical(model.to_dict()) == canonical(body)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_documentation_examples_validate_and_round_trip(path: Path) -> None:
    body = load_json(path)
    jsonschema.validate(body, _spec.response_schema(path.stem, 200))
    assert canonical(model_for(path.stem).from_dict(body).to_dict()) == canonical(body)


def test_unknown_fields_and_nulls_are_preserved() -> None:
    body = load_json(BUNDLED / "seeds" / "tv-season-images.json")
    body["posters"][0]["brand_new_field"] = {"nested": [1, None]}
    body["posters"][0]["iso_639_1"] = None
    body["added_at_top_level"] = None
    model = model_for("tv-season-images").from_dict(body)
    assert model.posters[0]["brand_new_field"] == {"nested": [1, None]}
    assert model.posters[0].iso_639_1 is None
    assert canonical(model.to_dict()) == canonical(body)


def test_optional_iso_3166_1_stays_absent_when_absent() -> None:
    body = load_json(BUNDLED / "seeds" / "person-images.json")
    assert all("iso_3166_1" not in image for image in body["profiles"])
    assert canonical(model_for("person-images").from_dict(body).to_dict()) == canonical(body)


def test_every_composed_file_is_served() -> None:
    on_disk = {f"composed/{p.name}" for p in (BUNDLED / "composed").glob("*.json")}
    assert set(COMPOSED.values()) == on_disk
    assert set(COMPOSED) == {"/3/configuration", "/3/tv/1396", "/3/tv/1396/season/1"}


@pytest.mark.parametrize("path", sorted(COMPOSED))
def test_composed_bodies_validate_and_round_trip(path: str) -> None:
    found = _spec.find_operation("GET", path)
    assert found is not None
    operation_id = found[0].operation_id
    body = load_json(BUNDLED / COMPOSED[path])
    jsonschema.validate(body, _spec.response_schema(operation_id, 200))
    assert canonical(model_for(operation_id).from_dict(body).to_dict()) == canonical(body)


def test_composed_series_lists_breaking_bads_seasons() -> None:
    series = model_for("tv-series-details").from_dict(load_json(BUNDLED / COMPOSED["/3/tv/1396"]))
    assert (series.id, series.name, series.original_language) == (1396, "Breaking Bad", "en")
    counts = {season.season_number: season.episode_count for season in series.seasons}
    assert counts == {0: 9, 1: 7, 2: 13, 3: 13, 4: 13, 5: 16}
    assert (series.number_of_seasons, series.number_of_episodes) == (5, 62)
    assert series.type_ == "Scripted"  # `type` is a builtin, so the generator adds `_`


def test_composed_season_has_its_seven_episodes() -> None:
    body = load_json(BUNDLED / COMPOSED["/3/tv/1396/season/1"])
    season = model_for("tv-season-details").from_dict(body)
    assert (season.id, season.season_number, season.internal_id) == (3572, 1, body["_id"])
    assert [e.episode_number for e in season.episodes] == [1, 2, 3, 4, 5, 6, 7]
    assert season.episodes[0].name == "Pilot"
    assert season.episodes[0].crew[0].name == "Vince Gilligan"
    # The pilot is the live episode-images recording's episode.
    assert (
        season.episodes[0].id
        == load_json(BUNDLED / "live" / "tv_1396_season_1_episode_1_images.json")["response"][
            "body"
        ]["id"]
    )


def test_another_clients_season_details_with_appends_parse() -> None:
    # chiiya/tmdb-php's fixture of a real answer (Game of Thrones season 1, an older shape with
    # no season vote_average, episode_type or show_id) with credits, aggregate credits and
    # images appended, plus three appends the spec does not type (kept as extra properties).
    body = load_json(DATA / "fixtures" / "chiiya_tmdb-php" / "seasons_appends.json")
    jsonschema.validate(body, _spec.response_schema("tv-season-details", 200))
    season = model_for("tv-season-details").from_dict(body)
    assert season.credits_.cast[0].character == "Ned Stark"
    assert season.aggregate_credits.cast[0].roles[0].episode_count == 10
    assert season.images.posters[0].file_path == body["images"]["posters"][0]["file_path"]
    assert set(season.additional_properties) == {"external_ids", "translations", "videos"}
    assert canonical(season.to_dict()) == canonical(body)


@pytest.mark.parametrize(
    ("fixture", "violation"),
    [
        # Trimmed by hand: its one episode has no runtime, crew or guest stars.
        ("adamayoung_TMDb/tv-season-details-append-response.json", "$.episodes[0]"),
        # An old shape: episodes without id, posters with a string vote_average.
        ("php-tmdb_api/tv_season_all.json", "$.episodes[0]"),
    ],
)
def test_trimmed_or_old_season_details_are_off_spec(fixture: str, violation: str) -> None:
    body = load_json(DATA / "fixtures" / fixture)
    schema = _spec.response_schema("tv-season-details", 200)
    paths = {error.json_path for error in jsonschema.Draft202012Validator(schema).iter_errors(body)}
    assert violation in paths
