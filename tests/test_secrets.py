"""A canary credential must never surface in a repr, a message, or a log line."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest

from tests.clients import Handler, MakeDriver, json_response
from tests.helpers import live_body
from tmdb_facade import Tmdb, TmdbError

CANARY = "canary-9f1c2e7d-SECRET-do-not-leak"

ERROR = {"success": False, "status_code": 7, "status_message": "Invalid API key"}


def leaky_failure(request: httpx.Request) -> httpx.Response:
    # A transport error whose message quotes the URL as sent, api_key included.
    raise httpx.ConnectError(f"cannot reach {request.url}", request=request)


HANDLERS: dict[str, Handler] = {
    "ok": json_response(200, live_body("person_62_images")),
    "401": json_response(401, ERROR),
    "429": json_response(429, ERROR, {"Retry-After": "1"}),
    "500": json_response(500, ERROR),
    "off-spec": json_response(200, {"id": "62"}),
    "not-json": lambda request: httpx.Response(200, content=b"<html>"),
    "connect-error": leaky_failure,
    "timeout": lambda request: (_ for _ in ()).throw(
        httpx.ReadTimeout(f"timed out on {request.url}", request=request)
    ),
}


def everything_said(value: Any) -> str:
    """Every text a user could see of an object or error: str, repr, args, attributes."""
    parts = [str(value), repr(value)]
    if isinstance(value, BaseException):
        parts += [repr(value.args), repr(vars(value))]
        if value.__cause__ is not None:
            parts.append(everything_said(value.__cause__))
        if value.__context__ is not None and not value.__suppress_context__:
            parts.append(everything_said(value.__context__))
    return "\n".join(parts)


@pytest.mark.parametrize("credential", ["access_token", "api_key"])
@pytest.mark.parametrize("scenario", sorted(HANDLERS))
def test_canary_never_appears(
    make_driver: MakeDriver,
    caplog: pytest.LogCaptureFixture,
    credential: str,
    scenario: str,
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger: ours, httpx's and httpcore's
    options = {"access_token": None, credential: CANARY, "max_retries": 1}
    driver = make_driver(HANDLERS[scenario], **options)
    seen = [repr(driver.client), str(driver.client)]
    try:
        seen.append(repr(driver.call("person_images", 62)))
    except TmdbError as error:
        seen.append(everything_said(error))
    seen += [record.getMessage() for record in caplog.records]
    seen += [repr(record.args) for record in caplog.records]
    # The canary did go out on the wire: the test would prove nothing otherwise.
    sent = driver.requests[0]
    assert CANARY in (str(sent.url) + sent.headers.get("Authorization", ""))
    leaks = [text for text in seen if CANARY in text]
    assert leaks == []


def test_canary_absent_from_credential_errors() -> None:
    for bad in (f"{CANARY} with space", f"{CANARY}\n"):
        with pytest.raises(TmdbError) as caught:
            Tmdb(access_token=bad)
        assert CANARY not in everything_said(caught.value)


def test_httpx_log_lines_show_the_request_without_the_key(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="httpx")

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=live_body("person_62_images"))

    with Tmdb(api_key=CANARY, transport=httpx.MockTransport(handler)) as tmdb:
        tmdb.person_images(62)
    lines = [r.getMessage() for r in caplog.records if r.name == "httpx"]
    assert any("/3/person/62/images" in line for line in lines)
    assert not any(CANARY in line for line in lines)
