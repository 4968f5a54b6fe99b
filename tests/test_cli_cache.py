"""`--cache/--no-cache`: live runs cache TMDB's answers by default when hishel is installed,
never offline, never the credential; against the fake server, which sends TMDB's
`Cache-Control` and `ETag` and answers `If-None-Match` with 304, over a real socket."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.cli import RunCli, cache_file, cache_home, live_environment
from tmdb_facade.testing import FakeTmdb

CREDITS = ("season-credits", "1396", "1")


@pytest.fixture
def cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The folder the command line's cache file goes under in this test."""
    folder = tmp_path / "cache-home"
    for name, value in cache_home(folder).items():
        monkeypatch.setenv(name, value)
    return folder


@pytest.fixture
def live(fake_tmdb: FakeTmdb, monkeypatch: pytest.MonkeyPatch, cache_folder: Path) -> FakeTmdb:
    """`fake_tmdb`, with the command line pointed at it and holding its access token."""
    for name, value in live_environment(fake_tmdb).items():
        monkeypatch.setenv(name, value)
    return fake_tmdb


def files_under(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file())


def without_hishel(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if the cache extra were not installed: importing hishel fails, as it would."""
    monkeypatch.setitem(sys.modules, "hishel", None)


def test_a_live_run_again_is_answered_from_the_cache_which_holds_no_credential(
    run_cli: RunCli, live: FakeTmdb, cache_folder: Path
) -> None:
    first = run_cli(*CREDITS)
    assert first.exit_code == 0, first.stderr
    again = run_cli(*CREDITS)
    assert again.exit_code == 0, again.stderr
    assert again.stdout == first.stdout
    assert again.stderr == ""
    assert [r.path for r in live.requests] == ["/3/tv/1396/season/1/credits"]  # once
    assert cache_file(cache_folder).is_file()
    stored = b"".join(path.read_bytes() for path in files_under(cache_folder))  # and WAL
    assert b"/3/tv/1396/season/1/credits" in stored
    assert live.access_token.encode() not in stored
    assert live.api_key.encode() not in stored


def test_a_stale_answer_is_revalidated_in_one_round_trip_without_a_body(
    run_cli: RunCli, live: FakeTmdb
) -> None:
    live.cache_max_age = 0  # every answer stale at once
    first = run_cli(*CREDITS)
    again = run_cli(*CREDITS)
    assert again.exit_code == 0, again.stderr
    assert again.stdout == first.stdout
    assert [r.status for r in live.requests] == [200, 304]
    assert "if-none-match" in live.requests[1].headers


@pytest.mark.parametrize(
    "args",
    [("--no-cache", *CREDITS), (*CREDITS, "--no-cache")],
    ids=["before", "after"],
)
def test_no_cache_asks_tmdb_every_time_and_writes_no_file(
    run_cli: RunCli, live: FakeTmdb, cache_folder: Path, args: tuple[str, ...]
) -> None:
    for _ in range(2):
        result = run_cli(*args)
        assert result.exit_code == 0, result.stderr
    assert len(live.requests) == 2
    assert files_under(cache_folder) == []


def test_offline_runs_never_cache(run_cli: RunCli, cache_folder: Path, tmp_path: Path) -> None:
    assert run_cli(*CREDITS).exit_code == 0
    download = run_cli("download", "person-profiles", "62", "--to", str(tmp_path / "p"))
    assert download.exit_code == 0
    assert files_under(cache_folder) == []


@pytest.mark.parametrize(
    ("args", "why"),
    [
        (("--cache", *CREDITS), "no TMDB_ACCESS_TOKEN or TMDB_API_KEY"),
        (("--cache", "--offline", *CREDITS), "--offline"),
    ],
    ids=["no-credential", "offline-flag"],
)
def test_cache_offline_is_a_usage_error_before_anything_is_sent(
    run_cli: RunCli, cache_folder: Path, args: tuple[str, ...], why: str
) -> None:
    result = run_cli(*args)
    assert result.exit_code == 2
    assert result.error.startswith(
        f"error: --cache is for live runs; offline ({why}), answers come from the recorded data"
    )
    assert result.stderr_lines == [result.error]  # no offline line: nothing was sent
    assert files_under(cache_folder) == []


def test_cache_without_hishel_is_a_usage_error_naming_the_extra(
    run_cli: RunCli, live: FakeTmdb, monkeypatch: pytest.MonkeyPatch
) -> None:
    without_hishel(monkeypatch)
    result = run_cli("--cache", *CREDITS)
    assert result.exit_code == 2
    assert result.error == "error: --cache needs hishel: pip install 'tmdb-facade[cache]'"
    assert live.requests == []


def test_without_hishel_live_runs_do_without_a_cache(
    run_cli: RunCli, live: FakeTmdb, monkeypatch: pytest.MonkeyPatch, cache_folder: Path
) -> None:
    without_hishel(monkeypatch)
    for _ in range(2):
        result = run_cli(*CREDITS)
        assert result.exit_code == 0, result.stderr
        assert result.stderr == ""
    assert len(live.requests) == 2
    assert files_under(cache_folder) == []


def test_a_cache_file_that_is_no_database_exits_8_and_is_left_alone(
    run_cli: RunCli, live: FakeTmdb, cache_folder: Path
) -> None:
    broken = cache_file(cache_folder)
    broken.parent.mkdir(parents=True)
    broken.write_bytes(b"not a database, and long enough for SQLite to read a header" * 4)
    result = run_cli(*CREDITS)
    assert result.exit_code == 8
    assert result.error.startswith(f"error: cannot use the cache file '{broken}': ")
    assert result.error.endswith(" (remove it, or use --no-cache)")
    assert live.requests == []
    assert broken.read_bytes().startswith(b"not a database")
    assert run_cli(*CREDITS, "--no-cache").exit_code == 0


def test_help_says_why_the_cache_is_on_and_where_its_file_is(
    run_cli: RunCli, cache_folder: Path
) -> None:
    result = run_cli("--help")
    assert f"The file: {cache_file(cache_folder)}\n" in result.stdout
    assert "pip install 'tmdb-facade[cache]'" in result.stdout
    assert "never holds the credential" in result.stdout
    assert "--cache, --no-cache" in result.stdout
