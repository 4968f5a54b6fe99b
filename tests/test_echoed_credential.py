"""A server that echoes the credential back (a proxy's page, an error quoting the request URL)
gets it into no error, attribute, model, pickle or log line: canary credentials, every spelling.
"""

from __future__ import annotations

import asyncio
import html
import json
import logging
import pickle
import threading
import warnings
from collections.abc import Iterator, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus

import httpx
import pytest

from tests.clients import Handler, MakeDriver
from tests.helpers import live_body
from tests.test_secrets import everything_said
from tmdb_facade import AsyncTmdb, Tmdb, TmdbError
from tmdb_facade._auth import Credentials
from tmdb_facade._redact import MIN_REDACTED, Redactor

PLAIN = "canary-9f1c2e7d-SECRET-do-not-leak"
# Printable ASCII without spaces, as a credential may be: every character some encoding escapes.
SPECIAL = "canary/9f+1c&2e<7d>\"SECRET'~%=?#;\\"


def json_escaped(text: str) -> str:
    """`text` with every character as a JSON `\\uXXXX` escape, as some encoders write it."""
    return "".join(f"\\u{ord(char):04x}" for char in text)


def spellings(secret: str) -> list[str]:
    """The ways a leak could spell `secret`: none may appear anywhere."""
    sent = str(httpx.URL("http://x/", params={"api_key": secret})).split("=", 1)[1]
    forms = {secret, quote(secret, safe=""), quote_plus(secret), sent, html.escape(secret)}
    forms |= {json.dumps(secret)[1:-1], json_escaped(secret), repr(secret.encode())[2:-1]}
    return sorted(forms)


def echoes(request: httpx.Request) -> list[str]:
    """What a server could quote of `request`: its URL as sent, its credential header or
    query value, in several spellings."""
    said = [str(request.url), request.headers.get("Authorization", "")]
    said += [request.url.params.get("api_key", "")]
    return [text for text in said if text]


def echoing(status: int, kind: str) -> Handler:
    """A handler answering `status` with a body (`json`, `html` or a usable `model`) and
    headers that echo the request's credential back."""

    def handler(request: httpx.Request) -> httpx.Response:
        said = echoes(request)
        secret = said[-1].removeprefix("Bearer ")
        if kind == "json":
            body: Any = {
                "success": False,
                "status_code": 7,
                "status_message": f"Invalid API key: {' '.join(said)}",
                "echo": {"deep": [[{"url": said[0], secret: "as a key"}]]},
            }
            text = json.dumps(body)
            # And the secret spelled with JSON escapes only: the same string once decoded.
            content = (text[:-1] + f', "escaped": "{json_escaped(secret)}"}}').encode()
            content_type = "application/json"
        elif kind == "html":
            quoted = "".join(f"<p>{html.escape(text)}</p>" for text in said)
            content = f"<html><body>{quoted}<p>{secret}</p></body></html>".encode()
            content_type = "text/html"
        else:
            body = live_body("person_62_images")
            body["profiles"][0]["file_path"] = f"/{secret}.jpg"
            body["echo"] = said
            content, content_type = json.dumps(body).encode(), "application/json"
        headers = {"Content-Type": content_type, "X-Echo-Url": said[0], "X-Echo": said[-1]}
        reason = f"Denied {said[-1]}".encode("ascii")
        return httpx.Response(
            status, content=content, headers=headers, extensions={"reason_phrase": reason}
        )

    return handler


def assert_nowhere(secret: str, texts: Sequence[str], blobs: Sequence[bytes] = ()) -> None:
    for form in spellings(secret):
        assert [text for text in texts if form in text] == [], form
        assert [blob for blob in blobs if form.encode() in blob] == [], form


SCENARIOS = [
    (401, "json"),
    (401, "html"),
    (404, "json"),
    (404, "html"),
    (500, "json"),
    (500, "html"),
    (200, "json"),
    (200, "html"),
    (200, "model"),
    (302, "html"),
]


@pytest.mark.parametrize("secret", [PLAIN, SPECIAL], ids=["plain", "special"])
@pytest.mark.parametrize("credential", ["access_token", "api_key"])
@pytest.mark.parametrize(("status", "kind"), SCENARIOS, ids=[f"{s}-{k}" for s, k in SCENARIOS])
def test_an_echoed_credential_is_redacted_everywhere(
    make_driver: MakeDriver,
    caplog: pytest.LogCaptureFixture,
    status: int,
    kind: str,
    credential: str,
    secret: str,
) -> None:
    caplog.set_level(logging.DEBUG)
    options = {"access_token": None, credential: secret, "max_retries": 1}
    driver = make_driver(echoing(status, kind), **options)
    texts: list[str] = []
    blobs: list[bytes] = []
    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        try:
            result = driver.call("person_images", 62)
        except TmdbError as error:
            texts.append(everything_said(error))
            blobs.append(pickle.dumps(error))
            texts.append(everything_said(pickle.loads(blobs[-1])))
            for name in ("body", "status_message", "request_url"):
                texts.append(json.dumps(getattr(error, name, None)))
        else:
            assert kind == "model"
            texts += [repr(result), json.dumps(result.to_dict())]
            assert result.profiles[0].file_path == "/***.jpg"
    texts += [str(w.message) for w in warned]
    texts += [record.getMessage() for record in caplog.records]
    texts += [repr(record.args) for record in caplog.records]
    # The server did get the credential, and echoed it: the test would prove nothing otherwise.
    sent = driver.requests[0]
    assert secret in sent.headers.get("Authorization", "") + sent.url.params.get("api_key", "")
    assert_nowhere(secret, texts, blobs)
    if status == 500:
        assert len(driver.requests) == 2  # retried once: the retry's log line was checked too


class _Echo(BaseHTTPRequestHandler):
    """Answers 401 quoting the request line and the Authorization header, in the body, the
    headers and the reason phrase."""

    def do_GET(self) -> None:
        said = [self.path, self.headers.get("Authorization", "")]
        body = json.dumps({"status_code": 7, "status_message": " ".join(said)}).encode()
        self.send_response(401, f"Denied {' '.join(said)}")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Echo", " ".join(said))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the test reads the client's logs, not the server's


@pytest.fixture
def echo_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


async def _async_call(options: dict[str, Any]) -> TmdbError:
    async with AsyncTmdb(**options) as tmdb:
        try:
            await tmdb.person_images(62)
        except TmdbError as error:
            return error
    raise AssertionError("the echo server answers 401")


@pytest.mark.parametrize("credential", ["access_token", "api_key"])
@pytest.mark.parametrize("mode", ["sync", "async-aiohttp", "async-httpx"])
def test_a_real_server_echoing_the_credential_leaks_it_nowhere(
    echo_server: str, caplog: pytest.LogCaptureFixture, mode: str, credential: str
) -> None:
    # DEBUG for every logger: httpcore logs the answer's headers there, aiohttp its own.
    caplog.set_level(logging.DEBUG)
    options: dict[str, Any] = {credential: SPECIAL, "base_url": echo_server, "max_retries": 0}
    if mode == "sync":
        with Tmdb(**options) as tmdb, pytest.raises(TmdbError) as caught:
            tmdb.person_images(62)
        error = caught.value
    else:
        if mode == "async-httpx":
            options["transport"] = httpx.AsyncHTTPTransport()
        error = asyncio.run(_async_call(options))
    assert error.__class__.__name__ == "AuthenticationError"
    logged = [record.getMessage() for record in caplog.records]
    # The echoes were there, and were redacted: in the error, in the reason phrase logged.
    assert "***" in str(error)
    assert any("Denied" in line and "***" in line for line in logged)
    if mode == "sync":  # httpcore's DEBUG line with the answer's headers
        assert any("X-Echo" in line and "***" in line for line in logged)
    texts = [everything_said(error), *logged, *(repr(r.args) for r in caplog.records)]
    assert_nowhere(SPECIAL, texts, [pickle.dumps(error)])


@pytest.mark.parametrize("secret", [PLAIN, SPECIAL], ids=["plain", "special"])
def test_every_spelling_of_the_secret_is_redacted_from_a_body(secret: str) -> None:
    credentials = Credentials("api_key", secret)
    body = "|".join([*spellings(secret), "kept"])
    redacted = credentials.redact_body(body.encode()).decode()
    assert_nowhere(secret, [redacted])
    assert redacted.endswith("|kept")
    assert redacted.count("***") == len(spellings(secret))
    # Each spelling alone, in a body that has other escapes: none is missed.
    for form in spellings(secret):
        noise = '{"a": "caf\\u00e9 100% &amp; \\"q\\" \\n", "b": "'
        alone = credentials.redact_body(f'{noise}{form}"}}'.encode()).decode()
        assert alone == f'{noise}***"}}', form
    # Percent-encoding in either case of hex digits, and HTML numeric references.
    mixed = "".join(f"%{ord(c):02X}" if i % 2 else f"&#x{ord(c):x};" for i, c in enumerate(secret))
    assert credentials.redact(f"<{mixed}>") == "<***>"


def test_nested_json_values_and_keys_are_redacted_without_recursion() -> None:
    credentials = Credentials("access_token", PLAIN)
    deep: Any = PLAIN
    for _ in range(5000):  # deeper than Python's recursion limit
        deep = [{"k": deep, PLAIN: 1}]
    level = credentials.redact_json(deep)
    for _ in range(5000):
        assert isinstance(level, list)
        assert sorted(level[0]) == ["***", "k"]
        level = level[0]["k"]
    assert level == "***"


def test_a_secret_too_short_to_be_a_credential_rewrites_nothing() -> None:
    short = "k" * (MIN_REDACTED - 1)
    assert Redactor(short).body(b'{"kkkkkkk": 1}') == b'{"kkkkkkk": 1}'
    assert Redactor("k" * MIN_REDACTED).text("kkkkkkkk") == "***"


@pytest.mark.parametrize("credential", ["access_token", "api_key"])
def test_an_answer_echoing_the_credential_is_never_stored_and_each_is_redacted(
    make_driver: MakeDriver, tmp_path: Path, credential: str
) -> None:
    handler = echoing(200, "model")

    def cacheable(request: httpx.Request) -> httpx.Response:
        response = handler(request)
        response.headers["Cache-Control"] = "max-age=3600"
        return response

    options = {"access_token": None, credential: SPECIAL}
    driver = make_driver(cacheable, cache=tmp_path / "cache.sqlite", **options)
    results = [driver.call("person_images", 62) for _ in range(2)]
    assert len(driver.requests) == 2  # not stored: the cache file never holds it
    assert_nowhere(SPECIAL, [], [p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()])
    for result in results:
        assert result.profiles[0].file_path == "/***.jpg"
        assert_nowhere(SPECIAL, [repr(result), json.dumps(result.to_dict())])
