"""A pytest plugin for the runs tests/test_record.py starts: connect to 127.0.0.1 only.

pytest-recording opens the network while recording: without this, a recorder that ignored
TMDB_BASE_URL would reach api.themoviedb.org (directly, or through the environment's proxy).
"""

from __future__ import annotations

from collections.abc import Generator

import pytest
from pytest_recording import network


@pytest.hookimpl(wrapper=True)
def pytest_runtestloop(session: pytest.Session) -> Generator[None, object, object]:
    with network.blocking_context(allowed_hosts=["127.0.0.1"]):
        return (yield)
