"""The figures that go over the network to the fake server: its own speed, sequential calls,
CPU per call, concurrency, the rate limit and bulk scaling."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from _bench_clients import ASYNC, PEERS, SYNC, AsyncClient, SyncClient
from _bench_util import Figure, Server, median, progress, serving, table, timed

BENCH = Path(__file__).resolve().parent / "bench.py"
LATENCY = 0.020
NEW_CONNECTION_DELAY = 0.040
RATE, BURST = 50.0, 50


def _sequential_seconds(kind: str, url: str, calls: int, rate_limited: bool = True) -> float:
    if kind in SYNC:
        client = SYNC[kind](url, rate_limited)
        try:
            return timed(lambda: [client.call() for _ in range(calls)])
        finally:
            client.close()

    async def run() -> float:
        aclient = ASYNC[kind](url, rate_limited)
        try:
            start = time.perf_counter()
            for _ in range(calls):
                await aclient.call()
            return time.perf_counter() - start
        finally:
            await aclient.close()

    return asyncio.run(run())


def _bulk(kind: str, url: str, n: int, concurrency: int, rate_limited: bool) -> tuple[float, int]:
    """(wall seconds, calls that raised) for `n` calls `concurrency` at a time, after a warm-up
    of `concurrency` calls that opens the connections (skipped when rate limited: it would
    spend the server's burst)."""
    warm = 0 if rate_limited else concurrency
    if kind in SYNC:
        client: SyncClient = SYNC[kind](url, rate_limited)
        try:
            if warm:
                client.bulk(warm, concurrency)
            start = time.perf_counter()
            errors = client.bulk(n, concurrency)
            return time.perf_counter() - start, errors
        finally:
            client.close()

    async def run() -> tuple[float, int]:
        aclient: AsyncClient = ASYNC[kind](url, rate_limited)
        try:
            if warm:
                await aclient.bulk(warm, concurrency)
            start = time.perf_counter()
            errors = await aclient.bulk(n, concurrency)
            return time.perf_counter() - start, errors
        finally:
            await aclient.close()

    return asyncio.run(run())


def _without_sniffio(mode: str, kind: str, url: str, n: int, concurrency: int) -> float:
    """A measurement (`worker`) in a fresh process where `import sniffio` fails as it does
    when sniffio is not installed (see `_bench_nosniffio`)."""
    code = (
        f"import runpy, sys; sys.path.insert(0, {str(BENCH.parent)!r}); "
        "import _bench_nosniffio; "
        f"sys.argv = [{str(BENCH)!r}, '--worker', {mode!r}, {kind!r}, {url!r}, '{n}', "
        f"'{concurrency}']; runpy.run_path({str(BENCH)!r}, run_name='__main__')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds: float = json.loads(out.stdout)["seconds"]
    return seconds


def worker(mode: str, kind: str, url: str, n: int, concurrency: int) -> None:
    """The other end of `_without_sniffio`: seconds for the bulk run, or CPU per call."""
    if mode == "bulk":
        seconds, _ = _bulk(kind, url, n, concurrency, rate_limited=False)
    else:
        seconds = _cpu_per_call(kind, url, n)
    print(json.dumps({"seconds": seconds}))


def _rotated(kinds: Sequence[str], round_number: int) -> list[str]:
    """Each round in another order, so that drift on a shared machine hits all alike."""
    shift = round_number % len(kinds)
    return list(kinds[shift:]) + list(kinds[:shift])


def server_check(rounds: int) -> Figure:
    """The fake server must not be the bottleneck: its throughput with fast clients."""
    sequential, concurrent, cpu = [], [], []
    with serving() as server:
        for _ in range(rounds):
            sequential.append(1000 / _sequential_seconds("httpx.Client", server.url, 1000))
            before = server.cpu_seconds()
            seconds, _ = _bulk("aiohttp", server.url, 2000, 20, rate_limited=False)
            cpu.append((server.cpu_seconds() - before) / 2000)
            concurrent.append(2000 / seconds)
    rows = [
        ["httpx.Client, sequential, keep-alive", f"{median(sequential):,.0f}"],
        ["aiohttp, 20 at a time", f"{median(concurrent):,.0f}"],
    ]
    best = max(median(sequential), median(concurrent))
    return Figure(
        "Fake server throughput (0 ms latency)",
        "well over 1,000 req/s",
        f"{median(sequential):,.0f} req/s sequential, {median(concurrent):,.0f} req/s "
        f"concurrent; {median(cpu) * 1e6:.0f} µs server CPU per request",
        best > 1000,
        table(["client (in another process)", "req/s"], rows),
        {"server_rps": best},
    )


def sequential(rounds: int, calls: int = 100) -> Figure:
    kinds = [
        "httpx.Client",
        "tmdb_facade.Tmdb",
        "tmdb_facade.AsyncTmdb",
        "tmdbsimple",
        "themoviedb",
        "themoviedb (session)",
    ]
    per_call: dict[str, list[float]] = defaultdict(list)
    ratios: dict[str, list[float]] = defaultdict(list)
    connections: dict[str, int] = {}
    for number in range(rounds):
        progress(f"sequential: round {number + 1} of {rounds}")
        this_round = {}
        for kind in _rotated(kinds, number):
            with serving(latency=LATENCY, new_connection_delay=NEW_CONNECTION_DELAY) as server:
                this_round[kind] = _sequential_seconds(kind, server.url, calls) / calls
            connections[kind] = server.stats["connections"]
        for kind in kinds:
            per_call[kind].append(this_round[kind])
            ratios[kind].append(this_round[kind] / this_round["httpx.Client"])
    rows = [
        [
            kind,
            f"{median(per_call[kind]) * 1000.0:.1f}",
            f"{median(ratios[kind]):.2f}x",
            str(connections[kind]),
        ]
        for kind in kinds
    ]
    ratio = median(ratios["tmdb_facade.Tmdb"])
    async_ratio = median(ratios["tmdb_facade.AsyncTmdb"])
    return Figure(
        f"Sequential, {calls} calls, 20 ms latency + 40 ms per new connection",
        "≤ 1.05x httpx.Client keep-alive",
        f"Tmdb {ratio:.2f}x, AsyncTmdb {async_ratio:.2f}x (tmdbsimple "
        f"{median(ratios['tmdbsimple']):.2f}x, themoviedb {median(ratios['themoviedb']):.2f}x)",
        max(ratio, async_ratio) <= 1.05,
        table(["client", "ms per call", "vs httpx.Client", "connections opened"], rows),
        {"sequential_ratio": ratio},
    )


def _cpu_per_call(kind: str, url: str, calls: int) -> float:
    """Client CPU seconds per call (`time.process_time`, this process only)."""
    if kind in SYNC:
        client = SYNC[kind](url, False)
        try:
            for _ in range(10):
                client.call()
            start = time.process_time()
            for _ in range(calls):
                client.call()
            return (time.process_time() - start) / calls
        finally:
            client.close()

    async def run() -> float:
        aclient = ASYNC[kind](url, False)
        try:
            for _ in range(10):
                await aclient.call()
            start = time.process_time()
            for _ in range(calls):
                await aclient.call()
            return (time.process_time() - start) / calls
        finally:
            await aclient.close()

    return asyncio.run(run())


def cpu_per_call(rounds: int, calls: int = 200) -> Figure:
    sync_kinds = ["httpx.Client", "tmdb_facade.Tmdb", "tmdbsimple", "themoviedb"]
    sync_kinds += ["themoviedb (session)"]
    async_kinds = ["httpx.AsyncClient", "aiohttp", "tmdb_facade.AsyncTmdb"]
    async_kinds += ["AsyncTmdb + httpcore", "AsyncTmdb + httpx-aiohttp"]
    kinds = sync_kinds + async_kinds
    cpu: dict[str, list[float]] = defaultdict(list)
    ratios: dict[str, list[float]] = defaultdict(list)
    with serving() as server:
        for number in range(rounds):
            progress(f"CPU per call: round {number + 1} of {rounds}")
            this_round = {kind: _cpu_per_call(kind, server.url, calls) for kind in kinds}
            for kind in ["httpx.AsyncClient", "AsyncTmdb + httpcore"]:
                seconds = _without_sniffio("cpu", kind, server.url, calls, 1)
                this_round[f"{kind}, sniffio not importable"] = seconds
            for kind, value in this_round.items():
                base = "httpx.Client" if kind in sync_kinds else "httpx.AsyncClient"
                cpu[kind].append(value)
                ratios[kind].append(value / this_round[base])
    rows = [
        [kind, f"{median(cpu[kind]) * 1e6:.0f}", f"{median(ratios[kind]):.2f}x"] for kind in cpu
    ]
    ratio = median(ratios["tmdb_facade.Tmdb"])
    return Figure(
        "Client CPU per call, 0 ms latency",
        "≤ 1.5x httpx.Client",
        f"Tmdb {ratio:.2f}x (tmdbsimple {median(ratios['tmdbsimple']):.2f}x, themoviedb "
        f"{median(ratios['themoviedb']):.2f}x, with a session "
        f"{median(ratios['themoviedb (session)']):.2f}x)",
        ratio <= 1.5,
        table(["client", "µs CPU per call", "vs raw httpx (sync / async)"], rows),
        {f"cpu_us:{kind}": median(values) * 1e6 for kind, values in cpu.items()},
    )


def concurrent(
    rounds: int,
    calls: int = 200,
    concurrency: int = 20,
    new_connection_delay: float = 0.0,
    with_sniffio_check: bool = True,
) -> Figure:
    """Requests per second of each client, after a warm-up that opens its connections."""
    kinds = ["aiohttp", "httpx.AsyncClient", "httpx.Client", "tmdb_facade.AsyncTmdb"]
    kinds += ["AsyncTmdb + httpcore", "AsyncTmdb + httpx-aiohttp", "tmdb_facade.Tmdb"]
    kinds += ["themoviedb async", "themoviedb (session)", "themoviedb", "tmdbsimple"]
    no_sniffio = ["httpx.AsyncClient", "AsyncTmdb + httpcore"]
    rps: dict[str, list[float]] = defaultdict(list)
    versus_peer: list[float] = []
    versus_aiohttp: list[float] = []
    setup = ", 40 ms per new connection" if new_connection_delay else ""
    with serving(latency=LATENCY, new_connection_delay=new_connection_delay) as server:
        for number in range(rounds):
            progress(f"concurrent{setup}: round {number + 1} of {rounds}")
            this_round = {}
            for kind in _rotated(kinds, number):
                seconds, errors = _bulk(kind, server.url, calls, concurrency, rate_limited=False)
                if errors:
                    raise RuntimeError(f"{kind}: {errors} calls failed")
                this_round[kind] = calls / seconds
            for kind in no_sniffio if with_sniffio_check else []:
                seconds = _without_sniffio("bulk", kind, server.url, calls, concurrency)
                this_round[f"{kind}, sniffio not importable"] = calls / seconds
            for kind, value in this_round.items():
                rps[kind].append(value)
            facade = this_round["tmdb_facade.AsyncTmdb"]
            versus_peer.append(facade / max(this_round[kind] for kind in PEERS))
            versus_aiohttp.append(facade / this_round["aiohttp"])
    rows = [[kind, f"{median(values):,.0f}"] for kind, values in rps.items()]
    best_peer = max(PEERS, key=lambda kind: median(rps[kind]))
    peer_ratio, aiohttp_ratio = median(versus_peer), median(versus_aiohttp)
    return Figure(
        f"Concurrent, {calls} calls at concurrency {concurrency}, 20 ms latency{setup}",
        "≥ 1.2x best peer, ≥ 0.95x raw aiohttp (req/s)",
        f"AsyncTmdb {median(rps['tmdb_facade.AsyncTmdb']):,.0f} req/s: {peer_ratio:.2f}x the "
        f"best peer ({best_peer}), {aiohttp_ratio:.2f}x aiohttp",
        peer_ratio >= 1.2 and aiohttp_ratio >= 0.95,
        table(["client (facade without its rate limit)", "req/s"], rows),
        {f"rps{setup}:{kind}": median(values) for kind, values in rps.items()},
    )


def rate_limited(rounds: int, calls: int = 300, concurrency: int = 20) -> Figure:
    bound = 1.1 * (calls - BURST) / RATE
    kinds = ["tmdb_facade.AsyncTmdb", "tmdb_facade.Tmdb", "themoviedb async", "tmdbsimple"]
    kinds += ["aiohttp"]
    wall: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, list[int]] = defaultdict(list)
    refused: dict[str, list[float]] = defaultdict(list)
    for number in range(rounds):
        progress(f"rate limited: round {number + 1} of {rounds}")
        for kind in _rotated(kinds, number):
            server = Server(latency=LATENCY, rate_limit=RATE, burst=BURST).start()
            try:
                seconds, failed = _bulk(kind, server.url, calls, concurrency, rate_limited=True)
            finally:
                stats = server.stop()
            wall[kind].append(seconds)
            errors[kind].append(failed)
            refused[kind].append(stats["rate_limited"] / stats["requests"])
    rows = [
        [
            kind,
            f"{median(wall[kind]):.2f}",
            f"{max(errors[kind])}",
            f"{max(refused[kind]):.1%}",
        ]
        for kind in kinds
    ]
    facade = ["tmdb_facade.AsyncTmdb", "tmdb_facade.Tmdb"]
    worst_errors = max(max(errors[kind]) for kind in facade)
    worst_refused = max(max(refused[kind]) for kind in facade)
    slowest = max(median(wall[kind]) for kind in facade)
    return Figure(
        f"Rate limited server ({RATE:g} req/s, burst {BURST}), {calls} calls, 20 at a time",
        f"0 errors, ≤ 1 % answered 429, ≤ {bound:.2f} s",
        f"{worst_errors} errors, {worst_refused:.1%} answered 429, "
        f"{median(wall['tmdb_facade.AsyncTmdb']):.2f} s async / "
        f"{median(wall['tmdb_facade.Tmdb']):.2f} s sync",
        worst_errors == 0 and worst_refused <= 0.01 and slowest <= bound,
        table(["client", "wall s (median)", "errors raised (worst)", "answered 429 (worst)"], rows),
        {"rate_wall": slowest},
    )


def bulk_scaling(sizes: Sequence[int] = (50, 100, 200, 400)) -> Figure:
    """AsyncTmdb.map at the ceiling: time against the number of requests."""
    points: list[tuple[int, float, int]] = []
    for n in sizes:
        progress(f"bulk scaling: {n} requests")
        server = Server(latency=LATENCY, rate_limit=RATE, burst=BURST).start()
        try:
            seconds, _ = _bulk("tmdb_facade.AsyncTmdb", server.url, n, 20, rate_limited=True)
        finally:
            stats = server.stop()
        points.append((n, seconds, stats["rate_limited"]))
    slope, intercept, r2 = linear_fit([(n, s) for n, s, _ in points])
    rows = [[str(n), f"{s:.2f}", f"{n / s:.1f}", str(refused)] for n, s, refused in points]
    return Figure(
        "Scaling: bulk time against requests, at the ceiling (AsyncTmdb.map)",
        "linear",
        f"{slope * 1e3:.1f} ms per request ({1 / slope:.1f} req/s), intercept "
        f"{intercept:.2f} s, R² {r2:.4f}",
        r2 >= 0.99,
        table(["requests", "seconds", "req/s", "answered 429"], rows),
    )


def linear_fit(points: Sequence[tuple[float, float]]) -> tuple[float, float, float]:
    """Least squares y = a x + b: (a, b, R²)."""
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    sxx = sum((x - mean_x) ** 2 for x, _ in points)
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in points)
    slope = sxy / sxx
    intercept = mean_y - slope * mean_x
    total = sum((y - mean_y) ** 2 for _, y in points)
    residual = sum((y - (slope * x + intercept)) ** 2 for x, y in points)
    return slope, intercept, 1 - residual / total if total else 1.0


Section = Callable[[int], Figure]
