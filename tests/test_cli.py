"""The `tmdb-facade` command line: every lookup command, both output modes, help, exit codes.

Commands run in-process through `main` (`tests/cli.py`), offline against the fake server the
command line starts itself, or, for the failures, against a `fake_tmdb` set up to fail.
"""

from __future__ import annotations

import json
import re
import socket
from typing import Any

import pytest

from tests.cli import RunCli
from tests.helpers import live_body
from tmdb_facade import Tmdb, best_image
from tmdb_facade.cli import main
from tmdb_facade.models import PersonImages, SeasonImages
from tmdb_facade.testing import FakeTmdb

CANARY = "canary-secret-0123456789abcdef"
URL = r"http://127\.0\.0\.1:\d+/t/p"


def recorded_posters() -> SeasonImages:
    return SeasonImages.from_dict(live_body("tv_1396_season_1_images"))


def point_at(server: FakeTmdb, monkeypatch: pytest.MonkeyPatch, **credential: str) -> None:
    """Make the command line go 'live', to `server`, with `credential` as its environment."""
    monkeypatch.setenv("TMDB_BASE_URL", server.url)
    monkeypatch.setenv("TMDB_IMAGE_BASE_URL", server.image_base_url)
    for name, value in credential.items():
        monkeypatch.setenv(name, value)


# -- offline by default ---------------------------------------------------------------------


def test_without_a_credential_it_answers_offline_and_says_so_in_one_line(run_cli: RunCli) -> None:
    result = run_cli("season-credits", "1396", "1")
    assert result.exit_code == 0
    [notice] = result.stderr_lines
    assert re.fullmatch(
        r"offline \(no TMDB_ACCESS_TOKEN or TMDB_API_KEY\): serving recorded TMDB data from "
        r"127\.0\.0\.1:\d+; set TMDB_ACCESS_TOKEN or TMDB_API_KEY for live data",
        notice,
    )


def test_offline_flag_wins_over_a_credential_and_never_shows_it(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMDB_ACCESS_TOKEN", CANARY)
    result = run_cli("person-images", "62", "--offline", "--json")
    assert result.exit_code == 0
    assert result.stderr_lines[0].startswith("offline (--offline): serving recorded TMDB data")
    assert json.loads(result.stdout) == live_body("person_62_images")
    assert CANARY not in result.stdout + result.stderr


# -- human output ---------------------------------------------------------------------------


def row_with(output: str, *cells: str) -> str:
    """The one line of `output` holding every cell, in order."""
    pattern = r"\s+".join(re.escape(cell) for cell in cells)
    [line] = [line for line in output.splitlines() if re.search(pattern, line)]
    return line


def test_season_credits_shows_cast_in_billing_order_and_crew_by_department(
    run_cli: RunCli,
) -> None:
    result = run_cli("season-credits", "1396", "1")
    assert result.exit_code == 0
    out = result.stdout
    assert "Cast of series 1396 season 1 (6)" in out
    row_with(out, "0", "Bryan Cranston", "Walter White")
    row_with(out, "1", "Aaron Paul", "Jesse Pinkman")
    assert out.index("Bryan Cranston") < out.index("Aaron Paul") < out.index("Betsy Brandt")
    assert "Crew of series 1396 season 1 (17)" in out
    row_with(out, "Writing", "Story Editor", "Peter Gould")
    assert out.index("Production Design") < out.index("Story Editor")  # Art before Writing


def test_aggregate_credits_shows_episode_counts_and_one_row_per_crew_member(
    run_cli: RunCli,
) -> None:
    result = run_cli("aggregate-credits", "1396", "1")
    assert result.exit_code == 0
    out = result.stdout
    row_with(out, "Bryan Cranston", "Walter White", "7")
    # TMDB lists Vince Gilligan once per department; the table merges them.
    row_with(
        out,
        "Vince Gilligan",
        "Directing, Production, Writing",
        "Director (1), Executive Producer (7), Writer (4)",
        "7",
    )
    assert out.count("Vince Gilligan") == 1


@pytest.mark.parametrize(
    ("args", "recording", "kind", "count"),
    [
        (["season-images", "1396", "1"], "tv_1396_season_1_images", "posters", 54),
        (["episode-images", "1396", "1", "1"], "tv_1396_season_1_episode_1_images", "stills", 6),
        (["person-images", "62"], "person_62_images", "profiles", 32),
    ],
)
def test_image_tables_show_language_size_votes_and_the_full_url(
    run_cli: RunCli, args: list[str], recording: str, kind: str, count: int
) -> None:
    result = run_cli(*args)
    assert result.exit_code == 0
    assert f"{count} {kind} of " in result.stdout
    for image in live_body(recording)[kind]:
        # Not a terminal: nothing is cut or folded, each URL is whole on its row.
        cells = [
            image["iso_639_1"] or "none",
            f"{image['width']}x{image['height']}",
            f"{image['vote_average']:.2f}",
            str(image["vote_count"]),
        ]
        row = r"\s+".join([*map(re.escape, cells), f"{URL}/original{image['file_path']}"])
        assert re.search(rf"^\s*{row}\s*$", result.stdout, re.MULTILINE), cells


def test_size_changes_the_urls(run_cli: RunCli) -> None:
    result = run_cli("person-images", "62", "--size", "h632")
    assert result.exit_code == 0
    assert len(re.findall(f"{URL}/h632/\\w+\\.jpg", result.stdout)) == 32
    assert "/original/" not in result.stdout


def test_limit_shortens_tables_and_says_how_many_are_left_out(run_cli: RunCli) -> None:
    result = run_cli("aggregate-credits", "1396", "1", "--limit", "3")
    assert result.exit_code == 0
    assert "64 more not shown (--limit 3)" in result.stdout  # 67 in the cast
    assert "31 more not shown (--limit 3)" in result.stdout  # 34 people in the crew


def test_tables_fit_the_terminal_width(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "70")
    result = run_cli("season-images", "1396", "1", "--image-language", "fr")
    assert result.exit_code == 0
    assert max(len(line.rstrip()) for line in result.stdout.splitlines()) <= 70
    # A URL folds onto the next line rather than being cut: joined back, it is whole.
    assert "8heiYdc8oWbPODli86Vv3DvF3ON.jpg" in re.sub(r"\s+", "", result.stdout)


def test_names_are_printed_as_they_are_not_as_markup() -> None:
    from rich.console import Console

    from tmdb_facade._cli_output import credits_tables
    from tmdb_facade.models import SeasonCredits

    body = live_body("tv_1396_season_1_credits")
    body["cast"][0]["character"] = "[bold]Heisenberg[/bold] :smile:"
    console = Console(width=200, record=True, markup=False, emoji=False, highlight=False)
    for table in credits_tables(SeasonCredits.from_dict(body), "x", None):
        console.print(table)
    assert "[bold]Heisenberg[/bold] :smile:" in console.export_text()


# -- JSON output ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "recording"),
    [
        (["season-credits", "1396", "1"], "tv_1396_season_1_credits"),
        (["aggregate-credits", "1396", "1"], "tv_1396_season_1_aggregate_credits"),
        (["season-images", "1396", "1"], "tv_1396_season_1_images"),
        (["episode-images", "1396", "1", "1"], "tv_1396_season_1_episode_1_images"),
        (["person-images", "62"], "person_62_images"),
    ],
)
def test_json_prints_exactly_what_tmdb_sent_and_nothing_else(
    run_cli: RunCli, args: list[str], recording: str
) -> None:
    result = run_cli(*args, "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == live_body(recording)
    assert len(result.stderr_lines) == 1  # the offline notice, on stderr only


def test_image_languages_filter_in_either_syntax(run_cli: RunCli) -> None:
    french = json.loads(
        run_cli("season-images", "1396", "1", "--image-language", "fr", "--json").stdout
    )
    assert [p["iso_639_1"] for p in french["posters"]] == ["fr"] * 4
    repeated = run_cli(
        "season-images", "1396", "1", "--image-language", "en", "--image-language", "null", "--json"
    )
    commas = run_cli("season-images", "1396", "1", "--image-language", "en,none", "--json")
    posters = json.loads(repeated.stdout)["posters"]
    assert json.loads(commas.stdout)["posters"] == posters
    assert {p["iso_639_1"] for p in posters} == {"en", None}
    assert len(posters) == 27


# -- --best ---------------------------------------------------------------------------------


def test_best_prints_only_the_url_of_the_best_image_for_the_language_order(
    run_cli: RunCli,
) -> None:
    expected = best_image(recorded_posters().posters, ["en", None])
    assert expected is not None
    result = run_cli(
        "season-images", "1396", "1", "--best", "--image-language", "en,null", "--size", "w500"
    )
    assert result.exit_code == 0
    assert re.fullmatch(f"{URL}/w500{expected.file_path}\n", result.stdout)


def test_best_follows_the_language_and_defaults_to_english(run_cli: RunCli) -> None:
    french = best_image(recorded_posters().posters, ["fr", None])
    english = best_image(recorded_posters().posters, ["en", None])
    assert french is not None
    assert english is not None
    assert run_cli("season-images", "1396", "1", "--best").stdout.endswith(english.file_path + "\n")
    by_language = run_cli("season-images", "1396", "1", "--best", "--language", "fr-FR")
    assert by_language.stdout.endswith(french.file_path + "\n")


def test_best_with_json_prints_the_image_as_tmdb_sent_it(run_cli: RunCli) -> None:
    profiles = PersonImages.from_dict(live_body("person_62_images")).profiles
    expected = best_image(profiles, [None])
    assert expected is not None
    result = run_cli("person-images", "62", "--best", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == expected.to_dict()


def test_best_of_episode_stills(run_cli: RunCli) -> None:
    result = run_cli("episode-images", "1396", "1", "1", "--best", "--size", "w300")
    assert result.exit_code == 0
    assert re.fullmatch(f"{URL}/w300/ydlY3iPfeOAvu8gVqrxPoMvzNCn.jpg\n", result.stdout)


def test_best_without_a_match_is_not_found(run_cli: RunCli) -> None:
    result = run_cli("season-images", "1396", "1", "--best", "--image-language", "ja")
    assert result.exit_code == 4
    assert result.error == "error: no poster of series 1396 season 1 in ja"
    assert result.stdout == ""


# -- help -----------------------------------------------------------------------------------

COMMANDS = [
    ["season-images"],
    ["episode-images"],
    ["person-images"],
    ["season-credits"],
    ["aggregate-credits"],
    ["download"],
    ["download", "season-posters"],
    ["download", "episode-stills"],
    ["download", "person-profiles"],
]


def test_program_help_lists_every_command_examples_credentials_and_exit_codes(
    run_cli: RunCli,
) -> None:
    result = run_cli("--help")
    assert result.exit_code == 0
    for command in COMMANDS:
        if len(command) == 1:
            assert re.search(rf"^\s+{command[0]}\b", result.stdout, re.MULTILINE)
    assert "Examples:\n  tmdb-facade season-credits 1396 1" in result.stdout
    for variable in ("TMDB_ACCESS_TOKEN", "TMDB_API_KEY", "TMDB_BASE_URL"):
        assert variable in result.stdout
    for code in range(2, 9):
        assert re.search(rf"^\s+{code}\s+\w+", result.stdout, re.MULTILINE)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help_with_an_example(run_cli: RunCli, command: list[str]) -> None:
    result = run_cli(*command, "--help")
    assert result.exit_code == 0
    assert f"usage: tmdb-facade {' '.join(command)} " in result.stdout
    assert re.search(rf"Examples?:\n\s+tmdb-facade {' '.join(command)} \S", result.stdout)


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
        (["season-images", "1396", "1", "--image-language", "EN"], "'EN' is not a two-letter"),
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
    assert result.stderr_lines == [result.error]  # no offline server was started for it
    assert result.stdout == ""


def test_no_command_shows_the_help(run_cli: RunCli) -> None:
    result = run_cli()
    assert result.exit_code == 2
    assert result.stderr.startswith("usage: tmdb-facade [-h] [--version] COMMAND")
    assert "Exit codes:" in result.stderr


def test_a_malformed_base_url_is_a_usage_error(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMDB_ACCESS_TOKEN", CANARY)
    monkeypatch.setenv("TMDB_BASE_URL", "ftp://example.invalid")
    result = run_cli("person-images", "62")
    assert result.exit_code == 2
    assert "TMDB_BASE_URL must be an http(s) URL" in result.error


# -- failures from TMDB: one line, a distinct exit code, no secret ---------------------------


@pytest.mark.parametrize("variable", ["TMDB_ACCESS_TOKEN", "TMDB_API_KEY"])
def test_a_rejected_credential_exits_3_and_is_never_printed(
    run_cli: RunCli, fake_tmdb: FakeTmdb, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    point_at(fake_tmdb, monkeypatch, **{variable: CANARY})
    result = run_cli("season-credits", "1396", "1")
    assert result.exit_code == 3
    assert "returned HTTP 401" in result.error
    assert result.error.endswith(f"check {variable}")
    assert CANARY not in result.stdout + result.stderr
    assert fake_tmdb.requests[0].status == 401  # it did go to the server, with the canary


def test_a_malformed_credential_exits_3_and_is_never_printed(
    run_cli: RunCli, fake_tmdb: FakeTmdb, monkeypatch: pytest.MonkeyPatch
) -> None:
    point_at(fake_tmdb, monkeypatch, TMDB_ACCESS_TOKEN=f"{CANARY} with spaces")
    result = run_cli("season-credits", "1396", "1")
    assert result.exit_code == 3
    assert result.error.startswith("error: TMDB_ACCESS_TOKEN: access_token must be")
    assert CANARY not in result.stdout + result.stderr
    assert fake_tmdb.requests == []


def test_offline_not_found_says_what_the_offline_data_has(run_cli: RunCli) -> None:
    result = run_cli("season-credits", "1396", "2")
    assert result.exit_code == 4
    assert "returned HTTP 404" in result.error
    assert result.error.endswith(
        "the offline data has only season 1396 1; episode 1396 1 1; persons 62, 976 "
        "(set TMDB_ACCESS_TOKEN or TMDB_API_KEY for live data)"
    )


def test_live_not_found_exits_4(
    run_cli: RunCli, fake_tmdb: FakeTmdb, monkeypatch: pytest.MonkeyPatch
) -> None:
    point_at(fake_tmdb, monkeypatch, TMDB_ACCESS_TOKEN=fake_tmdb.access_token)
    result = run_cli("person-images", "999999999")
    assert result.exit_code == 4
    assert "The resource you requested could not be found" in result.error
    assert "offline" not in result.stderr


def test_rate_limited_after_the_retries_exits_5(
    run_cli: RunCli, fake_tmdb: FakeTmdb, monkeypatch: pytest.MonkeyPatch
) -> None:
    point_at(fake_tmdb, monkeypatch, TMDB_API_KEY=fake_tmdb.api_key)
    fake_tmdb.fail_next(1, 429)
    result = run_cli("season-images", "1396", "1", "--retries", "0")
    assert result.exit_code == 5
    assert "returned HTTP 429" in result.error
    assert result.error.endswith("TMDB asks to wait 1 s")
    assert fake_tmdb.api_key not in result.stderr


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (it was free a moment ago)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_no_connection_exits_6(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMDB_ACCESS_TOKEN", CANARY)
    monkeypatch.setenv("TMDB_BASE_URL", f"http://127.0.0.1:{free_port()}")
    result = run_cli("season-credits", "1396", "1", "--retries", "0")
    assert result.exit_code == 6
    assert "failed" in result.error
    assert CANARY not in result.stderr


def test_a_dropped_connection_exits_6(
    run_cli: RunCli, fake_tmdb: FakeTmdb, monkeypatch: pytest.MonkeyPatch
) -> None:
    point_at(fake_tmdb, monkeypatch, TMDB_ACCESS_TOKEN=fake_tmdb.access_token)
    fake_tmdb.drop_next()
    result = run_cli("person-images", "62", "--retries", "0")
    assert result.exit_code == 6


@pytest.mark.parametrize("fault", ["server_error", "malformed"])
def test_a_failing_or_broken_tmdb_exits_7(
    run_cli: RunCli, fake_tmdb: FakeTmdb, monkeypatch: pytest.MonkeyPatch, fault: str
) -> None:
    point_at(fake_tmdb, monkeypatch, TMDB_ACCESS_TOKEN=fake_tmdb.access_token)
    if fault == "server_error":
        fake_tmdb.fail_next(1, 500)  # with the default 3 retries, the next try would pass
    else:
        fake_tmdb.malformed_next()
    result = run_cli("season-credits", "1396", "1", "--retries", "0")
    assert result.exit_code == 7
    assert ("HTTP 500" if fault == "server_error" else "does not match the spec") in result.error


def test_retries_are_used(
    run_cli: RunCli, fake_tmdb: FakeTmdb, monkeypatch: pytest.MonkeyPatch
) -> None:
    point_at(fake_tmdb, monkeypatch, TMDB_ACCESS_TOKEN=fake_tmdb.access_token)
    fake_tmdb.respond_next(503, {"status_code": 9}, {"Retry-After": "0"})
    result = run_cli("person-images", "62", "--retries", "1", "--json")
    assert result.exit_code == 0
    assert [r.status for r in fake_tmdb.requests] == [503, 200]


def test_ctrl_c_exits_130_with_one_line(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(Tmdb, "season_credits", interrupted)
    result = run_cli("season-credits", "1396", "1")
    assert result.exit_code == 130
    assert result.error == "error: interrupted"


def test_main_reads_sys_argv_by_default(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.argv", ["tmdb-facade", "--version"])
    assert main() == 0
    assert "tmdb-facade, version" in capsys.readouterr().out
