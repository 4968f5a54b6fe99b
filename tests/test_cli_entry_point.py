"""The command line as installed: the console script, `python -m tmdb_facade`, and what
`import tmdb_facade` does not load. These run real processes."""

from __future__ import annotations

import importlib.metadata
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.cli import CLI_ENVIRONMENT

PYTHON = sys.executable


def offline_environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in CLI_ENVIRONMENT}


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
    script = Path(PYTHON).with_name("tmdb-facade")
    result = subprocess.run(
        [script, "person-images", "62", "--best", "--size", "w185"],
        capture_output=True,
        text=True,
        env=offline_environment(),
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("/t/p/w185/d5krxAkPaEzs57Dvdm41Iv972Gp.jpg\n")


def test_output_closed_early_exits_141_quietly() -> None:
    process = subprocess.Popen(
        [PYTHON, "-m", "tmdb_facade", "aggregate-credits", "1396", "1", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=offline_environment(),
    )
    assert process.stdout is not None
    process.stdout.close()  # like `| head` that has read enough, before anything was written
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 141
    assert b"Traceback" not in stderr
    assert b"Exception ignored" not in stderr
    assert len(stderr.splitlines()) == 1  # the offline notice, nothing more


def loaded_by_import_tmdb_facade(*, click_installed: bool) -> list[str]:
    """The command line's modules and libraries that `import tmdb_facade` loads."""
    code = (
        "import sys\n"
        f"if not {click_installed}: sys.modules['click'] = None  # as if not installed\n"
        "import tmdb_facade\n"
        "print(' '.join(sorted(name for name, module in sys.modules.items() if module and ("
        "name in ('click', 'rich', 'tmdb_facade.cli') or name.startswith('tmdb_facade._cli')))))\n"
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
