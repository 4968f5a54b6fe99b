"""`Tmdb(cache=...)`: RFC 9111 over real sockets to the fake server, sync and async alike."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import hishel
import httpx
import pytest

from tests.clients import MakeDriver
from tmdb_facade import (
    AsyncTmdb,
    CacheStatus,
    HttpCache,
    InvalidArgumentError,
    InvalidArgumentTypeError,
    NotFoundError,
    RateLimiter,
    Tmdb,
    cache_status,
)
from tmdb_facade._constants import default_cache_file
from tmdb_facade.testing import FakeTmdb

PERSON = "/3/person/62/images"
HIT = CacheStatus(from_cache=True, revalidated=False, stored=False)
MISS = CacheStatus(from_cache=False, revalidated=False, stored=True)
NOT_MODIFIED = CacheStatus(from_cache=True, revalidated=True, stored=False)


@pytest.fixture
def server() -> Iterator[FakeTmdb]:
    with FakeTmdb() as fake:
        yield fake


def api_requests(server: FakeTmdb) -> list[tuple[str, int | None, str | None]]:
    """(path, status, If-None-Match) of each API request the server received."""
    return [
        (r.path, r.status, r.headers.get("if-none-match"))
        for r in server.requests
        if r.path.startswith("/3/")
    ]


def status_of(result: object) -> CacheStatus:
    status = cache_status(result)
    assert status is not None
    return status


def cached_driver(make_driver: MakeDriver, server: FakeTmdb, cache: Any, **options: Any) -> Any:
    options.setdefault("access_token", server.access_token)
    return make_driver(None, base_url=server.url, cache=cache, **options)


def test_a_fresh_answer_is_served_from_the_cache_without_the_network(
    make_driver: MakeDriver, server: FakeTmdb, tmp_path: Path
) -> None:
    tmdb = cached_driver(make_driver, server, tmp_path / "cache.sqlite")
    first = tmdb.call("person_images", 62)
    second = tmdb.call("person_images", 62)
    assert second.to_dict() == first.to_dict()
    assert (cache_status(first), cache_status(second)) == (MISS, HIT)
    assert not status_of(second).network
    assert api_requests(server) == [(PERSON, 200, None)]


def test_another_client_on_the_same_file_finds_the_answers(
    make_driver: MakeDriver, server: FakeTmdb, tmp_path: Path
) -> None:
    path = tmp_path / "cache.sqlite"
    cached_driver(make_driver, server, path).call("season_credits", 1396, 1)
    again = cached_driver(make_driver, server, path).call("season_credits", 1396, 1)
    assert cache_status(again) == HIT
    assert again.cast[0].character == "Walter White"
    assert len(api_requests(server)) == 1


def test_a_stale_answer_is_revalidated_with_its_etag_and_a_304_has_no_body(
    make_driver: MakeDriver, server: FakeTmdb, tmp_path: Path
) -> None:
    server.cache_max_age = 0  # stale at once: every reuse asks TMDB first
    tmdb = cached_driver(make_driver, server, tmp_path / "cache.sqlite")
    first = tmdb.call("person_images", 62)
    second = tmdb.call("person_images", 62)
    assert second.to_dict() == first.to_dict()
    assert cache_status(second) == NOT_MODIFIED
    assert status_of(second).network
    (_, _, none), (_, status, etag) = api_requests(server)
    assert none is None
    assert status == 304
    assert etag is not None
    assert etag.startswith('W/"')


def test_a_changed_answer_replaces_the_stored_one(
    make_driver: MakeDriver, server: FakeTmdb, tmp_path: Path
) -> None:
    server.cache_max_age = 0
    tmdb = cached_driver(make_driver, server, tmp_path / "cache.sqlite")
    tmdb.call("person_images", 62)
    changed = {"id": 62, "profiles": []}
    server.respond_next(200, changed, {"ETag": 'W/"new"', "Cache-Control": "max-age=0"})
    second = tmdb.call("person_images", 62)
    assert second.profiles == []
    assert cache_status(second) == CacheStatus(from_cache=False, revalidated=True, stored=True)
    _, (_, status, etag) = api_requests(server)
    assert status == 200
    assert etag is not None
    # The server's data is back to what it was: never the stale changed body again.
    assert len(tmdb.call("person_images", 62).profiles) > 0


def test_answers_without_cache_headers_are_kept_for_the_ttl(
    make_driver: MakeDriver, server: FakeTmdb, tmp_path: Path
) -> None:
    server.cache_max_age = None  # no Cache-Control, no ETag: as from a stripping proxy
    kept = cached_driver(make_driver, server, tmp_path / "kept.sqlite")
    kept.call("person_images", 62)
    assert cache_status(kept.call("person_images", 62)) == HIT
    expired = cached_driver(make_driver, server, HttpCache(tmp_path / "expired.sqlite", ttl=0))
    expired.call("person_images", 62)
    # Stale, and with no ETag to revalidate with: fetched again in full.
    assert not status_of(expired.call("person_images", 62)).from_cache
    assert api_requests(server) == [(PERSON, 200, None)] * 3


def test_errors_are_never_stored_even_with_cache_headers(
    make_driver: MakeDriver, server: FakeTmdb, tmp_path: Path
) -> None:
    tmdb = cached_driver(make_driver, server, tmp_path / "cache.sqlite", max_retries=0)
    for _ in range(2):
        with pytest.raises(NotFoundError):
            tmdb.call("person_images", 999999)
    # The cache key has no credential: a 401 kept for a bad key would answer a good one.
    error = {"success": False, "status_code": 7, "status_message": "Invalid API key"}
    server.respond_next(401, error, {"Cache-Control": "public, max-age=600"})
    with pytest.raises(Exception, match="401"):
        tmdb.call("person_images", 62)
    assert cache_status(tmdb.call("person_images", 62)) == MISS
    assert [status for _, status, _ in api_requests(server)] == [404, 404, 401, 200]


def test_image_files_are_not_cached(
    make_driver: MakeDriver, server: FakeTmdb, tmp_path: Path
) -> None:
    tmdb = cached_driver(
        make_driver, server, tmp_path / "cache.sqlite", image_base_url=server.image_base_url
    )
    poster = tmdb.call("person_images", 62).profiles[0]
    files = [tmdb.call("image_bytes", poster, "w185") for _ in range(2)]
    assert files[0] == files[1]
    assert cache_status(files[0]) is None
    assert len([r for r in server.requests if r.path.startswith("/t/p/")]) == 2


def test_answers_from_the_cache_spend_nothing_of_the_rate_limit(
    make_driver: MakeDriver, server: FakeTmdb, tmp_path: Path
) -> None:
    # One request a second on a clock that never moves: each slot after the first waits 1 s more.
    limiter = RateLimiter(rate=1, burst=1, clock=lambda: 0.0)
    tmdb = cached_driver(make_driver, server, tmp_path / "c.sqlite", rate_limit=limiter)
    for _ in range(5):
        tmdb.call("person_images", 62)
    tmdb.call("person_images", 976)
    assert tmdb.sleeps == [1.0]  # only the second request that reached the server waited


def test_no_cache_is_the_default_and_results_then_have_no_status(
    make_driver: MakeDriver, server: FakeTmdb
) -> None:
    tmdb = make_driver(None, base_url=server.url, access_token=server.access_token)
    results = [tmdb.call("person_images", 62) for _ in range(2)]
    assert [cache_status(r) for r in results] == [None, None]
    assert len(api_requests(server)) == 2


def test_many_threads_share_one_cache(server: FakeTmdb, tmp_path: Path) -> None:
    with Tmdb(server.access_token, base_url=server.url, cache=tmp_path / "c.sqlite") as tmdb:
        items = [62, 976] * 20
        cold = tmdb.map(tmdb.person_images, items)
        warm = tmdb.map(tmdb.person_images, items)
    assert [r.id for r in warm] == items == [r.id for r in cold]
    assert all(cache_status(r) == HIT for r in warm)
    assert len(api_requests(server)) <= 40  # concurrent misses may each fetch; hits never


def test_cache_true_uses_a_file_in_the_platform_cache_folder(
    server: FakeTmdb, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(sys, "platform", "linux")
    with Tmdb(server.access_token, base_url=server.url, cache=True) as tmdb:
        tmdb.person_images(62)
    assert (tmp_path / "xdg" / "tmdb-facade" / "http-cache.sqlite").stat().st_size > 0


@pytest.mark.parametrize(
    ("platform", "environment", "expected"),
    [
        ("linux", {"XDG_CACHE_HOME": "/x/cache"}, "/x/cache/tmdb-facade/http-cache.sqlite"),
        ("linux", {"XDG_CACHE_HOME": "relative"}, "~/.cache/tmdb-facade/http-cache.sqlite"),
        ("darwin", {}, "~/Library/Caches/tmdb-facade/http-cache.sqlite"),
        ("win32", {"LOCALAPPDATA": "/c/Local"}, "/c/Local/tmdb-facade/http-cache.sqlite"),
        ("win32", {}, "~/AppData/Local/tmdb-facade/http-cache.sqlite"),
    ],
)
def test_the_default_cache_file_follows_the_platform(
    monkeypatch: pytest.MonkeyPatch, platform: str, environment: dict[str, str], expected: str
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    for name in ("XDG_CACHE_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert default_cache_file() == Path(expected).expanduser()


def test_nothing_is_written_beside_the_cache_file(server: FakeTmdb, tmp_path: Path) -> None:
    # hishel, given a bare path, would drop a `.gitignore` of `*` into the folder.
    with Tmdb(server.access_token, base_url=server.url, cache=tmp_path / "c.sqlite") as tmdb:
        tmdb.person_images(62)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.sqlite"]


def test_a_storage_of_ones_own_is_used_and_left_open(server: FakeTmdb, tmp_path: Path) -> None:
    storage = hishel.SqliteStorage(database_path=tmp_path / "own" / "c.db")
    with Tmdb(server.access_token, base_url=server.url, cache=storage) as tmdb:
        tmdb.person_images(62)
    # Still usable after the client closed: the caller owns it.
    with Tmdb(server.access_token, base_url=server.url, cache=storage) as tmdb:
        assert cache_status(tmdb.person_images(62)) == HIT
    storage.close()


@pytest.mark.parametrize(
    ("cache", "error", "message"),
    [
        (42, InvalidArgumentTypeError, "cache must be True, a path, a hishel storage"),
        (HttpCache(False), InvalidArgumentTypeError, "cache must be True, a path"),  # type: ignore[arg-type]
        (hishel.AsyncSqliteStorage(), InvalidArgumentTypeError, "Tmdb needs a hishel BaseStorage"),
    ],
)
def test_a_bad_cache_is_refused_before_anything_is_sent(
    server: FakeTmdb, cache: Any, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        Tmdb(server.access_token, base_url=server.url, cache=cache)
    assert server.requests == []


@pytest.mark.parametrize(
    ("ttl", "error"),
    [(-1, InvalidArgumentError), (float("inf"), InvalidArgumentError), ("1", TypeError)],
)
def test_a_bad_ttl_is_refused(ttl: Any, error: type[Exception]) -> None:
    with pytest.raises(error, match="ttl must be"):
        HttpCache(ttl=ttl)


def test_a_cache_file_that_cannot_be_used_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("")
    (tmp_path / "not-a-database").write_text("x" * 200)
    with sqlite3.connect(tmp_path / "another-programs.db") as db:
        db.execute("CREATE TABLE entries (id INTEGER, name TEXT)")
    for path, reason in [
        ("a-file/c.sqlite", "File exists"),
        ("not-a-database", "not a database"),
        ("another-programs.db", r"another program.s SQLite database \(tables: entries\)"),
    ]:
        for client in (Tmdb, AsyncTmdb):
            with pytest.raises(InvalidArgumentError, match=f"cannot use the cache file .*{reason}"):
                client(api_key="k", cache=tmp_path / path)


def test_a_missing_hishel_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "hishel", None)  # what an install without it gives
    with pytest.raises(ImportError, match=r"tmdb-facade\[cache\]"):
        Tmdb(api_key="k", cache=True)


def test_hishel_is_imported_only_when_a_cache_is_asked_for() -> None:
    code = "import sys, tmdb_facade; tmdb_facade.Tmdb(api_key='k'); print('hishel' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_a_mock_transport_below_the_cache_sees_the_conditional_request(
    make_driver: MakeDriver, tmp_path: Path
) -> None:
    tag = 'W/"abc"'

    def handler(request: httpx.Request) -> httpx.Response:
        if request.headers.get("if-none-match") == tag:
            return httpx.Response(304, headers={"ETag": tag, "Cache-Control": "max-age=0"})
        body = {"id": 62, "profiles": []}
        return httpx.Response(200, json=body, headers={"ETag": tag, "Cache-Control": "max-age=0"})

    tmdb = make_driver(handler, cache=tmp_path / "c.sqlite")
    tmdb.call("person_images", 62)
    assert cache_status(tmdb.call("person_images", 62)) == NOT_MODIFIED
    assert [r.headers.get("if-none-match") for r in tmdb.requests] == [None, tag]
    assert all(r.headers["authorization"] == "Bearer test-token" for r in tmdb.requests)
