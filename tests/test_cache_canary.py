"""No credential ever reaches the cache files: canary credentials, every byte on disk scanned."""

from __future__ import annotations

import asyncio
import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tmdb_facade import AsyncTmdb, NotFoundError, Tmdb, cache_status
from tmdb_facade.testing import FakeTmdb

CANARY_TOKEN = "canary-token-7c41d0-SECRET"
CANARY_KEY = "canary-key-52e9ab-SECRET"


@pytest.fixture
def server() -> Iterator[FakeTmdb]:
    with FakeTmdb(access_token=CANARY_TOKEN, api_key=CANARY_KEY) as fake:
        yield fake


def every_byte(folder: Path) -> bytes:
    """The cache file and whatever SQLite keeps beside it (`-wal`, `-shm`, `-journal`)."""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert files, "no cache file was written"
    return b"".join(p.read_bytes() for p in files)


def stored_keys(path: Path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {bytes(row[0]).decode() for row in db.execute("SELECT cache_key FROM entries")}


def scenario(tmdb: Tmdb, folder: Path) -> bytes:
    """Misses, 304s, errors and query strings through the cache; the bytes on disk meanwhile."""
    for _ in range(2):
        tmdb.person_images(62)
        tmdb.season_images(1396, 1, include_image_language=["en", None])
        with pytest.raises(NotFoundError):
            tmdb.season_credits(1396, 99)
    status = cache_status(tmdb.person_images(62))
    assert status is not None
    assert status.revalidated
    return every_byte(folder)  # while the client is open: the WAL holds the latest writes


async def async_scenario(tmdb: AsyncTmdb, folder: Path) -> bytes:
    async with tmdb:
        for _ in range(2):
            await tmdb.person_images(62)
            await tmdb.season_images(1396, 1, include_image_language=["en", None])
            with pytest.raises(NotFoundError):
                await tmdb.season_credits(1396, 99)
        status = cache_status(await tmdb.person_images(62))
        assert status is not None
        assert status.revalidated
        return every_byte(folder)


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("credential", ["access_token", "api_key"])
def test_no_cache_file_holds_the_credential(
    server: FakeTmdb, tmp_path: Path, credential: str, mode: str
) -> None:
    secret = CANARY_TOKEN if credential == "access_token" else CANARY_KEY
    folder = tmp_path / "cache"
    server.cache_max_age = 0  # every reuse revalidates: 304s rewrite the stored headers too
    options: dict[str, Any] = {
        credential: secret,
        "base_url": server.url,
        "cache": folder / "c.sqlite",
        "max_retries": 0,
    }
    if mode == "sync":
        with Tmdb(**options) as tmdb:
            on_disk = scenario(tmdb, folder)
    else:
        on_disk = asyncio.run(async_scenario(AsyncTmdb(**options), folder))
    sent = [r for r in server.requests if r.status in (200, 304)]
    assert sent
    assert all(secret in str(r.headers) + str(r.query) for r in sent)

    assert secret.encode() not in on_disk
    # What was stored is there to be found: the scan reads the right bytes.
    assert b"/3/person/62/images" in on_disk
    # Each key is the hash of the URL without the credential, never of the URL sent.
    paths = ["/3/person/62/images", "/3/tv/1396/season/1/images?include_image_language=en%2Cnull"]
    expected = {hashlib.sha256(f"RFC {server.url}{p}".encode()).hexdigest() for p in paths}
    assert stored_keys(folder / "c.sqlite") == expected
    assert secret.encode() not in every_byte(folder)  # and after closing
