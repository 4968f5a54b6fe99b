"""Pluggable limiters, and the shared ones on a fake clock: SQLite files, and Redis in fakeredis.

Real processes and a real redis-server are in tests/test_shared_ratelimit_processes.py.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import closing
from importlib.metadata import metadata
from pathlib import Path
from typing import Any

import fakeredis
import httpx
import pytest
import redis
import redis.asyncio
from packaging.requirements import Requirement

from tests.clients import MakeDriver, json_response
from tests.helpers import live_body, waits_from_threads
from tmdb_facade import InvalidArgumentError, Tmdb
from tmdb_facade.errors import InvalidArgumentTypeError
from tmdb_facade.ratelimit import (
    Limiter,
    RateLimiter,
    RateLimiterError,
    RedisRateLimiter,
    SQLiteRateLimiter,
)
from tmdb_facade.testing._faults import TokenBucket

PROFILES = live_body("person_62_images")
CANARY = "canary-redis-secret-9c4d"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


class ScriptedLimiter:
    """Not a tmdb_facade class: anything with `reserve()` plugs in."""

    def __init__(self, waits: list[float]) -> None:
        self.waits = waits

    def reserve(self) -> float:
        return self.waits.pop(0)


def test_any_object_with_reserve_paces_the_client(make_driver: MakeDriver) -> None:
    limiter = ScriptedLimiter([0.0, 0.25, 1.5])
    driver = make_driver(json_response(200, PROFILES), rate_limit=limiter)
    for _ in range(3):
        driver.call("person_images", 62)
    assert driver.sleeps == [0.25, 1.5]
    assert len(driver.requests) == 3
    assert driver.client.rate_limiter is limiter


def test_a_retry_takes_a_fresh_slot(make_driver: MakeDriver) -> None:
    answers = [httpx.Response(503), httpx.Response(200, json=PROFILES)]
    limiter = ScriptedLimiter([0.0, 2.0])
    driver = make_driver(lambda request: answers.pop(0), rate_limit=limiter)
    driver.call("person_images", 62)
    # The backoff is 0.5 s; the limiter's next slot is later, so the client waits for that.
    assert driver.sleeps == [2.0]
    assert limiter.waits == []


def test_the_limiters_meet_the_protocol(tmp_path: Path, sqlite_limiter: SqliteLimiter) -> None:
    limiters: list[Limiter] = [
        RateLimiter(),
        sqlite_limiter(tmp_path / "limit.sqlite", FakeClock()),
        RedisRateLimiter(fakeredis.FakeRedis()),
    ]
    assert all(isinstance(limiter, Limiter) for limiter in limiters)
    assert not isinstance(49.0, Limiter)


# -- SQLite ----------------------------------------------------------------------------------


@pytest.fixture
def sqlite_limiter() -> Iterator[Callable[..., SQLiteRateLimiter]]:
    """`sqlite_limiter(path, clock, rate=4, ...)`: a SQLiteRateLimiter closed after the test."""
    made: list[SQLiteRateLimiter] = []

    def make(path: Path, clock: Callable[[], float], rate: int | None = 4, **options: Any) -> Any:
        if rate is not None:  # None: the default rate
            options["rate"] = rate
        made.append(SQLiteRateLimiter(path, clock=clock, **options))
        return made[-1]

    yield make
    for limiter in made:
        limiter.close()


SqliteLimiter = Callable[..., SQLiteRateLimiter]


def test_sqlite_limiter_spreads_each_second_over_its_halves(
    tmp_path: Path, sqlite_limiter: SqliteLimiter
) -> None:
    limiter = sqlite_limiter(tmp_path / "limit.sqlite", FakeClock())
    waits = [limiter.reserve() for _ in range(7)]
    # 4 a second, 2 in any half second; 1 ms past each window's edge, which still counts.
    assert waits == [0.0, 0.0, 0.501, 0.501, 1.002, 1.002, 1.503]


def test_sqlite_limiters_on_one_file_share_one_budget(
    tmp_path: Path, sqlite_limiter: SqliteLimiter
) -> None:
    clock = FakeClock()
    first = sqlite_limiter(tmp_path / "limit.sqlite", clock)
    second = sqlite_limiter(tmp_path / "limit.sqlite", clock)
    waits = [limiter.reserve() for limiter in (first, second) * 3]
    assert waits == [0.0, 0.0, 0.501, 0.501, 1.002, 1.002]
    other_file = sqlite_limiter(tmp_path / "other.sqlite", clock)
    assert other_file.reserve() == 0.0


def test_sqlite_limiter_frees_slots_as_time_passes_and_stays_small(
    tmp_path: Path, sqlite_limiter: SqliteLimiter
) -> None:
    clock = FakeClock()
    path = tmp_path / "limit.sqlite"
    limiter = sqlite_limiter(path, clock)
    assert [limiter.reserve() for _ in range(3)] == [0.0, 0.0, 0.501]
    clock.now += 10.0  # idle: the budget is back, and still 2 at most in half a second
    assert [limiter.reserve() for _ in range(3)] == [0.0, 0.0, 0.501]
    for _ in range(500):
        clock.now += limiter.reserve()
    # Requests older than a second are deleted as it goes: the file does not grow.
    with closing(sqlite3.connect(path)) as db:  # sqlite3's own `with` does not close
        (rows,) = db.execute("SELECT COUNT(*) FROM tmdb_facade_ratelimit").fetchone()
    assert rows <= 2 * 4


def test_sqlite_limiter_is_shared_safely_between_threads(
    tmp_path: Path, sqlite_limiter: SqliteLimiter
) -> None:
    clock = FakeClock()
    limiter = sqlite_limiter(tmp_path / "limit.sqlite", clock, rate=10)
    waits = waits_from_threads(limiter, threads=4, each=10)
    # 40 slots from one instant: 5 per half second, each half second 0.501 s after the last.
    assert waits == pytest.approx([0.501 * (n // 5) for n in range(40)])


def test_sqlite_wait_counts_from_when_reserve_returns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sqlite_limiter: SqliteLimiter
) -> None:
    from pyrate_limiter import RateItem, SQLiteBucket

    clock = FakeClock()
    limiter = sqlite_limiter(tmp_path / "limit.sqlite", clock)
    assert [limiter.reserve() for _ in range(2)] == [0.0, 0.0]
    put = SQLiteBucket.put

    def slow_put(bucket: SQLiteBucket, item: RateItem) -> bool:  # 0.1 s a write: a slow disk
        clock.now += 0.1
        return put(bucket, item)

    monkeypatch.setattr(SQLiteBucket, "put", slow_put)
    start = clock.now
    wait = limiter.reserve()
    assert clock.now > start  # the writes took time
    # The third slot is 0.501 s after the first two; the caller starts sleeping on return.
    assert wait == pytest.approx(start + 0.501 - clock.now, abs=1e-3)


def test_default_sqlite_limiter_fits_a_50_per_second_server_even_with_a_late_start(
    tmp_path: Path, sqlite_limiter: SqliteLimiter
) -> None:
    clock = FakeClock()
    limiter = sqlite_limiter(tmp_path / "limit.sqlite", clock, rate=None)
    start = clock.now
    slots = [start + limiter.reserve() for _ in range(400)]
    for lag in (0.0, 0.15):
        # The first half second reaches the server `lag` late, into the requests after it.
        arrivals = sorted(slot + (lag if slot < start + 0.5 else 0.0) for slot in slots)
        bucket = TokenBucket(rate=50.0, burst=50, tokens=50.0, updated=start)
        assert [bucket.take(arrival) for arrival in arrivals] == [None] * 400, lag
    assert slots[-1] - start <= 1.1 * 400 / 50


def test_the_client_sleeps_for_the_sqlite_limiter(
    make_driver: MakeDriver, tmp_path: Path, sqlite_limiter: SqliteLimiter
) -> None:
    limiter = sqlite_limiter(tmp_path / "limit.sqlite", FakeClock())
    driver = make_driver(json_response(200, PROFILES), rate_limit=limiter)
    for _ in range(5):
        driver.call("person_images", 62)
    assert driver.sleeps == [0.501, 0.501, 1.002]


@pytest.mark.parametrize("rate", [0, -1, 1.5, True, "47"])
def test_sqlite_limiter_rejects_a_bad_rate(tmp_path: Path, rate: object) -> None:
    with pytest.raises(InvalidArgumentError, match="rate must be an int"):
        SQLiteRateLimiter(tmp_path / "limit.sqlite", rate=rate)  # type: ignore[arg-type]


def test_sqlite_limiter_rejects_a_path_that_is_not_one() -> None:
    with pytest.raises(InvalidArgumentTypeError, match="path must be"):
        SQLiteRateLimiter(42)  # type: ignore[arg-type]


def test_a_lock_held_too_long_is_a_rate_limiter_error(
    tmp_path: Path, sqlite_limiter: SqliteLimiter
) -> None:
    from filelock import FileLock

    path = tmp_path / "limit.sqlite"
    limiter = sqlite_limiter(path, FakeClock(), lock_timeout=0.05)
    with pytest.raises(InvalidArgumentError, match="lock_timeout"):
        SQLiteRateLimiter(path, lock_timeout=0)
    held, release = threading.Event(), threading.Event()

    def hold() -> None:  # another process, as far as the lock can tell: another descriptor
        with FileLock(f"{path}.lock"):
            held.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert held.wait(10)
        with pytest.raises(RateLimiterError, match="Timeout"):
            limiter.reserve()
    finally:
        release.set()
        holder.join(10)
    assert limiter.reserve() == 0.0


def test_an_unusable_sqlite_file_is_a_rate_limiter_error(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    with pytest.raises(RateLimiterError, match="a-file"):
        SQLiteRateLimiter(tmp_path / "a-file" / "limit.sqlite")


# -- Redis -----------------------------------------------------------------------------------


def test_redis_limiter_paces_like_the_in_memory_one() -> None:
    clock = FakeClock()
    shared = RedisRateLimiter(fakeredis.FakeRedis(), rate=10, burst=3, clock=clock)
    local = RateLimiter(rate=10, burst=3, clock=clock)
    pairs = []
    for step in [0.0, 0.0, 0.0, 0.0, 0.05, 0.0, 0.3, 2.0, 0.0, 0.0, 0.0, 0.0]:
        clock.now += step
        pairs.append((shared.reserve(), local.reserve()))
    assert [shared for shared, _ in pairs] == pytest.approx([local for _, local in pairs], abs=2e-3)
    assert pairs[3][0] == pytest.approx(0.1, abs=1e-3)


def test_redis_limiters_on_one_key_share_one_budget() -> None:
    server = fakeredis.FakeServer()
    clock = FakeClock()
    first, second, elsewhere = (
        RedisRateLimiter(fakeredis.FakeRedis(server=server), rate=10, burst=2, key=key, clock=clock)
        for key in ("tmdb", "tmdb", "another-address")
    )
    waits = [limiter.reserve() for limiter in (first, second) * 3]
    assert waits == pytest.approx([0.0, 0.0, 0.1, 0.2, 0.3, 0.4], abs=1e-3)
    assert elsewhere.reserve() == 0.0


def test_redis_limiter_is_shared_safely_between_threads() -> None:
    limiter = RedisRateLimiter(fakeredis.FakeRedis(), rate=100, burst=1, clock=FakeClock())
    waits = waits_from_threads(limiter, threads=4, each=25)
    assert waits == pytest.approx([n / 100 for n in range(100)], abs=1e-3)


class SlowRedis(fakeredis.FakeRedis):
    """Each script run takes 0.05 s of the fake clock, as a distant Redis would."""

    clock: FakeClock

    def evalsha(self, *args: Any, **kwargs: Any) -> Any:
        self.clock.now += 0.05
        return super().evalsha(*args, **kwargs)


def test_redis_wait_counts_from_when_reserve_returns() -> None:
    client = SlowRedis()
    client.clock = clock = FakeClock()
    limiter = RedisRateLimiter(client, rate=1, burst=1, clock=clock)
    start = clock.now
    assert limiter.reserve() == 0.0
    wait = limiter.reserve()
    assert clock.now - start >= 0.1  # the round trips took time
    # The second slot is 1 s after the first; the caller starts sleeping when reserve returns.
    assert wait == pytest.approx(start + 1.0 - clock.now, abs=1e-3)


def test_redis_limiter_remembers_every_slot_it_handed_out() -> None:
    client = fakeredis.FakeRedis()
    limiter = RedisRateLimiter(client, rate=10, burst=1, clock=FakeClock())
    waits = [limiter.reserve() for _ in range(100)]
    # Slots up to 10 s ahead: the state must outlive them, or the queue would be forgotten.
    assert waits[-1] == pytest.approx(9.9, abs=1e-2)
    ttl_ms = client.pttl("tmdb-facade:ratelimit")
    assert isinstance(ttl_ms, int)
    assert ttl_ms > 1000 * waits[-1]


def test_the_client_sleeps_for_the_redis_limiter(make_driver: MakeDriver) -> None:
    limiter = RedisRateLimiter(fakeredis.FakeRedis(), rate=10, burst=2, clock=FakeClock())
    driver = make_driver(json_response(200, PROFILES), rate_limit=limiter)
    for _ in range(4):
        driver.call("person_images", 62)
    assert driver.sleeps == pytest.approx([0.1, 0.2], abs=1e-3)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"rate": 0}, "rate must be"),
        ({"rate": float("nan")}, "rate must be"),
        ({"burst": 0}, "burst must be"),
        ({"burst": 2.0}, "burst must be"),
    ],
)
def test_redis_limiter_rejects_nonsense(options: dict[str, float], message: str) -> None:
    with pytest.raises(InvalidArgumentError, match=message):
        RedisRateLimiter(fakeredis.FakeRedis(), **options)  # type: ignore[arg-type]


def test_redis_limiter_takes_a_url_or_a_sync_client_only() -> None:
    with pytest.raises(InvalidArgumentError, match="URL") as caught:
        RedisRateLimiter(f"http://user:{CANARY}@example.invalid")
    assert CANARY not in str(caught.value)
    with pytest.raises(InvalidArgumentTypeError, match="synchronous"):
        RedisRateLimiter(redis.asyncio.Redis())  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentTypeError, match="key"):
        RedisRateLimiter(fakeredis.FakeRedis(), key="")


def unused_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_an_unreachable_redis_is_a_rate_limiter_error_without_the_password() -> None:
    url = f"redis://:{CANARY}@127.0.0.1:{unused_port()}/0"
    limiter = RedisRateLimiter(url)
    with Tmdb("t", base_url="http://127.0.0.1:9", rate_limit=limiter) as tmdb:
        with pytest.raises(RateLimiterError, match="Redis failed: ConnectionError") as caught:
            tmdb.person_images(62)
        assert CANARY not in str(caught.value)
        assert CANARY not in repr(tmdb)
    limiter.close()


# -- installation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("missing", "extra"),
    [("pyrate_limiter", "shared-limit"), ("filelock", "shared-limit"), ("redis", "redis")],
)
def test_a_missing_extra_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, missing: str, extra: str
) -> None:
    monkeypatch.setitem(sys.modules, missing, None)  # what an absent package looks like
    make = (
        (lambda: RedisRateLimiter("redis://127.0.0.1"))
        if extra == "redis"
        else (lambda: SQLiteRateLimiter(tmp_path / "limit.sqlite"))
    )
    with pytest.raises(ImportError, match=rf"pip install 'tmdb-facade\[{extra}\]'"):
        make()


def test_the_extras_the_errors_name_bring_the_libraries_the_limiters_import() -> None:
    declared = metadata("tmdb-facade").get_all("Requires-Dist") or []
    requirements = [Requirement(text) for text in declared]

    def brought_by(extra: str) -> set[str]:
        return {
            requirement.name
            for requirement in requirements
            if requirement.marker is not None and requirement.marker.evaluate({"extra": extra})
        }

    assert {"pyrate-limiter", "filelock"} <= brought_by("shared-limit")
    assert {"pyrate-limiter", "redis"} <= brought_by("redis")
    assert "pyrate-limiter" not in brought_by("")  # a plain install stays without them


def test_clients_load_no_shared_limiter_library_until_one_is_made() -> None:
    code = (
        "import sys; from tmdb_facade import Tmdb; import tmdb_facade.ratelimit; Tmdb('t'); "
        "print(sorted(m for m in ('pyrate_limiter', 'redis', 'filelock', 'sqlite3') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
