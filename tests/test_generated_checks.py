"""The checks generated into every model's `from_decoded` (openapi/templates/model.py.jinja)
find exactly where a body breaks the spec's JSON Schema, no more and no less: `jsonschema`, the
reference implementation, judges every bundled body and many mutated ones (seeded, bounded)."""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Iterable, Iterator
from typing import Any, cast

import httpx
import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

import tmdb_facade._generated.models
from tests.helpers import BUNDLED, DATA, ROOT, load_json
from tmdb_facade import ResponseValidationError, Tmdb, _spec, _validation
from tmdb_facade.testing import _data

Finding = tuple[str, str]
"""(JSON path, what is wrong there: "type", "required" or "pattern")."""

#: Other clients' fixtures (tests/data/README.md), by the schema of their body.
FIXTURES = {
    "PersonImages": [
        "adamayoung_TMDb/person-image-collection.json",
        "chiiya_tmdb-php/people_images.json",
        "leandcesar_themoviedb/people_images.json",
        "php-tmdb_api/images_person.json",
    ],
    "EpisodeImages": [
        "adamayoung_TMDb/tv-episode-image-collection.json",
        "chiiya_tmdb-php/episodes_images.json",
        "from_issues/adamayoung_TMDb_issue124_tv-episode-images_37854_s1e43.json",
        "leandcesar_themoviedb/tv_episodes_images.json",
        "php-tmdb_api/images_tv_episode.json",
    ],
    "SeasonImages": [
        "adamayoung_TMDb/tv-season-image-collection.json",
        "chiiya_tmdb-php/seasons_images.json",
        "leandcesar_themoviedb/tv_seasons_images.json",
        "php-tmdb_api/images_tv_season.json",
    ],
    "SeasonCredits": [
        "chiiya_tmdb-php/seasons_credits.json",
        "leandcesar_themoviedb/tv_seasons_credits.json",
        # Episode credits: season credits with guest stars (no endpoint of ours answers them).
        "chiiya_tmdb-php/episodes_credits.json",
        "leandcesar_themoviedb/tv_episodes_credits.json",
        # Aggregate credits read as plain credits: no character, credit_id or job anywhere.
        "adamayoung_TMDb/tv-season-aggregate-credits.json",
    ],
    "SeasonAggregateCredits": [
        "adamayoung_TMDb/tv-season-aggregate-credits.json",
        "chiiya_tmdb-php/seasons_aggregate_credits.json",
        "leandcesar_themoviedb/tv_seasons_aggregate_credits.json",
    ],
    "SeasonDetails": [
        "adamayoung_TMDb/tv-season-details-append-response.json",
        "chiiya_tmdb-php/seasons_appends.json",
        "php-tmdb_api/tv_season_all.json",
    ],
    "AggregateCast": ["adamayoung_TMDb/aggregate-cast-member.json"],
    "AggregateCrew": ["adamayoung_TMDb/aggregate-crew-member.json"],
    "ErrorResponse": [
        "adamayoung_TMDb/error-status-400.json",
        "adamayoung_TMDb/error-status-401.json",
        "adamayoung_TMDb/error-status-422.json",
        "adamayoung_TMDb/error-status-response.json",
    ],
}


def schema_of(operation_id: str) -> str:
    """The component the spec names for an operation's 200 body: `PersonImages`."""
    return str(_spec.response_schema(operation_id, 200)["$ref"]).rsplit("/", 1)[1]


def bundled() -> list[tuple[str, str, Any]]:
    """(schema, where from, body) for every body the package ships and every fixture."""
    cases = []
    for route, recording in _data.routes().items():
        found = _spec.find_operation("GET", route)
        assert found is not None, route
        cases.append((schema_of(found[0].operation_id), recording.file, recording.body))
    for seed_file in sorted((BUNDLED / "seeds").glob("*.json")):
        cases.append((schema_of(seed_file.stem), f"seeds/{seed_file.name}", load_json(seed_file)))
    for error_file in sorted((BUNDLED / "live").glob("error*.json")):
        body = load_json(error_file)["response"]["body"]
        cases.append(("ErrorResponse", f"live/{error_file.name}", body))
    for schema, files in FIXTURES.items():
        cases.extend((schema, name, load_json(DATA / "fixtures" / name)) for name in files)
    return cases


BUNDLED_BODIES = bundled()


@functools.cache
def model_of(schema: str) -> Any:
    """The generated class of a component, as openapi/config.yaml renames some."""
    config = yaml.safe_load((ROOT / "openapi" / "config.yaml").read_text(encoding="utf-8"))
    renamed = config.get("class_overrides", {}).get(schema, {}).get("class_name", schema)
    return getattr(tmdb_facade._generated.models, renamed)


@functools.cache
def validator_of(schema: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        {
            "$ref": f"#/components/schemas/{schema}",
            "components": {"schemas": _spec.document()["components"]["schemas"]},
        }
    )


def flattened(errors: Iterable[jsonschema.ValidationError]) -> Iterator[Finding]:
    """jsonschema's errors as findings at the place each one names (in the facade's notation:
    jsonschema writes `$['_id']` where the facade writes `$._id`)."""
    for error in errors:
        where = _validation.json_path(list(error.absolute_path))
        if error.validator in ("oneOf", "anyOf"):
            # `oneOf: [X, null]`: where the value is no X, what X's schema says about it; the
            # null branch only repeats that the value is not null.
            branches = error.context or []
            yield from flattened(
                e for e in branches if (e.validator, e.validator_value) != ("type", "null")
            )
        elif error.validator == "required":
            required = cast("list[str]", error.validator_value)
            present = cast("dict[str, Any]", error.instance)
            yield from ((f"{where}.{name}", "required") for name in required if name not in present)
        else:
            # Any other keyword is one the generated checks do not know: the spec grew one.
            assert error.validator in ("type", "pattern"), error
            yield where, str(error.validator)


def by_json_schema(schema: str, body: Any) -> set[Finding]:
    return set(flattened(validator_of(schema).iter_errors(body)))


def by_generated_checks(schema: str, body: Any) -> set[Finding]:
    _, deviations, _ = _validation.build(model_of(schema), copy.deepcopy(body))
    # An object set aside or read as null because of a field inside it is a consequence of that
    # field's finding, which JSON Schema reports; the object itself is no finding of its own.
    deviations = [d for d in deviations if " cannot be read: " not in d.problem]
    findings = {(d.json_path, kind_of(d.problem.split("; ")[0])) for d in deviations}
    assert len(findings) == len(deviations), "a place is reported twice"
    return findings


def kind_of(problem: str) -> str:
    if problem.endswith(" is a required property"):
        return "required"
    if " does not match " in problem:
        return "pattern"
    assert " is not of type " in problem, problem
    return "type"


@pytest.mark.parametrize(
    ("schema", "origin", "body"), BUNDLED_BODIES, ids=[f"{s}:{o}" for s, o, _ in BUNDLED_BODIES]
)
def test_the_checks_agree_with_json_schema_on_every_bundled_body(
    schema: str, origin: str, body: Any
) -> None:
    assert by_generated_checks(schema, body) == by_json_schema(schema, body)


def test_the_bundled_bodies_hold_deviations_of_each_kind() -> None:
    """The agreement above is not only on conforming bodies."""
    kinds = {kind for schema, _, body in BUNDLED_BODIES for _, kind in by_json_schema(schema, body)}
    assert kinds == {"type", "required"}
    changed = [transformed(body, EVERYWHERE["strings not file paths"]) for _, body in SMALL_BODIES]
    assert any(
        kind == "pattern"
        for (schema, _), body in zip(SMALL_BODIES, changed, strict=True)
        for _, kind in by_json_schema(schema, body)
    )


# -- mutated bodies ---------------------------------------------------------------------------


def trimmed(node: Any) -> Any:
    """`node` with every list cut to its first three items: the same shapes, checked faster."""
    if isinstance(node, dict):
        return {key: trimmed(value) for key, value in node.items()}
    if isinstance(node, list):
        return [trimmed(item) for item in node[:3]]
    return node


SMALL_BODIES = [(schema, trimmed(body)) for schema, _, body in BUNDLED_BODIES]
TOP_LEVEL = sorted({schema for schema, _ in SMALL_BODIES})

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=10,
)
#: Values at the edges of the JSON types: a bool is no integer, 62.0 is one, null is allowed
#: only where declared, a file path must start with "/".
EDGES = st.sampled_from(
    [None, True, False, 0, -1, 62.0, 1.5, 2.0**63, float("inf"), "", "/a.jpg", "a.jpg"]
) | st.sampled_from([[], {}, [None], ["x"], [1.0], {"id": 1}])


def places(node: Any, here: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path to every value in `node` but `node` itself."""
    if isinstance(node, dict):
        items: Iterable[tuple[Any, Any]] = node.items()
    else:
        items = enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        yield (*here, key)
        yield from places(value, (*here, key))


@st.composite
def mutated_bodies(draw: st.DrawFn) -> tuple[str, Any]:
    """A bundled body, mostly with its own schema, with one to three values replaced or gone
    (a string often by another string, which may break a pattern)."""
    schema, body = draw(st.sampled_from(SMALL_BODIES))
    body = copy.deepcopy(body)
    for _ in range(draw(st.integers(1, 3))):
        where = list(places(body))
        if not where:
            break
        *parents, key = draw(st.sampled_from(where))
        parent = functools.reduce(lambda node, part: node[part], parents, body)
        if draw(st.integers(0, 3)) == 0:
            del parent[key]
        elif isinstance(parent[key], str) and draw(st.booleans()):
            parent[key] = draw(st.sampled_from(["a.jpg", "", "/"]) | st.text(max_size=5))
        else:
            # A copy: sampled_from gives the same list or dict every time.
            parent[key] = copy.deepcopy(draw(EDGES | json_values))
    return draw(st.sampled_from([schema, schema, schema, *TOP_LEVEL])), body


@seed(20261202)
@settings(
    max_examples=400,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(case=mutated_bodies())
def test_the_checks_agree_with_json_schema_on_mutated_bodies(case: tuple[str, Any]) -> None:
    schema, body = case
    assert by_generated_checks(schema, body) == by_json_schema(schema, body)


def transformed(node: Any, change: Any) -> Any:
    """`node` with `change` applied to every value that is neither a list nor an object."""
    if isinstance(node, dict):
        return {key: transformed(value, change) for key, value in node.items()}
    if isinstance(node, list):
        return [transformed(item, change) for item in node]
    return change(node)


def _number(value: Any) -> bool:
    return type(value) in (int, float)


#: Changes to every value of a body at once, each aimed at one rule of the checks.
EVERYWHERE = {
    "strings not file paths": lambda v: "a.jpg" if isinstance(v, str) else v,
    "numbers as booleans": lambda v: True if _number(v) else v,
    "integers as floats": lambda v: float(v) if type(v) is int else v,
    "nulls as numbers": lambda v: 0 if v is None else v,
    "booleans as integers": lambda v: int(v) if isinstance(v, bool) else v,
    "strings as nulls": lambda v: None if isinstance(v, str) else v,
}


def first_keys_dropped(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: first_keys_dropped(value) for key, value in list(node.items())[1:]}
    if isinstance(node, list):
        return [first_keys_dropped(item) for item in node]
    return node


@pytest.mark.parametrize("change", sorted(EVERYWHERE))
def test_the_checks_agree_with_json_schema_when_every_value_changes(change: str) -> None:
    for schema, body in SMALL_BODIES:
        changed = transformed(body, EVERYWHERE[change])
        assert by_generated_checks(schema, changed) == by_json_schema(schema, changed), schema


def test_the_checks_agree_with_json_schema_when_every_object_loses_its_first_field() -> None:
    for schema, body in SMALL_BODIES:
        changed = first_keys_dropped(body)
        assert by_generated_checks(schema, changed) == by_json_schema(schema, changed), schema


# -- what the generated checks cannot see -----------------------------------------------------


def patterns(node: Any, here: str) -> Iterator[str]:
    """The JSON pointer of every `pattern` under `node`."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                yield here
            else:
                yield from patterns(value, f"{here}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from patterns(value, f"{here}/{index}")


def test_every_pattern_of_a_response_schema_is_where_the_generated_checks_see_it() -> None:
    """The template reads a property's pattern from its model's own schema or an inline part
    of its allOf; the generator's property objects carry none, so a pattern on an array's items,
    or in a schema that another takes in by allOf $ref, would go unchecked."""
    schemas = _spec.document()["components"]["schemas"]
    taken_in = {
        part["$ref"].rsplit("/", 1)[1]
        for schema in schemas.values()
        for part in schema.get("allOf", [])
        if "$ref" in part
    }
    found = list(patterns(schemas, ""))
    assert found, "the spec has no pattern left: this test and the template's lookup can go"
    for pointer in found:
        name, *rest = pointer.strip("/").split("/")
        assert rest[-2:-1] == ["properties"], pointer
        assert len(rest) in (2, 4), pointer
        assert name not in taken_in, pointer


# -- what the checks do with values at the edges ------------------------------------------------

CREDITS: dict[str, Any] = _data.routes()["/3/tv/1396/season/1/credits"].body


def answering(content: bytes, *, strict: bool) -> Tmdb:
    return Tmdb(
        "t",
        transport=httpx.MockTransport(lambda request: httpx.Response(200, content=content)),
        strict=strict,
    )


@pytest.mark.parametrize("literal", ["1e300", "9223372036854775808.0", "-1E19"])
def test_a_float_literal_beyond_64_bits_in_an_integer_field_is_the_integer_it_equals(
    literal: str,
) -> None:
    # 1e300 has no fraction: JSON Schema counts it an integer, and so does the model.
    content = json.dumps({**CREDITS, "id": "BIG"}).replace('"BIG"', literal).encode()
    with answering(content, strict=True) as tmdb:
        credits = tmdb.season_credits(1396, 1)
    assert credits.id == int(float(literal))
    assert credits.spec_deviations == ()


def test_a_deeply_nested_value_where_a_string_belongs_is_quoted_by_its_size() -> None:
    cast = [{**CREDITS["cast"][0], "name": "X"}, *CREDITS["cast"][1:]]
    content = json.dumps({**CREDITS, "cast": cast}).replace('"X"', "[" * 900 + "]" * 900)
    with (
        answering(content.encode(), strict=True) as tmdb,
        pytest.raises(ResponseValidationError) as caught,
    ):
        tmdb.season_credits(1396, 1)
    assert caught.value.json_path == "$.cast[0].name"
    assert 'an array of 1 items is not of type "string"' in str(caught.value)
