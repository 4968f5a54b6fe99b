"""Processes sharing one cache file (issue 15, defect 9): no traceback logged, no warning,
one entry per URL. Real processes, against the fake server on 127.0.0.1; every wait bounded.
"""

from __future__ import annotations

import hashlib
import os
import select
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path
from typing import IO

from tests.helpers import ROOT
from tmdb_facade.testing import FakeTmdb

PROCESSES = 4
#: Seconds any single wait may take before the test gives up.
BOUND = 60.0


def read_line(stream: IO[str], deadline: float) -> str:
    if not select.select([stream], [], [], max(0.0, deadline - time.monotonic()))[0]:
        raise TimeoutError("a worker process printed nothing in time")
    return stream.readline().strip()


def test_processes_sharing_a_cache_log_no_traceback_and_keep_one_entry_per_url(
    tmp_path: Path,
) -> None:
    path = tmp_path / "shared.sqlite"
    with FakeTmdb() as server:
        env = {**os.environ, "TMDB_ACCESS_TOKEN": server.access_token}
        command = [sys.executable, "-m", "tests.cache_worker", str(path), server.url]
        workers = [
            subprocess.Popen(
                command,
                cwd=ROOT,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(PROCESSES)
        ]
        logs = []
        try:
            deadline = time.monotonic() + BOUND
            ready = [read_line(w.stdout, deadline) for w in workers if w.stdout]
            for worker in workers:
                assert worker.stdin is not None
                worker.stdin.write("go\n")
                worker.stdin.flush()
            done = [read_line(w.stdout, deadline) for w in workers if w.stdout]
        finally:
            for worker in workers:
                try:
                    _, errors = worker.communicate(timeout=10)
                except subprocess.TimeoutExpired:
                    worker.kill()
                    _, errors = worker.communicate(timeout=10)
                logs.append(errors)
                assert worker.returncode == 0, errors
    assert ready == ["ready"] * PROCESSES
    assert done == ["done 20"] * PROCESSES
    assert logs == [""] * PROCESSES  # no traceback, no "database is locked", no warning
    with closing(sqlite3.connect(path)) as db:
        served = db.execute(
            "SELECT cache_key, COUNT(*) FROM entries"
            " WHERE expires_at IS NULL OR expires_at > 0.0 GROUP BY cache_key"
        ).fetchall()
    keys = {
        hashlib.sha256(f"RFC {server.url}/3/person/{person}/images".encode()).hexdigest()
        for person in (62, 976)
    }
    # One entry each that can be served; older ones hidden in the same transaction (as
    # hishel's own removal does, for a reader still streaming them) and deleted later.
    assert sorted((bytes(key).decode(), count) for key, count in served) == sorted(
        (key, 1) for key in keys
    )
