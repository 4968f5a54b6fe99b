"""The spec itself: valid, complete, and different from TMDB's own document and from the
recordings only where tests/spec_differences.py says why."""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from typing import Any

import jsonschema
import pytest
import yaml
from openapi_spec_validator import validate

from tests import spec_compare
from tests.helpers import ROOT, load_json
from tests.spec_compare import Difference
from tests.spec_differences import ALLOWED
from tmdb_facade import _spec

SPEC_PATH = ROOT / "openapi" / "tmdb.yaml"
#: TMDB's whole document, as it comes (openapi/README.md says from where).
OFFICIAL = load_json(ROOT / "openapi" / "upstream" / "tmdb-api.openapi.json")
# The operations compared with TMDB's document fact by fact: each difference is listed in
# tests/spec_differences.py.
UPSTREAM_IDS = {
    "tv-season-images",
    "tv-episode-images",
    "person-images",
    "tv-season-credits",
    "tv-season-aggregate-credits",
}
# The other three are checked for the property names of their 200 body in TMDB's document.
DOCUMENTED_IDS = {"configuration-details", "tv-series-details", "tv-season-details"}
OPERATION_IDS = UPSTREAM_IDS | DOCUMENTED_IDS


def test_spec_is_valid_openapi_31() -> None:
    spec = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    assert spec["openapi"].startswith("3.1")
    validate(spec)


def test_packaged_spec_is_the_yaml_spec() -> None:
    assert _spec.document() == yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))


def test_operations_are_tmdbs_eight() -> None:
    assert set(_spec.operations()) == OPERATION_IDS
    # Each at the path and method where TMDB's document has it.
    for operation_id, operation in _spec.operations().items():
        theirs = OFFICIAL["paths"].get(operation.path, {}).get(operation.method.lower(), {})
        assert theirs.get("operationId") == operation_id


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


def unexplained(differences: list[Difference]) -> list[str]:
    return [str(d) for d in differences if not any(entry.covers(d) for entry in ALLOWED)]


def official_differences(operation_id: str, document: dict[str, Any]) -> list[Difference]:
    return spec_compare.compare_with_document(
        spec_compare.operation_facts(document, operation_id),
        spec_compare.operation_facts(OFFICIAL, operation_id),
    )


@functools.cache
def recorded() -> dict[str, dict[str, spec_compare.Seen]]:
    return spec_compare.observations(
        spec_compare.recorded_bodies(_spec.document(), _spec.find_operation)
    )


def recorded_differences(operation_id: str, document: dict[str, Any]) -> list[Difference]:
    return spec_compare.compare_with_recordings(
        spec_compare.operation_facts(document, operation_id), recorded().get(operation_id, {})
    )


def all_differences(document: dict[str, Any]) -> list[Difference]:
    found = []
    for operation_id in sorted(_spec.operations()):
        if operation_id in UPSTREAM_IDS:
            found += official_differences(operation_id, document)
        found += recorded_differences(operation_id, document)
    return found


@pytest.mark.parametrize("operation_id", sorted(UPSTREAM_IDS))
def test_spec_differs_from_tmdbs_document_only_where_documented(operation_id: str) -> None:
    # Types (with null), formats, required and defaults of every parameter and property.
    assert unexplained(official_differences(operation_id, _spec.document())) == []


@pytest.mark.parametrize("operation_id", sorted(_spec.operations()))
def test_spec_says_what_the_recordings_show(operation_id: str) -> None:
    # No field left out, none never seen, no type wider or narrower than the values recorded,
    # required exactly where every recorded object has the field.
    if f"{operation_id} 200 $" not in recorded().get(operation_id, {}):
        pytest.skip(
            f"no live recording or documentation example of {operation_id} under "
            "facade/tmdb_facade/testing/data: nothing to compare its schema with"
        )
    assert unexplained(recorded_differences(operation_id, _spec.document())) == []


def test_every_allowed_difference_exists_and_is_explained() -> None:
    differences = all_differences(_spec.document())
    unused = [entry for entry in ALLOWED if not any(entry.covers(d) for d in differences)]
    assert unused == [], "stale entries of ALLOWED: the spec no longer differs there"
    rows = spec_compare.readme_rows(ROOT / "openapi" / "README.md")
    assert {entry.readme for entry in ALLOWED} - {None} <= rows
    assert all(entry.reason for entry in ALLOWED)


def mutated(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    """A copy of our spec, changed by `change(components)`."""
    document = copy.deepcopy(_spec.document())
    change(document["components"])
    return document


def image(components: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = components["schemas"]["Image"]
    return found


@pytest.mark.parametrize(
    ("change", "expected", "sides"),
    [
        pytest.param(
            lambda c: image(c)["properties"]["vote_count"].update(type="number"),
            "$.posters[].vote_count: type is 'number'",
            {"document", "recordings"},
            id="integer widened to number",
        ),
        pytest.param(
            lambda c: c["schemas"]["Role"]["properties"]["episode_count"].update(
                type=["integer", "null"]
            ),
            "$.cast[].roles[].episode_count: type is 'integer|null'",
            {"document", "recordings"},
            id="made nullable",
        ),
        pytest.param(
            lambda c: image(c)["required"].remove("vote_count"),
            "$.stills[].vote_count: required is False",
            {"recordings"},
            id="required dropped",
        ),
        pytest.param(
            lambda c: image(c)["properties"]["width"].update(format="int64"),
            "$.profiles[].width: format is 'int64'",
            {"document"},
            id="format added",
        ),
        pytest.param(
            lambda c: image(c)["properties"].update(votes={"type": "integer"}),
            "$.posters[].votes: present is True",
            {"document", "recordings"},
            id="property never sent",
        ),
        pytest.param(
            lambda c: c["parameters"]["SeasonNumber"]["schema"].update(type="string"),
            "tv-season-credits {season_number}: type is 'string'",
            {"document"},
            id="parameter type",
        ),
    ],
)
def test_a_changed_spec_is_caught(
    change: Callable[[dict[str, Any]], None], expected: str, sides: set[str]
) -> None:
    # Each of these still accepts every recorded body: validation alone would not notice.
    caught = unexplained(all_differences(mutated(change)))
    side_names = {"document": "in TMDB's document", "recordings": "in the recordings"}
    found = {
        side
        for side, name in side_names.items()
        if any(expected in line and line.endswith(name) for line in caught)
    }
    assert found == sides, caught


@pytest.mark.parametrize("operation_id", sorted(DOCUMENTED_IDS))
def test_every_documented_property_of_the_new_operations_is_in_ours(operation_id: str) -> None:
    operation = _spec.operations()[operation_id]
    answer = OFFICIAL["paths"][operation.path]["get"]["responses"]["200"]
    theirs = property_names(
        answer["content"]["application/json"]["schema"], spec_compare.resolver(OFFICIAL)
    )
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
