"""How cassettes are recorded, scrubbed, written and matched: one place for tests and recorder.

Cassettes recorded from the fake server are rewritten to TMDB's real address, so a cassette
looks the same whichever source made it and replays against a client with default settings.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

import httpx
import vcr
import yaml

#: Where `scripts/record` is recording from: "fake" (the default) or "live".
SOURCE_ENV = "TMDB_RECORD_SOURCE"
#: The folder the cassette tests read and write, when not tests/cassettes/test_cassettes.
CASSETTE_DIR_ENV = "TMDB_CASSETTE_DIR"
#: Where a live recording goes instead of TMDB (a staging server or a proxy), as for the CLI.
BASE_URL_ENV = "TMDB_BASE_URL"
#: The token of recordings from the fake server: it must never reach a cassette.
RECORDING_CANARY = "canary-3e9b1f-recording-token-must-never-reach-a-cassette"
#: The token of the test that TMDB (or the fake server) refuses with a 401.
WRONG_TOKEN = "not-a-valid-token"
API_ORIGIN = "https://api.themoviedb.org"
SECRET_QUERY_PARAMETERS = ("api_key",)
SECRET_HEADERS = ("authorization",)
KEPT_RESPONSE_HEADERS = ("content-type", "retry-after")
SERIALIZER = "yaml"  # replaces vcrpy's own, so cassettes keep the .yaml ending
_LOOPBACK = re.compile(r"^http://127\.0\.0\.1:\d+")


def live_base_url() -> dict[str, str]:
    """`base_url` for a live client: `TMDB_BASE_URL` when set, else the client's default."""
    base_url = os.environ.get(BASE_URL_ENV, "").rstrip("/")
    return {"base_url": base_url} if base_url else {}


def scrub_request(request: Any) -> Any:
    """Point a fake-server (or TMDB_BASE_URL) request at TMDB's address and drop everything
    but what matches."""
    base_url = live_base_url().get("base_url")
    if base_url and request.uri.startswith(base_url + "/"):
        request.uri = API_ORIGIN + request.uri.removeprefix(base_url)
    request.uri = _LOOPBACK.sub(API_ORIGIN, request.uri)
    # Only these headers are kept, so a new User-Agent never changes a cassette. Names are
    # lower-cased and an absent body is written as empty: vcrpy records an httpx request with
    # lower-case names and b"", an aiohttp one (the async client's transport when aiohttp is
    # installed) as sent and with None, and a cassette must not depend on the transport.
    request.headers = {k.lower(): v for k, v in request.headers.items() if k.lower() == "accept"}
    if request.body is None:
        request.body = b""
    return request


def scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    """Keep the headers the client reads; drop dates, lengths and servers, which vary."""
    response["headers"] = {
        name.lower(): value  # lower-case whatever the transport: see scrub_request
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

        url = httpx.URL(live_base_url().get("base_url", API_ORIGIN))
        # netloc is host and port only: a proxy URL's user name and password stay out.
        where = f"{url.scheme}://{url.netloc.decode('ascii')}"
        return f"live TMDB API ({where}), recorded {datetime.now(UTC):%Y-%m-%d}"
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
