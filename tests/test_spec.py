"""The spec itself: valid, complete, and different from TMDB's own document and from the
recordings only where ALLOWED below says why."""

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
from tests.spec_compare import NO_DEFAULT, Allowed, Difference
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


# Every place our spec deliberately differs from TMDB's document (`against="document"`) or says
# more than the recordings show (`against="recordings"`), with the row of openapi/README.md's
# table that explains it. Anything else that differs fails the tests below.
# fmt: off
ALLOWED = [
    Allowed("document", "*", "required", False, True, 1,
            "TMDB's document marks nothing required; ours requires what every recording has"),
    Allowed("document", "* 200 $.*.iso_639_1", "type", "string", "string|null", 2,
            "TMDB sends null for an image without text (the document's own example does)"),
    Allowed("document", "* 200 $.*.iso_639_1", "type", "any", "string|null", 2,
            "an empty schema in TMDB's document; a language code or null in every response"),
    Allowed("document", "* 200 $.*.profile_path", "type", "string", "string|null", 2,
            "null for a person without a photo"),
    Allowed("document", "* 200 $.*.profile_path", "type", "any", "string|null", 2,
            "an empty schema in TMDB's document; a path or null in every response"),
    Allowed("document", "* 200 $.*[].iso_3166_1", "present", False, True, 3,
            "the live API sends it on every image now; TMDB's document predates it"),
    Allowed("document", "* 401", "present", False, True, 4, "TMDB's document has only the 200"),
    Allowed("document", "* 404", "present", False, True, 4, "TMDB's document has only the 200"),
    Allowed("document", "* 429", "present", False, True, 4, "TMDB's document has only the 200"),
    Allowed("document", "* default", "present", False, True, 4,
            "TMDB's document has only the 200"),
    Allowed("document", "* 200 $.*", "default", 0, NO_DEFAULT, 6,
            "a portal-export artefact: TMDB fills every field itself"),
    Allowed("document", "* 200 $.*.adult", "default", True, NO_DEFAULT, 6,
            "a portal-export artefact, and false for almost everyone"),
    Allowed("document", "* ?language", "default", "en-US", NO_DEFAULT, 7,
            "a default would make the generated client send language=en-US on every call"),
    Allowed("recordings", "* 200 $.*[].iso_3166_1", "type", "null", "string|null", 3,
            "one Image schema for posters, stills and profiles; posters do carry a country"),
    Allowed("recordings", "person-images 200 $.profiles[].iso_639_1", "type", "null",
            "string|null", 2,
            "one Image schema for posters, stills and profiles; the others carry languages"),
    Allowed("recordings", "tv-season-credits 200 $.cast[].profile_path", "type", "string",
            "string|null", 2,
            "one CreditPerson schema for cast and crew; crew members without a photo have null"),
    Allowed("recordings", "* 404 $.success", "required", True, False, 4,
            "every error body has it (always false), but it says nothing the status does not: "
            "an error body with status_code and status_message alone is still a usable error"),
]
# fmt: on


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
        if operation_id in spec_compare.operation_ids(OFFICIAL):
            found += official_differences(operation_id, document)
        found += recorded_differences(operation_id, document)
    return found


@pytest.mark.parametrize(
    "operation_id", sorted(set(_spec.operations()) | spec_compare.operation_ids(OFFICIAL))
)
def test_spec_differs_from_tmdbs_document_only_where_documented(operation_id: str) -> None:
    # Types (with null), formats, required and defaults of every parameter and property.
    if operation_id not in spec_compare.operation_ids(OFFICIAL):
        pytest.skip(
            f"{operation_id} is not in openapi/upstream/tmdb-official.openapi.json: "
            "it is compared with the recordings only"
        )
    assert operation_id in _spec.operations(), "in TMDB's document, missing from ours"
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
