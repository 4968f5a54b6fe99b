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
