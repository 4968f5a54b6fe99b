"""Read a response body into a model: decode, then build it, checking it against the spec.

Tolerant by default: a body that departs from the spec in its fields is built as sent, and its
deviations are listed on the model (`spec_deviations`). Only what leaves nothing to build on is
an error: not JSON, nested too deeply to decode, the wrong top-level type, or without a list (or
object) the method exists for. Strict mode makes every deviation an error.

The checks are generated into each model's `from_decoded` from the spec's types
(openapi/templates/model.py.jinja), which spares the library a JSON Schema validator: the Rust
one it used was half its installed size (BENCHMARKS.md). tests/test_generated_checks.py holds
them to the spec's JSON Schema, with the `jsonschema` package as the judge.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from typing import Any, Protocol, Self, TypeVar

import orjson

from tmdb_api.types import UNSET, Deviation

from . import _spec

#: How much of a deviation's description a deviation keeps.
PROBLEM_LIMIT = 200
#: How many characters of a string value a deviation quotes.
SHOWN_LIMIT = 80

Found = list[tuple[Any, ...]]
"""What a generated `from_decoded` appends a departure from the spec to, one tuple each:
`(at, key, kind, expected, value)` (openapi/templates/model.py.jinja says what each holds)."""


class Model(Protocol):
    """What every generated model has."""

    spec_deviations: tuple[Deviation, ...]

    @classmethod
    def from_decoded(
        cls, d: dict[str, Any], found: Found | None = None, at: tuple[Any, ...] = ()
    ) -> Self: ...


M = TypeVar("M", bound=Model)


class OffSpec(Exception):  # noqa: N818 (internal signal, turned into ResponseValidationError)
    """The body breaks the spec at `json_path`."""

    def __init__(self, json_path: str, problem: str, body: Any) -> None:
        super().__init__(json_path, problem)
        self.json_path = json_path
        self.problem = problem
        self.body = body


@functools.cache
def _essential(operation_id: str) -> frozenset[str]:
    """The top-level lists and objects a 200 answer must have: what the method exists for."""
    schema = _spec.resolve(_spec.response_schema(operation_id, 200))
    essential = set()
    for part in [schema, *(_spec.resolve(p) for p in schema.get("allOf", []))]:
        for name in part.get("required", []):
            kind = _spec.resolve(part.get("properties", {}).get(name, {})).get("type")
            if kind in ("array", "object"):
                essential.add(name)
    return frozenset(essential)


def json_path(instance_path: Sequence[str | int]) -> str:
    """`["cast", 3, "id"]` -> `"$.cast[3].id"`.

    >>> json_path(["cast", 3, "id"])
    '$.cast[3].id'
    """
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in instance_path)


def _capped(message: str) -> str:
    if len(message) <= PROBLEM_LIMIT:
        return message
    return f"{message[: PROBLEM_LIMIT - 3]}... ({len(message)} characters)"


#: JSON's names of the types a JSON decoder makes.
_JSON_TYPES = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}


def _json_type(value: Any) -> str:
    return _JSON_TYPES.get(type(value), "number")


def shown(value: Any) -> str:
    """A value as a deviation quotes it: JSON, a long string cut short, a list or object by size.

    >>> shown("17419"), shown(None), shown([1, 2]), shown("x" * 100)[-16:]
    ('"17419"', 'null', 'an array of 2 items', '(100 characters)')
    """
    if isinstance(value, str):
        text = json.dumps(value[:SHOWN_LIMIT], ensure_ascii=False)
        return text if len(value) <= SHOWN_LIMIT else f"{text}... ({len(value)} characters)"
    if isinstance(value, list):
        return f"an array of {len(value)} items"
    if isinstance(value, dict):
        return f"an object of {len(value)} members"
    # Never a container here, so json.dumps cannot recurse: null, true, 62, 1.5, NaN.
    return json.dumps(value)


def _deviation(
    at: tuple[Any, ...], key: str | int, kind: str, expected: str, value: Any
) -> tuple[int, Deviation]:
    """A generated check's finding as a deviation, with the depth it sits at in the body."""
    parts = [key]
    while at:
        at, part = at
        parts.append(part)
    parts.reverse()
    if value is UNSET:
        problem = f"{json.dumps(key)} is a required property"
    elif kind == "pattern":
        problem = f"{shown(value)} does not match {json.dumps(expected)}"
    else:
        problem = f"{shown(value)} is not of type {expected}"
    # JSON Schema places a missing field at the object that lacks it, one level up; deepest
    # first, as the strict mode's error has always named the deepest place.
    depth = len(parts) - (value is UNSET)
    return depth, Deviation(json_path(parts), _capped(problem))


def build(model: type[M], body: dict[str, Any]) -> tuple[M, list[Deviation], bool]:
    """`body` (a JSON object just decoded, which it empties) as `model`, where it breaks the
    spec (deepest first, then in document order), and whether an integer field held a float
    that a fast decoder may have rounded (decode exactly and build again to be sure)."""
    found: Found = []
    built = model.from_decoded(body, found)
    if not found:
        return built, [], False
    inexact = False
    ranked: list[tuple[int, int, Deviation]] = []
    for at, key, kind, expected, value in found:
        if kind == "inexact":
            inexact = True
        else:
            depth, deviation = _deviation(at, key, kind, expected, value)
            ranked.append((-depth, len(ranked), deviation))
    return built, [deviation for *_, deviation in sorted(ranked)], inexact


class TooDeepError(ValueError):
    """JSON nested deeper than can be decoded without running out of stack."""


def load_json(content: bytes, *, exact: bool = False) -> Any:
    """JSON bytes -> Python; `ValueError` when not JSON (`TooDeepError` if nested too deeply).

    orjson (a third of json.loads's time on big credits, BENCHMARKS.md) reads an integer beyond
    64 bits as a float; `exact` decodes with json.loads instead, which keeps it whole.
    """
    try:
        return json.loads(content) if exact else orjson.loads(content)
    except RecursionError:
        raise TooDeepError("nested too deeply") from None
    except orjson.JSONDecodeError as exc:
        if "depth" in str(exc):
            raise TooDeepError("nested too deeply") from None
        raise


def _decoded(content: bytes, *, exact: bool = False) -> Any:
    try:
        return load_json(content, exact=exact)
    except ValueError as exc:
        text = content[:500].decode("utf-8", "replace")
        problem = "nested too deeply" if isinstance(exc, TooDeepError) else "not JSON"
        raise OffSpec("$", f"the body is {problem}", text) from None


def _unusable(operation_id: str, found: list[Deviation]) -> Deviation | None:
    """The deviation that leaves nothing to build on, if any."""
    essential = _essential(operation_id)
    for deviation in found:
        if deviation.json_path.removeprefix("$.") in essential:
            return deviation
    return None


def decode_model(operation_id: str, model: type[M], content: bytes, *, strict: bool) -> M:
    """JSON bytes -> the operation's model, or `OffSpec` naming where the body is unusable.

    With `strict`, any deviation from the spec is an `OffSpec`; without, the model is built
    as sent and lists its deviations in `spec_deviations`.
    """
    body = _decoded(content)
    if not isinstance(body, dict):
        raise OffSpec("$", f"the body is a JSON {_json_type(body)}, not an object", body)
    # The generated `from_decoded` takes the dict just decoded, which nothing else holds.
    built, found, inexact = build(model, body)
    if inexact:  # maybe an integer beyond 64 bits, which orjson made a float
        built, found, _ = build(model, _decoded(content, exact=True))
    if found:
        fatal = found[0] if strict else _unusable(operation_id, found)
        if fatal is not None:
            # Building emptied the decoded body: the error shows it as sent.
            raise OffSpec(fatal.json_path, fatal.problem, _decoded(content))
    built.spec_deviations = tuple(found)
    return built
