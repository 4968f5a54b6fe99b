"""Run the same behaviour tests on `Tmdb` and `AsyncTmdb`.

`Driver` wraps either client behind one synchronous interface: the async one runs each call on
a long-lived event loop, so both are driven by the very same test code.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from tmdb_facade import AsyncTmdb, Tmdb

Handler = Callable[[httpx.Request], httpx.Response]


class Driver:
    """A Tmdb or AsyncTmdb (over a MockTransport with a handler), its sleeps recorded, not slept."""

    def __init__(self, mode: str, handler: Handler | None, **options: Any) -> None:
        self.mode = mode
        self.sleeps: list[float] = []
        self.requests: list[httpx.Request] = []

        def recording(request: httpx.Request) -> httpx.Response:
            self.requests.append(request)
            assert handler is not None
            return handler(request)

        # Without a handler: the real transport (for cassettes and the live API).
        transport = httpx.MockTransport(recording) if handler else None
        if "api_key" not in options:
            options.setdefault("access_token", "test-token")
        options.setdefault("rand", lambda: 1.0)
        if mode == "sync":
            self.client: Tmdb | AsyncTmdb = Tmdb(
                transport=transport, sleep=self.sleeps.append, **options
            )
        else:
            self._runner = asyncio.Runner()

            async def sleep(seconds: float) -> None:
                self.sleeps.append(seconds)

            self.client = AsyncTmdb(transport=transport, sleep=sleep, **options)

    def call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        result = getattr(self.client, method)(*args, **kwargs)
        if self.mode == "async":
            return self._runner.run(result)
        return result

    def close(self) -> None:
        if isinstance(self.client, Tmdb):
            self.client.close()
        else:
            self._runner.run(self.client.close())
            self._runner.close()


MakeDriver = Callable[..., Driver]


@pytest.fixture(params=["sync", "async"])
def make_driver(request: pytest.FixtureRequest) -> Iterator[MakeDriver]:
    """`make_driver(handler, **client_options)`: a sync or async client (test runs twice)."""
    drivers: list[Driver] = []

    def make(handler: Handler | None, **options: Any) -> Driver:
        driver = Driver(request.param, handler, **options)
        drivers.append(driver)
        return driver

    yield make
    for driver in drivers:
        driver.close()


def json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> Handler:
    """A handler answering every request with `body` as JSON."""

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, json=body, headers=headers)

    return handler
