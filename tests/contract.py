"""Check recorded exchanges against the spec: the request is an operation with valid
parameters, the response body fits the schema for its operation and status."""

from __future__ import annotations

import json
from typing import Any

import httpx
import jsonschema

from tests.cassette_config import API_ORIGIN, SECRET_HEADERS
from tmdb_facade import _spec


def _schema_errors(instance: Any, schema: dict[str, Any]) -> list[jsonschema.ValidationError]:
    validator = jsonschema.Draft202012Validator(schema)
    return sorted(validator.iter_errors(instance), key=lambda error: error.json_path)


def request_violations(request: dict[str, Any]) -> tuple[str | None, list[str]]:
    """(operationId, problems) for a recorded request."""
    url = httpx.URL(request["uri"])
    problems = []
    if f"{url.scheme}://{url.host}" != API_ORIGIN:
        problems.append(f"request to {url.scheme}://{url.host}, not {API_ORIGIN}")
    if any(name.lower() in SECRET_HEADERS for name in request.get("headers", {})):
        problems.append("request holds a credential header")
    found = _spec.find_operation(request["method"], url.path)
    if found is None:
        return None, [*problems, f"{request['method']} {url.path} is no operation of the spec"]
    operation, path_values = found
    declared = {param["name"] for param in operation.parameters}
    for name in url.params:
        if name not in declared:
            problems.append(
                f"query parameter {name!r} is not declared for {operation.operation_id}"
            )
    for param in operation.parameters:
        name, schema = param["name"], param["schema"]
        raw = path_values.get(name) if param["in"] == "path" else url.params.get(name)
        if raw is None:
            if param.get("required"):
                problems.append(f"required parameter {name!r} is missing")
            continue
        value: Any = raw
        if schema["type"] == "integer":
            try:
                value = int(raw)
            except ValueError:
                problems.append(f"{name}={raw!r} is not an integer")
                continue
        problems += [f"{name}={raw!r}: {error.message}" for error in _schema_errors(value, schema)]
    return operation.operation_id, problems


def response_violations(operation_id: str, response: dict[str, Any]) -> list[str]:
    status = response["status"]["code"]
    headers = {name.lower(): values for name, values in response["headers"].items()}
    problems = []
    if not any("application/json" in v for v in headers.get("content-type", [])):
        problems.append(f"HTTP {status} is not application/json")
    if status == 429 and "retry-after" not in headers:
        problems.append("HTTP 429 without Retry-After")
    try:
        body = json.loads(response["body"]["string"])
    except ValueError:
        return [*problems, f"HTTP {status} body is not JSON"]
    schema = _spec.response_schema(operation_id, status)
    problems += [
        f"HTTP {status} body at {error.json_path}: {error.message}"
        for error in _schema_errors(body, schema)
    ]
    return problems


def interaction_violations(interaction: dict[str, Any]) -> list[str]:
    """Every way one recorded exchange breaks the spec (empty when it fits)."""
    operation_id, problems = request_violations(interaction["request"])
    if operation_id is not None:
        problems += response_violations(operation_id, interaction["response"])
    return problems
