"""What the fake server's tests share: the bundled data's paths and bodies, and a check of
every answer against the spec."""

from __future__ import annotations

from typing import Any

import httpx
import jsonschema

from tests.helpers import BUNDLED, load_json
from tmdb_facade import _spec

MANIFEST = load_json(BUNDLED / "manifest.json")
SEASON = "/3/tv/1396/season/1"
SEASON_IMAGES = f"{SEASON}/images"
EPISODE_IMAGES = f"{SEASON}/episode/1/images"
PERSON_IMAGES = "/3/person/62/images"
NOT_FOUND_BODY = load_json(BUNDLED / "live" / "error404__tv_999999999.json")["response"]["body"]
UNAUTHORISED_BODY = {
    "success": False,
    "status_code": 7,
    "status_message": "Invalid API key: You must be granted a valid key.",
}


def recorded_body(path: str) -> Any:
    entry = MANIFEST["routes"][path]
    document = load_json(BUNDLED / entry["file"])
    return document["response"]["body"] if entry["format"] == "exchange" else document


def conforming(response: httpx.Response) -> Any:
    """The response's JSON body, after checking it against the spec for its operation."""
    found = _spec.find_operation(response.request.method, response.request.url.path)
    # Paths outside the spec's operations still get TMDB's error body.
    operation_id = found[0].operation_id if found else "person-images"
    body = response.json()
    jsonschema.validate(body, _spec.response_schema(operation_id, response.status_code))
    return body
