"""Benchmark plumbing: the fake server in a process of its own, the machine, medians, tables."""

from __future__ import annotations

import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from tmdb_facade.testing import DEFAULT_API_KEY

API_KEY = DEFAULT_API_KEY
# Every client fetches this one: Breaking Bad season 1's credits, 23 people, 10 kB of JSON,
# a typical call (the bulk examples of the issue are many seasons' credits).
SERIES, SEASON = 1396, 1
CREDITS_PATH = f"/3/tv/{SERIES}/season/{SEASON}/credits"


@dataclass
class Figure:
    """One figure of the report: what was measured against which target, and the details."""

    name: str
    target: str
    measured: str
    met: bool | None
    """None: no target, shown for information."""
    details: str = ""
    """A Markdown table with every client's numbers."""
    metrics: dict[str, float] = field(default_factory=dict)
    """Named numbers that other parts of the report (what each choice bought) quote."""


@dataclass
class Server:
    """`python -m tmdb_facade.testing` in its own process, so it never shares the client's GIL."""

    latency: float = 0.0
    new_connection_delay: float = 0.0
    rate_limit: float | None = None
    burst: int | None = None
    launcher: Sequence[str] = ("-m", "tmdb_facade.testing")
    """How to start it after `python`: another script may serve other data the same way."""
    url: str = ""
    stats: dict[str, int] = field(default_factory=dict)
    """What the server counted (requests, rate_limited, connections), once it has stopped."""
    _process: subprocess.Popen[str] | None = None

    def start(self) -> Server:
        command = [sys.executable, *self.launcher, "--stats", "--api-key", API_KEY]
        command += ["--latency", str(self.latency)]
        command += ["--new-connection-delay", str(self.new_connection_delay)]
        if self.rate_limit is not None:
            command += ["--rate-limit", str(self.rate_limit)]
        if self.burst is not None:
            command += ["--burst", str(self.burst)]
        self._process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        assert self._process.stdout is not None
        self.url = self._process.stdout.readline().strip()
        if not self.url.startswith("http://"):
            self._process.kill()
            raise RuntimeError("the fake TMDB server did not start")
        return self

    def cpu_seconds(self) -> float:
        """CPU time (user + system) the server process has used so far."""
        assert self._process is not None
        with open(f"/proc/{self._process.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> dict[str, int]:
        process = self._process
        if process is None:
            return self.stats
        process.send_signal(signal.SIGTERM)
        out, _ = process.communicate(timeout=30)
        self.stats = json.loads(out.strip().splitlines()[-1])
        self._process = None
        return self.stats


@contextmanager
def serving(**options: Any) -> Iterator[Server]:
    server = Server(**options).start()
    try:
        yield server
    finally:
        server.stop()


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def timed(function: Callable[[], object]) -> float:
    """Wall seconds one call of `function` took."""
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine() -> str:
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} cores, {cpu_model()}; Python {platform.python_version()} "
        f"({platform.python_implementation()}); {platform.platform()}; "
        f"load average at start {load}"
    )


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table, columns padded so that it also reads well in a terminal."""
    cells = [[str(c) for c in header]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]

    def line(row: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"

    rule = "| " + " | ".join("-" * w for w in widths) + " |"
    return "\n".join([line(cells[0]), rule, *(line(row) for row in cells[1:])])


def progress(message: str) -> None:
    """A line on stderr, so that stdout holds only the report."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)
