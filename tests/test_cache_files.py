"""The cache's file (issue 15, defects 5 and 9): another program's database is refused and
left exactly as it was (the shared rate limiter's too); a file of ours that breaks (damaged,
read-only, locked) turns the cache off with one `CacheWarning`, no logged traceback, and
`cache_status` saying what really happened; processes sharing a file keep one entry per URL.
"""

from __future__ import annotations

import logging
import sqlite3
import warnings
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from tests.cli import RunCli, cache_file, cache_home, live_environment
from tests.clients import MakeDriver
from tmdb_facade import (
    AsyncTmdb,
    CacheFileError,
    CacheStatus,
    CacheWarning,
    InvalidArgumentError,
    Tmdb,
    TmdbError,
    cache_status,
)
from tmdb_facade.ratelimit import RateLimiterError, SQLiteRateLimiter
from tmdb_facade.testing import FakeTmdb

MISS = CacheStatus(from_cache=False, revalidated=False, stored=True)
NOT_STORED = CacheStatus(from_cache=False, revalidated=False, stored=False)
HIT = CacheStatus(from_cache=True, revalidated=False, stored=False)


@pytest.fixture
def server() -> Iterator[FakeTmdb]:
    with FakeTmdb() as fake:
        yield fake


def foreign_database(path: Path, journal_mode: str = "delete") -> bytes:
    """Another program's SQLite file at `path`; its bytes."""
    with closing(sqlite3.connect(path)) as db:
        db.execute(f"PRAGMA journal_mode={journal_mode}")
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        db.execute("INSERT INTO notes (text) VALUES ('buy milk')")
        db.commit()
    return path.read_bytes()


def journal_mode(path: Path) -> str:
    with closing(sqlite3.connect(path)) as db:
        mode: str = db.execute("PRAGMA journal_mode").fetchone()[0]
        return mode


def folder(path: Path) -> list[str]:
    return sorted(p.name for p in path.iterdir())


# -- defect 5: a file that is not ours ------------------------------------------------------


@pytest.mark.parametrize("mode", ["delete", "wal"])
@pytest.mark.parametrize("client", [Tmdb, AsyncTmdb])
def test_another_programs_database_is_refused_and_left_as_it_is(
    tmp_path: Path, client: type[Tmdb | AsyncTmdb], mode: str
) -> None:
    notes = tmp_path / "notes.db"
    before = foreign_database(notes, mode)
    with pytest.raises(
        CacheFileError, match=r"another program's SQLite database \(tables: notes\)"
    ) as caught:
        client(api_key="k", cache=notes)
    assert isinstance(caught.value, TmdbError)
    assert isinstance(caught.value, InvalidArgumentError)  # as before: a bad argument
    assert "it was left as it is" in str(caught.value)
    assert notes.read_bytes() == before
    assert journal_mode(notes) == mode
    assert folder(tmp_path) == ["notes.db"]


def test_a_database_marked_by_another_program_is_refused(tmp_path: Path) -> None:
    marked = tmp_path / "other.db"
    with closing(sqlite3.connect(marked)) as db:
        db.execute("PRAGMA application_id = 1234")
        db.commit()
    before = marked.read_bytes()
    with pytest.raises(CacheFileError, match="another program"):
        Tmdb(api_key="k", cache=marked)
    assert marked.read_bytes() == before


def test_the_sqlite_limiter_refuses_another_programs_database_untouched(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    before = foreign_database(notes)
    with pytest.raises(RateLimiterError, match="another program's SQLite database") as caught:
        SQLiteRateLimiter(notes)
    assert isinstance(caught.value, TmdbError)
    assert notes.read_bytes() == before
    assert journal_mode(notes) == "delete"
    assert folder(tmp_path) == ["notes.db"]  # no `.lock` either


def test_the_cache_and_the_limiter_do_not_take_each_others_file(
    server: FakeTmdb, tmp_path: Path
) -> None:
    limiter_file, cache_path = tmp_path / "limit.sqlite", tmp_path / "cache.sqlite"
    SQLiteRateLimiter(limiter_file).close()
    with Tmdb(server.access_token, base_url=server.url, cache=cache_path) as tmdb:
        tmdb.person_images(62)
    with pytest.raises(CacheFileError):
        Tmdb(api_key="k", cache=limiter_file)
    with pytest.raises(RateLimiterError):
        SQLiteRateLimiter(cache_path)
    # Each still opens its own.
    SQLiteRateLimiter(limiter_file).close()
    with Tmdb(server.access_token, base_url=server.url, cache=cache_path) as tmdb:
        assert cache_status(tmdb.person_images(62)) == HIT


def test_a_cache_file_from_before_the_mark_is_adopted_and_emptied(
    server: FakeTmdb, tmp_path: Path
) -> None:
    import hishel

    # What an earlier version made: hishel's tables only, no mark, an answer stored by
    # rules that kept things this one would not.
    path = tmp_path / "old.sqlite"
    storage = hishel.SqliteStorage(connection=sqlite3.connect(path, check_same_thread=False))
    with Tmdb(server.access_token, base_url=server.url, cache=storage) as tmdb:
        tmdb.person_images(62)
    storage.close()
    with Tmdb(server.access_token, base_url=server.url, cache=path) as tmdb:
        assert cache_status(tmdb.person_images(62)) == MISS
        assert cache_status(tmdb.person_images(62)) == HIT


def test_a_new_file_and_an_empty_one_are_made_ours(server: FakeTmdb, tmp_path: Path) -> None:
    (tmp_path / "empty.sqlite").touch()
    for name in ("new.sqlite", "empty.sqlite"):
        with Tmdb(server.access_token, base_url=server.url, cache=tmp_path / name) as tmdb:
            tmdb.person_images(62)
        with closing(sqlite3.connect(tmp_path / name)) as db:
            assert db.execute("PRAGMA application_id").fetchone()[0] != 0


@pytest.fixture
def live_cli(
    fake_tmdb: FakeTmdb, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> tuple[FakeTmdb, Path]:
    home = tmp_path / "cache-home"
    for name, value in {**cache_home(home), **live_environment(fake_tmdb)}.items():
        monkeypatch.setenv(name, value)
    return fake_tmdb, cache_file(home)


def test_the_command_line_exits_8_on_another_programs_database(
    run_cli: RunCli, live_cli: tuple[FakeTmdb, Path]
) -> None:
    live, path = live_cli
    path.parent.mkdir(parents=True)
    before = foreign_database(path)
    result = run_cli("season-credits", "1396", "1")
    assert result.exit_code == 8
    assert result.error.startswith(f"error: cannot use the cache file '{path}': it is another")
    assert result.error.endswith(" (remove it, or use --no-cache)")
    assert "Traceback" not in result.stderr
    assert live.requests == []
    assert path.read_bytes() == before
    assert journal_mode(path) == "delete"


# -- defect 9: a file of ours that breaks ----------------------------------------------------


def calls_twice(tmdb: Any) -> list[CacheStatus | None]:
    return [cache_status(tmdb.call("person_images", person)) for person in (62, 976, 62, 976)]


def cache_with_answers(server: FakeTmdb, path: Path) -> None:
    with Tmdb(server.access_token, base_url=server.url, cache=path) as tmdb:
        tmdb.person_images(62)
        tmdb.person_images(976)


def test_a_damaged_cache_file_warns_once_and_the_client_goes_on_without_it(
    make_driver: MakeDriver, server: FakeTmdb, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "c.sqlite"
    cache_with_answers(server, path)
    damage(path)
    requests_before = len(server.requests)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tmdb = make_driver(None, base_url=server.url, access_token=server.access_token, cache=path)
        statuses = calls_twice(tmdb)
    assert [str(w.message) for w in caught if w.category is CacheWarning] == [
        f"the cache file {str(path)!r} failed (database disk image is malformed); "
        "this client goes on without it"
    ]
    assert statuses == [None] * 4  # no cache: nothing stored, nothing served from it
    assert len(server.requests) - requests_before == 4
    assert [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR] == []


def read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache file opened as SQLite opens a file it may not write (a test run as root
    could write a file whatever its mode)."""
    from tmdb_facade import _cache_store

    def connect(path: Path) -> sqlite3.Connection:
        uri = f"{path.absolute().as_uri()}?mode=ro"
        return sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)

    monkeypatch.setattr(_cache_store, "_connect", connect)


def test_a_read_only_cache_file_serves_nothing_it_cannot_keep_and_warns_once(
    make_driver: MakeDriver,
    server: FakeTmdb,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "c.sqlite"
    cache_with_answers(server, path)
    server.requests.clear()
    read_only(monkeypatch)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tmdb = make_driver(None, base_url=server.url, access_token=server.access_token, cache=path)
        first = cache_status(tmdb.call("season_credits", 1396, 1))  # not stored: cannot be
        later = calls_twice(tmdb)
    (warning,) = [w for w in caught if w.category is CacheWarning]
    assert "attempt to write a readonly database" in str(warning.message)
    assert first == NOT_STORED  # the truth, where hishel said stored=True
    assert later == [None] * 4  # the cache is off from then on
    assert [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR] == []


def test_a_locked_cache_file_costs_one_short_wait_and_one_warning(
    make_driver: MakeDriver, server: FakeTmdb, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "c.sqlite"
    cache_with_answers(server, path)
    tmdb = make_driver(None, base_url=server.url, access_token=server.access_token, cache=path)
    (storage, *_) = tmdb.client._transport._owned
    # hishel's 5 s would be paid by every write; ours once.
    if hasattr(storage.connection, "_real_connection"):
        raw = storage.connection._real_connection
    else:
        raw = storage.connection
    with closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("BEGIN EXCLUSIVE")  # another program holding the write lock
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            assert cache_status(tmdb.call("person_images", 62)) == HIT  # reads still work
            assert cache_status(tmdb.call("season_credits", 1396, 1)) == NOT_STORED
            assert calls_twice(tmdb) == [None] * 4
        other.execute("ROLLBACK")
    assert raw.execute("PRAGMA busy_timeout").fetchone()[0] <= 1000
    (warning,) = [w for w in caught if w.category is CacheWarning]
    assert "database is locked" in str(warning.message)
    assert [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR] == []


def test_a_cache_file_failing_on_a_fresh_hit_warns_once_and_the_call_is_answered(
    make_driver: MakeDriver,
    server: FakeTmdb,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The fast path (`_cache_hits`) reads fresh answers through a sync storage for both
    # clients: its failure is the cache's, not the call's.
    import hishel

    path = tmp_path / "c.sqlite"
    cache_with_answers(server, path)
    tmdb = make_driver(None, base_url=server.url, access_token=server.access_token, cache=path)

    def failing(self: Any, key: str) -> Any:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(hishel.SqliteStorage, "get_entries", failing)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert tmdb.call("person_images", 62).id == 62
        assert calls_twice(tmdb) == [None] * 4  # the cache is off from then on
    (warning,) = [w for w in caught if w.category is CacheWarning]
    assert "disk I/O error" in str(warning.message)
    assert [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR] == []


def test_tables_named_like_ours_with_other_columns_are_another_programs(tmp_path: Path) -> None:
    # A hishel 1.x cache, say: `entries` and `streams`, but not the columns we make.
    other = tmp_path / "hishel-1.db"
    with closing(sqlite3.connect(other)) as db:
        db.execute("CREATE TABLE entries (id, cache_key, data, created_at, deleted_at)")
        db.execute("CREATE TABLE streams (entry_id, chunk_number, chunk_data)")
        db.commit()
    before = other.read_bytes()
    with pytest.raises(
        CacheFileError, match=r"another program's SQLite database \(tables: entries, streams\)"
    ):
        Tmdb(api_key="k", cache=other)
    assert other.read_bytes() == before


def test_a_database_without_tables_or_mark_is_another_programs(tmp_path: Path) -> None:
    blank = tmp_path / "blank.db"
    with closing(sqlite3.connect(blank)) as db:
        db.execute("PRAGMA user_version = 7")  # written, yet no table
        db.commit()
    before = blank.read_bytes()
    for make in (lambda: Tmdb(api_key="k", cache=blank), lambda: SQLiteRateLimiter(blank)):
        with pytest.raises((CacheFileError, RateLimiterError), match="another program"):
            make()
    assert blank.read_bytes() == before


def damage(path: Path) -> None:
    """Garbage over every page but the first (the header and the schema still read)."""
    data = bytearray(path.read_bytes())
    data[4096:] = bytes((i * 131 + 7) % 256 for i in range(len(data) - 4096))
    path.write_bytes(bytes(data))


def test_the_command_line_on_a_damaged_cache_warns_once_and_answers(
    run_cli: RunCli, live_cli: tuple[FakeTmdb, Path]
) -> None:
    live, path = live_cli
    assert run_cli("season-credits", "1396", "1").exit_code == 0
    assert run_cli("person-images", "62").exit_code == 0
    damage(path)
    result = run_cli("season-credits", "1396", "1")
    assert result.exit_code == 0, result.stderr
    assert result.stderr_lines == [
        f"warning: the cache file {str(path)!r} failed (database disk image is malformed); "
        "this client goes on without it"
    ]
    assert len(live.requests) == 3
