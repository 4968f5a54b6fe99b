"""Check a decoded response body against the spec's schema for its operation and status."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import jsonschema_rs

from . import _spec


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
    errors = sorted(validator.iter_errors(body), key=lambda e: -len(e.instance_path))
    error = errors[0]
    path = json_path(error.instance_path)
    if isinstance(error.kind, jsonschema_rs.ValidationErrorKind.Required):
        missing = error.kind.property
        if isinstance(missing, str):
            path = f"{path}.{missing}"
    return path, error.message
