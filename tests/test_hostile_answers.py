"""Answers TMDB really sends, and ones a hostile or broken server might: each is a model or a
`TmdbError`, never a bare KeyError, TypeError, RecursionError or JSONDecodeError."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import warnings
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.clients import MakeDriver, json_response
from tests.helpers import live_body
from tmdb_facade import (
    APIStatusError,
    APITimeoutError,
    AsyncTmdb,
    ClientClosedError,
    InvalidArgumentError,
    InvalidArgumentTypeError,
    ResponseValidationError,
    SpecDeviationWarning,
    Tmdb,
    image_url,
)
from tmdb_facade._auth import Credentials
from tmdb_facade._transport import ClientTransport
from tmdb_facade.testing import FakeTmdb

CREDITS: dict[str, Any] = live_body("tv_1396_season_1_credits")


def with_person(**fields: Any) -> dict[str, Any]:
    """The recorded season credits, its first cast and crew members changed."""
    return {
        **CREDITS,
        "cast": [{**CREDITS["cast"][0], **fields}, *CREDITS["cast"][1:]],
        "crew": [{**CREDITS["crew"][0], **fields}, *CREDITS["crew"][1:]],
    }


# -- what TMDB really sends ------------------------------------------------------------------


@pytest.mark.parametrize(
    "fields",
    [
        {"character": None},  # leandcesar/themoviedb#15
        {"known_for_department": None},  # jdrouet/tmdb-api#72
        {"original_name": None},
        {"gender": None},
        {"id": None},  # jellyfin/TMDbLib#269: crew id null in season credits
    ],
    ids=lambda fields: next(iter(fields)),
)
def test_the_nulls_tmdb_sends_are_part_of_the_spec(
    make_driver: MakeDriver, fields: dict[str, Any]
) -> None:
    driver = make_driver(json_response(200, with_person(**fields)), strict=True)
    credits = driver.call("season_credits", 1396, 1)
    (name, value) = next(iter(fields.items()))
    person = credits.cast[0] if name == "character" else credits.crew[0]
    assert getattr(person, name) is value is None
    assert credits.spec_deviations == ()


def test_items_missing_a_required_field_are_set_aside_and_warned_about_once_per_path(
    make_driver: MakeDriver,
) -> None:
    body = {
        **CREDITS,
        "cast": [
            {k: v for k, v in c.items() if k != "order" or i % 2}
            for i, c in enumerate(CREDITS["cast"])
        ],
    }
    driver = make_driver(json_response(200, body))
    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        first = driver.call("season_credits", 1396, 1)
        driver.call("season_credits", 1396, 1)
    kept = [c["credit_id"] for i, c in enumerate(CREDITS["cast"]) if i % 2]
    assert [c.credit_id for c in first.cast] == kept
    assert all(type(c.order) is int for c in first.cast)
    set_aside = [d for d in first.spec_deviations if d.problem.endswith("item set aside")]
    assert len(set_aside) == len(CREDITS["cast"]) - len(kept)
    assert set_aside[0].value == body["cast"][0]
    assert first.to_dict() == body
    assert [type(w.message) for w in warned] == [SpecDeviationWarning] * 2
    assert "$.cast[0].order" in str(warned[0].message)


def test_strict_mode_from_the_environment(
    make_driver: MakeDriver, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMDB_STRICT", "1")
    body = {**CREDITS, "id": "1396"}
    driver = make_driver(json_response(200, body))
    with pytest.raises(ResponseValidationError, match=r"at \$\.id"):
        driver.call("season_credits", 1396, 1)


def test_strict_must_be_a_bool() -> None:
    with pytest.raises(InvalidArgumentTypeError, match="strict"):
        Tmdb("t", strict="yes")  # type: ignore[arg-type]


def test_an_integral_float_in_an_int_field_becomes_an_int(make_driver: MakeDriver) -> None:
    driver = make_driver(json_response(200, with_person(order=3.0, gender=2.0)))
    credits = driver.call("season_credits", 1396, 1)
    assert type(credits.cast[0].order) is int
    assert type(credits.cast[0].gender) is int


def test_an_integer_beyond_64_bits_stays_exact(make_driver: MakeDriver) -> None:
    big = 2**70 + 1
    content = json.dumps({**CREDITS, "id": "BIG"}).replace('"BIG"', str(big)).encode()

    driver = make_driver(lambda request: httpx.Response(200, content=content))
    credits = driver.call("season_credits", 1396, 1)
    assert credits.id == big
    assert type(credits.id) is int


# -- hostile bodies ---------------------------------------------------------------------------


def nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


@pytest.mark.parametrize("depth", [1_100, 100_000])
def test_an_error_body_nested_too_deeply_is_kept_as_text(
    make_driver: MakeDriver, depth: int
) -> None:
    driver = make_driver(lambda request: httpx.Response(404, content=nested(depth)))
    with pytest.raises(APIStatusError) as caught:
        driver.call("person_images", 62)
    assert isinstance(caught.value.body, str)


@pytest.mark.parametrize("depth", [900, 1_100, 100_000])
@pytest.mark.parametrize("strict", [True, False])
def test_a_field_nested_too_deeply_is_a_typed_error_or_kept(
    make_driver: MakeDriver, depth: int, strict: bool
) -> None:
    content = b'{"id": 62, "profiles": [], "x": ' + nested(depth) + b"}"
    driver = make_driver(lambda request: httpx.Response(200, content=content), strict=strict)
    try:
        images = driver.call("person_images", 62)
    except ResponseValidationError as error:
        caught: ResponseValidationError | None = error
    else:
        caught = None
        assert images.id == 62
    assert caught is None or caught.json_path == "$"


def test_a_huge_value_is_quoted_short(make_driver: MakeDriver) -> None:
    driver = make_driver(json_response(200, with_person(order="9" * 1_000_000)), strict=True)
    with pytest.raises(ResponseValidationError) as caught:
        driver.call("season_credits", 1396, 1)
    assert len(str(caught.value)) < 500


def test_a_huge_argument_is_quoted_short(make_driver: MakeDriver) -> None:
    driver = make_driver(json_response(200, CREDITS))
    with pytest.raises(InvalidArgumentError) as caught:
        driver.call("season_credits", 1396, 1, language="e" * 1_000_000)
    assert len(str(caught.value)) < 200


@pytest.mark.parametrize("language", ["en\n", "en-US\n", "\nen", "en\r\n"])
def test_a_trailing_newline_is_not_a_language(make_driver: MakeDriver, language: str) -> None:
    driver = make_driver(json_response(200, CREDITS))
    with pytest.raises(InvalidArgumentError, match="language"):
        driver.call("season_credits", 1396, 1, language=language)
    assert driver.requests == []


# -- file paths that come from a response ---------------------------------------------------


@pytest.mark.parametrize("image", [None, 1, 2.5, b"/a.jpg"])
def test_image_bytes_of_no_image_is_a_type_error(make_driver: MakeDriver, image: Any) -> None:
    driver = make_driver(json_response(200, {}))
    with pytest.raises(InvalidArgumentTypeError):
        driver.call("image_bytes", image)
    assert driver.requests == []


@pytest.mark.parametrize(
    "file_path",
    [
        "/a\r\nb.jpg",
        "/a\nb.jpg",
        "/a\x00.jpg",
        "/a\tb.jpg",
        "/a\x7f.jpg",
        "/../x",
        "/a b.jpg",
        "/" + "a" * 300,
        "a.jpg",
        "/a/b.jpg",
        "/a?.jpg",
        "/a%0d.jpg",
        "/..",
    ],
)
def test_an_unsafe_file_path_never_becomes_a_url(make_driver: MakeDriver, file_path: str) -> None:
    with pytest.raises(InvalidArgumentError, match="not a TMDB image file path"):
        image_url(file_path, "w300")
    driver = make_driver(json_response(200, {}))
    with pytest.raises(InvalidArgumentError):
        driver.call("image_bytes", file_path)
    assert driver.requests == []


def test_a_long_legal_file_name_is_a_url() -> None:
    name = "/" + "a" * 250 + ".jpg"
    assert image_url(name).endswith(name)


# -- the client's own settings and state ------------------------------------------------------


@pytest.mark.parametrize("timeout", ["10", -1, 0, float("nan"), float("inf"), None, True])
def test_a_timeout_that_cannot_work_is_refused_at_construction(timeout: Any) -> None:
    with pytest.raises((InvalidArgumentError, InvalidArgumentTypeError), match="timeout"):
        Tmdb("t", timeout=timeout)


def test_a_closed_client_says_so(make_driver: MakeDriver) -> None:
    driver = make_driver(json_response(200, CREDITS))
    if driver.mode == "sync":
        assert isinstance(driver.client, Tmdb)
        driver.client.close()
    else:
        assert isinstance(driver.client, AsyncTmdb)
        driver._runner.run(driver.client.close())
    with pytest.raises(ClientClosedError, match="closed"):
        driver.call("season_credits", 1396, 1)


def test_an_async_client_reused_in_a_second_event_loop_says_so() -> None:
    tmdb = AsyncTmdb("t", transport=httpx.MockTransport(json_response(200, CREDITS)))
    asyncio.run(tmdb.season_credits(1396, 1))
    with pytest.raises(ClientClosedError, match="event loop"):
        asyncio.run(tmdb.season_credits(1396, 1))


# -- bounded in time: a server that drips its answer -------------------------------------------


class Drip:
    """What the dripping server did: bytes of body sent so far."""

    def __init__(self) -> None:
        self.url = ""
        self.sent = 0


@pytest.fixture
def dripping_server() -> Iterator[Drip]:
    """127.0.0.1: headers at once, then one body byte every 20 ms, for at most 5 s."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(5)
    stop = threading.Event()
    drip = Drip()

    def serve() -> None:
        try:
            connection, _ = listener.accept()
        except OSError:
            return
        with connection:
            connection.recv(65536)
            connection.sendall(
                b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n"
            )
            for _ in range(250):
                if stop.wait(0.02):
                    return
                try:
                    connection.sendall(b" ")
                except OSError:
                    return
                drip.sent += 1

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    drip.url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    yield drip
    stop.set()
    listener.close()
    thread.join(timeout=5)


def test_an_answer_that_drips_ends_at_the_deadline(dripping_server: Drip) -> None:
    # Each byte comes well within the 0.3 s read timeout; the whole answer would take 5 s.
    client = Tmdb("test-token", base_url=dripping_server.url, timeout=0.3, max_retries=0)
    with client as tmdb, pytest.raises(APITimeoutError, match=r"longer than 0\.3s"):
        tmdb.person_images(62)
    assert 0 < dripping_server.sent < 250, "the client gave up while the server still dripped"


def test_an_answer_too_big_is_refused_while_it_arrives() -> None:
    chunks_sent = []

    def endless() -> Iterator[bytes]:
        for _ in range(1000):
            chunks_sent.append(1)
            yield b"x" * 1024

    inner = httpx.MockTransport(lambda request: httpx.Response(200, content=endless()))
    transport = ClientTransport(
        inner,
        Credentials("access_token", "secret-token"),
        body_seconds=None,
        max_body_bytes=10 * 1024,
    )
    with (
        httpx.Client(transport=transport) as http,
        pytest.raises(ResponseValidationError) as caught,
    ):
        http.get("https://api.themoviedb.org/3/person/62/images")
    assert "larger than 10240 bytes" in str(caught.value)
    assert "secret-token" not in str(caught.value)
    assert len(chunks_sent) == 11, "reading stopped at the limit"


def test_the_network_transport_is_built_on_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    built = []
    original = httpx.HTTPTransport.__init__

    def counting(self: httpx.HTTPTransport, *args: Any, **kwargs: Any) -> None:
        built.append(1)
        original(self, *args, **kwargs)

    monkeypatch.setattr(httpx.HTTPTransport, "__init__", counting)
    with FakeTmdb() as server:
        tmdb = Tmdb(server.access_token, base_url=server.url, rate_limit=None)
        assert built == [], "no SSL context is built for a client that sends nothing"
        tmdb.person_images(62)
        tmdb.person_images(62)
        tmdb.close()
    assert built == [1]
