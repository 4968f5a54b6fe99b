"""Shared test data: where it lives and how to load it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
# The live recordings and documentation examples ship with the package, as the fake server's data.
BUNDLED = ROOT / "facade" / "tmdb_facade" / "testing" / "data"


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def live_body(name: str) -> Any:
    """The body of a live recording, e.g. `live_body("tv_1396_season_1_credits")`."""
    return load_json(BUNDLED / "live" / f"{name}.json")["response"]["body"]
