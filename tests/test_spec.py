"""The spec itself: valid, complete, and at least as informative as TMDB's own document."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
import yaml
from openapi_spec_validator import validate

from tests.helpers import ROOT, load_json
from tmdb_facade import _spec

SPEC_PATH = ROOT / "openapi" / "tmdb.yaml"
OFFICIAL = load_json(ROOT / "openapi" / "upstream" / "tmdb-official.openapi.json")
# The operations whose part of TMDB's official document is kept in openapi/upstream/.
UPSTREAM_IDS = {
    "tv-season-images",
    "tv-episode-images",
    "person-images",
    "tv-season-credits",
    "tv-season-aggregate-credits",
}
# For the other three, the property names of the 200 body in TMDB's document
# (developer.themoviedb.org/reference/<operationId>; openapi/README.md says where it was read).
DOCUMENTED_PROPERTIES = {
    "configuration-details": {
        "backdrop_sizes", "base_url", "change_keys", "images", "logo_sizes", "poster_sizes",
        "profile_sizes", "secure_base_url", "still_sizes",
    },
    "tv-series-details": {
        "adult", "air_date", "backdrop_path", "created_by", "credit_id", "english_name",
        "episode_count", "episode_number", "episode_run_time", "first_air_date", "gender",
        "genres", "homepage", "id", "in_production", "iso_3166_1", "iso_639_1", "languages",
        "last_air_date", "last_episode_to_air", "logo_path", "name", "networks",
        "next_episode_to_air", "number_of_episodes", "number_of_seasons", "origin_country",
        "original_language", "original_name", "overview", "popularity", "poster_path",
        "production_code", "production_companies", "production_countries", "profile_path",
        "runtime", "season_number", "seasons", "show_id", "spoken_languages", "status",
        "still_path", "tagline", "type", "vote_average", "vote_count",
    },
    "tv-season-details": {
        "_id", "adult", "air_date", "character", "credit_id", "crew", "department",
        "episode_number", "episode_type", "episodes", "gender", "guest_stars", "id", "job",
        "known_for_department", "logo_path", "name", "networks", "order", "origin_country",
        "original_name", "overview", "popularity", "poster_path", "production_code",
        "profile_path", "runtime", "season_number", "show_id", "still_path", "vote_average",
        "vote_count",
    },
}  # fmt: skip
OPERATION_IDS = UPSTREAM_IDS | set(DOCUMENTED_PROPERTIES)


def test_spec_is_valid_openapi_31() -> None:
    spec = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    assert spec["openapi"].startswith("3.1")
    validate(spec)


def test_packaged_spec_is_the_yaml_spec() -> None:
    assert _spec.document() == yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))


def test_operations_are_tmdbs_eight() -> None:
    assert set(_spec.operations()) == OPERATION_IDS
    official = {op["operationId"] for item in OFFICIAL["paths"].values() for op in item.values()}
    assert official == UPSTREAM_IDS


@pytest.mark.parametrize(
    ("operation_id", "query"),
    [
        ("tv-season-images", {"language", "include_image_language"}),
        ("tv-episode-images", {"language", "include_image_language"}),
        ("person-images", set()),
        ("tv-season-credits", {"language"}),
        ("tv-season-aggregate-credits", {"language"}),
        ("configuration-details", set()),
        ("tv-series-details", {"language"}),
        ("tv-season-details", {"language", "include_image_language", "append_to_response"}),
    ],
)
def test_query_parameters_only_where_tmdb_accepts_them(operation_id: str, query: set[str]) -> None:
    params = _spec.operations()[operation_id].parameters
    assert {p["name"] for p in params if p["in"] == "query"} == query


def test_path_parameters_are_bounded_integers() -> None:
    minimum = {"series_id": 1, "person_id": 1, "season_number": 0, "episode_number": 0}
    for operation in _spec.operations().values():
        for param in operation.parameters:
            if param["in"] == "path":
                assert param["required"] is True
                assert param["schema"]["type"] == "integer"
                assert param["schema"]["minimum"] == minimum[param["name"]], param["name"]
                assert param["schema"]["maximum"] == 2**31 - 1


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("en,null", True),
        ("null", True),
        ("en", True),
        ("EN", False),
        ("en,", False),
        ("en, fr", False),
    ],
)
def test_include_image_language_pattern(value: str, valid: bool) -> None:
    param = _spec.resolve({"$ref": "#/components/parameters/IncludeImageLanguage"})
    assert jsonschema.Draft202012Validator(param["schema"]).is_valid(value) is valid


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("images,credits,aggregate_credits", True),
        ("aggregate_credits", True),
        ("credits,images", True),
        ("videos", False),
        ("images,videos", False),
        ("images,", False),
        ("images, credits", False),
        ("Images", False),
        ("", False),
    ],
)
def test_append_to_response_pattern(value: str, valid: bool) -> None:
    param = _spec.resolve({"$ref": "#/components/parameters/SeasonAppendToResponse"})
    assert jsonschema.Draft202012Validator(param["schema"]).is_valid(value) is valid


def test_appended_answers_are_their_endpoints_answers_without_id() -> None:
    # What TMDB appends is the answer of `.../season/{n}/<name>`, minus its `id`: the same
    # items, and the same required fields otherwise.
    details = _spec.resolve({"$ref": "#/components/schemas/SeasonDetails"})
    for name, operation_id in [
        ("images", "tv-season-images"),
        ("credits", "tv-season-credits"),
        ("aggregate_credits", "tv-season-aggregate-credits"),
    ]:
        assert name not in details["required"]
        appended = _spec.resolve(details["properties"][name])
        alone = _spec.resolve(_spec.response_schema(operation_id, 200))
        assert appended["properties"] == {k: v for k, v in alone["properties"].items() if k != "id"}
        assert set(appended["required"]) == set(alone["required"]) - {"id"}


@pytest.mark.parametrize("operation_id", sorted(OPERATION_IDS))
@pytest.mark.parametrize("status", [200, 401, 404, 429, 500])
def test_every_status_has_a_schema_and_its_example_validates(
    operation_id: str, status: int
) -> None:
    responses = _spec.operations()[operation_id].responses
    response = _spec.resolve(responses.get(str(status)) or responses["default"])
    example = response["content"]["application/json"]["example"]
    jsonschema.validate(example, _spec.response_schema(operation_id, status))
    if status == 429:
        assert "Retry-After" in response["headers"]


def test_both_credentials_are_security_schemes() -> None:
    schemes = _spec.document()["components"]["securitySchemes"]
    assert {"type": "http", "scheme": "bearer"}.items() <= schemes["bearerAuth"].items()
    assert {"type": "apiKey", "in": "query", "name": "api_key"}.items() <= schemes[
        "apiKeyAuth"
    ].items()
    assert _spec.document()["security"] == [{"bearerAuth": []}, {"apiKeyAuth": []}]


def property_names(schema: dict[str, Any], resolve: Any) -> set[str]:
    """Every property name anywhere under `schema`, following refs, allOf, oneOf and items."""
    schema = resolve(schema)
    names = set(schema.get("properties", {}))
    children = [
        *schema.get("properties", {}).values(),
        *schema.get("allOf", []),
        *schema.get("oneOf", []),
    ]
    if "items" in schema:
        children.append(schema["items"])
    for child in children:
        names |= property_names(child, resolve)
    return names


def official_resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = OFFICIAL
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


@pytest.mark.parametrize("operation_id", sorted(UPSTREAM_IDS))
def test_every_official_property_is_in_ours(operation_id: str) -> None:
    official_op = next(
        op
        for item in OFFICIAL["paths"].values()
        for op in item.values()
        if op["operationId"] == operation_id
    )
    official_schema = official_op["responses"]["200"]["content"]["application/json"]["schema"]
    ours = property_names(_spec.response_schema(operation_id, 200), _spec.resolve)
    theirs = property_names(official_schema, official_resolve)
    assert theirs, "the official document lost its schema"
    assert theirs <= ours, f"missing from our spec: {sorted(theirs - ours)}"
    # The one field we add on purpose (see openapi/README.md).
    assert ours - theirs <= {"iso_3166_1"}


@pytest.mark.parametrize("operation_id", sorted(DOCUMENTED_PROPERTIES))
def test_every_documented_property_of_the_new_operations_is_in_ours(operation_id: str) -> None:
    theirs = DOCUMENTED_PROPERTIES[operation_id]
    ours = property_names(_spec.response_schema(operation_id, 200), _spec.resolve)
    assert theirs <= ours, f"missing from our spec: {sorted(theirs - ours)}"
    # What we add on purpose (see openapi/README.md): the episode type of the series' last and
    # next episodes, and the three appended answers of season details with their items.
    added = {
        "configuration-details": set(),
        "tv-series-details": {"episode_type"},
        "tv-season-details": {"aggregate_credits", "credits", "images"}
        | property_names(_spec.response_schema("tv-season-images", 200), _spec.resolve)
        | property_names(_spec.response_schema("tv-season-aggregate-credits", 200), _spec.resolve),
    }
    assert ours - theirs <= added[operation_id]
