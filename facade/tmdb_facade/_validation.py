"""Read a response body into a model: decode, check against the spec, build.

Tolerant by default: a body that departs from the spec in its fields is built as sent, and its
deviations are listed on the model (`spec_deviations`). Only what leaves nothing to build on is
an error: not JSON, nested beyond what can be checked, the wrong top-level type, or without a
list (or object) the method exists for. Strict mode makes every deviation an error.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from typing import Any, Protocol, Self, TypeVar

import jsonschema_rs
import orjson

from tmdb_api.types import Deviation

from . import _spec

#: How much of a schema error's message a deviation keeps: it quotes the offending value.
PROBLEM_LIMIT = 200
#: A run of this many digits may be an integer beyond 64 bits, which orjson reads as a float.
_LONG_NUMBER = re.compile(rb"\d{19,}")


class Model(Protocol):
    """What every generated model has."""

    spec_deviations: tuple[Deviation, ...]

    @classmethod
    def from_decoded(cls, d: dict[str, Any]) -> Self: ...


M = TypeVar("M", bound=Model)


class OffSpec(Exception):  # noqa: N818 (internal signal, turned into ResponseValidationError)
    """The body breaks the spec at `json_path`."""

    def __init__(self, json_path: str, problem: str, body: Any) -> None:
        super().__init__(json_path, problem)
        self.json_path = json_path
        self.problem = problem
        self.body = body


@functools.cache
def _validator(operation_id: str, status: int) -> Any:
    return jsonschema_rs.validator_for(_spec.response_schema(operation_id, status))


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


def deviations(operation_id: str, status: int, body: Any) -> list[Deviation]:
    """Every place where `body` breaks the schema, deepest first; [] when it conforms."""
    validator = _validator(operation_id, status)
    try:
        if validator.is_valid(body):
            return []
        errors = list(validator.iter_errors(body))
    except ValueError as exc:  # jsonschema-rs: "Recursion limit reached"
        raise OffSpec("$", f"the body cannot be checked: {exc}", None) from None
    found = []
    for error in sorted(errors, key=lambda e: -len(e.instance_path)):
        path = json_path(error.instance_path)
        if isinstance(error.kind, jsonschema_rs.ValidationErrorKind.Required):
            missing = error.kind.property
            if isinstance(missing, str):
                path = f"{path}.{missing}"
        found.append(Deviation(path, _capped(error.message)))
    return found


def schema_violation(operation_id: str, status: int, body: Any) -> tuple[str, str] | None:
    """The deepest place where `body` breaks the schema, as (JSON path, message), or None."""
    found = deviations(operation_id, status, body)
    return (found[0].json_path, found[0].problem) if found else None


class TooDeepError(ValueError):
    """JSON nested deeper than can be decoded or checked without running out of stack."""


def load_json(content: bytes) -> Any:
    """JSON bytes -> Python, integers exact; `ValueError` when not JSON (`TooDeepError` if nested
    too deeply)."""
    try:
        if _LONG_NUMBER.search(content) is None:
            # orjson: a third of json.loads's time on big credits (BENCHMARKS.md).
            return orjson.loads(content)
        return json.loads(content)  # exact beyond 64 bits, where orjson gives a float
    except RecursionError:
        raise TooDeepError("nested too deeply") from None
    except orjson.JSONDecodeError as exc:
        if "depth" in str(exc):
            raise TooDeepError("nested too deeply") from None
        raise


def _unusable(operation_id: str, body: Any, found: list[Deviation]) -> Deviation | None:
    """The deviation that leaves nothing to build on, if any."""
    if not isinstance(body, dict):
        return Deviation("$", f"the body is a JSON {type(body).__name__}, not an object")
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
    try:
        body = load_json(content)
    except ValueError as exc:
        text = content[:500].decode("utf-8", "replace")
        problem = "nested too deeply" if isinstance(exc, TooDeepError) else "not JSON"
        raise OffSpec("$", f"the body is {problem}", text) from None
    found = deviations(operation_id, 200, body)
    if found:
        fatal = found[0] if strict else _unusable(operation_id, body, found)
        if fatal is not None:
            raise OffSpec(fatal.json_path, fatal.problem, body)
    # The generated `from_decoded` takes the dict just decoded, which nothing else holds.
    built = model.from_decoded(body)
    built.spec_deviations = tuple(found)
    return built
