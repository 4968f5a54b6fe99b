"""A client-side rate limit, so bulk work runs at TMDB's ceiling instead of into 429s.

A client depends only on `Limiter`: something whose `reserve()` takes the next slot and says
how long to wait for it. The client sleeps through its own injectable `sleep`, never the
limiter, so tests run on a fake clock whichever limiter is plugged in.

- `RateLimiter` (the default) keeps its budget in memory, for one process.
- `SQLiteRateLimiter` shares one budget between the processes of one host through a file,
  and `RedisRateLimiter` between workers on many hosts behind one address (TMDB counts per
  address). Both are built on pyrate-limiter, installed by the `shared-limit` and `redis`
  extras and imported only when one is made (`tmdb_facade._ratelimit_shared`).

`RateLimiter` is hand-written (a GCRA token bucket in a few lines) rather than taken from
aiolimiter or pyrate-limiter: one limiter must serve threads and event loops alike, and the
default must not add a dependency to every install. aiolimiter is async-only; pyrate-limiter's
`Limiter` sleeps on its own clock, which is why the shared limiters use its storage directly.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from .errors import InvalidArgumentError, quoted

if TYPE_CHECKING:
    from ._ratelimit_shared import RateLimiterError, RedisRateLimiter, SQLiteRateLimiter

__all__ = [
    "DEFAULT_BURST",
    "DEFAULT_RATE",
    "Limiter",
    "RateLimiter",
    "RateLimiterError",
    "RedisRateLimiter",
    "SQLiteRateLimiter",
]

# The defaults live with the others (`_constants`); named here too, where users look for them.
from ._constants import DEFAULT_BURST, DEFAULT_RATE


@runtime_checkable
class Limiter(Protocol):
    """What `Tmdb(rate_limit=...)` and `AsyncTmdb(rate_limit=...)` accept besides a number.

    `reserve()` takes the next free slot and returns the seconds until it (0.0: send now).
    The slot is the caller's from then on: the client sleeps that long and sends, and asks
    again only for another request (or a retry). It must never sleep itself, and must be
    safe to call from several threads at once.
    """

    def reserve(self) -> float:
        """Take the next slot; return the seconds to wait before using it."""
        ...


class RateLimiter:
    """At most `rate` requests a second on average, with bursts of up to `burst`.

    >>> limiter = RateLimiter(rate=2, burst=2, clock=lambda: 0.0)
    >>> [limiter.reserve() for _ in range(4)]
    [0.0, 0.0, 0.5, 1.0]

    `reserve()` takes the next slot and says how long to wait before using it; it never
    sleeps itself. Share one limiter between clients to share one budget.
    """

    def __init__(
        self,
        rate: float = DEFAULT_RATE,
        burst: int = DEFAULT_BURST,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        # InvalidArgumentError is also a ValueError, which is what this raised before.
        if not isinstance(rate, int | float) or not math.isfinite(rate) or rate <= 0:
            raise InvalidArgumentError(
                f"rate must be a positive number of requests per second, got {quoted(rate)}"
            )
        if type(burst) is not int or burst < 1:
            raise InvalidArgumentError(f"burst must be an int >= 1, got {quoted(burst)}")
        self.rate = float(rate)
        self.burst = burst
        self._interval = 1.0 / self.rate
        self._clock = clock
        self._lock = threading.Lock()
        # When the next request would go out if none had been let through early.
        self._theoretical_arrival = -math.inf

    def __repr__(self) -> str:
        return f"RateLimiter(rate={self.rate:g}, burst={self.burst})"

    def reserve(self) -> float:
        """Take a slot; return the seconds to wait before sending (0.0: send now)."""
        with self._lock:
            now = self._clock()
            slot = max(self._theoretical_arrival, now)
            self._theoretical_arrival = slot + self._interval
            wait = slot - now - (self.burst - 1) * self._interval
            # Rounded to the nanosecond: float error must not turn "now" into a 1e-14 s wait.
            return max(0.0, round(wait, 9))


_SHARED = frozenset({"RateLimiterError", "RedisRateLimiter", "SQLiteRateLimiter"})


def __getattr__(name: str) -> Any:
    # The shared limiters are loaded on first use: every client imports this module.
    if name not in _SHARED:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from . import _ratelimit_shared

    return getattr(_ratelimit_shared, name)
