"""What the cache keeps (issue 15, defect 3): only answers the method could use, never one
holding the credential, never a status the client cannot use replayed; ages counted as
RFC 9111 4.2.3 says, whatever `Date` and `Age` the server sends. Sync and async alike."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.clients import MakeDriver
from tests.helpers import live_body
from tmdb_facade import CacheStatus, ResponseValidationError, cache_status
from tmdb_facade._cache_policy import corrected_initial_age, with_policy
from tmdb_facade.errors import APIStatusError

PROFILES = live_body("person_62_images")
GOOD = httpx.Response(200, json=PROFILES, headers={"Cache-Control": "max-age=3600"})
MISS = CacheStatus(from_cache=False, revalidated=False, stored=True)
NOT_STORED = CacheStatus(from_cache=False, revalidated=False, stored=False)
HIT = CacheStatus(from_cache=True, revalidated=False, stored=False)
TOKEN = "canary-token-5f1e0c"


def scripted(*answers: httpx.Response) -> Callable[[httpx.Request], httpx.Response]:
    """A handler giving `answers` in turn, then GOOD for ever."""
    queue = list(answers)

    def handler(request: httpx.Request) -> httpx.Response:
        answer = queue.pop(0) if queue else GOOD
        return httpx.Response(answer.status_code, headers=answer.headers, content=answer.content)

    return handler


def stored_bodies(path: Path) -> bytes:
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT chunk_data FROM streams").fetchall()
    return b"".join(bytes(row[0]) for row in rows)


@pytest.mark.parametrize(
    "unusable",
    [
        httpx.Response(
            200, content=b'{"id": 62, "profiles": [', headers={"Cache-Control": "max-age=3600"}
        ),
        httpx.Response(
            200,
            content=b"<html><body>Proxy login</body></html>",
            headers={"Content-Type": "text/html", "Cache-Control": "max-age=3600"},
        ),
        httpx.Response(200, json=[1, 2], headers={"Cache-Control": "max-age=3600"}),
        # A JSON object without what the method exists for: its `profiles`.
        httpx.Response(200, json={"id": 62}, headers={"Cache-Control": "max-age=3600"}),
    ],
    ids=["malformed-json", "html", "json-list", "no-profiles"],
)
def test_an_answer_the_method_cannot_use_is_not_stored(
    make_driver: MakeDriver, tmp_path: Path, unusable: httpx.Response
) -> None:
    tmdb = make_driver(scripted(unusable), cache=tmp_path / "c.sqlite", max_retries=0)
    with pytest.raises(ResponseValidationError):
        tmdb.call("person_images", 62)
    # TMDB is asked again, at once, and its good answer is the one kept.
    good = tmdb.call("person_images", 62)
    assert cache_status(good) == MISS
    assert cache_status(tmdb.call("person_images", 62)) == HIT
    assert len(tmdb.requests) == 2


@pytest.mark.parametrize("where", ["body", "quoted", "escaped"])
def test_an_answer_holding_the_credential_is_never_stored(
    make_driver: MakeDriver, tmp_path: Path, where: str
) -> None:
    echoed = {
        "body": TOKEN,
        "quoted": TOKEN.replace("-", "%2D"),
        "escaped": TOKEN.replace("-", "\\u002d"),
    }
    note = f'"you sent {echoed[where]}"'.encode()
    content = httpx.Response(200, json=PROFILES).content[:-1] + b', "note": ' + note + b"}"
    echo = httpx.Response(200, content=content, headers={"Cache-Control": "max-age=3600"})
    path = tmp_path / "c.sqlite"
    tmdb = make_driver(scripted(echo), cache=path, access_token=TOKEN)
    assert cache_status(tmdb.call("person_images", 62)) == NOT_STORED
    assert cache_status(tmdb.call("person_images", 62)) == MISS
    assert len(tmdb.requests) == 2
    assert TOKEN.encode() not in stored_bodies(path)
    assert b"you sent" not in stored_bodies(path)


@pytest.mark.parametrize(
    "status",
    [301, 203, 204, 206, 300, 404, 410, 500],
)
def test_a_status_other_than_200_is_never_replayed(
    make_driver: MakeDriver, tmp_path: Path, status: int
) -> None:
    headers = {"Cache-Control": "public, max-age=3600", "Location": "/3/person/63/images"}
    body = b"" if status == 204 else b'{"id": 62, "profiles": []}'
    odd = httpx.Response(status, content=body, headers=headers)
    tmdb = make_driver(scripted(odd, odd), cache=tmp_path / "c.sqlite", max_retries=0)
    for _ in range(2):
        with pytest.raises((ResponseValidationError, APIStatusError)):
            tmdb.call("person_images", 62)
    assert len(tmdb.requests) == 2  # asked again: the first was not kept
    assert cache_status(tmdb.call("person_images", 62)) == MISS


def with_date(date: str, **headers: str) -> httpx.Response:
    return httpx.Response(
        200, json=PROFILES, headers={"Date": date, "Cache-Control": "max-age=1", **headers}
    )


TOMORROW = formatdate(2_000_000_000, usegmt=True)  # 2033: far in any test run's future


@pytest.mark.parametrize(
    "date",
    [TOMORROW, "not a date", "Mon, 99 Foo 2024 99:99:99 GMT", ""],
    ids=["future", "words", "impossible", "empty"],
)
def test_age_is_counted_from_age_even_when_date_is_future_or_unreadable(
    make_driver: MakeDriver, tmp_path: Path, date: str
) -> None:
    # Five seconds old by its `Age`, fresh for one: stale on arrival, so never a hit.
    tmdb = make_driver(scripted(with_date(date, Age="5")), cache=tmp_path / "c.sqlite")
    tmdb.call("person_images", 62)
    assert cache_status(tmdb.call("person_images", 62)) != HIT
    assert len(tmdb.requests) == 2


def test_a_future_date_does_not_keep_an_answer_fresh_for_ever(
    make_driver: MakeDriver, tmp_path: Path
) -> None:
    import hishel

    path = tmp_path / "c.sqlite"
    tmdb = make_driver(scripted(with_date(TOMORROW)), cache=path)
    tmdb.call("person_images", 62)
    storage = hishel.SqliteStorage(connection=sqlite3.connect(path, check_same_thread=False))
    try:
        with sqlite3.connect(path) as db:
            (key,) = db.execute("SELECT cache_key FROM entries").fetchone()
        (entry,) = storage.get_entries(bytes(key).decode())
        stored_date = parsedate_to_datetime(entry.response.headers["date"]).timestamp()
    finally:
        storage.close()
    # Counted from when it arrived (RFC 9111 4.2.3: apparent_age is never negative), so
    # `max-age=1` makes it stale a second later, not in 2033.
    assert stored_date < 2_000_000_000 - 86400


# -- the RFC's arithmetic, on given clocks ---------------------------------------------------


def headers(**values: str) -> httpx.Headers:
    return httpx.Headers({name.replace("_", "-"): value for name, value in values.items()})


NOW = 1_700_000_000.0


@pytest.mark.parametrize(
    ("sent", "requested", "expected"),
    [
        # apparent_age = max(0, response_time - date_value) = 10; corrected_age_value = 3 + 2.
        (headers(date=formatdate(NOW - 10, usegmt=True), age="3"), NOW - 2, 10.0),
        # corrected_age_value = age_value + response_delay wins: 30 + 2.
        (headers(date=formatdate(NOW - 10, usegmt=True), age="30"), NOW - 2, 32.0),
        # A future Date: apparent_age is 0, never negative.
        (headers(date=formatdate(NOW + 3600, usegmt=True)), NOW, 0.0),
        (headers(date=formatdate(NOW + 3600, usegmt=True), age="7"), NOW - 1, 8.0),
        # An unreadable Date is the response time; an unreadable Age is no Age.
        (headers(date="yesterday", age="4"), NOW, 4.0),
        (headers(date="yesterday", age="-4"), NOW, 0.0),
        (headers(age="99999999999999"), NOW, 2147483648.0),
    ],
)
def test_corrected_initial_age_is_rfc_9111_4_2_3(
    sent: httpx.Headers, requested: float, expected: float
) -> None:
    assert corrected_initial_age(sent, requested, NOW) == expected


def policy(response: httpx.Response, **options: Any) -> httpx.Headers:
    response.read()
    given = {"ttl": 60, "requested": NOW, "received": NOW, "decode": None, "credentials": None}
    return with_policy(response, **{**given, **options}).headers


def test_the_stored_date_makes_hishels_age_the_rfcs_current_age() -> None:
    sent = with_date(formatdate(NOW + 3600, usegmt=True), Age="5")
    restated = policy(sent)
    assert parsedate_to_datetime(restated["date"]).timestamp() == NOW - 5
    assert "age" not in restated


def test_expires_is_counted_from_the_date_sent() -> None:
    sent_date = formatdate(NOW + 3600, usegmt=True)
    expires = formatdate(NOW + 3600 + 120, usegmt=True)
    response = httpx.Response(200, json=PROFILES, headers={"Date": sent_date, "Expires": expires})
    restated = policy(response)
    assert restated["cache-control"] == "max-age=120"
    assert "expires" not in restated
    unreadable = httpx.Response(200, json=PROFILES, headers={"Expires": "0"})
    assert policy(unreadable)["cache-control"] == "max-age=0"  # RFC 9111 5.3: in the past


def test_answers_that_say_nothing_get_the_ttl_and_errors_no_store() -> None:
    assert policy(httpx.Response(200, json=PROFILES))["cache-control"] == "max-age=60"
    for status in (301, 404):
        response = httpx.Response(status, headers={"Cache-Control": "max-age=600"})
        assert policy(response)["cache-control"] == "no-store"


def test_a_credential_is_looked_for_in_every_form_but_not_when_too_short_to_mean_it() -> None:
    from tmdb_facade._auth import Credentials

    found_in = Credentials("access_token", TOKEN).found_in
    assert found_in(b'{"url": "/3/x?api_key=' + TOKEN.encode() + b'"}')
    assert found_in(TOKEN.replace("-", "%2d").encode())
    assert found_in(b'{"a": "' + TOKEN.replace("-", "\\u002D").encode() + b'"}')
    assert not found_in(b'{"a": "canary-token"}')
    # a test's one-letter token: in every body
    assert not Credentials("access_token", "t").found_in(b'{"title": "tt"}')


def test_a_304_never_gives_the_stored_plain_body_a_content_coding() -> None:
    # hishel updates the stored answer's headers with the 304's; the body was stored decoded.
    not_modified = httpx.Response(304, headers={"Content-Encoding": "gzip", "ETag": 'W/"1"'})
    headers = policy(not_modified)
    assert "content-encoding" not in headers
    assert headers["etag"] == 'W/"1"'
