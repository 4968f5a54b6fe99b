"""Shared test data: where it lives and how to load it."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any, Protocol

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
# The live recordings and documentation examples ship with the package, as the fake server's data.
BUNDLED = ROOT / "facade" / "tmdb_facade" / "testing" / "data"


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def live_body(name: str) -> Any:
    """The body of a live recording, e.g. `live_body("tv_1396_season_1_credits")`."""
    return load_json(BUNDLED / "live" / f"{name}.json")["response"]["body"]


class Reserving(Protocol):
    def reserve(self) -> float: ...


def waits_from_threads(limiter: Reserving, threads: int, each: int) -> list[float]:
    """Every wait `limiter.reserve()` gave to `threads` threads taking `each` slots at once,
    sorted: shared safely, no two get the same slot."""
    waits: list[float] = []
    lock = threading.Lock()

    def take() -> None:
        for _ in range(each):
            wait = limiter.reserve()
            with lock:
                waits.append(wait)

    running = [threading.Thread(target=take) for _ in range(threads)]
    for thread in running:
        thread.start()
    for thread in running:
        thread.join(timeout=30)
    return sorted(waits)
