"""The command line by the conventions of curl, wget, gh and httpie (issue 19): -o/--output-dir,
-q, --force, files re-fetched when not whole, --best --json with the URL, no credential hint
under --offline, language tags in any case, narrow and dumb terminals, -vv cache hits, and
network messages in plain words."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from tests.cli import RunCli, live_environment
from tests.helpers import live_body
from tmdb_facade.testing import FakeTmdb
from tmdb_facade.testing._images import jpeg_for, png_for

CANARY = "canary-secret-0123456789abcdef"
PROFILES = ("download", "person-profiles", "62")
ESCAPES = re.compile(r"\x1b\[[0-9;]*m|\x1b]8;[^\x1b]*\x1b\\")


def go_live(server: FakeTmdb, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in live_environment(server).items():
        monkeypatch.setenv(name, value)


def profile_names() -> list[str]:
    return [p["file_path"].lstrip("/") for p in live_body("person_62_images")["profiles"]]


# -- downloads: where, again, and how quietly -------------------------------------------------


@pytest.mark.parametrize("option", ["-o", "--output-dir", "--to"])
def test_output_dir_has_the_usual_names(run_cli: RunCli, tmp_path: Path, option: str) -> None:
    result = run_cli(*PROFILES, "--size", "w185", option, str(tmp_path / "pictures"))
    assert result.exit_code == 0, result.stderr
    assert {p.name for p in (tmp_path / "pictures" / "w185").iterdir()} == set(profile_names())


@pytest.mark.parametrize("folder", ["", "  "])
def test_an_empty_folder_name_is_a_usage_error(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli(*PROFILES, "-o", folder)
    assert result.exit_code == 2
    assert "argument -o/--output-dir/--to: must name a folder, not be empty" in result.error
    assert result.stderr_lines == [result.error]  # refused before anything was sent
    assert list(tmp_path.iterdir()) == []  # not saved into ./original


def test_a_folder_name_that_is_a_file_is_a_usage_error(run_cli: RunCli, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run_cli(*PROFILES, "--output-dir", str(blocker))
    assert result.exit_code == 2
    assert f"{blocker} is a file, not a folder" in result.error
    assert result.stderr_lines == [result.error]
    assert blocker.read_text() == "not a folder"


def test_a_saved_file_that_is_not_a_whole_image_of_its_format_is_fetched_again(
    run_cli: RunCli, tmp_path: Path
) -> None:
    assert run_cli(*PROFILES, "-o", str(tmp_path)).exit_code == 0
    folder = tmp_path / "original"
    names = sorted(profile_names())
    broken = {
        names[0]: b"",  # an empty file, as a full disk leaves
        names[1]: jpeg_for(f"/{names[1]}")[:-40],  # cut short
        names[2]: png_for(f"/{names[2]}"),  # a whole PNG, under a .jpg name
        names[3]: b"<html>502 Bad Gateway</html>",
    }
    for name, data in broken.items():
        (folder / name).write_bytes(data)
    again = run_cli(*PROFILES, "-o", str(tmp_path))
    assert again.exit_code == 0
    assert again.stdout == f"{folder}: 4 downloaded, 28 skipped (already there)\n"
    for name in broken:
        assert (folder / name).read_bytes() == jpeg_for(f"/{name}")


def test_force_fetches_every_file_again(run_cli: RunCli, tmp_path: Path) -> None:
    assert run_cli(*PROFILES, "-o", str(tmp_path)).exit_code == 0
    mine = tmp_path / "original" / profile_names()[0]
    mine.write_bytes(jpeg_for("/another.jpg"))  # whole, so kept without --force
    assert run_cli(*PROFILES, "-o", str(tmp_path)).stdout.endswith(
        " 0 downloaded, 32 skipped (already there)\n"
    )
    forced = run_cli(*PROFILES, "-o", str(tmp_path), "--force")
    assert forced.exit_code == 0
    assert forced.stdout.endswith(": 32 downloaded, 0 skipped (already there)\n")
    assert mine.read_bytes() == jpeg_for(f"/{mine.name}")


def test_quiet_prints_only_the_answer_and_errors(run_cli: RunCli, tmp_path: Path) -> None:
    lookup = run_cli("-q", "person-images", "62", "--best")
    assert (lookup.exit_code, lookup.stderr) == (0, "")  # no offline notice
    assert lookup.stdout.startswith("https://image.tmdb.org/t/p/original/")
    download = run_cli(*PROFILES, "--quiet", "-o", str(tmp_path))
    assert (download.exit_code, download.stdout, download.stderr) == (0, "", "")
    assert len(list((tmp_path / "original").iterdir())) == 32
    series = run_cli("download", "series-posters", "1396", "-q", "-o", str(tmp_path))
    assert (series.exit_code, series.stdout, series.stderr) == (0, "", "")  # no season notice
    as_json = run_cli(*PROFILES, "-q", "-o", str(tmp_path), "--json")
    assert json.loads(as_json.stdout)["skipped"]  # asked for: printed
    failed = run_cli("-q", "season-credits", "1396", "2")
    assert failed.exit_code == 4
    assert failed.stderr_lines == [failed.error]


# -- offline, by choice: no credential hint, no live host --------------------------------------


def test_explicit_offline_does_not_ask_for_a_credential(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TMDB_ACCESS_TOKEN", CANARY)
    runs = [
        run_cli("--offline", "person-images", "62", "--best"),
        run_cli("--offline", "season-credits", "1396", "2"),  # not recorded: 404
        run_cli("--offline", "--cache", "person-images", "62"),  # a usage error
        run_cli("--offline", "download", "episode-stills", "1396", "1", "9", "-o", str(tmp_path)),
    ]
    assert runs[0].stderr_lines == ["offline (--offline): answering from recorded TMDB data"]
    assert [run.exit_code for run in runs] == [0, 4, 2, 4]
    for run in runs:
        assert "TMDB_ACCESS_TOKEN" not in run.stderr
        assert CANARY not in run.stdout + run.stderr


def test_offline_errors_name_no_live_host(run_cli: RunCli, tmp_path: Path) -> None:
    api = run_cli("season-credits", "1396", "2")
    assert api.error.startswith("error: GET /3/tv/1396/season/2/credits returned HTTP 404")
    stills = run_cli("download", "episode-stills", "1396", "1", "9", "-o", str(tmp_path))
    assert "GET /3/tv/1396/season/1/episode/9/images returned HTTP 404" in stills.error
    for run in (api, stills):
        assert "themoviedb.org" not in run.stderr
        assert "image.tmdb.org" not in run.stderr
        # Without --offline the credential is still news: where live data comes from.
        assert run.error.endswith("(set TMDB_ACCESS_TOKEN or TMDB_API_KEY for live data)")


# -- --best --json, languages -----------------------------------------------------------------


def test_best_json_has_the_url_at_the_size_asked(run_cli: RunCli) -> None:
    result = run_cli("season-images", "1396", "1", "--best", "--json", "--size", "w500")
    best = json.loads(result.stdout)
    assert best["url"] == f"https://image.tmdb.org/t/p/w500{best['file_path']}"


def test_language_tags_are_taken_in_any_case_and_sent_in_tmdbs(
    run_cli: RunCli, fake_tmdb: FakeTmdb, monkeypatch: pytest.MonkeyPatch
) -> None:
    go_live(fake_tmdb, monkeypatch)
    result = run_cli(
        "season-images", "1396", "1", "--language", "EN-us", "--image-language", "FR,NULL"
    )
    assert result.exit_code == 0, result.stderr
    [request] = fake_tmdb.requests
    assert request.query["language"] == "en-US"
    assert request.query["include_image_language"] == "fr,null"
    assert run_cli("season", "1396", "1", "--language", "pt-br").exit_code != 2


# -- terminals ---------------------------------------------------------------------------------


def on_a_terminal(monkeypatch: pytest.MonkeyPatch, columns: int, term: str = "xterm") -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.setenv("TERM", term)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)


def urls_of(recording: str, kind: str) -> list[str]:
    return [
        f"https://image.tmdb.org/t/p/original{i['file_path']}" for i in live_body(recording)[kind]
    ]


def test_a_narrow_terminal_gets_a_list_with_every_url_whole(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_a_terminal(monkeypatch, 40)
    result = run_cli("person-images", "62")
    assert result.exit_code == 0
    assert "\x1b]8;" in result.stdout  # still links
    lines = [line.strip() for line in ESCAPES.sub("", result.stdout).splitlines()]
    for url in urls_of("person_62_images", "profiles"):
        assert url in lines  # a line of its own, never folded
    facts = [line for line in lines if line.startswith("none, ")]
    assert facts
    assert all(re.fullmatch(r"none, \d+x\d+, rating [\d.]+, \d+ votes?", f) for f in facts)


def test_a_wide_terminal_gets_the_table(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    on_a_terminal(monkeypatch, 200)
    result = run_cli("person-images", "62")
    shown = ESCAPES.sub("", result.stdout)
    assert re.search(r"Lang\s+Size\s+Rating\s+Votes\s+URL", shown)
    for url in urls_of("person_62_images", "profiles"):
        assert re.search(rf"\d+x\d+ .* {re.escape(url)} *$", shown, re.MULTILINE)


def test_a_dumb_terminal_gets_plain_whole_lines(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_a_terminal(monkeypatch, 40, term="dumb")
    result = run_cli("person-images", "62")
    assert "\x1b" not in result.stdout  # no colours, no link escapes
    for url in urls_of("person_62_images", "profiles"):
        assert re.search(rf"^ *none\s+\d+x\d+ .* {re.escape(url)}$", result.stdout, re.MULTILINE)


# -- -vv and network messages ------------------------------------------------------------------


def test_very_verbose_says_when_the_cache_answered(
    run_cli: RunCli, fake_tmdb: FakeTmdb, monkeypatch: pytest.MonkeyPatch
) -> None:
    go_live(fake_tmdb, monkeypatch)
    assert run_cli("-vv", "person-images", "62").exit_code == 0
    again = run_cli("-vv", "person-images", "62")
    assert again.exit_code == 0
    assert again.stderr_lines == [
        f"Cache hit: GET {fake_tmdb.url}/3/person/62/images (fresh, not sent)"
    ]
    assert len(fake_tmdb.requests) == 1
    assert run_cli("-v", "person-images", "62").stderr == ""  # -v: retries and waits only


def test_a_refused_plain_http_connection_says_nothing_of_tls(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.test_cli_failures import free_port

    monkeypatch.setenv("TMDB_ACCESS_TOKEN", CANARY)
    port = free_port()
    monkeypatch.setenv("TMDB_BASE_URL", f"http://127.0.0.1:{port}")
    result = run_cli("person-images", "62", "--retries", "0")
    assert result.exit_code == 6
    assert f"Cannot connect to host 127.0.0.1:{port} [" in result.error  # aiohttp's transport
    assert "ssl" not in result.error
