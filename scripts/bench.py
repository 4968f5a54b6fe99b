"""The benchmark suite: every figure of BENCHMARKS.md in one run, printed as a Markdown report.

Run it through `scripts/bench`, which installs the `bench` dependency group first. Each
network figure runs the fake TMDB server (`python -m tmdb_facade.testing`) in a process of its
own; every ratio compares numbers measured in the same round, and the report gives medians.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import _bench_cache
import _bench_local
import _bench_network
import _bench_plugin
import _bench_series
from _bench_util import Figure, machine, progress, table

# (name, how many rounds by default, the figure)
FIGURES: list[tuple[str, int, Callable[[int], Figure]]] = [
    ("server", 3, _bench_network.server_check),
    ("sequential", 3, _bench_network.sequential),
    ("cpu", 5, _bench_network.cpu_per_call),
    ("concurrent", 5, _bench_network.concurrent),
    (
        "concurrent-tls",
        5,
        lambda rounds: _bench_network.concurrent(
            rounds,
            new_connection_delay=_bench_network.NEW_CONNECTION_DELAY,
            with_sniffio_check=False,
        ),
    ),
    ("rate", 3, _bench_network.rate_limited),
    ("parse", 5, _bench_local.parse),
    ("import", 15, _bench_local.import_time),
    ("install-size", 1, lambda rounds: _bench_local.installed_size()),
    ("pytest-plugin", 15, _bench_plugin.pytest_plugin_cost),
    ("parse-scaling", 1, lambda rounds: _bench_local.parse_scaling()),
    ("bulk-scaling", 1, lambda rounds: _bench_network.bulk_scaling()),
    ("cache-hit", 5, _bench_cache.cache_hit),
    ("revalidation", 3, _bench_cache.revalidation),
    ("series", 3, _bench_series.whole_series),
]


def choices(metrics: dict[str, float]) -> str:
    """What each performance choice bought, quoted from the figures of this run."""
    rows: list[list[str]] = []

    def add(choice: str, what: str, before: str, after: str, unit: str, fmt: str) -> None:
        if before in metrics and after in metrics:
            b, a = metrics[before], metrics[after]
            rows.append([choice, what, f"{b:{fmt}} → {a:{fmt}} {unit}", f"{a / b:.2f}x"])

    add(
        "sniffio importable (a dependency)",
        "httpx.AsyncClient, 20 at a time",
        "rps:httpx.AsyncClient, sniffio not importable",
        "rps:httpx.AsyncClient",
        "req/s",
        ",.0f",
    )
    add(
        "sniffio importable (a dependency)",
        "AsyncTmdb over httpcore, 20 at a time",
        "rps:AsyncTmdb + httpcore, sniffio not importable",
        "rps:AsyncTmdb + httpcore",
        "req/s",
        ",.0f",
    )
    add(
        "sniffio importable (a dependency)",
        "httpx.AsyncClient, CPU per call",
        "cpu_us:httpx.AsyncClient, sniffio not importable",
        "cpu_us:httpx.AsyncClient",
        "µs",
        ".0f",
    )
    add(
        "sniffio importable (a dependency)",
        "AsyncTmdb over httpcore, CPU per call",
        "cpu_us:AsyncTmdb + httpcore, sniffio not importable",
        "cpu_us:AsyncTmdb + httpcore",
        "µs",
        ".0f",
    )
    for name, kind in [
        ("our aiohttp transport (the default under asyncio)", "tmdb_facade.AsyncTmdb"),
        ("httpx-aiohttp's transport (not adopted)", "AsyncTmdb + httpx-aiohttp"),
    ]:
        add(
            name,
            "AsyncTmdb, 20 at a time",
            "rps:AsyncTmdb + httpcore",
            f"rps:{kind}",
            "req/s",
            ",.0f",
        )
        add(
            name,
            "AsyncTmdb, CPU per call",
            "cpu_us:AsyncTmdb + httpcore",
            f"cpu_us:{kind}",
            "µs",
            ".0f",
        )
    for kind in ("credits", "aggregate credits"):
        add(
            "orjson",
            f"JSON decoding, 5,000-person {kind}",
            f"parse_ms:{kind}:json.loads",
            f"parse_ms:{kind}:orjson.loads",
            "ms",
            ".1f",
        )
        add(
            "models built without from_dict's generic work",
            f"model building, 5,000-person {kind}",
            f"parse_ms:{kind}:generated from_dict (on parsed JSON)",
            f"parse_ms:{kind}:generated from_decoded (on parsed JSON)",
            "ms",
            ".1f",
        )
        add(
            "all of the above",
            f"typed, validated parse, 5,000-person {kind}",
            f"parse_ms:{kind}:before: json.loads + jsonschema-rs + from_dict",
            f"parse_ms:{kind}:tmdb_facade decode (typed, validated)",
            "ms",
            ".1f",
        )
    add(
        "lazy imports",
        "import time",
        "import_ms:from tmdb_facade import AsyncTmdb",
        "import_ms:import tmdb_facade",
        "ms",
        ".1f",
    )
    for what, key, fmt in (
        ("importing the pytest plugin", "plugin_import_ms", ".1f"),
        ("pytest run of a one-test project", "pytest_ms", ".0f"),
    ):
        add(
            "fake server imported in the fixture, not by the pytest plugin",
            what,
            f"{key}:{_bench_plugin.BEFORE}",
            f"{key}:{_bench_plugin.WITH}",
            "ms",
            fmt,
        )
    for body in ("person images (5 kB)", "aggregate credits (33 kB)"):
        add(
            "cache hits served before httpx builds a request",
            f"a hit, Tmdb, {body}",
            f"hit_us:{body}:hit through httpx, Tmdb",
            f"hit_us:{body}:hit, Tmdb",
            "µs",
            ".0f",
        )
        add(
            "async hits read on the event loop, not through anysqlite",
            f"a hit, AsyncTmdb, {body}",
            f"hit_us:{body}:hit, AsyncTmdb on anysqlite",
            f"hit_us:{body}:hit, AsyncTmdb",
            "µs",
            ".0f",
        )
    add(
        "cache hits spend nothing of the rate limit",
        "200 hits, default rate limiter",
        "hits_s:spent",
        "hits_s:free",
        "s",
        ".2f",
    )
    return table(["choice", "measured on", "without → with", "ratio"], rows)


def report(figures: list[Figure], command: str, seconds: float) -> str:
    verdict = {True: "met", False: "**not met**", None: "—"}
    summary = table(
        ["figure", "target", "measured", ""],
        [[f.name, f.target, f.measured, verdict[f.met]] for f in figures],
    )
    metrics = {key: value for figure in figures for key, value in figure.metrics.items()}
    parts = [
        f"Command: `{command}`  ",
        f"Machine: {machine()}  ",
        f"Date: {time.strftime('%Y-%m-%d %H:%M %Z')}; whole run {seconds:.0f} s",
        "",
        "### Figures against targets",
        "",
        summary,
        "",
        "### What each choice bought (this run)",
        "",
        choices(metrics),
    ]
    for figure in figures:
        parts += ["", f"### {figure.name}", "", figure.details]
    return "\n".join(parts) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__)
    parser.add_argument(
        "--only", help="comma-separated figures: " + ", ".join(name for name, *_ in FIGURES)
    )
    parser.add_argument(
        "--rounds", type=int, help="rounds for every figure (default: each its own)"
    )
    parser.add_argument("--output", type=Path, help="also write the report to this file")
    parser.add_argument("--worker", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:  # one measurement in a fresh process (see _bench_network)
        mode, kind, url, n, concurrency = args.worker
        _bench_network.worker(mode, kind, url, int(n), int(concurrency))
        return 0
    wanted = set(args.only.split(",")) if args.only else {name for name, *_ in FIGURES}
    unknown = wanted - {name for name, *_ in FIGURES}
    if unknown:
        parser.error(f"unknown figures: {', '.join(sorted(unknown))}")
    start = time.perf_counter()
    figures = []
    for name, rounds, figure in FIGURES:
        if name in wanted:
            progress(f"{name} ...")
            figures.append(figure(args.rounds or rounds))
    command = "scripts/bench" + "".join(f" {arg}" for arg in sys.argv[1:])
    text = report(figures, command, time.perf_counter() - start)
    print(text)
    if args.output:
        args.output.write_text(text)
    # A report, not a test: a target missed is in the report, and the exit status stays 0.
    return 0


if __name__ == "__main__":
    sys.exit(main())
