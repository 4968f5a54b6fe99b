"""Logging and warnings that help: warnings name the caller's line, `TMDB_LOG` logs without code,
and a long wait is announced before it starts."""

from __future__ import annotations

import asyncio
import logging
import os
import subprocess
import sys
import warnings

import httpx
import pytest

from tests.clients import json_response
from tests.helpers import live_body
from tmdb_facade import AsyncTmdb, InvalidArgumentError, SpecDeviationWarning, Tmdb

OFF_SPEC = live_body("tv_1396_season_1_credits")
OFF_SPEC["cast"][0]["character"] = 5  # the spec says a string or null


def answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json=OFF_SPEC)


def test_a_spec_deviation_warning_names_the_callers_line_sync_and_async() -> None:
    async def call_async() -> None:
        async with AsyncTmdb("t", transport=httpx.MockTransport(answer)) as tmdb:
            await tmdb.season_credits(1396, 1)

    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        with Tmdb("t", transport=httpx.MockTransport(answer)) as tmdb:
            tmdb.season_credits(1396, 1)
        asyncio.run(call_async())
    assert [type(w.message) for w in warned] == [SpecDeviationWarning] * 2
    assert [w.filename for w in warned] == [__file__] * 2


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_wait_of_several_seconds_is_announced_at_warning_before_it_starts(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    answers = iter([(429, "30"), (429, "1"), (200, None)])

    def handler(request: httpx.Request) -> httpx.Response:
        status, retry_after = next(answers)
        headers = {"Retry-After": retry_after} if retry_after else {}
        return json_response(status, OFF_SPEC if status == 200 else {}, headers)(request)

    said_before: list[tuple[float, int, str]] = []

    def note(seconds: float) -> None:
        last = caplog.records[-1]
        said_before.append((seconds, last.levelno, last.getMessage()))

    async def async_note(seconds: float) -> None:
        note(seconds)

    async def call_async() -> None:
        options = {"transport": httpx.MockTransport(handler), "rate_limit": None}
        async with AsyncTmdb("t", sleep=async_note, **options) as tmdb:  # type: ignore[arg-type]
            await tmdb.season_credits(1396, 1)

    caplog.set_level(logging.INFO, logger="tmdb_facade")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SpecDeviationWarning)
        if mode == "sync":
            with Tmdb("t", transport=httpx.MockTransport(handler), sleep=note) as tmdb:
                tmdb.season_credits(1396, 1)
        else:
            asyncio.run(call_async())
    (long, long_level, long_line), (short, short_level, _) = said_before
    assert (long, long_level) == (30.0, logging.WARNING)
    assert "HTTP 429, retry 1 of 3 in 30.00s" in long_line
    assert (short, short_level) == (1.0, logging.INFO)


def run_python(code: str, **environment: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


RETRIED_ONCE = """
import httpx
from tmdb_facade import Tmdb
answers = iter([httpx.Response(503), httpx.Response(200, json={"id": 1, "cast": [], "crew": []})])
with Tmdb("canary-token-3f9", transport=httpx.MockTransport(lambda r: next(answers)),
          sleep=lambda s: None) as tmdb:
    tmdb.season_credits(1396, 1)
"""


@pytest.mark.parametrize(("level", "request_lines"), [("info", False), ("debug", True)])
def test_tmdb_log_logs_to_stderr_without_code(level: str, request_lines: bool) -> None:
    done = run_python(RETRIED_ONCE, TMDB_LOG=level)
    assert done.returncode == 0, done.stderr
    assert "tmdb_facade INFO tv_season_credits: HTTP 503, retry 1 of 3" in done.stderr
    assert ("httpx INFO HTTP Request: GET" in done.stderr) is request_lines
    assert "canary-token-3f9" not in done.stderr


def test_without_tmdb_log_nothing_is_logged() -> None:
    done = run_python(RETRIED_ONCE)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_an_unknown_tmdb_log_is_a_typed_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMDB_LOG", "verbose")
    with pytest.raises(InvalidArgumentError, match="TMDB_LOG must be info or debug"):
        Tmdb("t")
