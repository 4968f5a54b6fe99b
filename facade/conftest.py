"""The docstring examples of tmdb_facade run for real: `tmdb` is a client of the fake server."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tmdb_facade import Tmdb
from tmdb_facade.testing import FakeTmdb


@pytest.fixture(scope="session", autouse=True)
def tmdb_for_examples(doctest_namespace: dict[str, Any]) -> Iterator[None]:
    with FakeTmdb() as server, Tmdb(server.access_token, base_url=server.url) as tmdb:
        doctest_namespace["tmdb"] = tmdb
        yield
