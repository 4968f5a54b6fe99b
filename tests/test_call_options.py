"""Per-call options, `with_options`, `with_raw_response`, and what errors carry: both clients.

(The per-call timeout against a server that drips: tests/test_limits.py.)
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, assert_type

import httpx
import pytest

from tests.clients import Driver, MakeDriver, json_response
from tests.helpers import live_body
from tmdb_facade import (
    AsyncTmdb,
    ClientClosedError,
    InvalidArgumentError,
    InvalidArgumentTypeError,
    NotFoundError,
    RateLimiter,
    RawResponse,
    ResponseValidationError,
    ServerError,
    Tmdb,
    TmdbError,
)
from tmdb_facade._generated.models import SeasonCredits

CANARY = "canary-7c41-SECRET-per-call"
CREDITS = live_body("tv_1396_season_1_credits")
NOT_FOUND = {"success": False, "status_code": 34, "status_message": "not found"}


def raw(driver: Driver, method: str, *args: Any, **kwargs: Any) -> RawResponse[Any]:
    """`client.with_raw_response.<method>(...)`, awaited for the async client."""
    result = getattr(driver.client.with_raw_response, method)(*args, **kwargs)
    if driver.mode == "async":
        answered: RawResponse[Any] = driver._runner.run(result)
        return answered
    assert isinstance(result, RawResponse)
    return result


def call(driver: Driver, client: Tmdb | AsyncTmdb, method: str, *args: Any) -> Any:
    """`client.<method>(*args)` (a `with_options` copy of the driver's), awaited if async."""
    if driver.mode == "async":
        return driver._runner.run(getattr(client, method)(*args))
    return getattr(client, method)(*args)


# -- per-call options ------------------------------------------------------------------------


def test_extra_query_and_headers_are_sent_with_the_credential(make_driver: MakeDriver) -> None:
    driver = make_driver(json_response(200, CREDITS), access_token=CANARY)
    driver.call(
        "season_credits",
        1396,
        1,
        language="en-US",
        extra_query={"region": "US", "page": 2},
        extra_headers={"X-Trace": "abc"},
    )
    driver.call("season_credits", 1396, 1)
    sent, plain = driver.requests
    assert sent.url.params["region"] == "US"
    assert sent.url.params["page"] == "2"
    assert sent.url.params["language"] == "en-US"
    assert sent.headers["X-Trace"] == "abc"
    assert sent.headers["Authorization"] == f"Bearer {CANARY}"
    assert "region" not in plain.url.params, "that call only"
    assert "X-Trace" not in plain.headers


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"extra_query": {"api_key": CANARY}}, InvalidArgumentError, "api_key"),
        ({"extra_query": {"API_KEY": CANARY}}, InvalidArgumentError, "api_key"),
        ({"extra_headers": {"authorization": CANARY}}, InvalidArgumentError, "Authorization"),
        ({"extra_headers": {"AUTHORIZATION": CANARY}}, InvalidArgumentError, "Authorization"),
        ({"extra_query": {"language": "fr"}}, InvalidArgumentError, "'language'"),
        ({"extra_query": {"season_number": 2}}, InvalidArgumentError, "'season_number'"),
        ({"extra_query": {"x": [CANARY]}}, InvalidArgumentTypeError, "extra_query"),
        ({"extra_query": [("x", CANARY)]}, InvalidArgumentTypeError, "mapping"),
        ({"extra_headers": {"X-A": 1}}, InvalidArgumentTypeError, "extra_headers"),
        ({"extra_headers": {"X-A": f"a\r\nX-B: {CANARY}"}}, InvalidArgumentError, "line"),
        ({"timeout": 0}, InvalidArgumentError, "timeout"),
        ({"timeout": None}, InvalidArgumentTypeError, "timeout"),
        ({"timeout": "5"}, InvalidArgumentTypeError, "timeout"),
        ({"max_retries": -1}, InvalidArgumentError, "max_retries"),
        ({"max_retries": True}, InvalidArgumentTypeError, "max_retries"),
        ({"timeot": 5}, InvalidArgumentTypeError, "timeot"),
    ],
)
def test_bad_options_are_refused_before_sending(
    make_driver: MakeDriver, options: dict[str, Any], error: type[TmdbError], message: str
) -> None:
    driver = make_driver(json_response(200, CREDITS), api_key="a" * 32)
    with pytest.raises(error, match=message) as caught:
        driver.call("season_credits", 1396, 1, **options)
    assert CANARY not in str(caught.value)
    assert CANARY not in repr(caught.value)
    assert caught.value.attempts == 0
    assert driver.requests == []


def test_a_per_call_max_retries_replaces_the_client_s_for_that_call(
    make_driver: MakeDriver,
) -> None:
    driver = make_driver(json_response(500, {}), max_retries=1)
    with pytest.raises(ServerError) as caught:
        driver.call("person_images", 62, max_retries=3)
    assert len(driver.requests) == 4
    assert caught.value.attempts == 4
    assert len(driver.sleeps) == 3
    with pytest.raises(ServerError) as caught:
        driver.call("person_images", 62, max_retries=0)
    assert len(driver.requests) == 5
    assert caught.value.attempts == 1
    with pytest.raises(ServerError) as caught:
        driver.call("person_images", 62)
    assert len(driver.requests) == 7
    assert caught.value.attempts == 2


def test_a_per_call_timeout_goes_with_the_request(make_driver: MakeDriver) -> None:
    driver = make_driver(json_response(200, CREDITS), timeout=30)
    driver.call("season_credits", 1396, 1, timeout=2.5)
    driver.call("season_credits", 1396, 1)
    short, default = (request.extensions["timeout"] for request in driver.requests)
    assert short["read"] == 2.5
    assert default["read"] == 30


def test_image_bytes_takes_the_options_too(make_driver: MakeDriver) -> None:
    driver = make_driver(lambda request: httpx.Response(200, content=b"\x89PNG"))
    got = driver.call("image_bytes", "/a.png", extra_headers={"X-Trace": "1"}, max_retries=0)
    assert got == b"\x89PNG"
    assert driver.requests[0].headers["X-Trace"] == "1"
    assert "authorization" not in driver.requests[0].headers


# -- errors carry the headers and the attempts -------------------------------------------------


def test_status_errors_carry_the_answer_s_headers_redacted(make_driver: MakeDriver) -> None:
    headers = {"X-Request-Id": "r-1", "X-Echo": f"key={CANARY}", "Retry-After": "0"}
    driver = make_driver(json_response(404, NOT_FOUND, headers), api_key=CANARY)
    with pytest.raises(NotFoundError) as caught:
        driver.call("person_images", 62)
    error = caught.value
    assert error.headers["X-Request-Id"] == "r-1"
    assert error.headers["Retry-After"] == "0"
    assert CANARY not in error.headers["X-Echo"]
    assert error.attempts == 1


# -- with_options --------------------------------------------------------------------------


def test_with_options_shares_the_rate_limiter_s_budget(make_driver: MakeDriver) -> None:
    limiter = RateLimiter(rate=1, burst=2, clock=lambda: 0.0)
    driver = make_driver(json_response(200, CREDITS), rate_limit=limiter)
    other = driver.client.with_options(timeout=5, max_retries=0, strict=False)
    assert type(other) is type(driver.client)
    assert other.rate_limiter is limiter
    for _ in range(2):  # the burst, spent by the copy
        call(driver, other, "season_credits", 1396, 1)
    assert driver.sleeps == []
    driver.call("season_credits", 1396, 1)
    assert driver.sleeps == [1.0], "the original waits for the slots the copy took"


def test_with_options_changes_only_the_copy(make_driver: MakeDriver) -> None:
    driver = make_driver(json_response(500, {}), max_retries=2, timeout=30)
    other = driver.client.with_options(timeout=3, max_retries=0, strict=True)
    assert other.strict
    assert not driver.client.strict
    assert other.retry_policy.max_retries == 0
    assert driver.client.retry_policy.max_retries == 2
    with pytest.raises(ServerError) as caught:
        call(driver, other, "person_images", 62)
    assert caught.value.attempts == 1
    assert driver.requests[0].extensions["timeout"]["read"] == 3
    with pytest.raises(InvalidArgumentError, match="timeout"):
        driver.client.with_options(timeout=-1)
    with pytest.raises(InvalidArgumentTypeError, match="retry_policy"):
        driver.client.with_options(retry_policy=3)  # type: ignore[arg-type]


def test_with_options_shares_the_pool_which_the_original_owns() -> None:
    handler = json_response(200, CREDITS)
    tmdb = Tmdb("token", transport=httpx.MockTransport(handler), sleep=lambda s: None)
    other = tmdb.with_options(timeout=5)
    assert other._http is tmdb._http
    other.close()
    assert tmdb.season_credits(1396, 1).id == CREDITS["id"], "closing the copy: pool still open"
    tmdb.close()
    with pytest.raises(ClientClosedError):
        other.season_credits(1396, 1)


def test_with_options_shares_the_cache(tmp_path: Path) -> None:
    pytest.importorskip("hishel")
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=CREDITS, headers={"Cache-Control": "max-age=600"})

    with Tmdb("token", transport=httpx.MockTransport(handler), cache=tmp_path / "c.sqlite") as tmdb:
        tmdb.with_options(timeout=5).season_credits(1396, 1)
        tmdb.season_credits(1396, 1)
    assert len(seen) == 1, "the original served the copy's answer from the shared cache"


# -- with_raw_response -----------------------------------------------------------------------


def test_raw_response_gives_what_the_server_sent(make_driver: MakeDriver) -> None:
    headers = [
        ("ETag", '"abc"'),
        ("X-RateLimit-Remaining", "39"),
        ("X-Echo", CANARY),
        ("Set-Cookie", "a=1"),
        ("Set-Cookie", "b=2"),
    ]

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=CREDITS, headers=headers)

    driver = make_driver(handler, access_token=CANARY)
    answer = raw(driver, "season_credits", 1396, 1, language="en-US")
    assert answer.status_code == 200
    assert answer.attempts == 1
    assert answer.headers["ETag"] == '"abc"'
    assert answer.headers["X-RateLimit-Remaining"] == "39"
    assert CANARY not in answer.headers["X-Echo"]
    assert answer.headers.get_list("Set-Cookie") == ["a=1", "b=2"]
    assert answer.content == httpx.Response(200, json=CREDITS).content
    parsed = answer.parse()
    assert isinstance(parsed, SeasonCredits)
    assert parsed.id == CREDITS["id"]
    assert parsed == driver.call("season_credits", 1396, 1, language="en-US")
    assert driver.requests[0].url.params["language"] == "en-US"


def test_raw_response_counts_the_attempts(make_driver: MakeDriver) -> None:
    answers = iter([httpx.Response(503), httpx.Response(200, json=CREDITS)])
    driver = make_driver(lambda request: next(answers), max_retries=2)
    assert raw(driver, "season_credits", 1396, 1).attempts == 2


def test_raw_response_parses_as_strict_as_the_client(make_driver: MakeDriver) -> None:
    broken = {**CREDITS, "cast": "nobody"}
    driver = make_driver(json_response(200, broken), strict=True)
    answer = raw(driver, "season_credits", 1396, 1)
    assert answer.content == httpx.Response(200, json=broken).content, "the bytes, whatever"
    with pytest.raises(ResponseValidationError, match="cast") as caught:
        answer.parse()
    assert caught.value.attempts == 1


def test_raw_response_is_typed_as_the_method() -> None:
    # Checked by mypy (`assert_type`), and run so that it stays true.
    tmdb = Tmdb("token", transport=httpx.MockTransport(json_response(200, CREDITS)))
    with tmdb:
        credits = tmdb.with_raw_response.season_credits(1396, 1).parse()
        assert_type(credits, SeasonCredits)
        assert_type(tmdb.with_raw_response.image_bytes("/a.png"), RawResponse[bytes])

    async def run() -> None:
        handler = json_response(200, CREDITS)
        async with AsyncTmdb("token", transport=httpx.MockTransport(handler)) as client:
            answer = await client.with_raw_response.season_credits(1396, 1)
            assert_type(answer.parse(), SeasonCredits)

    asyncio.run(run())
