"""Run the `tmdb-facade` command line in-process, as a user would, and capture what it prints.

`run_cli("season-credits", "1396", "1")` calls `tmdb_facade.cli.main` with no TMDB variables
in the environment, so it answers offline, from the fake server it starts on 127.0.0.1.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from tmdb_facade.cli import main

# Everything that changes where the command line goes or how it draws.
CLI_ENVIRONMENT = (
    "TMDB_ACCESS_TOKEN",
    "TMDB_API_KEY",
    "TMDB_BASE_URL",
    "TMDB_IMAGE_BASE_URL",
    "COLUMNS",
    "FORCE_COLOR",
    "TTY_COMPATIBLE",
    "NO_COLOR",
)


@dataclass(frozen=True)
class CliRun:
    """One run: its exit code, and what it wrote to stdout and stderr."""

    exit_code: int
    stdout: str
    stderr: str

    @property
    def stderr_lines(self) -> list[str]:
        return self.stderr.splitlines()

    @property
    def error(self) -> str:
        """The `error: ...` line, asserting that the run printed exactly one, and no traceback."""
        assert "Traceback" not in self.stderr
        errors = [line for line in self.stderr_lines if line.startswith("error: ")]
        assert len(errors) == 1, self.stderr
        return errors[0]


RunCli = Callable[..., CliRun]


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> RunCli:
    """`run_cli(*args)`: run the command line offline and return a `CliRun`."""
    for name in CLI_ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)

    def run(*args: str) -> CliRun:
        capsys.readouterr()
        exit_code = main(list(args))
        stdout, stderr = capsys.readouterr()
        return CliRun(exit_code, stdout, stderr)

    return run
