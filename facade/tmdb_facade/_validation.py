"""Read a response body into a model: decode, then build it, checking it against the spec.

Tolerant by default, and never at the cost of the types: what departs from the spec is listed on
the model (`spec_deviations`, each with the value sent) and kept for `to_dict()`, while every
attribute holds its declared type. An off-spec optional field reads as UNSET, a required nullable
one as None, a list item that cannot be read as its type is set aside. An answer whose required,
non-nullable top-level field cannot be read is an error, as is one that is not JSON, nested too
deeply to decode, or of the wrong top-level type. Strict mode makes every deviation an error.

The checks are generated into each model's `from_decoded` from the spec's types
(openapi/templates/model.py.jinja), which spares the library a JSON Schema validator: the Rust
one it used was half its installed size (BENCHMARKS.md). tests/test_generated_checks.py holds
them to the spec's JSON Schema, with the `jsonschema` package as the judge.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Protocol, Self, TypeVar

import orjson

from tmdb_facade._generated.types import UNSET, Deviation, Unusable, json_form

#: How much of a deviation's description a deviation keeps.
PROBLEM_LIMIT = 200
#: How many characters of a string value a deviation quotes.
SHOWN_LIMIT = 80

Found = list[tuple[Any, ...]]
"""What a generated `from_decoded` appends a departure from the spec to, one tuple each:
`(at, key, kind, expected, value, fate)` (openapi/templates/model.py.jinja says what each holds)."""

#: How each fate of a departure reads, after its problem.
_FATES = {
    "kept": "",
    "unset": "; read as UNSET",
    "null": "; read as null",
    "dropped": "; item set aside",
    "fatal": "; the object cannot be read without it",
}


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
    at: tuple[Any, ...], key: str | int, kind: str, expected: str, value: Any, fate: str
) -> tuple[int, Deviation]:
    """A generated check's finding as a deviation, with the depth it sits at in the body."""
    parts = [key]
    while at:
        at, part = at
        parts.append(part)
    parts.reverse()
    sent = json_form(value)
    if value is UNSET:
        problem = f"{json.dumps(key)} is a required property"
    elif kind == "object":
        problem = f"{shown(sent)} cannot be read: a required field departs from the spec"
    elif kind == "pattern":
        problem = f"{shown(value)} does not match {json.dumps(expected)}"
    else:
        problem = f"{shown(value)} is not of type {expected}"
    # JSON Schema places a missing field at the object that lacks it, one level up; deepest
    # first, as the strict mode's error has always named the deepest place.
    depth = len(parts) - (value is UNSET)
    return depth, Deviation(json_path(parts), _capped(problem) + _FATES[fate], sent)


def build(model: type[M], body: dict[str, Any]) -> tuple[M | None, list[Deviation], bool]:
    """`body` (a JSON object just decoded, which it empties) as `model` (None when a required,
    non-nullable field of it cannot be read), where it breaks the spec (deepest first, then in
    document order; what makes it unreadable first of all), and whether an integer field held
    a float that a fast decoder may have rounded (decode exactly and build again to be sure)."""
    found: Found = []
    built: M | None
    try:
        built = model.from_decoded(body, found)
    except Unusable:
        built = None
    if not found:
        return built, [], False
    inexact = False
    ranked: list[tuple[bool, int, int, Deviation]] = []
    for at, key, kind, expected, value, fate in found:
        if kind == "inexact":
            inexact = True
        else:
            depth, deviation = _deviation(at, key, kind, expected, value, fate)
            fatal_here = built is None and not at and fate == "fatal"
            ranked.append((not fatal_here, -depth, len(ranked), deviation))
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


def decode_model(model: type[M], content: bytes, *, strict: bool) -> M:
    """JSON bytes -> the operation's model, or `OffSpec` naming where the body is unusable.

    With `strict`, any deviation from the spec is an `OffSpec`; without, only a required,
    non-nullable top-level field that cannot be read is, and the model lists its deviations
    in `spec_deviations`.
    """
    body = _decoded(content)
    if not isinstance(body, dict):
        raise OffSpec("$", f"the body is a JSON {_json_type(body)}, not an object", body)
    # The generated `from_decoded` takes the dict just decoded, which nothing else holds.
    built, found, inexact = build(model, body)
    if inexact:  # maybe an integer beyond 64 bits, which orjson made a float
        built, found, _ = build(model, _decoded(content, exact=True))
    if built is None or (strict and found):
        # Building emptied the decoded body: the error shows it as sent.
        raise OffSpec(found[0].json_path, found[0].problem, _decoded(content))
    built.spec_deviations = tuple(found)
    return built
