"""Clients of a fake server, ready for a user's tests: `FakeTmdb.client()` and `.async_client()`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tmdb_facade import AsyncTmdb, Tmdb
    from tmdb_facade.testing._server import FakeTmdb


def _no_wait(seconds: float) -> None:
    """Retries in tests go on at once: the fake server's faults need no real backoff."""


async def _no_wait_async(seconds: float) -> None:
    """As `_no_wait`, for `AsyncTmdb`."""


def _options(server: FakeTmdb, options: dict[str, Any]) -> dict[str, Any]:
    defaults = {
        "access_token": server.access_token,
        "base_url": server.url,
        "image_base_url": server.image_base_url,
        # Unlimited unless asked: a test suite should not wait for TMDB's ceiling.
        "rate_limit": None,
    }
    if "api_key" in options:
        del defaults["access_token"]
    return defaults | options


def client(server: FakeTmdb, **options: Any) -> Tmdb:
    """A `Tmdb` talking to `server` (API and images); `options` override any argument."""
    from tmdb_facade import Tmdb

    return Tmdb(**{"sleep": _no_wait} | _options(server, options))


def async_client(server: FakeTmdb, **options: Any) -> AsyncTmdb:
    """An `AsyncTmdb` talking to `server` (API and images); `options` override any argument."""
    from tmdb_facade import AsyncTmdb

    return AsyncTmdb(**{"sleep": _no_wait_async} | _options(server, options))
