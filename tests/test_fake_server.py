"""The fake TMDB server answers like TMDB, from the bundled recordings, and obeys its switches."""

from __future__ import annotations

import json
import logging
import signal
import socket
import struct
import subprocess
import sys
import threading
import zlib
from collections.abc import Iterator
from typing import Any

import httpx
import jsonschema
import pytest

from tests.helpers import BUNDLED, load_json
from tmdb_facade import _spec
from tmdb_facade.testing import (
    DEFAULT_ACCESS_TOKEN,
    FakeTmdb,
)
from tmdb_facade.testing._faults import TokenBucket, retry_after
from tmdb_facade.testing._images import SERVED_SIZES

pytest_plugins = ["pytester"]

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


@pytest.fixture
def client(fake_tmdb: FakeTmdb) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=fake_tmdb.url, headers=fake_tmdb.auth_headers) as client:
        yield client


# -- what it serves ------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(MANIFEST["routes"]))
def test_every_route_answers_its_recorded_body(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert conforming(response) == recorded_body(path)
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    assert response.headers["server"] == "openresty"
    assert int(response.headers["content-length"]) == len(response.content)


def test_routes_are_the_recorded_request_paths_of_spec_operations() -> None:
    for path, entry in MANIFEST["routes"].items():
        assert _spec.find_operation("GET", path) is not None, path
        if entry["format"] == "exchange":
            assert load_json(BUNDLED / entry["file"])["request"] == {"method": "GET", "path": path}
    # The one documentation example with a known path: its body names person 976.
    assert recorded_body("/3/person/976/images")["id"] == 976


def test_leading_zeros_name_the_same_resource(client: httpx.Client) -> None:
    response = client.get("/3/tv/01396/season/01/images")
    assert conforming(response) == recorded_body(SEASON_IMAGES)


def test_connections_are_kept_alive(fake_tmdb: FakeTmdb, client: httpx.Client) -> None:
    for _ in range(3):
        assert client.get(PERSON_IMAGES).headers["connection"] == "keep-alive"
    assert [r.connection for r in fake_tmdb.requests] == [1, 1, 1]


def test_requests_are_recorded_for_assertions(fake_tmdb: FakeTmdb, client: httpx.Client) -> None:
    client.get(SEASON_IMAGES, params={"language": "en-US"})
    client.get("/nowhere")
    first, second = fake_tmdb.requests
    assert (first.method, first.path, first.query) == ("GET", SEASON_IMAGES, {"language": "en-US"})
    assert first.headers["authorization"] == f"Bearer {DEFAULT_ACCESS_TOKEN}"
    assert (first.operation, first.status, first.delay) == ("tv-season-images", 200, 0.0)
    assert (second.operation, second.status) == (None, 404)


# -- credentials ---------------------------------------------------------------------------


def test_bearer_token_and_api_key_are_both_accepted(fake_tmdb: FakeTmdb) -> None:
    url = f"{fake_tmdb.url}{PERSON_IMAGES}"
    assert httpx.get(url, headers=fake_tmdb.auth_headers).status_code == 200
    assert httpx.get(url, params={"api_key": fake_tmdb.api_key}).status_code == 200


@pytest.mark.parametrize(
    ("headers", "params"),
    [
        ({}, {}),
        ({"Authorization": "Bearer wrong"}, {}),
        ({"Authorization": f"Basic {DEFAULT_ACCESS_TOKEN}"}, {}),
        ({}, {"api_key": "wrong"}),
    ],
    ids=["none", "wrong-token", "not-bearer", "wrong-key"],
)
def test_missing_or_wrong_credentials_get_401(
    fake_tmdb: FakeTmdb, headers: dict[str, str], params: dict[str, str]
) -> None:
    response = httpx.get(f"{fake_tmdb.url}{SEASON_IMAGES}", headers=headers, params=params)
    assert response.status_code == 401
    assert conforming(response) == UNAUTHORISED_BODY


def test_credentials_can_be_chosen() -> None:
    with FakeTmdb(access_token="t0ken", api_key="k3y") as server:
        assert httpx.get(f"{server.url}{PERSON_IMAGES}", params={"api_key": "k3y"}).is_success
        assert httpx.get(f"{server.url}{PERSON_IMAGES}", headers=server.auth_headers).is_success
        assert server.auth_headers == {"Authorization": "Bearer t0ken"}


# -- not found, out of bounds, invalid -----------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/3/tv/1396/season/0/images",  # in bounds (specials), no data
        "/3/tv/1396/season/2/credits",
        "/3/tv/1396/season/1/episode/0/images",
        "/3/person/1/images",
        "/3/tv/0/season/1/images",  # series_id below the spec's minimum
        "/3/person/2147483648/images",  # above its maximum
        "/3/tv/-1/season/1/images",
        "/3/tv/breaking-bad/season/1/credits",
        "/3/tv/2",  # series details, no data
        "/3/tv/1396/season/2",  # season details, no data
        "/3/tv/1396/season/1/videos",  # not one of the spec's operations
        "/3/movie/550",
        "/",
    ],
)
def test_unknown_resources_get_tmdbs_404(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert conforming(response) == NOT_FOUND_BODY


@pytest.mark.parametrize(
    "params",
    [
        {"language": "english"},
        {"language": "en-us"},
        {"language": ""},
        {"language": "en\n"},
        {"include_image_language": "en,"},
        {"include_image_language": "EN"},
    ],
)
def test_query_values_outside_the_spec_get_422(
    client: httpx.Client, params: dict[str, str]
) -> None:
    response = client.get(SEASON_IMAGES, params=params)
    assert response.status_code == 422
    assert conforming(response)["status_code"] == 5


def test_undeclared_query_parameters_are_ignored(client: httpx.Client) -> None:
    response = client.get(PERSON_IMAGES, params={"language": "xx!", "page": "7"})
    assert conforming(response) == recorded_body(PERSON_IMAGES)


# -- language filtering --------------------------------------------------------------------


def languages(images: list[dict[str, Any]]) -> set[str | None]:
    return {image["iso_639_1"] for image in images}


def test_include_image_language_keeps_the_listed_languages(client: httpx.Client) -> None:
    recorded = recorded_body(SEASON_IMAGES)["posters"]
    posters = conforming(client.get(SEASON_IMAGES, params={"include_image_language": "en,null"}))[
        "posters"
    ]
    assert posters == [p for p in recorded if p["iso_639_1"] in ("en", None)]
    assert languages(posters) == {"en", None}


def test_language_keeps_its_own_and_language_free_images(client: httpx.Client) -> None:
    posters = conforming(client.get(SEASON_IMAGES, params={"language": "pt-BR"}))["posters"]
    assert languages(posters) == {"pt", None}


def test_include_image_language_wins_over_language(client: httpx.Client) -> None:
    params = {"language": "fr", "include_image_language": "null"}
    posters = conforming(client.get(SEASON_IMAGES, params=params))["posters"]
    assert posters
    assert languages(posters) == {None}


def test_without_language_parameters_all_images_come_back(client: httpx.Client) -> None:
    body = conforming(client.get(SEASON_IMAGES))
    assert len(body["posters"]) == len(recorded_body(SEASON_IMAGES)["posters"]) == 54


def test_episode_stills_are_filtered_too(client: httpx.Client) -> None:
    # Every recorded still is language-free.
    assert conforming(client.get(EPISODE_IMAGES, params={"include_image_language": "en"})) == {
        "id": 62085,
        "stills": [],
    }
    stills = conforming(client.get(EPISODE_IMAGES, params={"language": "de"}))["stills"]
    assert stills == recorded_body(EPISODE_IMAGES)["stills"]


@pytest.mark.parametrize("endpoint", ["credits", "aggregate_credits"])
def test_credits_ignore_language(client: httpx.Client, endpoint: str) -> None:
    path = f"{SEASON}/{endpoint}"
    assert conforming(client.get(path, params={"language": "fr-FR"})) == recorded_body(path)


# -- append_to_response --------------------------------------------------------------------


APPENDS = ("images", "credits", "aggregate_credits")


def without_id(body: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in body.items() if key != "id"}


def test_season_details_append_the_three_season_answers_without_their_id(
    client: httpx.Client,
) -> None:
    body = conforming(client.get(SEASON, params={"append_to_response": ",".join(APPENDS)}))
    for name in APPENDS:
        assert body[name] == without_id(recorded_body(f"{SEASON}/{name}")), name
    assert {k: v for k, v in body.items() if k not in APPENDS} == recorded_body(SEASON)


def test_only_the_named_answers_are_appended(client: httpx.Client) -> None:
    body = conforming(client.get(SEASON, params={"append_to_response": "credits,credits"}))
    assert set(body) - set(recorded_body(SEASON)) == {"credits"}
    assert conforming(client.get(SEASON)) == recorded_body(SEASON)


@pytest.mark.parametrize(
    "params",
    [
        {"include_image_language": "en,null"},
        {"include_image_language": "null"},
        {"language": "pt-BR"},
        {"language": "fr", "include_image_language": "de"},
    ],
)
def test_appended_posters_are_filtered_like_the_images_endpoint(
    client: httpx.Client, params: dict[str, str]
) -> None:
    posters = conforming(client.get(SEASON_IMAGES, params=params))["posters"]
    body = conforming(client.get(SEASON, params={**params, "append_to_response": "images"}))
    assert body["images"] == {"posters": posters}
    assert 0 < len(posters) < len(recorded_body(SEASON_IMAGES)["posters"])


def test_language_does_not_filter_the_appended_credits(client: httpx.Client) -> None:
    params = {"language": "fr", "include_image_language": "fr", "append_to_response": "credits"}
    body = conforming(client.get(SEASON, params=params))
    assert body["credits"] == without_id(recorded_body(f"{SEASON}/credits"))


@pytest.mark.parametrize(
    "value", ["videos", "images,videos", "images,", "Images", "images, credits", ""]
)
def test_append_values_outside_the_spec_get_422(client: httpx.Client, value: str) -> None:
    response = client.get(SEASON, params={"append_to_response": value})
    assert response.status_code == 422
    assert conforming(response)["status_code"] == 5


# -- images --------------------------------------------------------------------------------


def png_chunks(data: bytes) -> dict[bytes, bytes]:
    """The chunks of a PNG, checking the signature and every CRC on the way."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, offset = {}, 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind, body = data[offset + 4 : offset + 8], data[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length : offset + 12 + length])
        assert crc == zlib.crc32(kind + body)
        chunks[kind] = body
        offset += 12 + length
    return chunks


def test_image_files_are_small_valid_deterministic_pngs(fake_tmdb: FakeTmdb) -> None:
    file_path = recorded_body(PERSON_IMAGES)["profiles"][0]["file_path"]
    first = httpx.get(f"{fake_tmdb.image_base_url}w185{file_path}")
    assert first.status_code == 200
    assert first.headers["content-type"] == "image/png"
    chunks = png_chunks(first.content)
    width, height = struct.unpack(">II", chunks[b"IHDR"][:8])
    assert len(zlib.decompress(chunks[b"IDAT"])) == height * (1 + 3 * width)
    assert set(chunks) == {b"IHDR", b"IDAT", b"IEND"}
    # Every size of a file is the same picture; another file is another colour.
    assert httpx.get(f"{fake_tmdb.image_base_url}original{file_path}").content == first.content
    other = recorded_body(PERSON_IMAGES)["profiles"][1]["file_path"]
    assert httpx.get(f"{fake_tmdb.image_base_url}w185{other}").content != first.content


def test_profile_pictures_of_the_credits_are_served(fake_tmdb: FakeTmdb) -> None:
    profile_path = recorded_body(f"{SEASON}/credits")["cast"][0]["profile_path"]
    assert httpx.get(f"{fake_tmdb.image_base_url}h632{profile_path}").status_code == 200


@pytest.mark.parametrize(
    "tail", ["w185/unknown.jpg", "w999/1BP4xYv9ZG4ZVHkL7ocOziBbSYH.jpg", "w185", "w185/a/b.jpg"]
)
def test_unknown_image_files_or_sizes_get_404(fake_tmdb: FakeTmdb, tail: str) -> None:
    assert httpx.get(f"{fake_tmdb.image_base_url}{tail}").status_code == 404


def test_every_tmdb_image_size_is_accepted(fake_tmdb: FakeTmdb) -> None:
    file_path = recorded_body(SEASON_IMAGES)["posters"][0]["file_path"]
    with httpx.Client(base_url=fake_tmdb.image_base_url) as cdn:
        statuses = {size: cdn.get(f"{size}{file_path}").status_code for size in SERVED_SIZES}
    assert statuses == dict.fromkeys(SERVED_SIZES, 200)
    assert {"w92", "w500", "original", "w300", "w45", "h632"} <= SERVED_SIZES


# -- switches ------------------------------------------------------------------------------


def test_rate_limit_answers_429_after_the_burst() -> None:
    # So slow a refill that none happens during the test.
    with (
        FakeTmdb(rate_limit=0.001, burst=2) as server,
        httpx.Client(base_url=server.url, headers=server.auth_headers) as client,
    ):
        assert [client.get(PERSON_IMAGES).status_code for _ in range(2)] == [200, 200]
        limited = client.get(PERSON_IMAGES)
        assert limited.status_code == 429
        assert int(limited.headers["retry-after"]) >= 1
        assert conforming(limited) == {
            "success": False,
            "status_code": 25,
            "status_message": "Your request count (#) is over the allowed limit of (40).",
        }
        # The image CDN is not limited.
        assert client.get(f"{server.image_base_url}w45/unknown.jpg").status_code == 404
        assert server.rate_limited_count == 1
        server.set_rate_limit(None)
        assert client.get(PERSON_IMAGES).status_code == 200


def test_token_bucket_refills_at_its_rate() -> None:
    bucket = TokenBucket(rate=2.0, burst=3, tokens=3.0, updated=100.0)
    assert [bucket.take(100.0) for _ in range(3)] == [None, None, None]
    assert bucket.take(100.0) == pytest.approx(0.5)
    assert bucket.take(100.5) is None  # half a second refills one token
    assert bucket.take(110.0) is None  # a long pause refills only up to the burst
    assert [bucket.take(110.0) for _ in range(3)] == [None, None, pytest.approx(0.5)]
    assert (retry_after(0.01), retry_after(1.0), retry_after(1.2)) == ("1", "1", "2")


def test_latency_is_added_to_api_answers_only(client: httpx.Client, fake_tmdb: FakeTmdb) -> None:
    fake_tmdb.latency = 0.01
    client.get(PERSON_IMAGES)
    client.get("/nowhere")
    client.get(f"{fake_tmdb.image_base_url}w45/unknown.jpg")
    assert [r.delay for r in fake_tmdb.requests] == [0.01, 0.01, 0.0]


def test_new_connection_delay_is_added_once_per_connection() -> None:
    with FakeTmdb(new_connection_delay=0.01, latency=0.002) as server:
        for _ in range(2):
            with httpx.Client(base_url=server.url, headers=server.auth_headers) as client:
                client.get(PERSON_IMAGES)
                client.get(PERSON_IMAGES)
        delays = [(r.connection, r.delay) for r in server.requests]
    assert delays == [(1, 0.012), (1, 0.002), (2, 0.012), (2, 0.002)]


def test_fail_next_answers_tmdb_errors_then_recovers(
    fake_tmdb: FakeTmdb, client: httpx.Client
) -> None:
    fake_tmdb.fail_next(2)
    fake_tmdb.fail_next(status=503)
    assert fake_tmdb.pending_faults == 3
    statuses = [client.get(PERSON_IMAGES) for _ in range(4)]
    assert [r.status_code for r in statuses] == [500, 500, 503, 200]
    assert [conforming(r).get("status_code") for r in statuses[:3]] == [11, 11, 9]
    assert conforming(statuses[0])["status_message"].startswith("Internal error")
    assert fake_tmdb.pending_faults == 0


def test_faults_can_target_a_path(fake_tmdb: FakeTmdb, client: httpx.Client) -> None:
    fake_tmdb.fail_next(status=500, path="/3/person/")
    assert client.get(SEASON_IMAGES).status_code == 200
    assert client.get(PERSON_IMAGES).status_code == 500
    assert client.get(PERSON_IMAGES).status_code == 200


def test_drop_next_closes_the_connection_without_an_answer(
    fake_tmdb: FakeTmdb, client: httpx.Client
) -> None:
    fake_tmdb.drop_next()
    with pytest.raises(httpx.TransportError):
        client.get(PERSON_IMAGES)
    assert client.get(PERSON_IMAGES).status_code == 200  # on a new connection
    assert [(r.status, r.connection) for r in fake_tmdb.requests] == [(None, 1), (200, 2)]


def test_malformed_next_sends_truncated_json(fake_tmdb: FakeTmdb, client: httpx.Client) -> None:
    fake_tmdb.malformed_next()
    response = client.get(PERSON_IMAGES)
    assert response.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        response.json()
    assert client.get(PERSON_IMAGES).content.startswith(response.content)


def test_respond_next_sends_exactly_what_it_is_given(
    fake_tmdb: FakeTmdb, client: httpx.Client
) -> None:
    date = "Wed, 21 Oct 2026 07:28:00 GMT"
    fake_tmdb.respond_next(
        429, {"status_code": 25, "status_message": "Slow down"}, {"Retry-After": date}
    )
    incomplete = {"id": 62}  # `profiles` is required
    fake_tmdb.respond_next(200, incomplete, path=PERSON_IMAGES)
    limited = client.get(PERSON_IMAGES)
    assert (limited.status_code, limited.headers["retry-after"]) == (429, date)
    assert limited.json() == {"status_code": 25, "status_message": "Slow down"}
    broken = client.get(PERSON_IMAGES)
    assert broken.json() == incomplete
    with pytest.raises(jsonschema.ValidationError):
        conforming(broken)


def test_respond_next_headers_replace_the_usual_ones(
    fake_tmdb: FakeTmdb, client: httpx.Client
) -> None:
    fake_tmdb.respond_next(503, "<html>down</html>", {"Content-Type": "text/html", "Server": "x"})
    response = client.get(PERSON_IMAGES)
    assert (response.status_code, response.text) == (503, "<html>down</html>")
    assert response.headers.get_list("content-type") == ["text/html"]
    assert response.headers.get_list("server") == ["x"]


@pytest.mark.parametrize(
    ("switch", "value"),
    [("latency", -1.0), ("new_connection_delay", -0.1), ("rate_limit", 0.0), ("burst", 0)],
)
def test_nonsense_switch_values_are_refused(switch: str, value: float) -> None:
    options: dict[str, Any] = {switch: value}
    if switch == "burst":
        options["rate_limit"] = 1.0
    with pytest.raises(ValueError, match=switch.split("_")[0]):
        FakeTmdb(**options)


# -- lifecycle -----------------------------------------------------------------------------


def fake_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "FakeTmdb"]


def test_stop_closes_connections_and_joins_the_thread() -> None:
    server = FakeTmdb().start()
    client = httpx.Client(base_url=server.url, headers=server.auth_headers)
    with client:
        assert client.get(PERSON_IMAGES).status_code == 200  # a kept-alive connection is open
        assert len(fake_threads()) == 1
        server.stop()
        assert fake_threads() == []
        with pytest.raises(httpx.TransportError):
            client.get(PERSON_IMAGES)
    server.stop()  # a second stop does nothing


def test_it_can_start_again_and_refuses_to_start_twice() -> None:
    server = FakeTmdb()
    with server, pytest.raises(RuntimeError, match="already running"):
        server.start()
    with server:
        assert httpx.get(f"{server.url}{PERSON_IMAGES}", headers=server.auth_headers).is_success
    assert fake_threads() == []


def test_a_taken_port_fails_start() -> None:
    with FakeTmdb() as server, pytest.raises(OSError, match="in use"):
        FakeTmdb(port=server.port).start()
    assert fake_threads() == []


def test_a_garbled_request_gets_400() -> None:
    with FakeTmdb() as server, socket.create_connection(("127.0.0.1", server.port), 5) as sock:
        sock.sendall(b"NOT HTTP AT ALL\r\n\r\n")
        assert sock.recv(1024).startswith(b"HTTP/1.1 400 ")


def test_the_command_line_serves_in_the_foreground_until_stopped() -> None:
    command = [sys.executable, "-m", "tmdb_facade.testing", "--duration", "60"]
    command += ["--rate-limit", "0.001", "--burst", "1", "--api-key", "cli-key"]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as proc:
        try:
            assert proc.stdout is not None
            url = proc.stdout.readline().strip()
            assert url.startswith("http://127.0.0.1:")
            statuses = [
                httpx.get(f"{url}{PERSON_IMAGES}", params={"api_key": "cli-key"}).status_code
                for _ in range(2)
            ]
            assert statuses == [200, 429]
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(10) == 0
        finally:
            if proc.poll() is None:
                proc.kill()


def test_the_command_line_prints_its_counts_on_exit_with_stats() -> None:
    command = [sys.executable, "-m", "tmdb_facade.testing", "--duration", "60", "--stats"]
    command += ["--rate-limit", "0.001", "--burst", "2", "--api-key", "cli-key"]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as proc:
        try:
            assert proc.stdout is not None
            url = proc.stdout.readline().strip()
            with httpx.Client(base_url=url, params={"api_key": "cli-key"}) as client:
                statuses = [client.get(PERSON_IMAGES).status_code for _ in range(3)]
            assert statuses == [200, 200, 429]
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(10) == 0
            assert json.loads(proc.stdout.read().splitlines()[-1]) == {
                "requests": 3,
                "rate_limited": 1,
                "connections": 1,
            }
        finally:
            if proc.poll() is None:
                proc.kill()


def test_it_counts_requests_and_connections() -> None:
    with FakeTmdb() as server:
        for _ in range(2):
            with httpx.Client(base_url=server.url, headers=server.auth_headers) as client:
                client.get(PERSON_IMAGES)
                client.get(PERSON_IMAGES)
        assert (server.request_count, server.connection_count) == (4, 2)


def test_the_fixture_is_a_running_server(fake_tmdb: FakeTmdb) -> None:
    assert fake_tmdb.url.startswith("http://127.0.0.1:")
    assert httpx.get(f"{fake_tmdb.url}{PERSON_IMAGES}", headers=fake_tmdb.auth_headers).is_success


@pytest.mark.parametrize("fake_tmdb", [{"api_key": "from-param"}], indirect=True)
def test_the_fixture_takes_constructor_arguments(fake_tmdb: FakeTmdb) -> None:
    assert fake_tmdb.api_key == "from-param"


def test_users_get_the_fixture_from_the_installed_plugin(pytester: pytest.Pytester) -> None:
    # A fresh pytest process, as in a project that only installed tmdb-facade, with warnings
    # as errors like ours.
    pytester.makeini("[pytest]\nfilterwarnings = error\n")
    pytester.makepyfile(
        """
        import httpx

        def test_against_the_fake(fake_tmdb):
            url = fake_tmdb.url + "/3/person/62/images"
            assert httpx.get(url, headers=fake_tmdb.auth_headers).json()["id"] == 62
            assert [r.path for r in fake_tmdb.requests] == ["/3/person/62/images"]
        """
    )
    result = pytester.runpytest_subprocess("-W", "error", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_stopping_with_a_connection_still_open_logs_no_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.ERROR, logger="asyncio")
    client = httpx.Client()
    try:
        with FakeTmdb() as server:
            response = client.get(f"{server.url}/3/person/62/images", headers=server.auth_headers)
            assert response.status_code == 200
        # The client kept its connection alive; the server cancelled it on stop.
    finally:
        client.close()
    assert [r.getMessage() for r in caplog.records if r.name == "asyncio"] == []
