"""Real processes sharing one rate limit against the fake server's 50 requests a second.

These tests run in real time, by necessity: what they check is that separate processes, each
with its own client and its own threads, together stay under a server's limit. The SQLite one
takes about 8 s (400 calls at 50 a second), the Redis ones about 4 s; every wait is bounded.

The Redis tests start a real `redis-server` on 127.0.0.1 (a free port, no persistence) and
stop it; without the binary they are skipped, with the reason. README: "Sharing the rate
limit" says how to install it.
"""

from __future__ import annotations

import os
import select
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

from tests.helpers import ROOT
from tmdb_facade import Tmdb
from tmdb_facade.ratelimit import RateLimiterError, RedisRateLimiter
from tmdb_facade.testing import FakeTmdb

#: TMDB's ceiling, which the fake server enforces with bursts of 50.
SERVER_RATE = 50
PROCESSES = 4
#: Seconds any single wait may take before the test gives up (processes start in ~1 s).
BOUND = 60.0


def read_line(stream: IO[str], deadline: float) -> str:
    """The next line a worker prints, or an error once `deadline` (monotonic) has passed."""
    if not select.select([stream], [], [], max(0.0, deadline - time.monotonic()))[0]:
        raise TimeoutError("a worker process printed nothing in time")
    return stream.readline().strip()


def run_processes(kind: str, where: str, calls: int) -> tuple[float, FakeTmdb]:
    """Run PROCESSES workers (tests/shared_limit_worker.py) against a fresh server, all
    starting at once; the wall time from that start to the last one's last answer."""
    with FakeTmdb(rate_limit=SERVER_RATE) as server:
        command = [sys.executable, "-m", "tests.shared_limit_worker", kind, where, server.url]
        env = {**os.environ, "TMDB_ACCESS_TOKEN": server.access_token}
        workers = [
            subprocess.Popen(
                [*command, str(calls)],
                cwd=ROOT,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(PROCESSES)
        ]
        try:
            deadline = time.monotonic() + BOUND
            # Timed from when every process has imported and built its client.
            ready = [read_line(worker.stdout, deadline) for worker in workers if worker.stdout]
            for worker in workers:
                assert worker.stdin is not None
                worker.stdin.write("go\n")
                worker.stdin.flush()
            began = time.monotonic()
            done = [read_line(worker.stdout, deadline) for worker in workers if worker.stdout]
            wall = time.monotonic() - began
        finally:
            for worker in workers:
                try:
                    _, errors = worker.communicate(timeout=10)
                except subprocess.TimeoutExpired:
                    worker.kill()
                    _, errors = worker.communicate(timeout=10)
                assert worker.returncode == 0, errors
    assert ready == ["ready"] * PROCESSES
    assert done == [f"done {calls}"] * PROCESSES
    return wall, server


def answered(server: FakeTmdb) -> list[int | None]:
    return [r.status for r in server.requests if r.operation == "person-images"]


def test_four_processes_share_a_sqlite_limit_without_a_429_about_8s_of_real_time(
    tmp_path: Path,
) -> None:
    calls = 100
    wall, server = run_processes("sqlite", str(tmp_path / "limit.sqlite"), calls)
    assert server.rate_limited_count == 0
    assert answered(server) == [200] * (PROCESSES * calls)
    # 400 calls at 50 a second: 8 s is what the server allows, 10 % over is the target.
    assert wall <= 1.1 * PROCESSES * calls / SERVER_RATE, f"{wall:.2f} s"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real redis-server on 127.0.0.1 for this module, stopped at the end."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip(
            "redis-server is not installed (Debian/Ubuntu: apt-get install redis-server; "
            "macOS: brew install redis)"
        )
    import redis

    folder = tmp_path_factory.mktemp("redis")
    port = _free_port()
    # Loopback only, no persistence, its files in a temporary folder.
    options = {"bind": "127.0.0.1", "port": str(port), "save": "", "appendonly": "no"}
    options |= {"dir": str(folder), "logfile": str(folder / "redis.log")}
    server = subprocess.Popen(
        [binary, *(part for name, value in options.items() for part in (f"--{name}", value))],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    client = redis.Redis(host="127.0.0.1", port=port, socket_connect_timeout=1)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                log = folder / "redis.log"
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"redis-server did not start on port {port}: "
                        f"{log.read_text() if log.exists() else 'no log'}"
                    ) from None
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        client.close()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


def test_four_processes_share_a_redis_limit_without_a_429(redis_url: str) -> None:
    calls = 50  # 200 calls: 4 s at 50 a second
    wall, server = run_processes("redis", redis_url, calls)
    assert server.rate_limited_count == 0
    assert answered(server) == [200] * (PROCESSES * calls)
    assert wall <= 1.1 * PROCESSES * calls / SERVER_RATE, f"{wall:.2f} s"


def test_a_real_redis_lets_the_burst_through_then_spaces_requests(redis_url: str) -> None:
    # The pyrate-limiter script on a real server, timed by the server's clock.
    limiter = RedisRateLimiter(redis_url, rate=10, burst=5, key="burst-test")
    try:
        waits = [limiter.reserve() for _ in range(8)]
    finally:
        limiter.close()
    assert waits[:5] == [0.0] * 5
    # The next three 0.1 s apart, less the little time the reservations took.
    assert [round(wait, 1) for wait in waits[5:]] == [0.1, 0.2, 0.3]


def test_a_wrong_redis_password_is_reported_without_it(redis_url: str) -> None:
    import redis

    admin = redis.Redis.from_url(redis_url)
    admin.acl_setuser("limiter", enabled=True, passwords=["+the-right-one"], commands=["+@all"])
    admin.close()
    canary = "canary-redis-secret-5e1f"
    limiter = RedisRateLimiter(redis_url.replace("redis://", f"redis://limiter:{canary}@"))
    try:
        with Tmdb("t", base_url="http://127.0.0.1:9", rate_limit=limiter) as tmdb:
            with pytest.raises(RateLimiterError, match="AuthenticationError") as caught:
                tmdb.person_images(62)
            assert canary not in str(caught.value)
            assert canary not in repr(tmdb)
    finally:
        limiter.close()
