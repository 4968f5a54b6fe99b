"""Read a response body into a model, checking it against the spec's schema first."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any, Protocol, Self, TypeVar

import jsonschema_rs
import orjson

from . import _spec


class Model(Protocol):
    """What every generated model has."""

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


def json_path(instance_path: Sequence[str | int]) -> str:
    """`["cast", 3, "id"]` -> `"$.cast[3].id"`.

    >>> json_path(["cast", 3, "id"])
    '$.cast[3].id'
    """
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in instance_path)


def schema_violation(operation_id: str, status: int, body: Any) -> tuple[str, str] | None:
    """The first place where `body` breaks the schema, as (JSON path, message), or None."""
    validator = _validator(operation_id, status)
    if validator.is_valid(body):
        return None
    # Report the deepest error: "$.cast[3].id is not an integer" beats "$.cast is invalid".
    error = max(validator.iter_errors(body), key=lambda e: len(e.instance_path))
    path = json_path(error.instance_path)
    if isinstance(error.kind, jsonschema_rs.ValidationErrorKind.Required):
        missing = error.kind.property
        if isinstance(missing, str):
            path = f"{path}.{missing}"
    return path, error.message


def decode_model(operation_id: str, model: type[M], content: bytes) -> M:
    """JSON bytes -> the operation's model, or `OffSpec` naming where the body is wrong."""
    try:
        # orjson: a third of json.loads's time on big credits (BENCHMARKS.md).
        body = orjson.loads(content)
    except orjson.JSONDecodeError:
        body = content[:500].decode("utf-8", "replace")
        raise OffSpec("$", "the body is not JSON", body) from None
    violation = schema_violation(operation_id, 200, body)
    if violation is not None:
        raise OffSpec(*violation, body)
    # The generated `from_decoded` takes the dict just decoded, which nothing else holds.
    return model.from_decoded(body)
