"""The `tmdb-facade` command line: every lookup command, both output modes, help, options.

Commands run in-process through `main` (`tests/cli.py`), offline: the command line answers
from the recorded data in process. Failures are in `test_cli_failures.py`.
"""

from __future__ import annotations

import inspect
import json
import re
import socket
import sys
import threading
from pathlib import Path

import pytest

from tests.cli import DETAILS_BODIES, RunCli, offline_also_answers
from tests.helpers import BUNDLED, live_body, load_json
from tmdb_facade import AsyncTmdb, Tmdb, best_image
from tmdb_facade.cli._commands import COMMANDS, Command
from tmdb_facade.cli._download import DOWNLOADS
from tmdb_facade.models import PersonImages, SeasonImages

CANARY = "canary-secret-0123456789abcdef"
# Offline too: a printed URL is TMDB's, and opens in a browser.
URL = r"https://image\.tmdb\.org/t/p"
NOTICE = (
    r"offline \((no TMDB_ACCESS_TOKEN or TMDB_API_KEY|--offline)\): answering from recorded "
    r"TMDB data; set TMDB_ACCESS_TOKEN or TMDB_API_KEY for live data"
)


def recorded_posters() -> SeasonImages:
    return SeasonImages.from_dict(live_body("tv_1396_season_1_images"))


# -- offline by default ---------------------------------------------------------------------


def test_without_a_credential_it_answers_offline_and_says_so_in_one_line(run_cli: RunCli) -> None:
    result = run_cli("season-credits", "1396", "1")
    assert result.exit_code == 0
    [notice] = result.stderr_lines
    assert re.fullmatch(NOTICE, notice)
    assert notice.startswith("offline (no TMDB_ACCESS_TOKEN or TMDB_API_KEY)")


def test_offline_flag_wins_over_a_credential_and_never_shows_it(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMDB_ACCESS_TOKEN", CANARY)
    result = run_cli("person-images", "62", "--offline", "--json")
    assert result.exit_code == 0
    assert result.stderr_lines[0].startswith("offline (--offline): answering from recorded")
    assert json.loads(result.stdout) == live_body("person_62_images")
    assert CANARY not in result.stdout + result.stderr


def test_offline_runs_in_process_without_a_socket_or_a_thread(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("offline mode opened a connection, a port or a thread")

    for method in ("connect", "connect_ex", "bind"):
        monkeypatch.setattr(socket.socket, method, refused)
    monkeypatch.setattr(threading.Thread, "start", refused)
    assert run_cli("season-credits", "1396", "1").exit_code == 0
    download = run_cli("download", "person-profiles", "62", "--to", str(tmp_path))
    assert download.exit_code == 0
    assert download.stdout.endswith(": 32 downloaded, 0 skipped (already there)\n")


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
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    result = run_cli("season-images", "1396", "1", "--image-language", "fr")
    assert result.exit_code == 0
    assert "\x1b]8;" in result.stdout  # URLs are links on a terminal
    shown = re.sub(r"\x1b\[[0-9;]*m|\x1b]8;[^\x1b]*\x1b\\", "", result.stdout)
    assert max(len(line.rstrip()) for line in shown.splitlines()) <= 70
    # A URL folds onto the next line rather than being cut: joined back, it is whole.
    assert "8heiYdc8oWbPODli86Vv3DvF3ON.jpg" in re.sub(r"\s+", "", shown)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command.name)
def test_a_file_or_pipe_gets_whole_lines_and_nothing_trailing(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, command: Command
) -> None:
    offline_also_answers(monkeypatch, DETAILS_BODIES)
    monkeypatch.setenv("COLUMNS", "20")  # exported in the shell, but the output is no terminal
    ids = {"series_id": "1396", "season_number": "1", "episode_number": "1", "person_id": "62"}
    result = run_cli(command.name, *(ids[name] for name in command.ids))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(map(len, lines)) > 20  # not folded at COLUMNS
    assert [line for line in lines if line != line.rstrip()] == []
    if command.images:  # every URL whole, on the row of its image
        kind = command.images.attribute
        recording = {
            "posters": "tv_1396_season_1_images",
            "stills": "tv_1396_season_1_episode_1_images",
            "profiles": "person_62_images",
        }[kind]
        for image in live_body(recording)[kind]:
            assert re.search(rf"\S+\s+{URL}/original{image['file_path']}$", result.stdout, re.M)


def test_names_are_printed_as_they_are_not_as_markup(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = live_body("tv_1396_season_1_credits")
    body["cast"][0]["character"] = "[bold]Heisenberg[/bold] :smile:"
    offline_also_answers(monkeypatch, {"/3/tv/1396/season/1/credits": body})
    result = run_cli("season-credits", "1396", "1")
    assert result.exit_code == 0
    row_with(result.stdout, "Bryan Cranston", "[bold]Heisenberg[/bold] :smile:")


def test_counts_are_in_good_english(run_cli: RunCli) -> None:
    one = run_cli("season-images", "1396", "1", "--image-language", "de")
    assert one.stdout.startswith("1 poster of series 1396 season 1\n")
    many = run_cli("season-images", "1396", "1", "--image-language", "fr")
    assert many.stdout.startswith("4 posters of series 1396 season 1\n")


def test_image_config_lists_the_sizes_of_each_kind(run_cli: RunCli) -> None:
    result = run_cli("image-config")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Image sizes at https://image.tmdb.org/t/p/\n")
    row_with(result.stdout, "poster", "w92 w154 w185 w342 w500 w780 original")
    row_with(result.stdout, "still", "w92 w185 w300 original")
    config = json.loads(run_cli("image-config", "--json").stdout)
    assert config == load_json(BUNDLED / "composed" / "configuration.json")


# -- series and season details (no recordings yet: bodies of our own, in process) -----------


def test_series_lists_its_seasons(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    offline_also_answers(monkeypatch, DETAILS_BODIES)
    result = run_cli("series", "1396")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("3 seasons of Breaking Bad (series 1396)\n")
    row_with(out, "#", "Name", "Episodes", "Air date")
    row_with(out, "0", "Specials", "1")
    row_with(out, "1", "Season 1", "7", "2008-01-20")
    row_with(out, "2", "Season 2", "13", "2009-03-08")
    assert json.loads(run_cli("series", "1396", "--json").stdout) == DETAILS_BODIES["/3/tv/1396"]


def test_season_lists_its_episodes(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    offline_also_answers(monkeypatch, DETAILS_BODIES)
    result = run_cli("season", "1396", "1", "--language", "en-US")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("2 episodes of Season 1 (series 1396 season 1)\n")
    row_with(out, "1", "Pilot", "2008-01-20", "58 min", "8.1")
    row_with(out, "2", "Cat's in the Bag...", "2008-01-27", "8.2")  # runtime unknown: blank
    as_json = run_cli("season", "1396", "1", "--json")
    assert json.loads(as_json.stdout) == DETAILS_BODIES["/3/tv/1396/season/1"]


def test_series_and_season_send_what_they_were_given(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = []
    real = AsyncTmdb.season_details

    async def spy(self: AsyncTmdb, *args: object, **kwargs: object) -> object:
        sent.append((args, kwargs))
        return await real(self, *args, **kwargs)  # type: ignore[arg-type]

    offline_also_answers(monkeypatch, DETAILS_BODIES)
    monkeypatch.setattr(AsyncTmdb, "season_details", spy)
    assert run_cli("season", "1396", "1", "--language", "de").exit_code == 0
    assert sent == [((1396, 1), {"language": "de"})]


# -- the table of commands ------------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command.name)
@pytest.mark.parametrize("client", [Tmdb, AsyncTmdb])
def test_every_row_names_a_method_and_arguments_both_clients_have(
    command: Command, client: type
) -> None:
    parameters = inspect.signature(getattr(client, command.method)).parameters
    positional = [name for name, p in parameters.items() if p.kind is p.POSITIONAL_OR_KEYWORD][
        1:
    ]  # after self
    keyword = {name for name, p in parameters.items() if p.kind is p.KEYWORD_ONLY}
    assert positional == list(command.ids)
    assert set(command.options) <= keyword
    assert command.tables is not None or command.images is not None


def test_every_download_lists_with_an_image_command() -> None:
    assert {download.source.name for download in DOWNLOADS} == {
        command.name for command in COMMANDS if command.images
    }


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


def test_best_with_json_prints_the_image_as_tmdb_sent_it_and_its_url(run_cli: RunCli) -> None:
    profiles = PersonImages.from_dict(live_body("person_62_images")).profiles
    expected = best_image(profiles, [None])
    assert expected is not None
    result = run_cli("person-images", "62", "--best", "--json", "--size", "w185")
    assert result.exit_code == 0
    url = f"https://image.tmdb.org/t/p/w185{expected.file_path}"
    assert json.loads(result.stdout) == {**expected.to_dict(), "url": url}
    original = run_cli("person-images", "62", "--best", "--json")  # --size matters
    assert json.loads(original.stdout)["url"] == url.replace("/w185/", "/original/")


def test_best_of_episode_stills(run_cli: RunCli) -> None:
    result = run_cli("episode-images", "1396", "1", "1", "--best", "--size", "w300")
    assert result.exit_code == 0
    assert re.fullmatch(f"{URL}/w300/ydlY3iPfeOAvu8gVqrxPoMvzNCn.jpg\n", result.stdout)


def test_best_without_a_match_is_not_found(run_cli: RunCli) -> None:
    result = run_cli("season-images", "1396", "1", "--best", "--image-language", "ja")
    assert result.exit_code == 4
    assert result.error == "error: no poster of series 1396 season 1 in ja"
    assert result.stdout == ""
