"""A whole series of 5 seasons x 13 episodes through `fetch_series`, against a fake server
limited like TMDB (50 req/s, burst 50, 20 ms latency), in a process of its own.

Run as a script, this module is that server: the fake TMDB server with the made-up series of
`tests/series_bodies.py` added to its data (the bundled data holds one season).
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # for `tests.series_bodies`, also when run as a script
    sys.path.insert(0, str(ROOT))

from _bench_util import API_KEY, Figure, Server, median, progress, table  # noqa: E402

from tests.series_bodies import episode_images, season_details, series_details  # noqa: E402
from tmdb_facade import AsyncTmdb, RateLimiter, Tmdb  # noqa: E402
from tmdb_facade.series import fetch_series, fetch_series_async  # noqa: E402

SERIES = 99_001
SEASONS, EPISODES = 5, 13
REQUESTS = 1 + SEASONS + SEASONS * EPISODES
LATENCY = 0.020
RATE, BURST = 50.0, 50
APPENDED = ["images", "credits", "aggregate_credits"]


def serve(argv: list[str]) -> int:
    """The fake TMDB server, also answering for the whole made-up series."""
    from tmdb_facade.testing import __main__ as fake_main
    from tmdb_facade.testing import _data

    def add(path: str, body: dict[str, object]) -> None:
        encoded = _data.encode(body)
        _data.routes()[path] = _data.Recording("bench", "made up", body, encoded)

    add(f"/3/tv/{SERIES}", series_details(SERIES, [EPISODES] * SEASONS))
    for season in range(1, SEASONS + 1):
        add(f"/3/tv/{SERIES}/season/{season}", season_details(SERIES, season, EPISODES, APPENDED))
        for number in range(1, EPISODES + 1):
            path = f"/3/tv/{SERIES}/season/{season}/episode/{number}/images"
            add(path, episode_images(SERIES, season, number))
    return fake_main.main(argv)


def _fetch(kind: str, url: str, key: str) -> tuple[float, float]:
    """Seconds for one fetch on a fresh client, and for a second one right after it (the
    client's and the server's buckets then empty)."""
    options: dict[str, Any] = {"api_key": key, "base_url": url}
    if kind.endswith("(50/s, burst 50)"):
        options["rate_limit"] = RateLimiter(RATE, BURST)
    if kind.startswith("Tmdb"):
        with Tmdb(**options) as tmdb:
            times = []
            for _ in range(2):
                start = time.perf_counter()
                series = fetch_series(tmdb, SERIES)
                times.append(time.perf_counter() - start)
            assert sum(len(s.stills) for s in series.seasons) == SEASONS * EPISODES
            return times[0], times[1]

    async def run() -> tuple[float, float]:
        async with AsyncTmdb(**options) as tmdb:
            times = []
            for _ in range(2):
                start = time.perf_counter()
                series = await fetch_series_async(tmdb, SERIES)
                times.append(time.perf_counter() - start)
            assert sum(len(s.stills) for s in series.seasons) == SEASONS * EPISODES
            return times[0], times[1]

    return asyncio.run(run())


def whole_series(rounds: int) -> Figure:
    kinds = ["AsyncTmdb", "Tmdb", "AsyncTmdb (50/s, burst 50)"]
    fresh: dict[str, list[float]] = defaultdict(list)
    drained: dict[str, list[float]] = defaultdict(list)
    sent: dict[str, list[int]] = defaultdict(list)
    refused: dict[str, list[int]] = defaultdict(list)
    for number in range(rounds):
        progress(f"whole series: round {number + 1} of {rounds}")
        for kind in kinds[number % len(kinds) :] + kinds[: number % len(kinds)]:
            server = Server(
                latency=LATENCY,
                rate_limit=RATE,
                burst=BURST,
                launcher=(str(Path(__file__).resolve()),),
            ).start()
            try:
                first, second = _fetch(kind, server.url, API_KEY)
            finally:
                stats = server.stop()
            fresh[kind].append(first)
            drained[kind].append(second)
            sent[kind].append(stats["requests"] // 2)
            refused[kind].append(stats["rate_limited"])
    full_bound = 1.1 * (REQUESTS - BURST) / RATE
    empty_bound = 1.1 * REQUESTS / RATE
    rows = [
        [
            kind,
            f"{max(sent[kind])}",
            f"{max(refused[kind])}",
            f"{median(fresh[kind]):.2f} ({median(fresh[kind]) / full_bound * 1.1:.2f}x)",
            f"{median(drained[kind]):.2f} ({median(drained[kind]) / empty_bound * 1.1:.2f}x)",
        ]
        for kind in kinds
    ]
    # The verdict is the defaults'; the third row shows what giving up their headroom does.
    defaults = kinds[:2]
    most_sent = max(max(sent[k]) for k in defaults)
    most_refused = max(max(refused[k]) for k in defaults)
    requests_ok = most_sent <= REQUESTS and most_refused == 0
    slowest_fresh = max(median(fresh[k]) for k in defaults)
    slowest_drained = max(median(drained[k]) for k in defaults)
    return Figure(
        f"A whole series, {SEASONS} seasons x {EPISODES} episodes (fetch_series), "
        f"server at {RATE:g} req/s, burst {BURST}, {LATENCY * 1e3:.0f} ms",
        f"≤ {REQUESTS} requests (1 + seasons + episodes), no 429; ≤ {full_bound:.2f} s with the "
        f"server's burst to spend, ≤ {empty_bound:.2f} s without",
        f"{most_sent} requests, {most_refused} answered 429; {slowest_fresh:.2f} s fresh, "
        f"{slowest_drained:.2f} s back to back (default limiter, slower of sync and async)",
        requests_ok and slowest_fresh <= full_bound and slowest_drained <= empty_bound,
        table(
            [
                "client (rate limiter)",
                "requests per fetch",
                "answered 429",
                f"s fresh (vs {full_bound / 1.1:.2f} s at 50/s after the burst)",
                f"s back to back (vs {empty_bound / 1.1:.2f} s at 50/s)",
            ],
            rows,
        ),
        {"series_fresh": slowest_fresh, "series_drained": slowest_drained},
    )


if __name__ == "__main__":
    sys.exit(serve(sys.argv[1:]))
