"""The `fake_tmdb` pytest fixture, registered for every project that installs tmdb-facade.

    def test_my_code(fake_tmdb):
        client = MyClient(base_url=fake_tmdb.url, token=fake_tmdb.access_token)
        ...
        assert fake_tmdb.requests[0].path == "/3/person/62/images"

Give it constructor arguments with indirect parametrization:

    @pytest.mark.parametrize("fake_tmdb", [{"rate_limit": 5, "burst": 1}], indirect=True)
    def test_backs_off(fake_tmdb): ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tmdb_facade.testing import FakeTmdb


@pytest.fixture
def fake_tmdb(request: pytest.FixtureRequest) -> Iterator[FakeTmdb]:
    """A running `FakeTmdb` for one test, stopped after it."""
    # Imported here, not at the top: pytest loads this module in every run of every project
    # that installs tmdb-facade, and the server is only needed by tests that use it.
    from tmdb_facade.testing import FakeTmdb

    options = getattr(request, "param", {})
    with FakeTmdb(**options) as server:
        yield server
