"""`cache_status(result)`: what the cache did travels with the result, right for each result
when threads or tasks run calls side by side, and kept in no registry beside it."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterator, Sized
from pathlib import Path
from typing import Any

import pytest

from tmdb_facade import AsyncTmdb, CacheStatus, Tmdb, cache_status
from tmdb_facade.testing import FakeTmdb

HIT = CacheStatus(from_cache=True, revalidated=False, stored=False)
MISS = CacheStatus(from_cache=False, revalidated=False, stored=True)
ITEMS = [62, 976] * 10


@pytest.fixture
def server() -> Iterator[FakeTmdb]:
    with FakeTmdb() as fake:
        yield fake


def fetched(server: FakeTmdb, person: int) -> int:
    return sum(r.path == f"/3/person/{person}/images" for r in server.requests)


def check_mixed(server: FakeTmdb, results: list[Any]) -> None:
    """62 was in the cache before; 976 was not: every call that fetched it says MISS, the
    rest HIT, whichever thread or task finished first."""
    assert [r.id for r in results] == ITEMS
    statuses = [cache_status(r) for r in results]
    assert all(s == HIT for s, person in zip(statuses, ITEMS, strict=True) if person == 62)
    assert set(statuses) <= {HIT, MISS}
    assert statuses.count(MISS) == fetched(server, 976) >= 1
    assert fetched(server, 62) == 1  # the warming call only


def test_threads_of_map_each_get_their_own_status(server: FakeTmdb, tmp_path: Path) -> None:
    with Tmdb(server.access_token, base_url=server.url, cache=tmp_path / "c.sqlite") as tmdb:
        tmdb.person_images(62)
        results = tmdb.map(tmdb.person_images, ITEMS, concurrency=8)
    check_mixed(server, results)


def test_tasks_of_map_and_gather_each_get_their_own_status(
    server: FakeTmdb, tmp_path: Path
) -> None:
    async def scenario() -> tuple[list[Any], list[Any]]:
        options: dict[str, Any] = {"base_url": server.url, "cache": tmp_path / "c.sqlite"}
        async with AsyncTmdb(server.access_token, **options) as tmdb:
            await tmdb.person_images(62)
            mapped = await tmdb.map(tmdb.person_images, ITEMS, concurrency=8)
            gathered = await asyncio.gather(*(tmdb.person_images(p) for p in ITEMS))
            return mapped, list(gathered)

    mapped, gathered = asyncio.run(scenario())
    check_mixed(server, mapped)
    assert [cache_status(r) for r in gathered] == [HIT] * len(ITEMS)


def _sizes() -> dict[tuple[str, str], int]:
    """The size of every container held at module level by the package."""
    return {
        (name, attribute): len(value)
        for name, module in list(sys.modules.items())
        if name.startswith("tmdb_facade") and module is not None
        for attribute, value in list(vars(module).items())
        if isinstance(value, Sized) and not isinstance(value, (str, bytes, type))
    }


def test_the_status_is_kept_on_the_result_and_in_no_registry(
    server: FakeTmdb, tmp_path: Path
) -> None:
    with Tmdb(server.access_token, base_url=server.url, cache=tmp_path / "c.sqlite") as tmdb:
        tmdb.person_images(62)
        before = _sizes()
        kept = [tmdb.person_images(62) for _ in range(50)]  # all alive at once
        after = _sizes()
    grown = {key: after[key] - size for key, size in before.items() if after[key] >= size + 50}
    assert grown == {}  # nothing module-level holds one entry per result
    assert [cache_status(r) for r in kept] == [HIT] * 50
    # What a result's parts and image bytes say: nothing (only a call's own result knows).
    assert cache_status(kept[0].profiles[0]) is None
    assert cache_status(b"\x89PNG") is None
