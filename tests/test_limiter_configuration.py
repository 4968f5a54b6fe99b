"""Every limiter configuration error is a `TmdbError` (an `InvalidArgumentError`), raised before
anything is made, and never shows the password a Redis URL holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import fakeredis
import pytest

from tmdb_facade import InvalidArgumentError
from tmdb_facade.ratelimit import RateLimiter, RedisRateLimiter, SQLiteRateLimiter

CANARY = "canary-redis-secret-9c4d"


@pytest.mark.parametrize(
    "url",
    [
        f"redis://:{CANARY}@host:notaport/0",
        f"redis://:{CANARY}@host:99999999/0",
        f"redis://:{CANARY}@[::1/0",
        f"redis://user:{CANARY}@host:6379/0?socket_timeout=soon",
        f"unix:///tmp/redis.sock?db=first&password={CANARY}",
        f"redis://:{CANARY.replace('-', '%2D')}@host:notaport/0",
    ],
)
def test_a_redis_url_that_does_not_parse_is_an_invalid_argument_without_the_password(
    url: str,
) -> None:
    with pytest.raises(InvalidArgumentError, match="server is not a usable Redis URL") as caught:
        RedisRateLimiter(url)
    assert CANARY not in str(caught.value)
    assert CANARY not in repr(caught.value)
    assert CANARY not in "".join(str(arg) for arg in caught.value.args)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"rate": 1e306}, "rate must be"),
        ({"rate": True}, "rate must be"),
        ({"burst": 10**30}, "burst must be"),
    ],
)
def test_redis_limiter_rejects_rates_its_arithmetic_cannot_hold(
    options: dict[str, float], message: str
) -> None:
    with pytest.raises(InvalidArgumentError, match=message):
        RedisRateLimiter(fakeredis.FakeRedis(), **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("path", "options", "message"),
    [
        ("", {}, "path must name a file"),
        ("a\0b.sqlite", {}, "path must name a file"),
        ("limit.sqlite", {"rate": 10**30}, "rate must be an int"),
        ("limit.sqlite", {"lock_timeout": True}, "lock_timeout"),
        ("limit.sqlite", {"lock_timeout": float("inf")}, "lock_timeout"),
    ],
)
def test_sqlite_limiter_configuration_errors_are_invalid_arguments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: str, options: Any, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InvalidArgumentError, match=message):
        SQLiteRateLimiter(path, **options)
    assert list(tmp_path.iterdir()) == []  # no file, no `.lock` left behind


@pytest.mark.parametrize(("rate", "burst"), [(0, 1), ("5", 1), (10, 0), (10, 1.0)])
def test_the_in_memory_limiter_raises_invalid_argument_errors(rate: Any, burst: Any) -> None:
    with pytest.raises(InvalidArgumentError, match="must be"):
        RateLimiter(rate=rate, burst=burst)
