"""What the fake server answers to one request: auth, routing, validation, data, filtering.

Everything here follows the spec (`tmdb_facade._spec`): the operations, the bounds of the path
parameters and the patterns of the query parameters are read from it, not repeated.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tmdb_facade import _spec
from tmdb_facade.testing import _data, _images

# As in TMDB's recordings (`data/live/*.json`).
JSON_CONTENT_TYPE = "application/json; charset=utf-8"

# TMDB's own error codes and messages (its documentation's table of status codes), by the HTTP
# status it sends them with. 404 is answered with the recorded body instead (`_data.not_found`).
TMDB_ERRORS: dict[int, tuple[int, str]] = {
    401: (7, "Invalid API key: You must be granted a valid key."),
    404: (34, "The resource you requested could not be found."),
    422: (5, "Invalid parameters: Your request parameters are incorrect."),
    429: (25, "Your request count (#) is over the allowed limit of (40)."),
    500: (11, "Internal error: Something went wrong, contact TMDB."),
    501: (2, "Invalid service: this service does not exist."),
    503: (9, "Service offline: This service is temporarily offline, try again later."),
    504: (24, "Your request to the backend server timed out. Try again."),
}

_DIGITS = re.compile(r"[0-9]{1,64}")


@dataclass(frozen=True)
class Reply:
    """A response before HTTP framing: the server adds Content-Length, Server and Connection."""

    status: int
    body: bytes
    content_type: str = JSON_CONTENT_TYPE
    headers: tuple[tuple[str, str], ...] = ()


def error_reply(status: int, headers: tuple[tuple[str, str], ...] = ()) -> Reply:
    """TMDB's error body for `status` (code 11, internal error, for a status TMDB has none for)."""
    if status == 404:
        return Reply(404, _data.not_found().encoded, headers=headers)
    code, message = TMDB_ERRORS.get(status, TMDB_ERRORS[500])
    body = {"success": False, "status_code": code, "status_message": message}
    return Reply(status, _data.encode(body), headers=headers)


def is_image_path(path: str) -> bool:
    """Whether `path` is on the image CDN (`/t/p/{size}/{file_path}`), not the API."""
    return path.startswith("/t/p/")


def image_reply(path: str) -> Reply:
    """The CDN: an image in the format its name says (`placeholder_for`) for a known file path
    in a known size, else 404. No credentials needed."""
    match = _images.IMAGE_PATH.match(path)
    if (
        match is None
        or match["size"] not in _images.SERVED_SIZES
        or match["file_path"] not in _data.image_file_paths()
    ):
        return error_reply(404)
    data, content_type = _images.placeholder_for(match["file_path"])
    return Reply(200, data, content_type=content_type)


def is_authorised(
    headers: Mapping[str, str], query: Mapping[str, str], access_token: str, api_key: str
) -> bool:
    """TMDB's two ways: `Authorization: Bearer <token>` (v4 token) or `?api_key=` (v3 key)."""
    scheme, _, credentials = headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and credentials.strip() == access_token:
        return True
    return query.get("api_key") == api_key


def _bounded_int(value: str, schema: Mapping[str, Any]) -> int | None:
    if not _DIGITS.fullmatch(value):
        return None
    number = int(value)
    if schema.get("minimum", number) <= number <= schema.get("maximum", number):
        return number
    return None


def _matches(pattern: str, value: str) -> bool:
    if not pattern:
        return True
    # The spec's patterns are anchored (^...$). fullmatch also stops Python's `$` from accepting
    # a trailing newline, which ECMA-262 (the regex dialect of JSON Schema) does not accept.
    return re.fullmatch(pattern, value) is not None


def filter_images(body: _data.JsonObject, query: Mapping[str, str]) -> _data.JsonObject | None:
    """TMDB's image language filter, or None when the query asks for none.

    With `include_image_language=en,null` only images whose `iso_639_1` is listed are kept
    (`null` stands for images without language); else with `language=pt` or `pt-BR` only those
    in Portuguese or without language; else all of them.
    """
    if "include_image_language" in query:
        codes = query["include_image_language"].split(",")
        keep: set[str | None] = {None if code == "null" else code for code in codes}
    elif "language" in query:
        keep = {query["language"][:2], None}
    else:
        return None
    return {
        key: [image for image in value if image.get("iso_639_1") in keep]
        if isinstance(value, list) and all(isinstance(v, dict) and "iso_639_1" in v for v in value)
        else value
        for key, value in body.items()
    }


def api_reply(
    method: str,
    path: str,
    query: Mapping[str, str],
    headers: Mapping[str, str],
    *,
    token: str,
    key: str,
) -> tuple[Reply, str | None]:
    """The answer to an API request, and the spec's operationId it matched (None if none)."""
    if not is_authorised(headers, query, token, key):
        return error_reply(401), None
    found = _spec.find_operation(method, path)
    if found is None:
        return error_reply(404), None
    operation, raw_path_params = found
    path_params: dict[str, int] = {}
    for param in operation.parameters:
        name, schema = param["name"], param["schema"]
        if param["in"] == "path":
            number = _bounded_int(raw_path_params[name], schema)
            if number is None:
                # Like TMDB, which answers 404 for an id that is not a number or not in range.
                return error_reply(404), operation.operation_id
            path_params[name] = number
        elif (
            param["in"] == "query"
            and name in query
            and not _matches(schema.get("pattern", ""), query[name])
        ):
            return error_reply(422), operation.operation_id
    # Leading zeros and the like name the same resource as the recorded path.
    resource = operation.path.format(**path_params)
    recording = _data.routes().get(resource)
    if recording is None:
        return error_reply(404), operation.operation_id
    body = answered_body(operation, recording.body, query)
    appended = appended_bodies(operation, resource, query)
    if appended:
        body = {**(recording.body if body is None else body), **appended}
    encoded = recording.encoded if body is None else _data.encode(body)
    return Reply(200, encoded), operation.operation_id


def answered_body(
    operation: _spec.Operation, body: _data.JsonObject, query: Mapping[str, str]
) -> _data.JsonObject | None:
    """The body as `operation` answers `query`, or None when that is the recorded body.

    Only the image endpoints filter by language; the credits and details endpoints accept
    `language` but answer as recorded. (Season details take `include_image_language` too, for
    the images they append.)
    """
    if _takes(operation, "include_image_language") and not _takes(operation, "append_to_response"):
        return filter_images(body, query)
    return None


def appended_bodies(
    operation: _spec.Operation, resource: str, query: Mapping[str, str]
) -> _data.JsonObject:
    """TMDB's `append_to_response`: each named answer about the same resource, by name.

    `append_to_response=images,credits` on `/3/tv/1396/season/1` adds the answers of
    `.../season/1/images` and `.../season/1/credits`, filtered by the query as those endpoints
    filter, without their `id`. A name with no bundled answer is left out, as TMDB leaves out
    what it cannot append; the spec's pattern has already refused names it does not list.
    """
    if "append_to_response" not in query or not _takes(operation, "append_to_response"):
        return {}
    appended: _data.JsonObject = {}
    for name in dict.fromkeys(query["append_to_response"].split(",")):
        path = f"{resource}/{name}"
        recording, found = _data.routes().get(path), _spec.find_operation("GET", path)
        if recording is None or found is None:
            continue
        answered = answered_body(found[0], recording.body, query)
        body = recording.body if answered is None else answered
        appended[name] = {key: value for key, value in body.items() if key != "id"}
    return appended


def _takes(operation: _spec.Operation, parameter: str) -> bool:
    return any(p["name"] == parameter for p in operation.parameters)
