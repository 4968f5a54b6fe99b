"""The OpenAPI document the generated client was made from, read as data.

`scripts/regenerate` writes it next to the generated code (`tmdb_facade/_generated/openapi.json`),
so the schema the facade validates responses against is always the one the models came from.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

JsonObject = dict[str, Any]


@dataclass(frozen=True)
class Operation:
    """One operation of the spec: `GET /3/person/{person_id}/images` is `person-images`."""

    operation_id: str
    method: str
    path: str
    parameters: tuple[JsonObject, ...]
    responses: JsonObject

    @functools.cached_property
    def path_regex(self) -> re.Pattern[str]:
        pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(self.path))
        return re.compile(f"^{pattern}$")


@functools.cache
def document() -> JsonObject:
    """The whole OpenAPI document."""
    text = files("tmdb_facade._generated").joinpath("openapi.json").read_text(encoding="utf-8")
    loaded: JsonObject = json.loads(text)
    return loaded


def resolve(node: JsonObject) -> JsonObject:
    """Follow a local `$ref` (`#/components/...`) to the object it names."""
    while "$ref" in node:
        target: Any = document()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


@functools.cache
def operations() -> dict[str, Operation]:
    """Every operation of the spec, by operationId."""
    found: dict[str, Operation] = {}
    for path, item in document()["paths"].items():
        for method, op in item.items():
            found[op["operationId"]] = Operation(
                operation_id=op["operationId"],
                method=method.upper(),
                path=path,
                parameters=tuple(resolve(p) for p in op.get("parameters", [])),
                responses=op["responses"],
            )
    return found


def operation(method: str, path_template: str) -> Operation:
    """The operation at `method path_template`, as a generated `ENDPOINT` names it."""
    return _by_route()[method.upper(), path_template]


@functools.cache
def _by_route() -> dict[tuple[str, str], Operation]:
    return {(op.method, op.path): op for op in operations().values()}


def find_operation(method: str, path: str) -> tuple[Operation, dict[str, str]] | None:
    """The operation serving `method path`, with the path parameters it holds."""
    for operation in operations().values():
        match = operation.path_regex.match(path)
        if operation.method == method.upper() and match:
            return operation, match.groupdict()
    return None


@functools.cache
def response_schema(operation_id: str, status: int) -> JsonObject:
    """A self-contained JSON Schema for the body of `operation_id` answering `status`.

    >>> response_schema("person-images", 200)["$ref"]
    '#/components/schemas/PersonImages'
    """
    responses = operations()[operation_id].responses
    response = resolve(responses.get(str(status)) or responses["default"])
    schema: JsonObject = response["content"]["application/json"]["schema"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "components": {"schemas": document()["components"]["schemas"]},
    }
