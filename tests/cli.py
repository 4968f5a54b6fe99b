"""Run the `tmdb-facade` command line in-process, as a user would, and capture what it prints.

`run_cli("season-credits", "1396", "1")` calls `tmdb_facade.cli.main` with no TMDB variables
in the environment, so it answers offline, from the recorded data, in process.
`offline_also_answers(...)` adds answers the recordings lack (series and season details).
Live runs cache by default: `run_cli` and `cache_home` keep each test's cache file in a
folder of its own, never the user's.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from tmdb_facade.cli import _session, main

if TYPE_CHECKING:
    from tmdb_facade.testing import FakeTmdb

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


def offline_environment() -> dict[str, str]:
    """This process's environment without anything that changes the command line."""
    return {k: v for k, v in os.environ.items() if k not in CLI_ENVIRONMENT}


def live_environment(server: FakeTmdb) -> dict[str, str]:
    """The variables that make the command line go live, to `server`, with its access token."""
    return {
        "TMDB_BASE_URL": server.url,
        "TMDB_IMAGE_BASE_URL": server.image_base_url,
        "TMDB_ACCESS_TOKEN": server.access_token,
    }


def cache_home(folder: Path) -> dict[str, str]:
    """The variables that put the default cache file (`default_cache_file`) under `folder`,
    on Linux, macOS and Windows alike."""
    return {"XDG_CACHE_HOME": str(folder), "HOME": str(folder), "LOCALAPPDATA": str(folder)}


def cache_file(folder: Path) -> Path:
    """Where the command line keeps its cache under `cache_home(folder)`."""
    from tmdb_facade._constants import default_cache_file

    with pytest.MonkeyPatch.context() as patch:
        for name, value in cache_home(folder).items():
            patch.setenv(name, value)
        return default_cache_file()


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
def run_cli(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
) -> RunCli:
    """`run_cli(*args)`: run the command line offline and return a `CliRun`. Its cache file,
    for live runs, is the test's own (a test may set `cache_home` to choose where)."""
    for name in CLI_ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    for name, value in cache_home(tmp_path_factory.mktemp("cache-home")).items():
        monkeypatch.setenv(name, value)

    def run(*args: str) -> CliRun:
        capsys.readouterr()
        exit_code = main(list(args))
        stdout, stderr = capsys.readouterr()
        return CliRun(exit_code, stdout, stderr)

    return run


def offline_also_answers(monkeypatch: pytest.MonkeyPatch, bodies: Mapping[str, Any]) -> None:
    """Offline runs answer these API paths with these bodies (200), the rest as recorded."""
    recorded = _session._offline_transport()
    assert isinstance(recorded, httpx.MockTransport)

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path in bodies:
            return httpx.Response(200, json=bodies[request.url.path])
        return recorded.handle_request(request)

    monkeypatch.setattr(_session, "_offline_transport", lambda: httpx.MockTransport(answer))


# Hand-written in the shape of TMDB's answers, with only the fields the spec requires (and
# no claim to be TMDB's data): the recordings have no series or season details yet.
def _episode(number: int, name: str, air_date: str | None, runtime: int | None) -> Any:
    return {
        "air_date": air_date,
        "episode_number": number,
        "id": 62084 + number,
        "name": name,
        "overview": "",
        "production_code": "",
        "runtime": runtime,
        "season_number": 1,
        "still_path": None,
        "vote_average": 8.0 + number / 10,
        "vote_count": 100 + number,
        "crew": [],
        "guest_stars": [],
    }


def _season(number: int, name: str, episodes: int, air_date: str | None) -> Any:
    return {
        "air_date": air_date,
        "episode_count": episodes,
        "id": 3570 + number,
        "name": name,
        "overview": "",
        "poster_path": None,
        "season_number": number,
    }


SERIES_BODY: Any = {
    "adult": False,
    "backdrop_path": None,
    "created_by": [],
    "episode_run_time": [],
    "first_air_date": "2008-01-20",
    "genres": [{"id": 18, "name": "Drama"}],
    "homepage": "",
    "id": 1396,
    "in_production": False,
    "languages": ["en"],
    "last_air_date": "2013-09-29",
    "last_episode_to_air": None,
    "name": "Breaking Bad",
    "next_episode_to_air": None,
    "networks": [],
    "number_of_episodes": 20,
    "number_of_seasons": 2,
    "origin_country": ["US"],
    "original_language": "en",
    "original_name": "Breaking Bad",
    "overview": "",
    "popularity": 100.0,
    "poster_path": None,
    "production_companies": [],
    "production_countries": [],
    "seasons": [
        _season(0, "Specials", 1, None),
        _season(1, "Season 1", 7, "2008-01-20"),
        _season(2, "Season 2", 13, "2009-03-08"),
    ],
    "spoken_languages": [],
    "status": "Ended",
    "tagline": "",
    "type": "Scripted",
    "vote_average": 8.9,
    "vote_count": 1000,
}

SEASON_BODY: Any = {
    "air_date": "2008-01-20",
    "episodes": [
        _episode(1, "Pilot", "2008-01-20", 58),
        _episode(2, "Cat's in the Bag...", "2008-01-27", None),
    ],
    "name": "Season 1",
    "overview": "",
    "id": 3572,
    "poster_path": None,
    "season_number": 1,
}

DETAILS_BODIES = {"/3/tv/1396": SERIES_BODY, "/3/tv/1396/season/1": SEASON_BODY}
