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
OPERATION_IDS = {
    "tv-season-images",
    "tv-episode-images",
    "person-images",
    "tv-season-credits",
    "tv-season-aggregate-credits",
}


def test_spec_is_valid_openapi_31() -> None:
    spec = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    assert spec["openapi"].startswith("3.1")
    validate(spec)


def test_packaged_spec_is_the_yaml_spec() -> None:
    assert _spec.document() == yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))


def test_operations_are_tmdbs_five() -> None:
    assert set(_spec.operations()) == OPERATION_IDS
    official = {op["operationId"] for item in OFFICIAL["paths"].values() for op in item.values()}
    assert official == OPERATION_IDS


@pytest.mark.parametrize(
    ("operation_id", "query"),
    [
        ("tv-season-images", {"language", "include_image_language"}),
        ("tv-episode-images", {"language", "include_image_language"}),
        ("person-images", set()),
        ("tv-season-credits", {"language"}),
        ("tv-season-aggregate-credits", {"language"}),
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
    """Every property name anywhere under `schema`, following refs, allOf and items."""
    schema = resolve(schema)
    names = set(schema.get("properties", {}))
    children = [*schema.get("properties", {}).values(), *schema.get("allOf", [])]
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


@pytest.mark.parametrize("operation_id", sorted(OPERATION_IDS))
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
