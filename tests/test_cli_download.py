"""`tmdb-facade download`: files written, a second run skips them, failures leave no debris."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from tests.cli import RunCli
from tests.helpers import live_body
from tmdb_facade._cli_files import _write_atomically, file_name
from tmdb_facade._cli_session import CliError, ExitCode
from tmdb_facade.models import Image
from tmdb_facade.testing import FakeTmdb
from tmdb_facade.testing._images import PNG_SIGNATURE, png_for


def names_of(recording: str, kind: str, language: str | None = "any") -> set[str]:
    return {
        image["file_path"].lstrip("/")
        for image in live_body(recording)[kind]
        if language == "any" or image["iso_639_1"] == language
    }


def files_in(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()}


def test_season_posters_are_saved_then_skipped(run_cli: RunCli, tmp_path: Path) -> None:
    folder = tmp_path / "new" / "posters"  # created, parents too
    args = ["download", "season-posters", "1396", "1", "--image-language", "en"]
    first = run_cli(*args, "--size", "w342", "--to", str(folder))
    assert first.exit_code == 0
    english = names_of("tv_1396_season_1_images", "posters", "en")
    assert len(english) == 25
    assert files_in(folder) == english
    assert first.stdout == f"{folder}: 25 downloaded, 0 skipped (already there)\n"
    for name in english:  # the fake image server's file for that path
        assert (folder / name).read_bytes() == png_for(f"/{name}")
        assert (folder / name).stat().st_mode & 0o777 == 0o644  # not mkstemp's 0o600

    mine = folder / sorted(english)[0]
    mine.write_bytes(b"edited by hand")
    second = run_cli(*args, "--to", str(folder))
    assert second.exit_code == 0
    assert second.stdout == f"{folder}: 0 downloaded, 25 skipped (already there)\n"
    assert mine.read_bytes() == b"edited by hand"  # neither fetched again nor overwritten


def test_episode_stills_go_to_a_folder_named_after_the_episode(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("download", "episode-stills", "1396", "1", "1", "--size", "w300")
    assert result.exit_code == 0
    folder = tmp_path / "tv-1396-season-1-episode-1-stills"
    assert files_in(folder) == names_of("tv_1396_season_1_episode_1_images", "stills")
    assert all(path.read_bytes().startswith(PNG_SIGNATURE) for path in folder.iterdir())


def test_person_profiles_with_json_report_what_was_done(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    profiles = [p["file_path"].lstrip("/") for p in live_body("person_62_images")["profiles"]]
    first = run_cli("download", "person-profiles", "62", "--size", "h632", "--json")
    assert first.exit_code == 0
    assert json.loads(first.stdout) == {
        "folder": "person-62-profiles",
        "size": "h632",
        "downloaded": profiles,  # in TMDB's order, whatever order they finished in
        "skipped": [],
    }
    (tmp_path / "person-62-profiles" / profiles[3]).unlink()
    second = json.loads(run_cli("download", "person-profiles", "62", "--json").stdout)
    assert second["downloaded"] == [profiles[3]]
    assert second["skipped"] == profiles[:3] + profiles[4:]


def test_the_progress_bar_is_drawn_on_a_terminal_only(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    quiet = run_cli("download", "episode-stills", "1396", "1", "1", "--to", str(tmp_path / "a"))
    assert len(quiet.stderr_lines) == 1  # the offline notice; a log gets no bar
    monkeypatch.setenv("FORCE_COLOR", "1")  # rich then treats stderr as a terminal
    shown = run_cli("download", "episode-stills", "1396", "1", "1", "--to", str(tmp_path / "b"))
    assert shown.exit_code == 0
    assert "stills at original" in shown.stderr
    assert re.search(r"6/6", shown.stderr)


def test_live_downloads_use_the_configured_image_server(
    run_cli: RunCli, fake_tmdb: FakeTmdb, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TMDB_BASE_URL", fake_tmdb.url)
    monkeypatch.setenv("TMDB_IMAGE_BASE_URL", fake_tmdb.image_base_url)
    monkeypatch.setenv("TMDB_API_KEY", fake_tmdb.api_key)
    result = run_cli("download", "episode-stills", "1396", "1", "1", "--to", str(tmp_path))
    assert result.exit_code == 0
    assert result.stderr == ""  # live: no offline notice
    image_requests = [r for r in fake_tmdb.requests if r.path.startswith("/t/p/original/")]
    assert len(image_requests) == 6
    assert files_in(tmp_path) == names_of("tv_1396_season_1_episode_1_images", "stills")


def test_a_failed_download_leaves_whole_files_only_and_a_rerun_completes_it(
    run_cli: RunCli, fake_tmdb: FakeTmdb, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TMDB_BASE_URL", fake_tmdb.url)
    monkeypatch.setenv("TMDB_IMAGE_BASE_URL", fake_tmdb.image_base_url)
    monkeypatch.setenv("TMDB_ACCESS_TOKEN", fake_tmdb.access_token)
    fake_tmdb.fail_next(1, 500, path="/t/p/")  # one image fails, while others are on their way
    args = ["download", "person-profiles", "62", "--to", str(tmp_path), "--retries", "0"]
    failed = run_cli(*args)
    assert failed.exit_code == 7
    assert "returned HTTP 500" in failed.error
    saved = files_in(tmp_path)  # no temporary file left behind, and every file whole
    assert len(saved) < 32
    assert all((tmp_path / name).read_bytes() == png_for(f"/{name}") for name in saved)
    rerun = run_cli(*args)
    assert rerun.exit_code == 0
    assert rerun.stdout.endswith(
        f"{32 - len(saved)} downloaded, {len(saved)} skipped (already there)\n"
    )
    assert files_in(tmp_path) == names_of("person_62_images", "profiles")


def test_a_folder_that_cannot_be_made_exits_8(run_cli: RunCli, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run_cli("download", "person-profiles", "62", "--to", str(blocker / "profiles"))
    assert result.exit_code == 8
    assert result.error.startswith(f"error: cannot create {blocker / 'profiles'}: ")


@pytest.mark.parametrize("file_path", ["/..", "/.bashrc", "/a b.jpg", "/"])
def test_file_paths_that_are_not_plain_file_names_are_refused(file_path: str) -> None:
    image = Image.from_dict(
        {
            "aspect_ratio": 0.667,
            "height": 3,
            "width": 2,
            "iso_639_1": None,
            "file_path": file_path,
            "vote_average": 0.0,
            "vote_count": 0,
        }
    )
    with pytest.raises(CliError) as refused:
        file_name(image)
    assert refused.value.exit_code == ExitCode.BAD_RESPONSE


def test_an_interrupted_write_leaves_neither_the_file_nor_a_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(source: str, target: Path) -> None:
        raise KeyboardInterrupt  # Ctrl-C between writing the data and renaming it

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        _write_atomically(tmp_path / "poster.jpg", b"image data", 0o644)
    assert list(tmp_path.iterdir()) == []  # the next run fetches it again
