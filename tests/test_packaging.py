"""What users install: the wheel and the sdist, their metadata, and what installing costs.

Both are built as a release would be, the wheel from the sdist, so a file the sdist misses
fails the build here.
"""

from __future__ import annotations

import email.message
import email.parser
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement

from tests.helpers import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# Libraries the dev group repeats from an extra, so that the tests have them: not tools.
FROM_EXTRAS_IN_DEV = {"rich", "shtab", "pyrate-limiter", "filelock", "redis", "hishel", "aiohttp"}


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # --no-isolation: hatchling comes from the dev group, so nothing is downloaded.
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return out


@pytest.fixture(scope="module")
def wheel(dist: Path) -> zipfile.ZipFile:
    (built,) = dist.glob("tmdb_facade-*.whl")
    return zipfile.ZipFile(built)


@pytest.fixture(scope="module")
def sdist(dist: Path) -> dict[str, bytes]:
    """The sdist's files by path inside it (without its top folder) and their contents."""
    (built,) = dist.glob("tmdb_facade-*.tar.gz")
    files: dict[str, bytes] = {}
    with tarfile.open(built) as archive:
        for member in archive.getmembers():
            extracted = archive.extractfile(member)
            if extracted is not None:
                files[member.name.split("/", 1)[1]] = extracted.read()
    return files


@pytest.fixture(scope="module")
def metadata(wheel: zipfile.ZipFile) -> email.message.Message:
    (name,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    return email.parser.BytesParser().parsebytes(wheel.read(name))


def group_names(group: str) -> set[str]:
    """The distribution names a dependency group of pyproject.toml installs."""
    names: set[str] = set()
    for item in PYPROJECT["dependency-groups"][group]:
        if isinstance(item, dict):
            names |= group_names(item["include-group"])
        else:
            names.add(Requirement(item).name)
    return names


def test_wheel_ships_both_packages_typed(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    assert {"tmdb_facade/_generated/py.typed", "tmdb_facade/py.typed"} <= names
    assert {
        "tmdb_facade/_generated/__init__.py",
        "tmdb_facade/_generated/models/season_credits.py",
    } <= names
    facade = {"tmdb_facade/__init__.py", "tmdb_facade/client.py", "tmdb_facade/cli/__init__.py"}
    assert facade <= names
    assert not any(name.startswith(("tests/", "scripts/", "openapi/")) for name in names)


def test_wheel_ships_the_spec_and_the_fake_servers_data(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    assert "tmdb_facade/_generated/openapi.json" in names
    data = {Path(name).name for name in names if name.startswith("tmdb_facade/testing/data/")}
    assert {"manifest.json", "tv_1396_season_1_credits.json", "person_62_images.json"} <= data


def test_wheel_declares_the_console_script_and_the_pytest_plugin(wheel: zipfile.ZipFile) -> None:
    (entry_points,) = [n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")]
    text = wheel.read(entry_points).decode()
    assert "tmdb-facade = tmdb_facade.cli:main" in text
    assert "tmdb_facade = tmdb_facade.testing.pytest_plugin" in text


def test_the_mit_license_ships_in_the_wheel_and_the_sdist(
    wheel: zipfile.ZipFile, sdist: dict[str, bytes], metadata: email.message.Message
) -> None:
    license_text = (ROOT / "LICENSE").read_bytes()
    assert license_text.startswith(b"MIT License\n")
    assert b"Copyright (c) 2026 tmdb-facade developers\n" in license_text
    (in_wheel,) = [n for n in wheel.namelist() if n.endswith(".dist-info/licenses/LICENSE")]
    assert wheel.read(in_wheel) == license_text
    assert sdist["LICENSE"] == license_text
    assert metadata["License-Expression"] == "MIT"
    assert metadata.get_all("License-File") == ["LICENSE"]


def test_the_sdist_holds_the_documents_the_readme_links(sdist: dict[str, bytes]) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(BENCHMARKS.md)" in readme
    assert "(CONTRIBUTING.md)" in readme
    for document in ("README.md", "CONTRIBUTING.md", "BENCHMARKS.md"):
        assert sdist[document] == (ROOT / document).read_bytes()
    assert {"pyproject.toml", "openapi/tmdb.yaml", "scripts/test", "tests/conftest.py"} <= set(
        sdist
    )


def test_the_metadata_says_pytest_plugin_and_gives_no_made_up_home(
    metadata: email.message.Message,
) -> None:
    assert "Framework :: Pytest" in metadata.get_all("Classifier", [])
    # The project has no public home yet: a made-up URL would send users to a stranger's page.
    assert metadata.get_all("Project-URL") is None
    assert metadata["Home-page"] is None


def test_no_extra_installs_the_tools_for_working_on_tmdb_facade(
    metadata: email.message.Message,
) -> None:
    tools = group_names("dev") - FROM_EXTRAS_IN_DEV
    assert {"ruff", "mypy", "openapi-python-client", "pytest", "tmdbsimple"} <= tools
    extras = metadata.get_all("Provides-Extra", [])
    assert "cli" in extras
    assert not {"dev", "bench"} & set(extras)
    in_extras = {
        Requirement(r).name for r in metadata.get_all("Requires-Dist", []) if "extra ==" in r
    }
    assert not in_extras & tools


@pytest.mark.parametrize("name", ["rich", "shtab"])
def test_the_command_lines_libraries_come_only_with_the_cli_extra(
    metadata: email.message.Message, name: str
) -> None:
    found = [Requirement(r) for r in metadata.get_all("Requires-Dist", []) if r.startswith(name)]
    assert [str(r.marker) for r in found] == ['extra == "cli"']


def test_the_dev_group_installs_what_the_cli_extra_does() -> None:
    # scripts/bootstrap.sh takes the dev group's install as enough for scripts/demo (which
    # asks for the cli extra), so that tests/test_demo.py never installs anything.
    cli: list[str] = PYPROJECT["project"]["optional-dependencies"]["cli"]
    dev: list[Any] = PYPROJECT["dependency-groups"]["dev"]
    assert set(cli) <= {item for item in dev if isinstance(item, str)}
    assert {Requirement(r).name for r in cli} <= FROM_EXTRAS_IN_DEV


def python_without_rich(code: str) -> str:
    """Run `code` in a fresh interpreter where `import rich` fails as if it were not installed."""
    blocked = "import sys; sys.modules['rich'] = None\n"
    result = subprocess.run(
        [sys.executable, "-c", blocked + code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_library_works_without_the_cli_extra() -> None:
    out = python_without_rich(
        "from tmdb_facade import Tmdb, best_image\n"
        "from tmdb_facade.testing import FakeTmdb\n"
        "with FakeTmdb() as server, Tmdb(server.access_token, base_url=server.url) as tmdb:\n"
        "    print(tmdb.season_credits(1396, 1).cast[0].character)\n"
        "    print(best_image(tmdb.season_images(1396, 1).posters).file_path)\n"
    )
    character, poster = out.splitlines()
    assert character == "Walter White"
    assert poster.endswith(".jpg")


def test_the_pytest_plugin_imports_nothing_heavy() -> None:
    # pytest loads it in every run of every project that installs tmdb-facade; the server
    # (asyncio, httpx, the generated models) waits for a test that uses `fake_tmdb`.
    heavy = ["tmdb_facade.testing._server", "httpx", "h11", "tmdb_facade._generated", "asyncio"]
    code = (
        "import sys, pytest, tmdb_facade.testing.pytest_plugin as plugin\n"
        "assert callable(plugin.fake_tmdb)\n"
        f"print([m for m in {heavy!r} if m in sys.modules])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"


def test_the_wheel_installs_exactly_one_top_level_package(wheel: zipfile.ZipFile) -> None:
    # The generated client is `tmdb_facade._generated`: no second, generic import name that
    # another distribution could also install and silently shadow.
    tops = {name.split("/")[0] for name in wheel.namelist()}
    assert {top for top in tops if not top.endswith(".dist-info")} == {"tmdb_facade"}
