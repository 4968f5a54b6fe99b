"""The cache's figures: what a hit costs next to building the model, and what a revalidation
sends and receives.

A hit is measured with the fake server stopped, so an answer that needed the network would
fail instead of being timed. "Building the model from memory" is the facade's own decoding of
the same body (`ApiCall.decode`: orjson, the spec's schema check, the model), which every
call pays, cached or not.
"""

from __future__ import annotations

import asyncio
import hashlib
import importlib.metadata
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import anysqlite
import hishel
import httpx
from _bench_util import Figure, median, progress, table

from tmdb_facade import AsyncTmdb, Tmdb, cache_status
from tmdb_facade._calls import api_call
from tmdb_facade._generated.api.people import person_images
from tmdb_facade._generated.api.tv_seasons import tv_season_aggregate_credits, tv_season_credits
from tmdb_facade.testing import FakeTmdb, _data

# (what, path, endpoint, arguments, client method)
BODIES: list[tuple[str, str, Any, tuple[int, ...], str]] = [
    ("person images (5 kB)", "/3/person/62/images", person_images, (62,), "person_images"),
    (
        "season credits (6 kB)",
        "/3/tv/1396/season/1/credits",
        tv_season_credits,
        (1396, 1),
        "season_credits",
    ),
    (
        "aggregate credits (33 kB)",
        "/3/tv/1396/season/1/aggregate_credits",
        tv_season_aggregate_credits,
        (1396, 1),
        "season_aggregate_credits",
    ),
]
LATENCY = 0.020


def _per_call(function: Callable[[], object], calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        function()
    return (time.perf_counter() - start) / calls


async def _async_per_call(function: Callable[[], Any], calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        await function()
    return (time.perf_counter() - start) / calls


def _hit_costs(
    path: str, endpoint: Any, args: tuple[int, ...], method: str, calls: int
) -> dict[str, float]:
    """Seconds per call of: the decoding alone, a call answered in memory without a cache, a
    hit (sync, async), and hishel's lookup with the decoding but without httpx around it."""
    body = _data.routes()[path].encoded
    decode_strictly_or_not = api_call(endpoint.ENDPOINT, args, {}).decode

    def decode(content: bytes) -> object:
        return decode_strictly_or_not(content, False)  # the clients' default: tolerant

    memory = httpx.MockTransport(
        lambda request: httpx.Response(200, content=body, headers={"Content-Type": "json"})
    )
    costs: dict[str, float] = {"decode": _per_call(lambda: decode(body), calls)}
    with Tmdb("k", transport=memory, rate_limit=None) as plain:
        costs["in memory, no cache"] = _per_call(lambda: getattr(plain, method)(*args), calls)
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "cache.sqlite"
        with FakeTmdb() as server:
            url = f"{server.url}{path}"
            with Tmdb(server.access_token, base_url=server.url, cache=file) as warm:
                getattr(warm, method)(*args)
        # The server is gone: anything but a hit would raise.
        with Tmdb(server.access_token, base_url=server.url, cache=file) as tmdb:
            call = getattr(tmdb, method)
            status = cache_status(call(*args))
            assert status is not None
            assert status.from_cache
            assert not status.network
            costs["hit, Tmdb"] = _per_call(lambda: call(*args), calls)

        with Tmdb(server.access_token, base_url=server.url, cache=file) as tmdb:
            tmdb._hits = None  # what every hit cost before they were served ahead of httpx
            call = getattr(tmdb, method)
            costs["hit through httpx, Tmdb"] = _per_call(lambda: call(*args), calls)

        async def async_hits(cache: Any) -> float:
            async with AsyncTmdb(server.access_token, base_url=server.url, cache=cache) as tmdb:
                call = getattr(tmdb, method)
                await call(*args)
                return await _async_per_call(lambda: call(*args), calls)

        costs["hit, AsyncTmdb"] = asyncio.run(async_hits(file))
        # Read through anysqlite, a worker thread per SQLite call, as a storage passed in is.
        connection = sqlite3.connect(file, check_same_thread=False, isolation_level=None)
        threaded = hishel.AsyncSqliteStorage(connection=anysqlite.Connection(connection))
        costs["hit, AsyncTmdb on anysqlite"] = asyncio.run(async_hits(threaded))
        connection.close()
        costs["lookup + decode, no httpx"] = _per_call(_lookup(file, url, decode), calls)
    return costs


def _lookup(file: Path, url: str, decode: Callable[[bytes], object]) -> Callable[[], object]:
    """What a hit served before httpx builds a request would cost: hishel's storage lookup and
    RFC 9111 freshness check, the stored body read, then the decoding."""
    storage = hishel.SqliteStorage(database_path=file)
    key = hashlib.sha256(f"RFC {url}".encode()).hexdigest()
    request = storage.get_entries(key)[0].request
    options = hishel.CacheOptions(shared=False)

    def hit() -> object:
        state = hishel.IdleClient(options=options).next(request, storage.get_entries(key))
        assert isinstance(state, hishel.FromCache)
        stream = state.entry.response.stream
        assert isinstance(stream, Iterator)
        return decode(b"".join(stream))

    return hit


def _hits_at_the_rate_limit(calls: int) -> tuple[float, float]:
    """Seconds for `calls` hits with the default rate limiter: as they are, and as they would
    be if each hit spent a slot of the limiter (as any call did before the cache paced only
    what it sends on)."""
    seconds = []
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "cache.sqlite"
        with (
            FakeTmdb() as server,
            Tmdb(server.access_token, base_url=server.url, cache=file) as warm,
        ):
            warm.person_images(62)
        for spend in (False, True):
            with Tmdb(server.access_token, base_url=server.url, cache=file) as tmdb:
                if spend:
                    tmdb._hits, tmdb._paced_below_cache = None, False
                seconds.append(_per_call(lambda: tmdb.person_images(62), calls) * calls)
    return seconds[0], seconds[1]


def _import_ms(statement: str) -> float:
    code = f"import httpx, time; start = time.perf_counter(); {statement}; "
    code += "print(time.perf_counter() - start)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout) * 1e3


def _installed_mb(*distributions: str) -> float:
    total = 0
    for name in distributions:
        for file in importlib.metadata.files(name) or []:
            located = Path(str(file.locate()))
            total += located.stat().st_size if located.is_file() else 0
    return total / 1e6


def cache_hit(rounds: int, calls: int = 300) -> Figure:
    per_body: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for number in range(rounds):
        progress(f"cache hit: round {number + 1} of {rounds}")
        for what, path, endpoint, args, method in BODIES:
            for name, seconds in _hit_costs(path, endpoint, args, method, calls).items():
                per_body[what][name].append(seconds)
    columns = [
        "decode",
        "in memory, no cache",
        "hit, Tmdb",
        "hit, AsyncTmdb",
        "lookup + decode, no httpx",
        "hit through httpx, Tmdb",
        "hit, AsyncTmdb on anysqlite",
    ]
    rows, ratios = [], {}
    for what, costs in per_body.items():
        us = {name: median(values) * 1e6 for name, values in costs.items()}
        ratios[what] = (us["hit, Tmdb"] / us["decode"], us["hit, AsyncTmdb"] / us["decode"])
        rows.append(
            [what] + [f"{us[name]:.0f} ({us[name] / us['decode']:.1f}x)" for name in columns]
        )
    _import_ms("import hishel.httpx")  # bytecode written, files in the page cache
    imports = [_import_ms("import hishel.httpx") for _ in range(max(rounds, 5))]
    size = _installed_mb("hishel", "msgpack", "anysqlite")
    paced, spent = _hits_at_the_rate_limit(200)
    worst_sync = max(sync for sync, _ in ratios.values())
    worst_async = max(asynchronous for _, asynchronous in ratios.values())
    details = table(["body", *(f"{c} µs" for c in columns)], rows)
    details += (
        f"\n\nThe `cache` extra: `import hishel.httpx` after httpx {median(imports):.0f} ms "
        f"(paid only by a client made with a cache); hishel, msgpack and anysqlite installed "
        f"{size:.1f} MB.\n\n200 hits with the default rate limiter (49/s, burst 45): "
        f"{paced:.2f} s; {spent:.2f} s if each hit spent a slot, as every call did before."
    )
    metrics = {"hit_ratio_sync": worst_sync, "hit_ratio_async": worst_async}
    metrics |= {"hits_s:spent": spent, "hits_s:free": paced}
    for what, costs in per_body.items():
        for name in columns:
            metrics[f"hit_us:{what}:{name}"] = median(costs[name]) * 1e6
    return Figure(
        "Cache hit, no network (µs per call, and x the decoding of the same body)",
        "≤ 2x building the model from memory",
        f"Tmdb {worst_sync:.1f}x, AsyncTmdb {worst_async:.1f}x at worst "
        f"({', '.join(f'{w}: {s:.1f}x / {a:.1f}x' for w, (s, a) in ratios.items())})",
        worst_sync <= 2 and worst_async <= 2,
        details,
        metrics,
    )


class _Wire(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """The real transport, noting the status and body bytes of every exchange on the wire."""

    def __init__(self, mode: str) -> None:
        self.exchanges: list[tuple[int, int]] = []
        self._sync = httpx.HTTPTransport() if mode == "sync" else None
        self._async = httpx.AsyncHTTPTransport() if mode == "async" else None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert self._sync is not None
        response = self._sync.handle_request(request)
        self.exchanges.append((response.status_code, len(response.read())))
        return response

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        assert self._async is not None
        response = await self._async.handle_async_request(request)
        self.exchanges.append((response.status_code, len(await response.aread())))
        return response

    def close(self) -> None:
        if self._sync is not None:
            self._sync.close()

    async def aclose(self) -> None:
        if self._async is not None:
            await self._async.aclose()


def _revalidations(
    mode: str, file: Path, server: FakeTmdb, calls: int
) -> tuple[_Wire, float, float]:
    """The wire, and seconds per call without a cache and per revalidated call."""
    wire = _Wire(mode)
    options: dict[str, Any] = {"base_url": server.url, "rate_limit": None, "transport": wire}
    if mode == "sync":
        with Tmdb(server.access_token, **options) as plain:
            uncached = _per_call(lambda: plain.season_credits(1396, 1), calls)
        with Tmdb(server.access_token, cache=file, **options) as tmdb:
            tmdb.season_credits(1396, 1)
            del wire.exchanges[:]
            return wire, uncached, _per_call(lambda: tmdb.season_credits(1396, 1), calls)

    async def run() -> tuple[float, float]:
        async with AsyncTmdb(server.access_token, **options) as plain:
            uncached = await _async_per_call(lambda: plain.season_credits(1396, 1), calls)
        async with AsyncTmdb(server.access_token, cache=file, **options) as tmdb:
            await tmdb.season_credits(1396, 1)
            del wire.exchanges[:]
            return uncached, await _async_per_call(lambda: tmdb.season_credits(1396, 1), calls)

    uncached, revalidated = asyncio.run(run())
    return wire, uncached, revalidated


def revalidation(rounds: int, calls: int = 30) -> Figure:
    """Season credits kept with `max-age=0`: every reuse asks the server with its ETag."""
    rows, exchanges, bodies = [], [], []
    for mode in ("sync", "async"):
        plain, again = [], []
        for number in range(rounds):
            progress(f"revalidation ({mode}): round {number + 1} of {rounds}")
            with (
                tempfile.TemporaryDirectory() as folder,
                FakeTmdb(latency=LATENCY, cache_max_age=0) as server,
            ):
                wire, uncached, revalidated = _revalidations(
                    mode, Path(folder) / "c.sqlite", server, calls
                )
            plain.append(uncached)
            again.append(revalidated)
            exchanges.append(len(wire.exchanges) / calls)
            bodies.append(max(size for _, size in wire.exchanges))
            assert {status for status, _ in wire.exchanges} == {304}
        rows.append(
            [
                "Tmdb" if mode == "sync" else "AsyncTmdb",
                f"{median(plain) * 1e3:.1f}",
                f"{median(again) * 1e3:.1f}",
                f"{max(exchanges):.0f}",
                f"{max(bodies)}",
            ]
        )
    header = ["client", "ms per call, no cache", "ms per revalidated call", "exchanges per call"]
    return Figure(
        f"Revalidation of a stale answer, {LATENCY * 1e3:.0f} ms latency",
        "one round trip, no body",
        f"{max(exchanges):.0f} exchange per call, all 304, {max(bodies)} body bytes",
        max(exchanges) == 1 and max(bodies) == 0,
        table([*header, "body bytes (worst)"], rows),
    )
