"""When to retry a request, and how long to wait first: pure functions, shared by both clients.

Written here rather than with tenacity or stamina because the decision needs the response
(status and `Retry-After`) and must be the same for the sync and the async client; these
few pure functions do that and are tested without waiting, while a retry library would
want the loop itself, shaped differently for sync and async.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Literal

__all__ = ["RETRY_STATUSES", "RetryPolicy", "parse_retry_after", "retry_delay", "should_retry"]

#: Statuses worth another try: the rate limit and transient server failures.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently to retry.

    >>> RetryPolicy(max_retries=5, max_delay=30.0)  # doctest: +NORMALIZE_WHITESPACE
    RetryPolicy(max_retries=5, initial_delay=0.5, max_delay=30.0, max_retry_after=60.0,
                on_long_retry_after='cap')
    """

    max_retries: int = 3
    """Retries after the first attempt; 0 disables retrying."""
    initial_delay: float = 0.5
    """Backoff before the first retry, doubled for each next one (before jitter)."""
    max_delay: float = 8.0
    """Cap on the exponential backoff."""
    max_retry_after: float = 60.0
    """Cap on a server's `Retry-After`; `on_long_retry_after` says what a longer one does."""
    on_long_retry_after: Literal["cap", "fail"] = "cap"
    """A `Retry-After` over `max_retry_after`: "cap" waits `max_retry_after`, then retries;
    "fail" raises the error at once (`RateLimitError.retry_after` holds the wait asked for)."""

    def __post_init__(self) -> None:
        if type(self.max_retries) is not int or self.max_retries < 0:
            raise ValueError("max_retries must be an int >= 0")
        for name in ("initial_delay", "max_delay", "max_retry_after"):
            value = getattr(self, name)
            if not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
                raise ValueError(f"{name} must be a finite number of seconds >= 0")
        if self.on_long_retry_after not in ("cap", "fail"):
            raise ValueError("on_long_retry_after must be 'cap' or 'fail'")


def should_retry(
    policy: RetryPolicy, retries_done: int, status: int | None, retry_after: float | None = None
) -> bool:
    """Whether to try again after an answer with `status` (None: no answer at all) that asked
    to wait `retry_after` seconds (None: it did not say).

    >>> should_retry(RetryPolicy(), 0, 503), should_retry(RetryPolicy(), 0, 404)
    (True, False)
    >>> should_retry(RetryPolicy(max_retry_after=10, on_long_retry_after="fail"), 0, 429, 3600)
    False
    """
    if retries_done >= policy.max_retries:
        return False
    if (
        retry_after is not None
        and retry_after > policy.max_retry_after
        and policy.on_long_retry_after == "fail"
    ):
        return False
    return status is None or status in RETRY_STATUSES


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a `Retry-After` header: delta-seconds or an HTTP date.

    `now` is the current Unix time, used for the date form. None when absent or unreadable.

    >>> parse_retry_after("2", now=0.0)
    2.0
    >>> parse_retry_after("Thu, 01 Jan 1970 00:00:10 GMT", now=4.0)
    6.0
    """
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = parsedate_to_datetime(value).timestamp() - now
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    if not math.isfinite(seconds):
        return None
    return max(seconds, 0.0)


def retry_delay(
    policy: RetryPolicy,
    retries_done: int,
    retry_after: float | None,
    rand: Callable[[], float] = random.random,
) -> float:
    """Seconds to sleep before retry number `retries_done + 1`.

    The server's `Retry-After` wins (capped at `max_retry_after`); otherwise exponential
    backoff with jitter: a random point between half and all of `initial * 2**n`, capped.

    >>> retry_delay(RetryPolicy(), 0, retry_after=3.0)
    3.0
    >>> retry_delay(RetryPolicy(), 2, retry_after=None, rand=lambda: 1.0)
    2.0
    """
    if retry_after is not None:
        return min(retry_after, policy.max_retry_after)
    backoff = min(policy.initial_delay * 2.0**retries_done, policy.max_delay)
    return backoff * (0.5 + 0.5 * rand())
