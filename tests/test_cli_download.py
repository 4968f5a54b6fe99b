"""`tmdb-facade download`: files written into FOLDER/SIZE, a second run skips them, failures
and hostile answers leave no debris, Ctrl-C stops at once."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli import RunCli, cache_home, live_environment, offline_environment
from tests.helpers import live_body
from tmdb_facade.cli._errors import CliError, ExitCode
from tmdb_facade.cli._files import file_name, is_whole_image, write_atomically
from tmdb_facade.models import Image
from tmdb_facade.testing import FakeTmdb
from tmdb_facade.testing._images import JPEG_SIGNATURE, jpeg_for, png_for


def names_of(recording: str, kind: str, language: str | None = "any") -> set[str]:
    return {
        image["file_path"].lstrip("/")
        for image in live_body(recording)[kind]
        if language == "any" or image["iso_639_1"] == language
    }


def files_in(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()}


def test_season_posters_are_saved_then_skipped(run_cli: RunCli, tmp_path: Path) -> None:
    to = tmp_path / "new" / "posters"  # created, parents too
    folder = to / "w342"
    args = ["download", "season-posters", "1396", "1", "--image-language", "en"]
    first = run_cli(*args, "--size", "w342", "--to", str(to))
    assert first.exit_code == 0
    english = names_of("tv_1396_season_1_images", "posters", "en")
    assert len(english) == 25
    assert files_in(folder) == english
    assert first.stdout == f"{folder}: 25 downloaded, 0 skipped (already there)\n"
    for name in english:  # the fake image server's file for that path
        assert (folder / name).read_bytes() == jpeg_for(f"/{name}")
        assert (folder / name).stat().st_mode & 0o777 == 0o644  # not mkstemp's 0o600

    mine = folder / sorted(english)[0]
    mine.write_bytes(jpeg_for("/another picture.jpg"))  # edited by hand, and still a JPEG
    second = run_cli(*args, "--size", "w342", "--to", str(to))
    assert second.exit_code == 0
    assert second.stdout == f"{folder}: 0 downloaded, 25 skipped (already there)\n"
    # Neither fetched again nor overwritten.
    assert mine.read_bytes() == jpeg_for("/another picture.jpg")


def test_episode_stills_go_to_a_folder_named_after_the_episode(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("download", "episode-stills", "1396", "1", "1", "--size", "w300")
    assert result.exit_code == 0
    folder = tmp_path / "tv-1396-season-1-episode-1-stills" / "w300"
    assert files_in(folder) == names_of("tv_1396_season_1_episode_1_images", "stills")
    assert all(path.read_bytes().startswith(JPEG_SIGNATURE) for path in folder.iterdir())


def test_person_profiles_with_json_report_what_was_done(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    profiles = [p["file_path"].lstrip("/") for p in live_body("person_62_images")["profiles"]]
    first = run_cli("download", "person-profiles", "62", "--size", "h632", "--json")
    assert first.exit_code == 0
    assert json.loads(first.stdout) == {
        "folder": "person-62-profiles/h632",
        "size": "h632",
        "downloaded": profiles,  # in TMDB's order, whatever order they finished in
        "skipped": [],
    }
    (tmp_path / "person-62-profiles" / "h632" / profiles[3]).unlink()
    second = json.loads(
        run_cli("download", "person-profiles", "62", "--size", "h632", "--json").stdout
    )
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
    assert files_in(tmp_path / "original") == names_of(
        "tv_1396_season_1_episode_1_images", "stills"
    )


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
    folder = tmp_path / "original"
    saved = files_in(folder)  # no temporary file left behind, and every file whole
    assert len(saved) < 32
    assert all((folder / name).read_bytes() == jpeg_for(f"/{name}") for name in saved)
    rerun = run_cli(*args)
    assert rerun.exit_code == 0
    assert rerun.stdout.endswith(
        f"{32 - len(saved)} downloaded, {len(saved)} skipped (already there)\n"
    )
    assert files_in(folder) == names_of("person_62_images", "profiles")


def test_a_folder_that_cannot_be_made_exits_8(run_cli: RunCli, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run_cli("download", "person-profiles", "62", "--to", str(blocker / "profiles"))
    assert result.exit_code == 8
    assert result.error == (
        f"error: cannot save into {blocker / 'profiles' / 'original'}: "
        f"{blocker} is a file, not a folder"
    )


def test_a_folder_that_cannot_be_written_exits_8(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refused)
    result = run_cli("download", "person-profiles", "62", "--to", str(tmp_path / "x"))
    assert result.exit_code == 8
    assert result.error == f"error: cannot create {tmp_path / 'x' / 'original'}: Permission denied"


@pytest.mark.parametrize(
    "file_path",
    ["/..", "/.bashrc", "/a b.jpg", "/", "/a\nb.jpg", "/a\x00.jpg", "/sub/a.jpg", "/" + "a" * 256],
)
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
        write_atomically(tmp_path / "poster.jpg", b"image data", 0o644)
    assert list(tmp_path.iterdir()) == []  # the next run fetches it again


def test_a_file_saved_at_another_size_is_not_taken_for_this_one(
    run_cli: RunCli, tmp_path: Path
) -> None:
    args = ["download", "person-profiles", "62", "--to", str(tmp_path), "--json"]
    large = json.loads(run_cli(*args, "--size", "h632").stdout)
    small = json.loads(run_cli(*args, "--size", "w185").stdout)
    profiles = names_of("person_62_images", "profiles")
    for report, size in ((large, "h632"), (small, "w185")):
        assert report["folder"] == str(tmp_path / size)
        assert report["size"] == size
        assert set(report["downloaded"]) == profiles
        assert report["skipped"] == []
        assert files_in(tmp_path / size) == profiles
    assert files_in(tmp_path) == {"h632", "w185"}


def live_profiles(fake_tmdb: FakeTmdb, monkeypatch: pytest.MonkeyPatch, *file_paths: str) -> None:
    """Point the command line at `fake_tmdb`, which will list person 62's profiles as these."""
    monkeypatch.setenv("TMDB_BASE_URL", fake_tmdb.url)
    monkeypatch.setenv("TMDB_IMAGE_BASE_URL", fake_tmdb.image_base_url)
    monkeypatch.setenv("TMDB_ACCESS_TOKEN", fake_tmdb.access_token)
    body = live_body("person_62_images")
    body["profiles"] = [dict(body["profiles"][0], file_path=path) for path in file_paths]
    fake_tmdb.respond_next(200, body, path="/3/")


PNG = png_for("/anything.jpg")


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"<html><body>502 Bad Gateway</body></html>", "text/html"),
        (b"", "image/jpeg"),
        (PNG[: len(PNG) // 2], "image/png"),  # a whole answer, but a cut image
        (b"\xff\xd8\xff\xe0 a JPEG that stops here", "image/jpeg"),
    ],
    ids=["html", "empty", "short-png", "short-jpeg"],
)
def test_an_answer_that_is_no_whole_image_is_not_saved(
    run_cli: RunCli,
    fake_tmdb: FakeTmdb,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    body: bytes,
    content_type: str,
) -> None:
    live_profiles(fake_tmdb, monkeypatch, "/poster.jpg")
    fake_tmdb.respond_next(200, body, {"Content-Type": content_type}, path="/t/p/")
    args = ["download", "person-profiles", "62", "--to", str(tmp_path), "--retries", "0"]
    result = run_cli(*args)
    assert result.exit_code == 7
    assert result.error.startswith(
        f"error: TMDB's image server sent no whole image for poster.jpg at original "
        f"({len(body)} bytes"
    )
    assert files_in(tmp_path / "original") == set()  # neither the file nor a temporary one


def test_a_file_name_as_long_as_allowed_is_saved(
    run_cli: RunCli, fake_tmdb: FakeTmdb, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    name = "a" * 250 + ".jpg"  # 254 characters: legal, and longer than any temporary name
    live_profiles(fake_tmdb, monkeypatch, f"/{name}")
    fake_tmdb.respond_next(200, PNG, {"Content-Type": "image/png"}, path="/t/p/")
    result = run_cli("download", "person-profiles", "62", "--to", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert files_in(tmp_path / "original") == {name}
    assert (tmp_path / "original" / name).read_bytes() == PNG


def test_a_file_path_too_long_for_a_file_name_is_a_bad_response(
    run_cli: RunCli, fake_tmdb: FakeTmdb, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    live_profiles(fake_tmdb, monkeypatch, "/ok.jpg", "/" + "a" * 296 + ".jpg")
    result = run_cli("download", "person-profiles", "62", "--to", str(tmp_path))
    assert result.exit_code == 7  # not a crash (ENAMETOOLONG), not a usage error
    assert "is longer than a file name can be (255 bytes)" in result.error
    assert [r.path for r in fake_tmdb.requests] == ["/3/person/62/images"]  # nothing fetched


@pytest.mark.parametrize(
    "data",
    [
        PNG,
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00 ... \xff\xd9",
        b"RIFF\x08\x00\x00\x00WEBPVP8 ",  # the size counts what follows it
        b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>\n',
    ],
    ids=["png", "jpeg", "webp", "svg"],
)
def test_whole_images_of_every_format_tmdb_serves_are_accepted(data: bytes) -> None:
    assert is_whole_image(data)
    assert not is_whole_image(data[:-2])  # one cut short is not


@pytest.mark.parametrize(
    "what", [["person-profiles", "62"], ["series-posters", "1396", "--season", "1"]], ids=" ".join
)
def test_ctrl_c_stops_a_download_at_once_and_leaves_no_debris(
    fake_tmdb: FakeTmdb, tmp_path: Path, what: list[str]
) -> None:
    with socket.socket() as image_server:  # accepts, and never answers
        image_server.bind(("127.0.0.1", 0))
        image_server.listen(64)
        image_server.settimeout(30)
        env = (
            offline_environment()
            | live_environment(fake_tmdb)
            | cache_home(tmp_path / "cache-home")
            | {"TMDB_IMAGE_BASE_URL": f"http://127.0.0.1:{image_server.getsockname()[1]}/t/p/"}
        )
        # Each transfer would wait 60 s for its answer; Ctrl-C must not wait for them.
        args = [*what, "--to", str(tmp_path / "saved"), "--timeout", "60", "--retries", "0"]
        process = subprocess.Popen(
            [sys.executable, "-m", "tmdb_facade", "download", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        try:
            connection, _ = image_server.accept()  # a transfer has started
            with connection:  # kept open, unanswered, until the command has ended
                process.send_signal(signal.SIGINT)
                stdout, stderr = process.communicate(timeout=15)
        finally:
            process.kill()
            process.wait()
    assert process.returncode == 130
    assert stderr.splitlines() == ["error: interrupted"]
    assert stdout == ""
    assert files_in(tmp_path / "saved" / "original") == set()
