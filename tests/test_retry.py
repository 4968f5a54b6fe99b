"""The retry decisions as pure functions: no client, no clock, no waiting."""

from __future__ import annotations

import pytest

from tmdb_facade.retry import RetryPolicy, parse_retry_after, retry_delay, should_retry


@pytest.mark.parametrize(
    ("status", "expected"),
    [(None, True), (429, True), (500, True), (502, True), (503, True), (504, True)]
    + [(s, False) for s in (400, 401, 403, 404, 405, 422, 501, 505)],
)
def test_should_retry_only_transient_failures(status: int | None, expected: bool) -> None:
    assert should_retry(RetryPolicy(), 0, status) is expected


def test_should_retry_stops_after_max_retries() -> None:
    policy = RetryPolicy(max_retries=2)
    assert [should_retry(policy, n, 503) for n in range(4)] == [True, True, False, False]
    assert should_retry(RetryPolicy(max_retries=0), 0, None) is False


@pytest.mark.parametrize(
    ("header", "now", "seconds"),
    [
        ("0", 0.0, 0.0),
        ("  12 ", 0.0, 12.0),
        ("1.5", 0.0, 1.5),
        ("-3", 0.0, 0.0),
        ("Wed, 21 Oct 2015 07:28:10 GMT", 1445412480.0, 10.0),
        ("Wed, 21 Oct 2015 07:28:00 GMT", 1445412490.0, 0.0),  # in the past: go now
        (None, 0.0, None),
        ("soon", 0.0, None),
        ("inf", 0.0, None),
        ("nan", 0.0, None),
        ("", 0.0, None),
    ],
)
def test_parse_retry_after(header: str | None, now: float, seconds: float | None) -> None:
    assert parse_retry_after(header, now) == seconds


def test_retry_delay_jitter_stays_within_half_to_full_backoff() -> None:
    policy = RetryPolicy(initial_delay=1.0, max_delay=100.0)
    for retries_done, full in [(0, 1.0), (1, 2.0), (3, 8.0)]:
        assert retry_delay(policy, retries_done, None, rand=lambda: 0.0) == full / 2
        assert retry_delay(policy, retries_done, None, rand=lambda: 1.0) == full


def test_retry_delay_is_capped() -> None:
    policy = RetryPolicy(initial_delay=1.0, max_delay=5.0, max_retry_after=30.0)
    assert retry_delay(policy, 10, None, rand=lambda: 1.0) == 5.0
    assert retry_delay(policy, 0, 120.0) == 30.0
    assert retry_delay(policy, 0, 0.0) == 0.0


@pytest.mark.parametrize(
    "options",
    [
        {"max_retries": -1},
        {"max_retries": 1.5},
        {"initial_delay": -1},
        {"max_delay": float("inf")},
        {"on_long_retry_after": "wait"},
    ],
)
def test_policy_rejects_nonsense(options: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must be"):
        RetryPolicy(**options)  # type: ignore[arg-type]


def test_a_retry_after_beyond_the_cap_is_not_retried_when_the_policy_says_fail() -> None:
    fail = RetryPolicy(max_retry_after=10.0, on_long_retry_after="fail")
    assert not should_retry(fail, 0, 429, 10.5)
    assert not should_retry(fail, 0, 503, 3600.0)
    assert should_retry(fail, 0, 429, 10.0)
    assert should_retry(fail, 0, 429, None)
    assert should_retry(RetryPolicy(max_retry_after=10.0), 0, 429, 3600.0)  # "cap", the default
