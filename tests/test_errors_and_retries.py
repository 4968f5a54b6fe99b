"""Error mapping from real TMDB error bodies, and the retry policy, on both clients."""

from __future__ import annotations

import re
import warnings
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

import httpx
import pytest

from tests.clients import Handler, MakeDriver, json_response
from tests.helpers import DATA, live_body, load_json
from tests.typed_view import assert_typed
from tmdb_facade import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    NotFoundError,
    RateLimitError,
    ResponseValidationError,
    RetryPolicy,
    ServerError,
    SpecDeviationWarning,
    TmdbError,
)
from tmdb_facade._generated.types import UNSET

ERROR_401 = load_json(DATA / "fixtures" / "adamayoung_TMDb" / "error-status-401.json")
ERROR_404 = live_body("error404__tv_999999999")
ERROR_422 = load_json(DATA / "fixtures" / "adamayoung_TMDb" / "error-status-422.json")
ERROR_429 = {
    "success": False,
    "status_code": 25,
    "status_message": "Your request count (#) is over the allowed limit of (40).",
}
ERROR_500 = {
    "success": False,
    "status_code": 11,
    "status_message": "Internal error: Something went wrong, contact TMDb.",
}
CREDITS = live_body("tv_1396_season_1_credits")


def sequence(*handlers: Handler) -> Handler:
    """A handler answering the n-th request with the n-th handler (the last one repeats)."""
    answered = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal answered
        chosen = handlers[min(answered, len(handlers) - 1)]
        answered += 1
        return chosen(request)

    return handler


def raising(error: type[httpx.RequestError]) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        raise error("simulated", request=request)

    return handler


@pytest.mark.parametrize(
    ("status", "body", "error", "tmdb_code"),
    [
        (401, ERROR_401, AuthenticationError, 7),
        (404, ERROR_404, NotFoundError, 34),
        (422, ERROR_422, APIStatusError, 20),
        (400, {"status_code": 22, "status_message": "Invalid page."}, APIStatusError, 22),
    ],
)
def test_error_statuses_map_to_their_class(
    make_driver: MakeDriver, status: int, body: Any, error: type[APIStatusError], tmdb_code: int
) -> None:
    driver = make_driver(json_response(status, body))
    with pytest.raises(error) as caught:
        driver.call("season_credits", 1396, 1)
    exc = caught.value
    assert type(exc) is error
    assert exc.http_status == status
    assert exc.tmdb_status_code == tmdb_code
    assert exc.status_message == body["status_message"]
    assert exc.body == body
    assert exc.request_method == "GET"
    assert exc.request_url == "https://api.themoviedb.org/3/tv/1396/season/1/credits"
    assert f"HTTP {status}" in str(exc)
    assert body["status_message"] in str(exc)
    assert len(driver.requests) == 1, "4xx other than 429 must not be retried"


def test_error_body_that_is_not_json_still_gives_the_typed_error(make_driver: MakeDriver) -> None:
    driver = make_driver(lambda request: httpx.Response(404, text="<html>Not Found</html>"))
    with pytest.raises(NotFoundError) as caught:
        driver.call("person_images", 62)
    assert caught.value.tmdb_status_code is None
    assert caught.value.status_message is None
    assert caught.value.body == "<html>Not Found</html>"


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_errors_are_retried_then_succeed(make_driver: MakeDriver, status: int) -> None:
    driver = make_driver(sequence(json_response(status, ERROR_500), json_response(200, CREDITS)))
    credits = driver.call("season_credits", 1396, 1)
    assert credits.cast[0].character == "Walter White"
    assert len(driver.requests) == 2
    assert driver.sleeps == [0.5]


def test_rate_limit_honours_retry_after_seconds(make_driver: MakeDriver) -> None:
    driver = make_driver(
        sequence(
            json_response(429, ERROR_429, {"Retry-After": "3"}),
            json_response(200, CREDITS),
        )
    )
    driver.call("season_credits", 1396, 1)
    assert driver.sleeps == [3.0]


def test_rate_limit_honours_retry_after_as_http_date(make_driver: MakeDriver) -> None:
    now = datetime(2026, 8, 1, 12, 0, 0, tzinfo=UTC).timestamp()
    later = format_datetime(datetime(2026, 8, 1, 12, 0, 7, tzinfo=UTC), usegmt=True)
    driver = make_driver(
        sequence(
            json_response(429, ERROR_429, {"Retry-After": later}),
            json_response(200, CREDITS),
        ),
        now=lambda: now,
    )
    driver.call("season_credits", 1396, 1)
    assert driver.sleeps == [7.0]


def test_retry_after_is_capped(make_driver: MakeDriver) -> None:
    driver = make_driver(
        sequence(
            json_response(429, ERROR_429, {"Retry-After": "3600"}),
            json_response(200, CREDITS),
        ),
        retry_policy=RetryPolicy(max_retry_after=20.0),
    )
    driver.call("season_credits", 1396, 1)
    assert driver.sleeps == [20.0]


def test_backoff_grows_exponentially_without_retry_after(make_driver: MakeDriver) -> None:
    driver = make_driver(json_response(503, ERROR_500), max_retries=4)
    with pytest.raises(ServerError):
        driver.call("season_credits", 1396, 1)
    assert driver.sleeps == [0.5, 1.0, 2.0, 4.0]  # rand() == 1.0: the top of each jitter range


def test_rate_limit_exhaustion_raises_with_retry_after(make_driver: MakeDriver) -> None:
    driver = make_driver(json_response(429, ERROR_429, {"Retry-After": "2"}), max_retries=2)
    with pytest.raises(RateLimitError) as caught:
        driver.call("person_images", 62)
    assert caught.value.retry_after == 2.0
    assert caught.value.tmdb_status_code == 25
    assert len(driver.requests) == 3
    assert driver.sleeps == [2.0, 2.0]


def test_max_retries_zero_disables_retrying(make_driver: MakeDriver) -> None:
    driver = make_driver(json_response(500, ERROR_500), max_retries=0)
    with pytest.raises(ServerError):
        driver.call("person_images", 62)
    assert len(driver.requests) == 1
    assert driver.sleeps == []


@pytest.mark.parametrize(
    ("failure", "error"),
    [
        (httpx.ConnectError, APIConnectionError),
        (httpx.ReadError, APIConnectionError),
        (httpx.RemoteProtocolError, APIConnectionError),
        (httpx.ConnectTimeout, APITimeoutError),
        (httpx.ReadTimeout, APITimeoutError),
    ],
)
def test_transport_failures_are_retried_then_typed(
    make_driver: MakeDriver, failure: type[httpx.RequestError], error: type[APIConnectionError]
) -> None:
    driver = make_driver(raising(failure), max_retries=2)
    with pytest.raises(error) as caught:
        driver.call("person_images", 62)
    assert type(caught.value) is error
    assert caught.value.request_url == "https://api.themoviedb.org/3/person/62/images"
    assert len(driver.requests) == 3


def test_transport_failure_then_success(make_driver: MakeDriver) -> None:
    driver = make_driver(
        sequence(raising(httpx.ConnectError), json_response(200, live_body("person_62_images")))
    )
    assert driver.call("person_images", 62).id == 62
    assert len(driver.requests) == 2


def without(body: dict[str, Any], list_name: str, index: int, field: str) -> dict[str, Any]:
    changed = {**body, list_name: [dict(item) for item in body[list_name]]}
    del changed[list_name][index][field]
    return changed


def replaced(body: dict[str, Any], list_name: str, index: int, field: str, value: Any) -> Any:
    changed = {**body, list_name: [dict(item) for item in body[list_name]]}
    changed[list_name][index][field] = value
    return changed


# (body, where it departs, how the typed view reads it: the cast's and crew's lengths and one value)
OFF_SPEC_FIELDS = [
    # `job` is required and never null: the crew member is set aside.
    (without(CREDITS, "crew", 2, "job"), "$.crew[2].job"),
    # `id` may be null: a string there reads as null.
    (replaced(CREDITS, "cast", 0, "id", "17419"), "$.cast[0].id"),
    # `order` is required and never null: the cast member is set aside.
    (replaced(CREDITS, "cast", 3, "order", None), "$.cast[3].order"),
]
TYPED_VIEW = {
    "$.crew[2].job": (len(CREDITS["cast"]), len(CREDITS["crew"]) - 1),
    "$.cast[0].id": (len(CREDITS["cast"]), len(CREDITS["crew"])),
    "$.cast[3].order": (len(CREDITS["cast"]) - 1, len(CREDITS["crew"])),
}
UNUSABLE = [
    ({k: v for k, v in CREDITS.items() if k != "cast"}, "$.cast"),
    ({**CREDITS, "crew": {"0": "x"}}, "$.crew"),
    ([], "$"),
]


@pytest.mark.parametrize(("body", "json_path"), OFF_SPEC_FIELDS + UNUSABLE)
def test_strict_mode_names_the_field_off_spec(
    make_driver: MakeDriver, body: Any, json_path: str
) -> None:
    driver = make_driver(json_response(200, body), strict=True)
    with pytest.raises(ResponseValidationError) as caught:
        driver.call("season_credits", 1396, 1)
    assert caught.value.json_path == json_path
    assert json_path in str(caught.value)
    assert caught.value.http_status == 200
    assert len(driver.requests) == 1, "a malformed answer is not retried"


@pytest.mark.parametrize(("body", "json_path"), OFF_SPEC_FIELDS)
def test_tolerant_mode_reads_a_field_off_spec_honestly_and_reports_it(
    make_driver: MakeDriver, body: Any, json_path: str
) -> None:
    driver = make_driver(json_response(200, body))
    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        credits = driver.call("season_credits", 1396, 1)
    assert {type(w.message) for w in warned} == {SpecDeviationWarning}
    assert json_path in str(warned[0].message)
    assert credits.spec_deviations[0].json_path == json_path
    where = re.fullmatch(r"\$\.(\w+)\[(\d+)\]\.(\w+)", json_path)
    assert where is not None
    list_name, index, field = where.groups()
    assert credits.spec_deviations[0].value == body[list_name][int(index)].get(field, UNSET)
    assert (len(credits.cast), len(credits.crew)) == TYPED_VIEW[json_path]
    assert_typed(credits)
    assert credits.to_dict() == body
    assert credits.cast[0].id is None or type(credits.cast[0].id) is int


@pytest.mark.parametrize(("body", "json_path"), UNUSABLE)
def test_an_unusable_answer_is_an_error_in_tolerant_mode_too(
    make_driver: MakeDriver, body: Any, json_path: str
) -> None:
    driver = make_driver(json_response(200, body))
    with pytest.raises(ResponseValidationError) as caught:
        driver.call("season_credits", 1396, 1)
    assert caught.value.json_path == json_path
    assert json_path in str(caught.value)
    assert caught.value.http_status == 200
    assert len(driver.requests) == 1, "a malformed answer is not retried"


@pytest.mark.parametrize("content", [b"", b"{not json", b'{"cast": [', b"\xff\xfe"])
def test_body_that_is_not_json_is_a_validation_error(
    make_driver: MakeDriver, content: bytes
) -> None:
    driver = make_driver(lambda request: httpx.Response(200, content=content))
    with pytest.raises(ResponseValidationError) as caught:
        driver.call("person_images", 62)
    assert caught.value.json_path == "$"
    assert "not JSON" in str(caught.value)


def test_undocumented_success_status_is_a_validation_error(make_driver: MakeDriver) -> None:
    driver = make_driver(lambda request: httpx.Response(204))
    with pytest.raises(ResponseValidationError, match="HTTP 204"):
        driver.call("person_images", 62)


def test_every_error_is_a_tmdb_error(make_driver: MakeDriver) -> None:
    driver = make_driver(json_response(404, ERROR_404))
    with pytest.raises(TmdbError):
        driver.call("person_images", 62)
