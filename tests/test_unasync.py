"""`scripts/unasync --check` fails on a sync twin that drifted from its async source, and on
a substitution that no longer matches anything (run on a copy of the repository)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

PACKAGE = Path("facade") / "tmdb_facade"


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    for part in ("scripts", "facade"):
        shutil.copytree(ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
    # ruff's settings: the twins are formatted as the project formats them.
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def check(checkout: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "scripts/unasync", "--check"],
        cwd=checkout,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_hand_edited_twin_fails_the_check(checkout: Path) -> None:
    twin = checkout / PACKAGE / "_sync_client.py"
    twin.write_text(twin.read_text(encoding="utf-8") + "\nEDITED_BY_HAND = 1\n", encoding="utf-8")
    result = check(checkout)
    assert result.returncode == 1
    assert "_sync_client.py is not what _async_client.py gives" in result.stdout


def test_a_substitution_that_matches_nothing_fails_the_check(checkout: Path) -> None:
    assert check(checkout).returncode == 0, "the copy should start in step"
    # The source no longer says "Asynchronous TMDB client", and the twin is what the other
    # substitutions give: only the table is out of date.
    replace(checkout / PACKAGE / "_async_client.py", "Asynchronous TMDB client", "TMDB client")
    replace(checkout / PACKAGE / "_sync_client.py", "Synchronous TMDB client", "TMDB client")
    result = check(checkout)
    assert result.returncode == 1
    assert "stale substitution 'Asynchronous TMDB client' of _async_client.py" in result.stdout
    assert "is not what" not in result.stdout


def test_a_common_substitution_that_matches_nothing_fails_the_check(checkout: Path) -> None:
    script = checkout / "scripts" / "unasync"
    replace(
        script,
        "COMMON: list[Substitution] = [\n",
        'COMMON: list[Substitution] = [\n    ("no_such_name", "x"),\n',
    )
    result = check(checkout)
    assert result.returncode == 1
    assert "stale substitution 'no_such_name' (common)" in result.stdout
