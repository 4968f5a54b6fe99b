"""`scripts/demo`, the README's first command, end to end: the offline tour works and shows
real data, even with a credential set in the environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli import CLI_ENVIRONMENT
from tests.helpers import ROOT

CANARY = "canary-secret-for-the-demo"


@pytest.mark.skipif(
    Path(sys.prefix).resolve() != (ROOT / ".venv").resolve(),
    reason="scripts/demo runs in the checkout's .venv; scripts/test runs the tests there",
)
def test_the_demo_tours_the_command_line_offline() -> None:
    env = {k: v for k, v in os.environ.items() if k not in CLI_ENVIRONMENT}
    env["TMDB_ACCESS_TOKEN"] = CANARY  # the tour must stay offline all the same
    result = subprocess.run(
        [ROOT / "scripts" / "demo"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    typed = [line.split()[2] for line in out.splitlines() if line.startswith("$ tmdb-facade ")]
    assert typed == [
        "season-credits",
        "aggregate-credits",
        "season-images",
        "person-images",
        "season-credits",
        "download",
    ]
    assert "Bryan Cranston   Walter White" in out
    assert "/t/p/w500/1C96KIebESXhEnpeq4BWY0jg4KS.jpg\n" in out
    assert "\nWalter White\n" in out  # from --json, through a pipe
    assert ": 25 downloaded, 0 skipped (already there)\n" in out
    assert ": 0 downloaded, 25 skipped (already there)\n" in out
    assert CANARY not in out + result.stderr
    assert "error" not in result.stderr
    # It ends with a command to paste, which works as pasted from the checkout.
    suggested = out.rstrip().splitlines()[-1].strip()
    assert suggested == ".venv/bin/tmdb-facade --help"
    pasted = subprocess.run(
        suggested,
        shell=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert pasted.returncode == 0, pasted.stderr
    assert pasted.stdout.startswith("usage: tmdb-facade ")
