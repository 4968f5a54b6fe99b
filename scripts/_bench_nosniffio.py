"""Imported first in a worker process: makes `import sniffio` fail as if it were not installed.

httpcore tries `import sniffio` on every async request; when it is missing, each try searches
every entry of `sys.path` before it fails. This finder does the same search (for a name that
exists nowhere) and then fails, so the worker pays what a machine without sniffio pays.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec, PathFinder
from types import ModuleType


class MissingSniffio:
    @staticmethod
    def find_spec(
        name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name != "sniffio":
            return None
        PathFinder.find_spec("sniffio_is_not_installed")
        raise ModuleNotFoundError("No module named 'sniffio'", name="sniffio")


sys.modules.pop("sniffio", None)
sys.meta_path.insert(0, MissingSniffio)
