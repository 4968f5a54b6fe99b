"""Golden-record check: the committed generated/ is exactly what the spec produces."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A copy of the parts of the repository that scripts/regenerate reads and writes."""
    for part in ("scripts", "openapi", "generated"):
        shutil.copytree(ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(root / "scripts" / "regenerate"), "--check"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_committed_code_matches_the_spec(checkout: Path) -> None:
    result = check(checkout)
    assert result.returncode == 0, result.stdout + result.stderr


def test_hand_edited_generated_file_is_named(checkout: Path) -> None:
    edited = checkout / "generated" / "tmdb_api" / "models" / "image.py"
    edited.write_text(edited.read_text() + "\n# edited by hand\n")
    result = check(checkout)
    assert result.returncode == 1
    assert "differs: generated/tmdb_api/models/image.py" in result.stdout


def test_extra_and_missing_files_are_named(checkout: Path) -> None:
    (checkout / "generated" / "tmdb_api" / "models" / "role.py").unlink()
    (checkout / "generated" / "tmdb_api" / "stray.py").write_text("x = 1\n")
    result = check(checkout)
    assert result.returncode == 1
    assert "missing from generated/tmdb_api: models/role.py" in result.stdout
    assert "not produced by the spec: generated/tmdb_api/stray.py" in result.stdout


def test_spec_edit_without_regenerating_is_caught(checkout: Path) -> None:
    spec = checkout / "openapi" / "tmdb.yaml"
    spec.write_text(spec.read_text().replace("Number of user votes.", "How many voted."))
    result = check(checkout)
    assert result.returncode == 1
    assert "differs: generated/tmdb_api/models/image.py" in result.stdout
    assert "differs: generated/tmdb_api/openapi.json" in result.stdout


def test_regenerating_twice_is_byte_identical(checkout: Path) -> None:
    script = str(checkout / "scripts" / "regenerate")
    subprocess.run([sys.executable, script], check=True, capture_output=True, timeout=120)
    first = {p: p.read_bytes() for p in sorted((checkout / "generated").rglob("*.py"))}
    subprocess.run([sys.executable, script], check=True, capture_output=True, timeout=120)
    second = {p: p.read_bytes() for p in sorted((checkout / "generated").rglob("*.py"))}
    assert first == second
    assert check(checkout).returncode == 0
