"""`tmdb-facade completion bash|zsh`: scripts generated from the parser by shtab, that name
every command, parse, and complete in a real bash."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli import RunCli, offline_environment
from tmdb_facade.cli._commands import COMMANDS
from tmdb_facade.cli._completion import NEEDS_SHTAB
from tmdb_facade.cli._download import DOWNLOADS
from tmdb_facade.cli._series import SERIES_DOWNLOADS

NAMES = [
    *(command.name for command in COMMANDS),
    "download",
    "completion",
    *(download.name for download in (*DOWNLOADS, *SERIES_DOWNLOADS)),
]


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_the_script_names_every_command_and_option(run_cli: RunCli, shell: str) -> None:
    result = run_cli("completion", shell)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""  # nothing sent, so no offline notice
    for name in NAMES:
        assert re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", result.stdout), name
    for option in ("--output-dir", "--force", "--quiet", "--image-language"):
        assert option in result.stdout
    if shell == "zsh":
        assert result.stdout.startswith("#compdef tmdb-facade\n")


BASH = shutil.which("bash")


@pytest.mark.skipif(BASH is None, reason="bash is not installed")
def test_bash_parses_the_script_and_completes_with_it(tmp_path: Path) -> None:
    assert BASH is not None
    script = tmp_path / "tmdb-facade.bash"
    generated = subprocess.run(
        [sys.executable, "-m", "tmdb_facade", "completion", "bash"],
        capture_output=True,
        env=offline_environment(),
        timeout=60,
        check=True,
    )
    script.write_bytes(generated.stdout)
    subprocess.run([BASH, "-n", script], check=True, timeout=60)

    def complete(*words: str) -> list[str]:
        # What bash sets before calling the completion function, as for a Tab after `words`.
        line = " ".join(words)
        code = (
            f"source {script}; COMP_WORDS=({line}); COMP_CWORD={len(words) - 1}; "
            f'COMP_LINE="{line}"; COMP_POINT=${{#COMP_LINE}}; '
            '_shtab_tmdb_facade; printf "%s\\n" "${COMPREPLY[@]}"'
        )
        done = subprocess.run(
            [BASH, "-c", code], capture_output=True, text=True, timeout=60, check=True
        )
        return done.stdout.split()

    assert complete("tmdb-facade", "down") == ["download"]
    assert complete("tmdb-facade", "download", "season-p") == ["season-posters"]
    assert complete("tmdb-facade", "download", "season-posters", "1", "1", "--size", "w3") == [
        "w342"
    ]
    assert "--output-dir" in complete("tmdb-facade", "download", "person-profiles", "--out")


def test_an_unknown_shell_is_a_usage_error(run_cli: RunCli) -> None:
    result = run_cli("completion", "fish")
    assert result.exit_code == 2
    assert "argument SHELL: invalid choice: 'fish'" in result.error


def test_without_shtab_it_says_what_to_install(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "shtab", None)  # as if not installed
    result = run_cli("completion", "bash")
    assert result.exit_code == 1
    assert result.error == f"error: {NEEDS_SHTAB}"
    assert result.stdout == ""
