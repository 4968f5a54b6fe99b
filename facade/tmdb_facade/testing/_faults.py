"""The fake server's switches: a rate limit (token bucket) and faults queued for the next requests.

Neither is thread-safe by itself: `FakeTmdb` holds its lock around every call.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from tmdb_facade.testing._app import Reply


@dataclass
class TokenBucket:
    """`rate` requests a second on average, up to `burst` at once.

    >>> bucket = TokenBucket(rate=1.0, burst=2, tokens=2.0, updated=0.0)
    >>> bucket.take(0.0), bucket.take(0.0), bucket.take(0.0)
    (None, None, 1.0)
    >>> bucket.take(1.0) is None
    True
    """

    rate: float
    burst: int
    tokens: float
    updated: float

    def take(self, now: float) -> float | None:
        """Take a token at time `now`: None if there was one, else the seconds until there is."""
        self.tokens = min(float(self.burst), self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return None
        return (1.0 - self.tokens) / self.rate


def retry_after(wait: float) -> str:
    """The `Retry-After` value for a wait: whole seconds, at least 1, as TMDB sends it."""
    return str(max(1, math.ceil(wait)))


@dataclass
class Fault:
    """What to do instead of answering normally, for the next `remaining` matching requests."""

    action: Literal["reply", "drop", "malformed"]
    remaining: int
    path: str | None = None
    reply: Reply | None = None

    def matches(self, path: str) -> bool:
        return self.path is None or path.startswith(self.path)


class FaultQueue:
    """Faults in the order they were asked for; a request takes the first one that matches it."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []

    def add(self, fault: Fault) -> None:
        if fault.remaining < 1:
            raise ValueError(f"n must be at least 1, not {fault.remaining}")
        self._faults.append(fault)

    def take(self, path: str) -> Fault | None:
        """The fault the request for `path` gets, if any, counting it as used once."""
        for fault in self._faults:
            if fault.matches(path):
                fault.remaining -= 1
                if fault.remaining == 0:
                    self._faults.remove(fault)
                return fault
        return None

    def __len__(self) -> int:
        return sum(fault.remaining for fault in self._faults)
