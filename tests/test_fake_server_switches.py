"""The fake TMDB server's switches (rate limit, latency, faults), lifecycle, command line
and pytest fixture; what it serves is in test_fake_server.py."""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import jsonschema
import pytest

from tests.fake_server_support import (
    PERSON_IMAGES,
    SEASON_IMAGES,
    conforming,
)
from tmdb_facade.testing import (
    DEFAULT_ACCESS_TOKEN,
    DEFAULT_API_KEY,
    FakeTmdb,
)
from tmdb_facade.testing.__main__ import main as fake_server_main
from tmdb_facade.testing._faults import TokenBucket, retry_after

pytest_plugins = ["pytester"]


@pytest.fixture
def client(fake_tmdb: FakeTmdb) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=fake_tmdb.url, headers=fake_tmdb.auth_headers) as client:
        yield client


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


def test_the_command_line_prints_the_api_and_the_image_base_url() -> None:
    # --duration bounds the wait for a line it might never print.
    command = [sys.executable, "-m", "tmdb_facade.testing", "--duration", "20"]
    command += ["--api-key", "cli-key"]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as proc:
        try:
            assert proc.stdout is not None
            url = proc.stdout.readline().strip()
            image_base_url = proc.stdout.readline().strip()
            assert image_base_url == f"{url}/t/p/"
            images = httpx.get(f"{url}{PERSON_IMAGES}", params={"api_key": "cli-key"}).json()
            picture = httpx.get(f"{image_base_url}w185{images['profiles'][0]['file_path']}")
            assert (picture.status_code, picture.headers["content-type"]) == (200, "image/jpeg")
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(10) == 0
            assert proc.stderr is not None
            assert f"images at {image_base_url};" in proc.stderr.read()
        finally:
            if proc.poll() is None:
                proc.kill()


def test_the_command_lines_help_says_what_each_credential_is(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exited:
        fake_server_main(["--help"])
    assert exited.value.code == 0
    help_text = " ".join(capsys.readouterr().out.split())  # as if on one endless line
    assert (
        "--access-token TOKEN the v4 read access token it accepts as "
        f"`Authorization: Bearer TOKEN` (default: {DEFAULT_ACCESS_TOKEN})"
    ) in help_text
    assert (
        f"--api-key KEY the v3 API key it accepts as `?api_key=KEY` (default: {DEFAULT_API_KEY})"
    ) in help_text


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


def test_ready_clients_reach_both_servers_and_retry_without_waiting() -> None:
    with FakeTmdb() as server, server.client() as tmdb:
        server.fail_next(2, 503)
        images = tmdb.person_images(62)  # two 503s, retried at once
        assert tmdb.image_bytes(images.profiles[0], "w185").startswith(b"\xff\xd8\xff")
        assert [r.status for r in server.requests] == [503, 503, 200, 200]


def test_ready_async_client_with_an_api_key() -> None:
    async def main(server: FakeTmdb) -> int:
        async with server.async_client(api_key=server.api_key) as tmdb:
            assert tmdb.credential_kind == "api_key"
            return (await tmdb.season_details(1396, 1)).season_number

    with FakeTmdb() as server:
        assert asyncio.run(main(server)) == 1
