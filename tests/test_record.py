"""scripts/record: a failed run changes nothing, a live run keeps what only the fake can make.

"Live" here is the fake server on 127.0.0.1 reached through TMDB_BASE_URL, as a staging
server or a proxy would be: nothing leaves the machine.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests import cassette_config
from tests.contract import credential_leaks, interaction_violations
from tests.helpers import ROOT
from tmdb_facade.testing import FakeTmdb

COMMITTED = ROOT / "tests" / "cassettes" / "test_cassettes"
#: The cassettes of the exchanges TMDB cannot be made to send (429 then 200, 500 then 200).
FAULTS = {
    f"{test}[{mode}].yaml"
    for test in ("test_rate_limited_then_answered", "test_server_error_then_answered")
    for mode in ("sync", "async")
}
CANARY = "canary-51c0-live-recording-token"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.fixture
def cassettes(tmp_path: Path) -> Path:
    """A copy of the committed cassettes for the recorder to replace."""
    copy = tmp_path / "cassettes"
    copy.mkdir()
    for name, content in snapshot(COMMITTED).items():
        (copy / name).write_bytes(content)
    return copy


def run_record(to: Path, base_url: str, token: str) -> subprocess.CompletedProcess[str]:
    """`scripts/record --live --to DIR` against `base_url`, with the rest of the world shut off."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("TMDB_")},
        "TMDB_ACCESS_TOKEN": token,
        "TMDB_BASE_URL": base_url,
        "PYTEST_ADDOPTS": "-p tests.loopback_only",
    }
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "record"), "--live", "--to", str(to)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )


def test_a_failed_recording_leaves_the_cassettes_as_they_were(cassettes: Path) -> None:
    before, committed = snapshot(cassettes), snapshot(COMMITTED)
    done = run_record(cassettes, f"http://127.0.0.1:{closed_port()}", "dummy-token")
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"{cassettes} left as it was" in done.stderr
    assert snapshot(cassettes) == before
    assert snapshot(COMMITTED) == committed
    assert [p.name for p in cassettes.parent.iterdir()] == ["cassettes"]  # no scratch left


def test_a_live_recording_keeps_the_fault_cassettes(cassettes: Path) -> None:
    before = snapshot(cassettes)
    with FakeTmdb(access_token=CANARY) as server:
        done = run_record(cassettes, server.url, CANARY)
        recorded_through_it = len(server.requests)
    assert done.returncode == 0, done.stdout + done.stderr
    assert recorded_through_it > 0
    after = snapshot(cassettes)
    assert after.keys() == before.keys()
    assert {name for name in after if after[name] == before[name]} == FAULTS
    for name, content in after.items():
        text = content.decode("utf-8")
        source = "fake TMDB server" if name in FAULTS else f"live TMDB API ({server.url})"
        assert f"recorded_from: {source}" in text, name
        for interaction in cassette_config.interactions(text):
            assert interaction_violations(interaction) == [], name
            assert credential_leaks(interaction, [CANARY]) == [], name


def test_recording_from_the_fake_server_reproduces_the_committed_cassettes(tmp_path: Path) -> None:
    # Sync and async clients go through different transports (httpx's own, aiohttp when it is
    # installed); a re-recording must still leave every committed cassette byte for byte.
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("TMDB_")},
        "PYTEST_ADDOPTS": "-p tests.loopback_only",
    }
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "record"), "--to", str(tmp_path / "cassettes")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    recorded, committed = snapshot(tmp_path / "cassettes"), snapshot(COMMITTED)
    assert sorted(recorded) == sorted(committed)
    assert [name for name in committed if recorded[name] != committed[name]] == []
