"""Rate limiters whose budget is shared by processes: in a SQLite file, or in Redis.

Both keep their state with pyrate-limiter (its SQLite bucket behind a file lock, its Redis
GCRA store and Lua script), never with storage of our own. They use its buckets and stores
directly, not its `Limiter`, because that one sleeps by itself: here `reserve()` only takes a
slot and returns the wait, and the client sleeps through its own injectable `sleep`.

A slot is reserved ahead of time by offering the store an arrival at a future moment: first
now, then at the moment the store says the budget allows, until it admits one. Every later
caller counts that arrival, so processes queue up without polling. pyrate-limiter and its
drivers are imported when a limiter is made, so `import tmdb_facade` never needs them.
"""

from __future__ import annotations

import importlib
import math
import sqlite3
import threading
import time
from collections.abc import Callable
from os import PathLike, fspath
from pathlib import Path
from typing import TYPE_CHECKING, Final, cast
from urllib.parse import unquote

from ._constants import DEFAULT_RATE
from ._sqlite_files import LIMITER_ID, NotOursError, claim
from .errors import InvalidArgumentError, InvalidArgumentTypeError, RateLimiterError

if TYPE_CHECKING:
    import redis
    from filelock import FileLock
    from pyrate_limiter import Rate, SQLiteBucket, StateStore

__all__ = [
    "DEFAULT_REDIS_KEY",
    "DEFAULT_SHARED_BURST",
    "DEFAULT_SHARED_RATE",
    "RateLimiterError",
    "RedisRateLimiter",
    "SQLiteRateLimiter",
]

#: Requests a second for `SQLiteRateLimiter`, with at most half of them in any half second.
#: Its store counts requests in sliding windows (pyrate-limiter has no GCRA for SQLite), so
#: a full window can go out at once: halving the window halves that burst. Against a server
#: allowing 50 a second with bursts of 50, this rate sends 400 requests in 8.0 s with no 429
#: even when one burst reaches the server 150 ms later than the next (49 a second, in whole
#: seconds only, lost requests from 50 ms on).
DEFAULT_SHARED_RATE: Final = 47
#: Requests the Redis limiter lets out at once: half a second's worth, not the in-memory
#: limiter's 45. Several processes open many more connections than one, and on 2 busy cores
#: the first burst of 4 processes reached the fake server late, into the requests paced
#: after it: with 45, 3 runs of 6 had up to 11 of 100 calls answered 429; with 24, none of 20.
DEFAULT_SHARED_BURST: Final = 24
DEFAULT_REDIS_KEY: Final = "tmdb-facade:ratelimit"

_TABLE: Final = "tmdb_facade_ratelimit"
_ITEM: Final = "tmdb"
#: What pyrate-limiter's SQLite bucket makes in the file.
_SCHEMA: Final = {_TABLE: frozenset(("name", "item_timestamp"))}
#: Within a process, threads wait on a real lock; only across processes is the file lock
#: polled, at this interval (filelock's default, 50 ms, would delay every request behind it).
_POLL_SECONDS: Final = 0.001
#: How often old requests are deleted from the SQLite file (its table only needs the last
#: second).
_LEAK_EVERY_MS: Final = 1000
#: Reservations push Redis's state ahead of the clock: it must outlive every slot handed out,
#: so it is kept for an hour of silence rather than pyrate-limiter's default of two bursts.
_REDIS_STATE_TTL_MS: Final = 3_600_000
#: The largest rate and burst taken: far beyond any server's, and small enough that the
#: stores' arithmetic (milliseconds, floats) never overflows.
_MAX_RATE: Final = 1_000_000
#: A bound on one reservation's tries: each failed try means another caller took that slot.
_MAX_TRIES: Final = 10_000


def _import_extra(owner: str, extra: str, *modules: str) -> None:
    for module in modules:
        try:
            importlib.import_module(module)
        except ImportError as missing:
            raise ImportError(
                f"{owner} needs the {extra!r} extra ({module} is not installed): "
                f"pip install 'tmdb-facade[{extra}]'"
            ) from missing


def _millis(clock: Callable[[], float]) -> int:
    return math.floor(clock() * 1000)


class SQLiteRateLimiter:
    """At most `rate` requests in any second, and half of them in any half second, for all
    the processes of this host that name the same file.

    `SQLiteRateLimiter("/var/tmp/tmdb-ratelimit.sqlite")` in each process (a `Tmdb` takes it
    as `rate_limit=`); threads and tasks of a process share the instance. `clock` must read
    the same time in every process: the wall clock (`time.time`), or a fake one in tests.
    Make it in the process that uses it (not before a fork: the SQLite connection cannot be
    shared). Needs the `shared-limit` extra.
    """

    def __init__(
        self,
        path: str | PathLike[str],
        *,
        rate: int = DEFAULT_SHARED_RATE,
        clock: Callable[[], float] = time.time,
        lock_timeout: float = 10.0,
    ) -> None:
        if not isinstance(path, str | PathLike):
            raise InvalidArgumentTypeError(f"path must be a str or os.PathLike, not {path!r}")
        text = fspath(path)
        if not isinstance(text, str) or not text or "\0" in text:
            # "" would make pyrate-limiter use a temporary file and a `.lock` in the working
            # folder; a NUL is a bare ValueError from SQLite and filelock.
            raise InvalidArgumentError("path must name a file (non-empty, no NUL character)")
        if type(rate) is not int or not 1 <= rate <= _MAX_RATE:
            raise InvalidArgumentError(
                f"rate must be an int from 1 to {_MAX_RATE} (requests a second), got {rate!r}"
            )
        if type(lock_timeout) not in (int, float) or not 0 < lock_timeout < math.inf:
            raise InvalidArgumentError(
                f"lock_timeout must be a positive number of seconds, got {lock_timeout!r}"
            )
        _import_extra("SQLiteRateLimiter", "shared-limit", "pyrate_limiter", "filelock")
        from pyrate_limiter import Rate, SQLiteBucket

        self.path = fspath(path)
        self.rate = rate
        self._clock = clock
        self._lock_timeout = lock_timeout
        windows = [Rate(rate, 1000)]
        if rate > 1:
            windows.insert(0, Rate(math.ceil(rate / 2), 500))
        try:
            # pyrate-limiter would add its table to any SQLite file and switch it to WAL.
            claim(Path(self.path), LIMITER_ID, _SCHEMA, timeout=lock_timeout)
        except NotOursError as error:
            raise RateLimiterError(
                f"cannot use {self.path!r} for the rate limit: {error}; it was left as it is"
            ) from None
        try:
            self._bucket: SQLiteBucket = SQLiteBucket.init_from_file(
                windows, table=_TABLE, db_path=self.path, use_file_lock=True
            )
        except (sqlite3.Error, OSError) as error:
            raise RateLimiterError(
                f"cannot use {self.path!r} for the rate limit: {error}"
            ) from error
        # The bucket's own lock, re-entered by its methods: a second FileLock on the same file
        # would be a second descriptor, and flock would make the thread wait for itself.
        self._file_lock = cast("FileLock", self._bucket.lock)
        self._thread_lock = threading.Lock()
        self._leaked_at = -math.inf

    def __repr__(self) -> str:
        return f"SQLiteRateLimiter({self.path!r}, rate={self.rate})"

    def reserve(self) -> float:
        """Take the next slot this host has; return the seconds until it."""
        with self._thread_lock:
            try:
                with self._file_lock.acquire(
                    timeout=self._lock_timeout, poll_interval=_POLL_SECONDS
                ):
                    now = _millis(self._clock)
                    slot = self._take_slot(now)
                    if now - self._leaked_at >= _LEAK_EVERY_MS:
                        self._bucket.leak(now)
                        self._leaked_at = now
            except (sqlite3.Error, OSError) as error:  # filelock.Timeout is an OSError
                raise RateLimiterError(
                    f"the rate limit in {self.path!r} failed: {type(error).__name__}: {error}"
                ) from error
        # Counted from the return, not from reading the clock: waiting for the lock took time.
        return max(0.0, round(slot / 1000 - self._clock(), 6))

    def _take_slot(self, now: int) -> int:
        from pyrate_limiter import RateItem

        # Under the file lock nobody else writes, so this ends in a try or two (one per window).
        slot = now
        for _ in range(_MAX_TRIES):
            item = RateItem(_ITEM, slot)
            if self._bucket.put(item):
                return slot
            # Milliseconds from `slot` until the store has room: counted from the newest
            # requests, including the reservations ahead of `slot`.
            slot += max(1, cast(int, self._bucket.waiting(item)))
        raise RateLimiterError(f"no free slot found in {self.path!r} after {_MAX_TRIES} tries")

    def close(self) -> None:
        """Close the SQLite connection. The limiter cannot be used afterwards."""
        self._bucket.close()  # type: ignore[no-untyped-call]  # unannotated in pyrate-limiter


class RedisRateLimiter:
    """`rate` requests a second on average, with bursts of up to `burst`, for every process
    and host that uses the same Redis key: workers behind one address share TMDB's budget.

    `server` is a URL (`redis://host:6379/0`, `rediss://` for TLS) or a `redis.Redis` client.
    It paces as the in-memory `RateLimiter` does (GCRA, 49 a second), with a smaller burst
    (`DEFAULT_SHARED_BURST`), on the Redis server's clock, so the hosts' clocks need not
    agree; `clock` replaces it in tests.
    Every `reserve()` is two or three round trips to Redis. Needs the `redis` extra.
    """

    def __init__(
        self,
        server: str | redis.Redis,
        *,
        rate: float = DEFAULT_RATE,
        burst: int = DEFAULT_SHARED_BURST,
        key: str = DEFAULT_REDIS_KEY,
        clock: Callable[[], float] | None = None,
    ) -> None:
        if type(rate) not in (int, float) or not 0.001 <= rate <= _MAX_RATE:
            raise InvalidArgumentError(
                f"rate must be a number of requests a second from 0.001 to {_MAX_RATE}, "
                f"got {rate!r}"
            )
        if type(burst) is not int or not 1 <= burst <= _MAX_RATE:
            raise InvalidArgumentError(f"burst must be an int from 1 to {_MAX_RATE}, got {burst!r}")
        if not isinstance(key, str) or not key:
            raise InvalidArgumentTypeError("key must be a non-empty str")
        _import_extra("RedisRateLimiter", "redis", "pyrate_limiter", "redis")
        from pyrate_limiter import GCRA, Rate, RedisStateStore

        self._client, self._owns_client = _connect(server)
        self.rate = float(rate)
        self.burst = burst
        self.key = key
        self._clock = clock
        self._thread_lock = threading.Lock()
        self._gcra = GCRA()
        # GCRA needs whole numbers: `rate` a second is rate * 1000 per 1000 seconds.
        self._rates: list[Rate] = [Rate(round(rate * 1000), 1_000_000, burst=burst)]
        self._store: StateStore = RedisStateStore(self._client, key, ttl_ms=_REDIS_STATE_TTL_MS)

    def __repr__(self) -> str:
        return f"RedisRateLimiter(key={self.key!r}, rate={self.rate:g}, burst={self.burst})"

    def reserve(self) -> float:
        """Take the next slot every worker shares; return the seconds until it."""
        from pyrate_limiter import Decision
        from redis import RedisError

        # One reservation at a time in a process: threads offering the same moment would
        # each lose to every other in turn (n² tries for n threads, hundreds of ms for 20).
        # Across processes no lock is needed: each try is one atomic script, and GCRA keeps
        # any set of admitted arrivals within the burst and the rate, in whatever order.
        with self._thread_lock:
            try:
                now = self._now()
                started = self._stopwatch()
                slot = now
                for _ in range(_MAX_TRIES):
                    decision = cast(Decision, self._store.check(self._gcra, self._rates, slot, 1))
                    if decision.allowed:
                        # Counted from the return, not from reading the clock: the tries
                        # took time, and the caller sleeps from here.
                        taken = self._stopwatch() - started
                        return max(0.0, round((slot - now) / 1000 - taken, 6))
                    slot += max(1, decision.retry_after_ms or 0)
            except RedisError as error:
                raise RateLimiterError(
                    f"the rate limit in Redis failed: {type(error).__name__}: {self._redact(error)}"
                ) from error
        raise RateLimiterError(f"no free slot found in Redis after {_MAX_TRIES} tries")

    def _now(self) -> int:
        """Milliseconds on the shared clock: the Redis server's, or the one given."""
        if self._clock is not None:
            return _millis(self._clock)
        seconds, microseconds = self._client.time()
        return seconds * 1000 + microseconds // 1000

    def _stopwatch(self) -> float:
        return self._clock() if self._clock is not None else time.monotonic()

    def _redact(self, error: Exception) -> str:
        password = self._client.connection_pool.connection_kwargs.get("password")
        text = str(error)
        return text.replace(password, "***") if isinstance(password, str) and password else text

    def close(self) -> None:
        """Close the connections this limiter opened (not those of a client passed in)."""
        if self._owns_client:
            self._client.close()


def _connect(target: object) -> tuple[redis.Redis, bool]:
    """The client for `target`, and whether this limiter made it (and so closes it)."""
    import redis as redis_py

    if isinstance(target, redis_py.Redis):
        return target, False
    if isinstance(target, str):
        if target.partition("://")[0].lower() not in ("redis", "rediss", "unix"):
            # Not repeated: the URL may hold a password.
            raise InvalidArgumentError(
                "server must be a redis://, rediss:// or unix:// URL (value not shown)"
            )
        try:
            return redis_py.Redis.from_url(target), True
        except ValueError as error:  # a bad port, db or option: redis-py's words, redacted
            detail = str(error)
            for secret in _url_secrets(target):
                detail = detail.replace(secret, "***")
            raise InvalidArgumentError(
                f"server is not a usable Redis URL: {detail} (URL not shown)"
            ) from None
    raise InvalidArgumentTypeError(
        f"server must be a Redis URL or a redis.Redis client (a synchronous one), "
        f"not {type(target).__name__}"
    )


def _url_secrets(url: str) -> list[str]:
    """The password of `url`, as written and percent-decoded, longest first.

    Read by hand rather than with `urlsplit`, which raises on the very URLs (a bad IPv6 host)
    whose errors need redacting.
    """
    rest = url.partition("://")[2]
    authority = rest.partition("/")[0].partition("?")[0]
    parts = [authority.rpartition("@")[0].partition(":")[2]]
    for option in rest.partition("?")[2].split("&"):  # redis-py also takes ?password=
        name, _, value = option.partition("=")
        if name.lower() == "password":
            parts.append(value)
    found = {piece for part in parts for piece in (part, unquote(part)) if piece}
    return sorted(found, key=len, reverse=True)
