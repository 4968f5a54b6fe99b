"""The fake server's switches: a rate limit (token bucket) and faults queued for the next requests.

Neither the bucket nor the queue is thread-safe by itself: `FakeTmdb` holds its lock around every
call (`FaultInjection`, its methods that queue faults, takes it too).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from tmdb_facade.testing import _app, _data
from tmdb_facade.testing._app import Reply

#: Headers `respond_next` cannot replace: the server frames every answer itself.
_NOT_REPLACEABLE = {"content-type", "content-length", "transfer-encoding"}


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


class FaultInjection:
    """`FakeTmdb`'s methods that queue faults for the next requests."""

    _lock: threading.Lock
    _faults: FaultQueue

    @property
    def pending_faults(self) -> int:
        """How many requests the queued faults (`fail_next`, ...) are still waiting for."""
        with self._lock:
            return len(self._faults)

    def fail_next(self, n: int = 1, status: int = 500, *, path: str | None = None) -> None:
        """Answer the next `n` requests with `status` and TMDB's error body for it
        (500: status_code 11, "Internal error"; 503: 9; 429: 25 with `Retry-After: 1`; ...).

        `path`, when given, limits this to requests whose path starts with it.
        """
        if not 400 <= status <= 599:
            raise ValueError(f"status must be an error status (400-599), not {status}")
        headers = (("Retry-After", "1"),) if status == 429 else ()
        self._add(Fault("reply", n, path, _app.error_reply(status, headers)))

    def drop_next(self, n: int = 1, *, path: str | None = None) -> None:
        """Close the connection without answering, for the next `n` requests."""
        self._add(Fault("drop", n, path))

    def malformed_next(self, n: int = 1, *, path: str | None = None) -> None:
        """Answer the next `n` requests 200 with only the first half of the body they would get:
        valid HTTP, but not valid JSON (or PNG)."""
        self._add(Fault("malformed", n, path))

    def respond_next(
        self,
        status: int,
        body: bytes | str | dict[str, Any] | list[Any] = b"",
        headers: Mapping[str, str] | None = None,
        *,
        n: int = 1,
        path: str | None = None,
    ) -> None:
        """Answer the next `n` requests with exactly this: a dict or list body is sent as JSON,
        `headers` are added to (or replace) the usual ones, except Content-Length.

        >>> from tmdb_facade.testing import FakeTmdb
        >>> server = FakeTmdb()
        >>> later = {"Retry-After": "Wed, 21 Oct 2026 07:28:00 GMT"}
        >>> server.respond_next(429, {"status_code": 25, "status_message": "Slow down"}, later)
        """
        if not 200 <= status <= 599:
            raise ValueError(f"status must be 200-599, not {status}")
        if isinstance(body, (dict, list)):
            encoded = _data.encode(body)
        else:
            encoded = body.encode() if isinstance(body, str) else body
        extra = dict(headers or {})
        content_type = next(
            (v for k, v in extra.items() if k.lower() == "content-type"), _app.JSON_CONTENT_TYPE
        )
        kept = tuple((k, v) for k, v in extra.items() if k.lower() not in _NOT_REPLACEABLE)
        self._add(Fault("reply", n, path, _app.Reply(status, encoded, content_type, kept)))

    def _add(self, fault: Fault) -> None:
        with self._lock:
            self._faults.add(fault)
