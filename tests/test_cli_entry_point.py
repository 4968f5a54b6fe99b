"""The command line as installed: the console script, `python -m tmdb_facade`, a closed pipe,
no rich, and what `import tmdb_facade` does not load. These run real processes."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli import DETAILS_BODIES, cache_home, live_environment, offline_environment
from tmdb_facade.cli import NEEDS_RICH
from tmdb_facade.cli._commands import COMMANDS
from tmdb_facade.cli._download import DOWNLOADS
from tmdb_facade.testing import FakeTmdb

PYTHON = sys.executable
SCRIPT = Path(PYTHON).with_name("tmdb-facade")


def test_python_dash_m_runs_the_command_line() -> None:
    result = subprocess.run(
        [PYTHON, "-m", "tmdb_facade", "season-credits", "1396", "1"],
        capture_output=True,
        text=True,
        env=offline_environment(),
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert re.search(r"Bryan Cranston\s+Walter White", result.stdout)
    assert result.stderr.startswith("offline (no TMDB_ACCESS_TOKEN or TMDB_API_KEY)")
    assert len(result.stderr.splitlines()) == 1


def test_the_console_script_is_installed() -> None:
    result = subprocess.run(
        [SCRIPT, "person-images", "62", "--best", "--size", "w185"],
        capture_output=True,
        text=True,
        env=offline_environment(),
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "https://image.tmdb.org/t/p/w185/d5krxAkPaEzs57Dvdm41Iv972Gp.jpg\n"


IDS = {"series_id": "1396", "season_number": "1", "episode_number": "1", "person_id": "62"}
CLOSED_PIPE_COMMANDS = [
    *([command.name, *(IDS[name] for name in command.ids)] for command in COMMANDS),
    *(
        ["download", download.name, *(IDS[name] for name in download.source.ids)]
        for download in DOWNLOADS
    ),
    ["download", "series-posters", "1396", "--season", "1"],
    ["person-images", "62", "--best"],
    ["season-images", "1396", "1", "--json"],
    # Printed by argparse, which swallows a write error (exit 0) unless told otherwise.
    ["--help"],
    ["--version"],
    ["download", "series-stills", "--help"],
    ["completion", "bash"],
]


@pytest.mark.parametrize("args", CLOSED_PIPE_COMMANDS, ids=" ".join)
def test_output_closed_early_exits_141_quietly(
    args: list[str], fake_tmdb: FakeTmdb, tmp_path: Path
) -> None:
    # Live, to the fake server: it answers series and season details from our own bodies.
    details = {"series": "/3/tv/1396", "season": "/3/tv/1396/season/1"}
    if args[0] in details:
        fake_tmdb.respond_next(200, DETAILS_BODIES[details[args[0]]])
    env = (
        offline_environment()
        | live_environment(fake_tmdb)
        | cache_home(tmp_path / "cache-home")  # live runs cache: not in the user's folder
    )
    process = subprocess.Popen(
        [PYTHON, "-m", "tmdb_facade", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tmp_path,  # where download saves
    )
    assert process.stdout is not None
    process.stdout.close()  # like `| head` that has read enough, before anything was written
    _, stderr = process.communicate(timeout=60)
    assert stderr == b""  # not a traceback, not "Exception ignored", not an error line
    assert process.returncode == 141


def test_without_rich_the_command_line_says_what_to_install(tmp_path: Path) -> None:
    # As if rich were not installed: importing it fails, as it would (ModuleNotFoundError).
    (tmp_path / "sitecustomize.py").write_text("import sys\nsys.modules['rich'] = None\n")
    env = offline_environment() | {"PYTHONPATH": str(tmp_path)}
    for command in ([SCRIPT], [PYTHON, "-m", "tmdb_facade"]):
        result = subprocess.run(
            [*command, "season-credits", "1396", "1"],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
        assert result.returncode == 1
        assert result.stderr == f"{NEEDS_RICH}\n"
        assert result.stdout == ""
    assert NEEDS_RICH == (
        "error: the tmdb-facade command line needs rich: pip install 'tmdb-facade[cli]'"
    )


@pytest.mark.parametrize(
    ("args", "starts"),
    [
        (["--help"], "usage: tmdb-facade "),
        (["download", "season-posters", "--help"], "usage: tmdb-facade download season-posters"),
        (["--version"], "tmdb-facade, version "),
    ],
)
def test_help_and_version_work_without_rich(tmp_path: Path, args: list[str], starts: str) -> None:
    (tmp_path / "sitecustomize.py").write_text("import sys\nsys.modules['rich'] = None\n")
    env = offline_environment() | {"PYTHONPATH": str(tmp_path)}
    result = subprocess.run(
        [SCRIPT, *args], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith(starts)


def loaded_by_import_tmdb_facade(*, click_installed: bool) -> list[str]:
    """The command line's modules and libraries that `import tmdb_facade` loads."""
    code = (
        "import sys\n"
        f"if not {click_installed}: sys.modules['click'] = None  # as if not installed\n"
        "import tmdb_facade\n"
        "print(' '.join(sorted(name for name, module in sys.modules.items() if module and ("
        "name in ('click', 'rich') or name.startswith('tmdb_facade.cli')))))\n"
    )
    result = subprocess.run(
        [PYTHON, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    return result.stdout.split()


def test_import_tmdb_facade_does_not_load_the_command_line() -> None:
    # Library import time is a tracked benchmark: rich is for the console script only.
    assert loaded_by_import_tmdb_facade(click_installed=False) == []
    # This environment has click (the dev tools bring it): httpx then loads its own command
    # line, with rich, but tmdb_facade's is still not loaded.
    assert "tmdb_facade.cli" not in loaded_by_import_tmdb_facade(click_installed=True)


def test_click_is_not_a_dependency() -> None:
    # With click installed, `import httpx` imports click, rich and pygments for httpx's own
    # command line (httpx/_main.py), about 30 ms more for every `import tmdb_facade`.
    requirements = importlib.metadata.requires("tmdb-facade") or []
    runtime = [r for r in requirements if "extra ==" not in r]
    assert not [r for r in runtime if re.match(r"(click|typer)\b", r)]
