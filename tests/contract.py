"""Check recorded exchanges against the spec: the request is an operation with valid
parameters, the response body fits the schema for its operation and status."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import unquote_plus

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


#: What TMDB's real credentials look like, for cassettes recorded live, whose credential the
#: tests cannot know: a v4 read access token is a JWT, a v3 API key 32 hex digits.
CREDENTIAL_SHAPES = (
    re.compile(r"eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+"),
    re.compile(r"(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])"),
)


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value if isinstance(value, str) else json.dumps(value, default=str)


def _places(interaction: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(where, text) for every part of a recorded exchange a secret could hide in."""
    request, response = interaction["request"], interaction["response"]
    yield "request URI", _text(request.get("uri", ""))
    for name, value in httpx.URL(_text(request.get("uri", ""))).params.multi_items():
        yield f"query parameter {name!r}", f"{name}={value}"
    for side, headers in (("request", request.get("headers")), ("response", response["headers"])):
        for name, values in (headers or {}).items():
            yield f"{side} header {name!r}", f"{name}: {_text(values)}"
    yield "request body", _text(request.get("body"))
    yield "response status", _text(response.get("status"))
    yield "response body", _text(response.get("body"))


def credential_leaks(interaction: dict[str, Any], secrets: Iterable[str]) -> list[str]:
    """Every part of a recorded exchange (the URI, each query parameter, each request and
    response header, both bodies) holding one of `secrets` or anything shaped like a TMDB
    credential, as sent or percent-decoded."""
    secrets = [secret for secret in secrets if secret]

    def holds(text: str) -> bool:
        return any(
            any(secret in form for secret in secrets)
            or any(shape.search(form) for shape in CREDENTIAL_SHAPES)
            for form in (text, unquote_plus(text))
        )

    leaks = [where for where, text in _places(interaction) if holds(text)]
    # Whatever else a future vcrpy may write into an exchange.
    if not leaks and holds(json.dumps(interaction, default=str)):
        leaks.append("elsewhere in the exchange")
    return leaks
