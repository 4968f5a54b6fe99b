"""Run a script under the project's .venv, whatever `python3` the caller has."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"


def reexec_in_venv() -> None:
    """Re-run the current script with .venv's interpreter if it exists and is not running."""
    python = VENV / "bin" / "python"
    if python.exists() and Path(sys.prefix).resolve() != VENV.resolve():
        os.execv(python, [str(python), sys.argv[0], *sys.argv[1:]])
