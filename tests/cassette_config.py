"""How cassettes are recorded, scrubbed, written and matched: one place for tests and recorder.

Cassettes recorded from the fake server are rewritten to TMDB's real address, so a cassette
looks the same whichever source made it and replays against a client with default settings.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

import vcr
import yaml

#: Where `scripts/record` is recording from: "fake" (the default) or "live".
SOURCE_ENV = "TMDB_RECORD_SOURCE"
API_ORIGIN = "https://api.themoviedb.org"
SECRET_QUERY_PARAMETERS = ("api_key",)
SECRET_HEADERS = ("authorization",)
KEPT_RESPONSE_HEADERS = ("content-type", "retry-after")
SERIALIZER = "yaml"  # replaces vcrpy's own, so cassettes keep the .yaml ending
_LOOPBACK = re.compile(r"^http://127\.0\.0\.1:\d+")


def scrub_request(request: Any) -> Any:
    """Point a fake-server request at TMDB's address and drop everything but what matches."""
    request.uri = _LOOPBACK.sub(API_ORIGIN, request.uri)
    # Only these headers are kept, so a new User-Agent never changes a cassette.
    request.headers = {k: v for k, v in request.headers.items() if k.lower() == "accept"}
    return request


def scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    """Keep the headers the client reads; drop dates, lengths and servers, which vary."""
    response["headers"] = {
        name: value
        for name, value in response["headers"].items()
        if name.lower() in KEPT_RESPONSE_HEADERS
    }
    return response


def vcr_config() -> dict[str, Any]:
    """Keyword arguments for `vcr.VCR`, used by the tests and by `scripts/record` alike."""
    return {
        "serializer": SERIALIZER,
        "filter_headers": list(SECRET_HEADERS),
        "filter_query_parameters": list(SECRET_QUERY_PARAMETERS),
        "before_record_request": scrub_request,
        "before_record_response": scrub_response,
        "decode_compressed_response": True,
        "match_on": ["method", "scheme", "host", "port", "path", "query"],
    }


def recorder(library_dir: str, **overrides: Any) -> vcr.VCR:
    """A `vcr.VCR` set up as `scripts/record` sets it up (for tests that record themselves)."""
    made = vcr.VCR(cassette_library_dir=library_dir, **{**vcr_config(), **overrides})
    made.register_serializer(SERIALIZER, CassetteSerializer())
    return made


def provenance() -> str:
    """Where the exchanges of a cassette come from, written at its top."""
    if os.environ.get(SOURCE_ENV) == "live":
        from datetime import UTC, datetime

        return f"live TMDB API ({API_ORIGIN}), recorded {datetime.now(UTC):%Y-%m-%d}"
    return (
        "fake TMDB server (tmdb_facade.testing) serving the live responses recorded in August 2026"
    )


class CassetteSerializer:
    """vcrpy's YAML, with the provenance on top and JSON bodies kept readable as text."""

    @staticmethod
    def serialize(cassette: dict[str, Any]) -> str:
        document = {"recorded_from": provenance(), **cassette}
        header = "# Re-record with scripts/record (fake server) or scripts/record --live.\n"
        return header + yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)

    @staticmethod
    def deserialize(text: str) -> dict[str, Any]:
        loaded: dict[str, Any] = yaml.safe_load(text)
        return loaded


def interactions(text: str) -> list[dict[str, Any]]:
    """The exchanges of a cassette file's text."""
    return list(CassetteSerializer.deserialize(text)["interactions"])


def response_json(interaction: dict[str, Any]) -> Any:
    """The JSON body of a recorded response."""
    return json.loads(interaction["response"]["body"]["string"])
