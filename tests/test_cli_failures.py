"""The command line's failures: one line on stderr, a distinct exit code, no secret, and no
long silent wait (issue 12: retries shown with -v, a long Retry-After refused at once).

`fake_tmdb` plays TMDB, set up to fail; the command line goes "live" to it. No test waits for
a retry: the waits asked for are 0 s, or refused.
"""

from __future__ import annotations

import json
import logging
import socket
import warnings
from collections.abc import Iterator
from typing import Any

import pytest

from tests.cli import RunCli
from tests.helpers import live_body
from tmdb_facade import AsyncTmdb
from tmdb_facade._aiohttp import AiohttpTransport
from tmdb_facade.cli import main
from tmdb_facade.testing import FakeTmdb

CANARY = "canary-secret-0123456789abcdef"


def point_at(server: FakeTmdb, monkeypatch: pytest.MonkeyPatch, **credential: str) -> None:
    """Make the command line go 'live', to `server`, with `credential` as its environment."""
    monkeypatch.setenv("TMDB_BASE_URL", server.url)
    monkeypatch.setenv("TMDB_IMAGE_BASE_URL", server.image_base_url)
    for name, value in credential.items():
        monkeypatch.setenv(name, value)


@pytest.fixture
def live(fake_tmdb: FakeTmdb, monkeypatch: pytest.MonkeyPatch) -> FakeTmdb:
    """`fake_tmdb`, with the command line pointed at it and holding its access token."""
    point_at(fake_tmdb, monkeypatch, TMDB_ACCESS_TOKEN=fake_tmdb.access_token)
    return fake_tmdb


# -- failures from TMDB: one line, a distinct exit code, no secret ---------------------------


@pytest.mark.parametrize("variable", ["TMDB_ACCESS_TOKEN", "TMDB_API_KEY"])
def test_a_rejected_credential_exits_3_and_is_never_printed(
    run_cli: RunCli, fake_tmdb: FakeTmdb, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    point_at(fake_tmdb, monkeypatch, **{variable: CANARY})
    result = run_cli("season-credits", "1396", "1")
    assert result.exit_code == 3
    assert "returned HTTP 401" in result.error
    assert result.error.endswith(f"check {variable}")
    assert CANARY not in result.stdout + result.stderr
    assert fake_tmdb.requests[0].status == 401  # it did go to the server, with the canary


def test_a_malformed_credential_exits_3_and_is_never_printed(
    run_cli: RunCli, fake_tmdb: FakeTmdb, monkeypatch: pytest.MonkeyPatch
) -> None:
    point_at(fake_tmdb, monkeypatch, TMDB_ACCESS_TOKEN=f"{CANARY} with spaces")
    result = run_cli("season-credits", "1396", "1")
    assert result.exit_code == 3
    assert result.error.startswith("error: TMDB_ACCESS_TOKEN: access_token must be")
    assert CANARY not in result.stdout + result.stderr
    assert fake_tmdb.requests == []


def test_offline_not_found_says_what_the_offline_data_has(run_cli: RunCli) -> None:
    result = run_cli("season-credits", "1396", "2")
    assert result.exit_code == 4
    assert "returned HTTP 404" in result.error
    assert result.error.endswith(
        "the offline data has only series 1396; season 1396 1; episodes 1396 1 1-7; "
        "persons 62, 976 (set TMDB_ACCESS_TOKEN or TMDB_API_KEY for live data)"
    )
    assert result.stderr_lines[0].startswith("offline (no TMDB_ACCESS_TOKEN")


def test_live_not_found_exits_4(
    run_cli: RunCli, fake_tmdb: FakeTmdb, monkeypatch: pytest.MonkeyPatch
) -> None:
    point_at(fake_tmdb, monkeypatch, TMDB_ACCESS_TOKEN=fake_tmdb.access_token)
    result = run_cli("person-images", "999999999")
    assert result.exit_code == 4
    assert "The resource you requested could not be found" in result.error
    assert "offline" not in result.stderr


def test_rate_limited_after_the_retries_exits_5(
    run_cli: RunCli, fake_tmdb: FakeTmdb, monkeypatch: pytest.MonkeyPatch
) -> None:
    point_at(fake_tmdb, monkeypatch, TMDB_API_KEY=fake_tmdb.api_key)
    fake_tmdb.fail_next(1, 429)
    result = run_cli("season-images", "1396", "1", "--retries", "0")
    assert result.exit_code == 5
    assert "returned HTTP 429" in result.error
    assert result.error.endswith("TMDB asks to wait 1 s")
    assert fake_tmdb.api_key not in result.stderr


def test_a_retry_after_beyond_the_cap_fails_at_once_saying_how_long(
    run_cli: RunCli, live: FakeTmdb
) -> None:
    error = {"status_code": 25, "status_message": "Your request count (#) is over the limit."}
    live.respond_next(429, error, {"Retry-After": "3600"})
    result = run_cli("season-credits", "1396", "1")  # 2 retries by default: none was made
    assert result.exit_code == 5
    assert result.error.endswith(
        "TMDB asks to wait 3600 s, longer than the 10 s this command waits"
    )
    assert [r.status for r in live.requests] == [429]


def test_verbose_shows_each_retry_and_its_wait(run_cli: RunCli, live: FakeTmdb) -> None:
    live.respond_next(503, {"status_code": 9}, {"Retry-After": "0"}, n=2)
    result = run_cli("-v", "person-images", "62", "--json")
    assert result.exit_code == 0
    assert result.stderr_lines == [
        "person_images: HTTP 503, retry 1 of 2 in 0.00s",
        "person_images: HTTP 503, retry 2 of 2 in 0.00s",
    ]
    quiet = run_cli("person-images", "62", "--json")
    assert quiet.exit_code == 0
    assert quiet.stderr == ""
    assert not logging.getLogger("tmdb_facade").handlers  # left as it was found


def test_very_verbose_shows_each_request_without_the_credential(
    run_cli: RunCli, fake_tmdb: FakeTmdb, monkeypatch: pytest.MonkeyPatch
) -> None:
    point_at(fake_tmdb, monkeypatch, TMDB_API_KEY=fake_tmdb.api_key)
    result = run_cli("person-images", "62", "-vv")
    assert result.exit_code == 0
    [request] = result.stderr_lines
    assert request.startswith(f"HTTP Request: GET {fake_tmdb.url}/3/person/62/images ")
    assert fake_tmdb.api_key not in result.stderr
    assert fake_tmdb.requests[0].query["api_key"] == fake_tmdb.api_key  # it was sent, though


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (it was free a moment ago)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_no_connection_exits_6_and_suggests_the_local_server(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMDB_ACCESS_TOKEN", CANARY)
    port = free_port()
    monkeypatch.setenv("TMDB_BASE_URL", f"http://127.0.0.1:{port}")
    result = run_cli("season-credits", "1396", "1", "--retries", "0")
    assert result.exit_code == 6
    assert "failed" in result.error
    # Not "is the network up?": the network is not what failed on 127.0.0.1.
    assert result.error.endswith(f"(is a server running at 127.0.0.1:{port}?)")
    assert CANARY not in result.stderr


def test_no_connection_to_a_remote_host_suggests_the_network(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import httpx

    def unreachable(self: Any, request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno -3] Temporary failure in name resolution")

    monkeypatch.setattr(httpx.AsyncHTTPTransport, "handle_async_request", unreachable)
    # The async client's network under asyncio when aiohttp is installed.
    monkeypatch.setattr(
        AiohttpTransport, "send", lambda self, request, _: unreachable(self, request)
    )
    monkeypatch.setenv("TMDB_ACCESS_TOKEN", CANARY)
    result = run_cli("season-credits", "1396", "1", "--retries", "0")
    assert result.exit_code == 6
    assert result.error.startswith("error: GET https://api.themoviedb.org/3/tv/1396/season/1/")
    assert result.error.endswith("(is the network up?)")


@pytest.fixture
def silent_server() -> Iterator[str]:
    """An address on 127.0.0.1 that accepts connections (the kernel does, from its backlog)
    and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"


def test_no_answer_in_time_exits_6_saying_how_long_it_waited(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, silent_server: str
) -> None:
    monkeypatch.setenv("TMDB_ACCESS_TOKEN", CANARY)
    monkeypatch.setenv("TMDB_BASE_URL", silent_server)
    result = run_cli("person-images", "62", "--retries", "0", "--timeout", "0.2")
    assert result.exit_code == 6
    assert result.error == (
        f"error: GET {silent_server}/3/person/62/images: no answer within 0.2 s"
    )  # not "timed out: timed out"


def test_a_dropped_connection_exits_6(
    run_cli: RunCli, fake_tmdb: FakeTmdb, monkeypatch: pytest.MonkeyPatch
) -> None:
    point_at(fake_tmdb, monkeypatch, TMDB_ACCESS_TOKEN=fake_tmdb.access_token)
    fake_tmdb.drop_next()
    result = run_cli("person-images", "62", "--retries", "0")
    assert result.exit_code == 6


@pytest.mark.parametrize("fault", ["server_error", "malformed"])
def test_a_failing_or_broken_tmdb_exits_7(
    run_cli: RunCli, fake_tmdb: FakeTmdb, monkeypatch: pytest.MonkeyPatch, fault: str
) -> None:
    point_at(fake_tmdb, monkeypatch, TMDB_ACCESS_TOKEN=fake_tmdb.access_token)
    if fault == "server_error":
        fake_tmdb.fail_next(1, 500)  # with the default 3 retries, the next try would pass
    else:
        fake_tmdb.malformed_next()
    result = run_cli("season-credits", "1396", "1", "--retries", "0")
    assert result.exit_code == 7
    assert ("HTTP 500" if fault == "server_error" else "does not match the spec") in result.error


def test_retries_are_used(
    run_cli: RunCli, fake_tmdb: FakeTmdb, monkeypatch: pytest.MonkeyPatch
) -> None:
    point_at(fake_tmdb, monkeypatch, TMDB_ACCESS_TOKEN=fake_tmdb.access_token)
    fake_tmdb.respond_next(503, {"status_code": 9}, {"Retry-After": "0"})
    result = run_cli("person-images", "62", "--retries", "1", "--json")
    assert result.exit_code == 0
    assert [r.status for r in fake_tmdb.requests] == [503, 200]


def test_ctrl_c_exits_130_with_one_line(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    async def interrupted(*args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(AsyncTmdb, "season_credits", interrupted)
    result = run_cli("season-credits", "1396", "1")
    assert result.exit_code == 130
    assert result.error == "error: interrupted"


def test_main_reads_sys_argv_by_default(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.argv", ["tmdb-facade", "--version"])
    assert main() == 0
    assert "tmdb-facade, version" in capsys.readouterr().out


# -- TMDB's answers that break the spec -----------------------------------------------------


def test_json_prints_an_off_spec_answer_as_sent(run_cli: RunCli, live: FakeTmdb) -> None:
    body = live_body("tv_1396_season_1_credits")
    body["cast"][0]["order"] = None  # off-spec: the spec says an integer
    live.respond_next(200, body)
    result = run_cli("season-credits", "1396", "1", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == body
    # said, on stderr, where it breaks the spec and that the cast member was set aside
    why, outcome = result.stderr_lines
    assert why.startswith("warning: ")
    assert "$.cast[0].order" in why
    assert "$.cast[0]:" in outcome
    assert "set aside" in outcome


def test_an_answer_that_is_not_json_is_a_bad_response_even_with_json(
    run_cli: RunCli, live: FakeTmdb
) -> None:
    live.respond_next(200, "<html>Bad gateway</html>", {"Content-Type": "text/html"})
    result = run_cli("season-credits", "1396", "1", "--json", "--retries", "0")
    assert result.exit_code == 7
    assert result.stdout == ""


@pytest.mark.parametrize("file_path", ["/a\nb.jpg", "/a\rinjected.jpg", "/\x00.jpg", "/a\x7f.jpg"])
@pytest.mark.parametrize("best", [[], ["--best"]], ids=["table", "best"])
def test_a_file_path_that_would_break_a_line_is_a_bad_response(
    run_cli: RunCli, live: FakeTmdb, file_path: str, best: list[str]
) -> None:
    body = live_body("person_62_images")
    body["profiles"][0]["file_path"] = file_path
    body["profiles"][0]["vote_average"] = 10.0  # the best, for --best
    live.respond_next(200, body)
    result = run_cli("person-images", "62", *best)
    assert result.exit_code == 7  # TMDB's fault, not the user's (2)
    assert "TMDB sent an image whose file_path is not printable" in result.error
    assert result.stdout == ""


def test_the_librarys_warnings_are_one_line_each(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = AsyncTmdb.person_images

    async def warns(self: AsyncTmdb, person_id: int) -> Any:
        warnings.warn(f"$.profiles[0].iso_639_1: off the spec\n{CANARY}", UserWarning, 2)
        return await real(self, person_id)

    monkeypatch.setattr(AsyncTmdb, "person_images", warns)
    monkeypatch.setenv("TMDB_API_KEY", CANARY)
    result = run_cli("person-images", "62", "--offline", "--json")
    assert result.exit_code == 0
    assert "warning: $.profiles[0].iso_639_1: off the spec" in result.stderr_lines
    assert len(result.stderr_lines) == 2  # and the offline notice
    assert CANARY not in result.stderr
