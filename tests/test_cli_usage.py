"""The `tmdb-facade` command line's help, global options and usage errors (exit code 2)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.cli import RunCli
from tests.helpers import live_body
from tmdb_facade.cli._commands import COMMANDS
from tmdb_facade.cli._download import DOWNLOADS
from tmdb_facade.cli._series import SERIES_DOWNLOADS

CANARY = "canary-secret-0123456789abcdef"


# -- help -----------------------------------------------------------------------------------

EVERY_COMMAND = [
    *([command.name] for command in COMMANDS),
    ["download"],
    ["completion"],
    *(["download", download.name] for download in (*DOWNLOADS, *SERIES_DOWNLOADS)),
]


def test_program_help_lists_every_command_examples_credentials_and_exit_codes(
    run_cli: RunCli,
) -> None:
    result = run_cli("--help")
    assert result.exit_code == 0
    for command in EVERY_COMMAND:
        if len(command) == 1:
            assert re.search(rf"^\s+{command[0]}\b", result.stdout, re.MULTILINE)
    assert "Examples:\n  tmdb-facade season-credits 1396 1" in result.stdout
    for variable in ("TMDB_ACCESS_TOKEN", "TMDB_API_KEY", "TMDB_BASE_URL"):
        assert variable in result.stdout
    for code in range(2, 9):
        assert re.search(rf"^\s+{code}\s+\w+", result.stdout, re.MULTILINE)


@pytest.mark.parametrize("command", EVERY_COMMAND, ids=" ".join)
def test_every_command_has_help_with_an_example_and_the_global_options(
    run_cli: RunCli, command: list[str]
) -> None:
    result = run_cli(*command, "--help")
    assert result.exit_code == 0
    assert f"usage: tmdb-facade {' '.join(command)} " in result.stdout
    assert re.search(rf"Examples?:\n\s+tmdb-facade {' '.join(command)} \S", result.stdout)
    assert "global options (before or after the command):" in result.stdout
    for option in (
        "--json",
        "--offline",
        "-v, --verbose",
        "--retries N",
        "--timeout SECONDS",
        "--cache, --no-cache",
    ):
        assert option in result.stdout


# -- global options, before or after the command --------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["--offline", "--json", "person-images", "62"],
        ["person-images", "--json", "62", "--offline"],
        ["--json", "person-images", "62", "--offline", "--retries", "1", "--timeout", "2.5"],
        ["--retries", "0", "-v", "person-images", "--json", "--offline", "62"],
    ],
    ids=" ".join,
)
def test_global_options_work_before_or_after_the_command(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.setenv("TMDB_ACCESS_TOKEN", CANARY)  # so that only --offline makes it offline
    result = run_cli(*args)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == live_body("person_62_images")
    assert result.stderr_lines[0].startswith("offline (--offline)")


def test_global_options_before_download_and_its_kind(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TMDB_ACCESS_TOKEN", CANARY)
    args = ["episode-stills", "1396", "1", "1", "--to", str(tmp_path)]
    result = run_cli("--offline", "download", "--json", *args)
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)["downloaded"]) == 6


def test_a_global_option_is_checked_wherever_it_is_given(run_cli: RunCli) -> None:
    result = run_cli("--retries", "11", "person-images", "62", "--retries", "1")
    assert result.exit_code == 2  # both are parsed: the first is already refused
    result = run_cli("--timeout", "1", "person-images", "62", "--timeout", "0")
    assert "argument --timeout: must be a number of seconds" in result.error


def test_version(run_cli: RunCli) -> None:
    from tmdb_facade import __version__

    assert run_cli("--version").stdout == f"tmdb-facade, version {__version__}\n"


# -- usage errors: exit code 2, one line, nothing started -----------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["season-credits", "1396"], "the following arguments are required: SEASON_NUMBER"),
        (["frobnicate"], "argument COMMAND: invalid choice: 'frobnicate'"),
        (["download"], "the following arguments are required: COMMAND"),
        (
            ["season-credits", "1396", "1", "--colour"],
            "unrecognized arguments: --colour (see 'tmdb-facade season-credits --help')",
        ),
        (["season-credits", "breaking-bad", "1"], "invalid int value: 'breaking-bad'"),
        (
            ["season-images", "1396", "1", "--size", "h632"],
            "argument --size: invalid choice: 'h632' (choose from 'w92', 'w154'",
        ),
        (["download", "episode-stills", "1396", "1", "1", "--size", "w500"], "invalid choice"),
        (
            ["season-images", "1396", "1", "--image-language", "en,ENG"],
            "include_image_language[1] must be one item of a list like 'en,null', got 'eng'",
        ),
        (["season", "1396", "1", "--language", "en-USA"], "language must look like"),
        (["season-credits", "1396", "1", "--timeout", "nan"], "argument --timeout: must be"),
        (["season", "1396", "1", "--timeout", "301"], "argument --timeout: must be"),
        (["series", "0"], "series_id must be between 1"),
        (["season", "1396", "1", "--language", "en\n"], "language must look like"),
        (["person-images", "62", "--limit", "0"], "argument --limit: must be a whole number"),
        (["season-credits", "0", "1"], "series_id must be between 1 and 2147483647, got 0"),
        (["person-images", "3000000000"], "person_id must be between 1 and 2147483647"),
        (["aggregate-credits", "1396", "1", "--language", "english"], "language must look like"),
        (["download", "person-profiles", "0"], "person_id must be between 1"),
        (["season-credits", "1396", "1", "--retries", "11"], "must be a whole number from 0 to 10"),
        (["season-credits", "1396", "-1"], "season_number must be between 0 and 2147483647"),
    ],
)
def test_usage_errors_exit_2_with_one_line(run_cli: RunCli, args: list[str], message: str) -> None:
    result = run_cli(*args)
    assert result.exit_code == 2
    assert result.error.startswith("error: ")
    assert message in result.error
    assert result.stderr_lines == [result.error]  # nothing was sent: no offline notice
    assert result.stdout == ""


def test_no_command_shows_the_help(run_cli: RunCli) -> None:
    result = run_cli()
    assert result.exit_code == 2
    assert result.stderr.startswith("usage: tmdb-facade [-h] [--json] [--offline] [-v]")
    assert "Exit codes:" in result.stderr


def test_a_malformed_base_url_is_a_usage_error(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMDB_ACCESS_TOKEN", CANARY)
    monkeypatch.setenv("TMDB_BASE_URL", "ftp://example.invalid")
    result = run_cli("person-images", "62")
    assert result.exit_code == 2
    assert "TMDB_BASE_URL must be an http(s) URL" in result.error
