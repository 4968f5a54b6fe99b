"""The wheel users install holds both packages, their type markers, the spec and the data."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    # --no-build-isolation: hatchling comes from the dev extra, so nothing is downloaded.
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob("tmdb_facade-*.whl")
    return zipfile.ZipFile(built)


def test_wheel_ships_both_packages_typed(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    assert {"tmdb_api/py.typed", "tmdb_facade/py.typed"} <= names
    assert {"tmdb_api/__init__.py", "tmdb_api/models/season_credits.py"} <= names
    facade = {"tmdb_facade/__init__.py", "tmdb_facade/client.py", "tmdb_facade/cli/__init__.py"}
    assert facade <= names
    assert not any(name.startswith(("tests/", "scripts/", "openapi/")) for name in names)


def test_wheel_ships_the_spec_and_the_fake_servers_data(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    assert "tmdb_api/openapi.json" in names
    data = {Path(name).name for name in names if name.startswith("tmdb_facade/testing/data/")}
    assert {"manifest.json", "tv_1396_season_1_credits.json", "person_62_images.json"} <= data


def test_wheel_declares_the_console_script_and_the_pytest_plugin(wheel: zipfile.ZipFile) -> None:
    (entry_points,) = [n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")]
    text = wheel.read(entry_points).decode()
    assert "tmdb-facade = tmdb_facade.cli:main" in text
    assert "tmdb_facade = tmdb_facade.testing.pytest_plugin" in text
