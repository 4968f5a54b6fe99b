"""The rate limiter on a fake clock, and bulk `map` on both clients."""

from __future__ import annotations

import threading
from typing import Any

import anyio
import httpx
import pytest

from tests.clients import MakeDriver, json_response
from tests.helpers import live_body, waits_from_threads
from tmdb_facade import AsyncTmdb, InvalidArgumentError, NotFoundError, Tmdb
from tmdb_facade.ratelimit import RateLimiter
from tmdb_facade.testing._faults import TokenBucket

PROFILES = live_body("person_62_images")
NOT_FOUND = {"success": False, "status_code": 34, "status_message": "not found"}


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_limiter_lets_a_burst_through_then_spaces_requests() -> None:
    clock = FakeClock()
    limiter = RateLimiter(rate=10, burst=3, clock=clock)
    waits = [limiter.reserve() for _ in range(6)]
    assert waits == pytest.approx([0.0, 0.0, 0.0, 0.1, 0.2, 0.3])


def test_limiter_refills_as_time_passes() -> None:
    clock = FakeClock()
    limiter = RateLimiter(rate=10, burst=2, clock=clock)
    assert [limiter.reserve() for _ in range(2)] == [0.0, 0.0]
    clock.now += 0.1  # one slot back
    assert limiter.reserve() == 0.0
    assert limiter.reserve() == pytest.approx(0.1)
    clock.now += 10.0  # idle for long: the burst is back, no more
    assert [limiter.reserve() for _ in range(3)] == pytest.approx([0.0, 0.0, 0.1])


def test_limiter_is_shared_safely_between_threads() -> None:
    clock = FakeClock()
    limiter = RateLimiter(rate=100, burst=1, clock=clock)
    waits = waits_from_threads(limiter, threads=4, each=25)
    # 100 reservations at 100/s from one instant: every slot 10 ms apart, none shared.
    assert waits == pytest.approx([n / 100 for n in range(100)])


@pytest.mark.parametrize(("rate", "burst"), [(0, 1), (-5, 1), (float("inf"), 1), (10, 0)])
def test_limiter_rejects_nonsense(rate: float, burst: int) -> None:
    with pytest.raises(ValueError, match="must be"):
        RateLimiter(rate=rate, burst=burst)


def test_client_waits_for_the_limiter_before_sending(make_driver: MakeDriver) -> None:
    limiter = RateLimiter(rate=10, burst=2, clock=FakeClock())
    driver = make_driver(json_response(200, PROFILES), rate_limit=limiter)
    for _ in range(5):
        driver.call("person_images", 62)
    assert driver.sleeps == pytest.approx([0.1, 0.2, 0.3])
    assert len(driver.requests) == 5


def test_rate_limit_can_be_switched_off(make_driver: MakeDriver) -> None:
    driver = make_driver(json_response(200, PROFILES), rate_limit=None)
    for _ in range(60):
        driver.call("person_images", 62)
    assert driver.sleeps == []
    assert driver.client.rate_limiter is None


@pytest.mark.anyio
async def test_clients_are_rate_limited_by_default() -> None:
    async with AsyncTmdb("t") as async_tmdb:
        with Tmdb("t") as tmdb:
            assert isinstance(tmdb.rate_limiter, RateLimiter)
            assert isinstance(async_tmdb.rate_limiter, RateLimiter)
            assert tmdb.rate_limiter is not async_tmdb.rate_limiter  # one budget per client


def test_default_limiter_fits_a_50_per_second_server_and_finishes_300_calls_in_time() -> None:
    # The default's slots, sent on time, against the fake server's own bucket (50/s, burst 50):
    # none would be answered 429, and the 300th goes out within 1.1 x (300 - 50) / 50 s.
    clock = FakeClock()
    limiter = RateLimiter(clock=clock)
    start = clock.now
    slots = [start + limiter.reserve() for _ in range(300)]
    bucket = TokenBucket(rate=50.0, burst=50, tokens=50.0, updated=start)
    assert [bucket.take(slot) for slot in slots] == [None] * 300
    assert slots[-1] - start <= 1.1 * (300 - 50) / 50


def test_bad_rate_limit_is_an_invalid_argument() -> None:
    with pytest.raises(InvalidArgumentError):
        Tmdb("t", rate_limit=0)


def by_person_id(request: httpx.Request) -> httpx.Response:
    person_id = int(request.url.path.split("/")[3])
    if person_id >= 900:
        return httpx.Response(404, json=NOT_FOUND)
    return httpx.Response(200, json={**PROFILES, "id": person_id})


def test_map_keeps_input_order_and_reports_progress(make_driver: MakeDriver) -> None:
    driver = make_driver(by_person_id)
    progress: list[tuple[int, int]] = []
    ids = list(range(1, 31))
    results = driver.call(
        "map", driver.client.person_images, ids, progress=lambda d, t: progress.append((d, t))
    )
    assert [images.id for images in results] == ids
    assert progress == [(n, 30) for n in range(1, 31)]


def test_map_takes_tuples_as_several_arguments(make_driver: MakeDriver) -> None:
    driver = make_driver(json_response(200, live_body("tv_1396_season_1_credits")))
    results = driver.call("map", driver.client.season_credits, [(1396, 1), (1396, 2)])
    assert len(results) == 2
    assert sorted(r.url.path for r in driver.requests) == [
        "/3/tv/1396/season/1/credits",
        "/3/tv/1396/season/2/credits",
    ]


def test_map_stops_at_the_first_error(make_driver: MakeDriver) -> None:
    driver = make_driver(by_person_id)
    with pytest.raises(NotFoundError):
        driver.call("map", driver.client.person_images, [1, 2, 901, 3, 4, 5, 6], concurrency=1)
    assert len(driver.requests) == 3, "calls after the failure never start"


def test_map_can_return_errors_in_place(make_driver: MakeDriver) -> None:
    driver = make_driver(by_person_id)
    results = driver.call("map", driver.client.person_images, [1, 901, 2], return_exceptions=True)
    assert results[0].id == 1
    assert isinstance(results[1], NotFoundError)
    assert results[2].id == 2


def test_map_checks_its_arguments_before_sending(make_driver: MakeDriver) -> None:
    driver = make_driver(by_person_id)
    with pytest.raises(InvalidArgumentError):
        driver.call("map", driver.client.person_images, [1], concurrency=0)
    assert driver.call("map", driver.client.person_images, []) == []
    assert driver.requests == []


def test_sync_map_interrupted_starts_nothing_more() -> None:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return by_person_id(request)

    def interrupt(done: int, total: int) -> None:
        if done == 2:
            raise KeyboardInterrupt

    with (
        Tmdb("t", transport=httpx.MockTransport(handler)) as tmdb,
        pytest.raises(KeyboardInterrupt),
    ):
        tmdb.map(tmdb.person_images, range(1, 50), concurrency=1, progress=interrupt)
    assert len(sent) <= 3


@pytest.mark.anyio
async def test_async_map_cancelled_starts_nothing_more() -> None:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return by_person_id(request)

    async with AsyncTmdb("t", transport=httpx.MockTransport(handler)) as tmdb:
        with anyio.CancelScope() as scope:

            def cancel(done: int, total: int) -> None:
                if done == 2:
                    scope.cancel()

            await tmdb.map(tmdb.person_images, range(1, 50), concurrency=1, progress=cancel)
        assert scope.cancel_called
    assert len(sent) == 2


def test_images_are_fetched_without_sending_the_credential(make_driver: MakeDriver) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"\x89PNG fake", headers={"Content-Type": "image/png"})

    driver = make_driver(handler, access_token="tok", image_base_url="http://127.0.0.1:9/t/p/")
    data: Any = driver.call("image_bytes", "/abc.jpg", "w500", kind="poster")
    assert data == b"\x89PNG fake"
    (request,) = driver.requests
    assert str(request.url) == "http://127.0.0.1:9/t/p/w500/abc.jpg"
    assert "Authorization" not in request.headers
    assert "api_key" not in request.url.params


def test_missing_image_is_not_found(make_driver: MakeDriver) -> None:
    driver = make_driver(lambda request: httpx.Response(404, text="Not Found"))
    with pytest.raises(NotFoundError):
        driver.call("image_bytes", "/missing.jpg")


def test_sync_map_interrupted_returns_without_waiting_for_calls_in_flight() -> None:
    release = threading.Event()
    still_blocked = [0]
    lock = threading.Lock()

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path != "/3/person/1/images":
            with lock:
                still_blocked[0] += 1
            release.wait(timeout=10)
            with lock:
                still_blocked[0] -= 1
        return by_person_id(request)

    def interrupt(done: int, total: int) -> None:
        for _ in range(500):  # at most 5 s for both slow calls to be in flight
            if still_blocked[0] == 2:
                break
            release.wait(0.01)
        raise KeyboardInterrupt

    with Tmdb("t", transport=httpx.MockTransport(handler)) as tmdb:
        try:
            with pytest.raises(KeyboardInterrupt):
                tmdb.map(tmdb.person_images, [1, 2, 3], concurrency=3, progress=interrupt)
            assert still_blocked[0] == 2, "map waited for the calls in flight"
        finally:
            release.set()
