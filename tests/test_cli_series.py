"""`tmdb-facade download series-posters|series-stills`: a whole series listed through
`fetch_series_async`, saved like the other downloads, offline limited to what was recorded.

A made-up series (`WholeSeries`) answers in process, as the offline client's transport, with
file names of its own for each season and episode, so that every file can be told apart.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.cli import RunCli, live_environment
from tests.helpers import live_body
from tests.series_bodies import editing, season_summary, series_handler
from tmdb_facade.cli import _session
from tmdb_facade.testing import FakeTmdb
from tmdb_facade.testing._images import placeholder_for

SERIES = 4242  # not in the recorded data: offline runs take all of its seasons
_EPISODE = re.compile(r"/3/tv/\d+/season/(\d+)/episode/(\d+)/images")


class WholeSeries:
    """A series of `episodes_per_season` (seasons 1, 2...): two posters a season and two
    stills an episode, each with a file name saying whose it is; its image files too."""

    def __init__(
        self,
        monkeypatch: pytest.MonkeyPatch,
        episodes_per_season: Sequence[int],
        edit: Callable[[str, Any], Any] | None = None,
    ):
        self._answer = series_handler(SERIES, episodes_per_season)
        if edit is not None:  # TMDB's answers, changed before they are sent
            self._answer = editing(self._answer, edit)
        self.requests: list[httpx.Request] = []
        transport = httpx.MockTransport(self._handle)
        monkeypatch.setattr(_session, "_offline_transport", lambda: transport)

    def _handle(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.startswith("/t/p/"):
            file_path = "/" + path.split("/")[-1]
            data, content_type = placeholder_for(file_path)
            return httpx.Response(200, content=data, headers={"Content-Type": content_type})
        self.requests.append(request)
        response = self._answer(request)
        if response.status_code != 200:
            return response
        body: dict[str, Any] = response.json()
        if "stills" in body:
            season, episode = _EPISODE.fullmatch(path).groups()  # type: ignore[union-attr]
            body["stills"] = renamed(body["stills"], f"s{season}e{episode}")
        if "images" in body:
            body["images"]["posters"] = renamed(
                body["images"]["posters"], f"s{body['season_number']}"
            )
        return httpx.Response(200, json=body)

    @property
    def paths(self) -> list[str]:
        return [request.url.path for request in self.requests]


def renamed(images: list[dict[str, Any]], prefix: str) -> list[dict[str, Any]]:
    return [dict(image, file_path=f"/{prefix}-{i}.jpg") for i, image in enumerate(images[:2])]


def files_in(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()}


def stills(season: int, episodes: int) -> list[str]:
    return [f"s{season}e{e}-{i}.jpg" for e in range(1, episodes + 1) for i in range(2)]


# -- a whole series --------------------------------------------------------------------------


def test_series_stills_saves_every_episodes_stills_and_says_whose_each_is(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    series = WholeSeries(monkeypatch, [2, 3])
    monkeypatch.chdir(tmp_path)
    result = run_cli("download", "series-stills", str(SERIES), "--size", "w300", "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    names = stills(1, 2) + stills(2, 3)
    assert report["folder"] == f"tv-{SERIES}-stills/w300"
    assert report["downloaded"] == names  # in the series' order
    assert report["skipped"] == []
    assert report["images"][:3] == [
        {"file_name": "s1e1-0.jpg", "season_number": 1, "episode_number": 1},
        {"file_name": "s1e1-1.jpg", "season_number": 1, "episode_number": 1},
        {"file_name": "s1e2-0.jpg", "season_number": 1, "episode_number": 2},
    ]
    assert [(i["season_number"], i["episode_number"]) for i in report["images"]][-1] == (2, 3)
    folder = tmp_path / f"tv-{SERIES}-stills" / "w300"
    assert files_in(folder) == set(names)
    assert (folder / "s2e3-1.jpg").read_bytes() == placeholder_for("/s2e3-1.jpg")[0]
    # 1 + seasons + episodes: the series, each season with its appended parts, each episode
    assert len(series.requests) == 1 + 2 + 5
    assert all(p.endswith("/images") for p in series.paths[3:])

    (folder / "s1e2-0.jpg").unlink()
    again = run_cli("download", "series-stills", str(SERIES), "--size", "w300")
    assert again.exit_code == 0
    assert again.stdout == f"{Path(report['folder'])}: 1 downloaded, 9 skipped (already there)\n"


def test_series_posters_saves_every_seasons_posters_from_one_request_a_season(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    series = WholeSeries(monkeypatch, [2, 3, 1])
    result = run_cli("download", "series-posters", str(SERIES), "--to", str(tmp_path), "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    names = [f"s{season}-{i}.jpg" for season in (1, 2, 3) for i in range(2)]
    assert report["downloaded"] == names
    assert report["images"][-1] == {"file_name": "s3-1.jpg", "season_number": 3}
    assert files_in(tmp_path / "original") == set(names)
    assert series.paths == [f"/3/tv/{SERIES}", *(f"/3/tv/{SERIES}/season/{n}" for n in (1, 2, 3))]


def test_season_limits_the_download_to_the_seasons_given(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    series = WholeSeries(monkeypatch, [2, 3, 1])
    args = ["download", "series-stills", str(SERIES), "--to", str(tmp_path), "--json"]
    result = run_cli(*args, "--season", "3", "--season", "1")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["downloaded"] == stills(1, 2) + stills(3, 1)
    assert len(series.requests) == 1 + 2 + 3


def test_language_and_image_language_reach_every_request(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    series = WholeSeries(monkeypatch, [1])
    args = ["series-stills", str(SERIES), "--to", str(tmp_path)]
    result = run_cli("download", *args, "--language", "de", "--image-language", "de,null")
    assert result.exit_code == 0, result.stderr
    season, episode = series.requests[1:]
    for request in (season, episode):
        assert request.url.params["language"] == "de"
        assert request.url.params["include_image_language"] == "de,null"
    assert season.url.params["append_to_response"] == "images,credits,aggregate_credits"


def test_a_season_the_series_does_not_have_is_a_usage_error_naming_its_seasons(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    series = WholeSeries(monkeypatch, [2, 3])
    result = run_cli(
        "download", "series-posters", str(SERIES), "--season", "9", "--to", str(tmp_path)
    )
    assert result.exit_code == 2
    assert result.error == f"error: series {SERIES} has no season 9; its seasons: 1, 2"
    assert series.paths == [f"/3/tv/{SERIES}"]  # known only from the series
    assert not tmp_path.joinpath("original").exists()


def test_a_negative_season_is_refused_before_any_request(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    series = WholeSeries(monkeypatch, [2])
    result = run_cli("download", "series-stills", str(SERIES), "--season", "-1")
    assert result.exit_code == 2
    assert result.error == "error: season numbers are 0 or more, got -1"
    assert result.stderr_lines == [result.error]  # no offline notice: nothing was sent
    assert series.requests == []


def test_tmdbs_own_bad_season_number_is_a_warning_not_a_usage_error(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def minus_one(path: str, body: Any) -> None:
        if path == f"/3/tv/{SERIES}":
            body["seasons"].append({**season_summary(SERIES, 3, 1), "season_number": -1})

    series = WholeSeries(monkeypatch, [1, 1], minus_one)
    result = run_cli("download", "series-stills", str(SERIES), "--to", str(tmp_path), "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["downloaded"] == stills(1, 1) + stills(2, 1)
    assert any(
        line.startswith("warning: fetch_series(4242): the series details contradict")
        and "$.seasons[2].season_number: -1 is not a season number" in line
        for line in result.stderr_lines
    ), result.stderr
    assert len(series.requests) == 1 + 2 + 2


def test_a_season_answer_for_another_season_is_a_bad_response(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def season_three(path: str, body: Any) -> None:
        if path == f"/3/tv/{SERIES}/season/2":
            body["season_number"] = 3

    series = WholeSeries(monkeypatch, [1, 1, 1], season_three)
    result = run_cli("download", "series-stills", str(SERIES), "--to", str(tmp_path))
    assert result.exit_code == 7
    assert result.error.endswith("the answer is for season 3, not season 2")
    assert not any("/episode/" in path for path in series.paths)
    assert list(tmp_path.iterdir()) == []


def test_a_series_needing_more_requests_than_max_requests_is_a_usage_error(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    series = WholeSeries(monkeypatch, [2, 3])
    args = ["download", "series-stills", str(SERIES), "--to", str(tmp_path)]
    result = run_cli(*args, "--max-requests", "7")
    assert result.exit_code == 2
    assert result.error == (
        f"error: series {SERIES} needs 1 + 2 seasons + 5 episodes = 8 requests, more than "
        "max_requests=7; none of them was sent; --max-requests allows more"
    )
    assert series.paths == [f"/3/tv/{SERIES}"]
    assert run_cli(*args, "--max-requests", "8").exit_code == 0


@pytest.mark.parametrize("value", ["0", "-3", "many"])
def test_max_requests_must_be_a_whole_number_of_at_least_one(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    series = WholeSeries(monkeypatch, [1])
    result = run_cli("download", "series-posters", str(SERIES), "--max-requests", value)
    assert result.exit_code == 2
    assert "--max-requests: must be a whole number of at least 1" in result.error
    assert series.requests == []


def test_the_progress_bars_follow_the_listing_then_the_files(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    WholeSeries(monkeypatch, [2, 3])
    monkeypatch.setenv("FORCE_COLOR", "1")  # rich then treats stderr as a terminal
    result = run_cli("download", "series-stills", str(SERIES), "--to", str(tmp_path))
    assert result.exit_code == 0
    assert re.search(rf"listing series {SERIES}.*8/8", result.stderr)  # 1 + 2 + 5 requests
    assert re.search(r"stills at original.*10/10", result.stderr)


# -- offline, on the bundled data: season 1 of series 1396 -----------------------------------

SEASON_NOTICE = (
    "offline: the recorded data has only season 1 of series 1396; downloading from that alone"
)


def test_offline_series_posters_takes_the_recorded_season_and_says_so(
    run_cli: RunCli, tmp_path: Path
) -> None:
    result = run_cli("download", "series-posters", "1396", "--to", str(tmp_path), "--json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr_lines[1:] == [SEASON_NOTICE]  # after the offline line
    posters = [p["file_path"].lstrip("/") for p in live_body("tv_1396_season_1_images")["posters"]]
    report = json.loads(result.stdout)
    assert report["downloaded"] == posters
    assert {image["season_number"] for image in report["images"]} == {1}
    assert files_in(tmp_path / "original") == set(posters)


def test_offline_series_stills_saves_the_recorded_stills_of_the_recorded_season(
    run_cli: RunCli, tmp_path: Path
) -> None:
    result = run_cli("download", "series-stills", "1396", "--to", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert result.stderr_lines[1] == SEASON_NOTICE
    recorded = live_body("tv_1396_season_1_episode_1_images")["stills"]
    saved = sorted(path.name for path in (tmp_path / "original").iterdir())
    assert saved == sorted(still["file_path"].lstrip("/") for still in recorded)


@pytest.mark.parametrize(
    ("args", "missing"),
    [
        # Offline, a URL is its path: nothing was sent to the host it would name.
        (["1396", "--season", "2"], "error: GET /3/tv/1396/season/2?"),
        (["1399"], "error: GET /3/tv/1399 returned HTTP 404"),
    ],
    ids=["unrecorded-season", "unrecorded-series"],
)
def test_offline_what_was_not_recorded_is_not_found_without_the_season_notice(
    run_cli: RunCli, tmp_path: Path, args: list[str], missing: str
) -> None:
    result = run_cli("download", "series-posters", *args, "--to", str(tmp_path))
    assert result.exit_code == 4
    assert missing in result.error
    assert "api.themoviedb.org" not in result.error
    assert "the offline data has only series 1396" in result.error
    assert len(result.stderr_lines) == 2  # the offline line and the error


# -- live ------------------------------------------------------------------------------------


def test_live_series_posters_resumed_costs_no_api_request(
    run_cli: RunCli, fake_tmdb: FakeTmdb, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name, value in live_environment(fake_tmdb).items():
        monkeypatch.setenv(name, value)
    args = ["download", "series-posters", "1396", "--season", "1", "--image-language", "en"]
    first = run_cli(*args, "--size", "w342", "--to", str(tmp_path))
    assert first.exit_code == 0, first.stderr
    assert first.stderr == ""  # live: no offline line, no season notice
    assert first.stdout == f"{tmp_path / 'w342'}: 25 downloaded, 0 skipped (already there)\n"
    api = [r for r in fake_tmdb.requests if r.path.startswith("/3/")]
    assert [r.path for r in api] == ["/3/tv/1396", "/3/tv/1396/season/1"]
    assert api[1].query["include_image_language"] == "en"

    before = len(fake_tmdb.requests)
    again = run_cli(*args, "--size", "w342", "--to", str(tmp_path))
    assert again.stdout == f"{tmp_path / 'w342'}: 0 downloaded, 25 skipped (already there)\n"
    assert fake_tmdb.requests[before:] == []  # the listing from the cache, every file skipped
