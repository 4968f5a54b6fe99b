"""The limits of one attempt, on every transport (`Tmdb`; `AsyncTmdb` over httpx and over
aiohttp) and on cache hits: a body at most `MAX_BODY_BYTES` once *decoded* (a gzip bomb is
refused while it inflates), and one deadline covering connect, 1xx answers, headers and body.
"""

from __future__ import annotations

import asyncio
import functools
import gzip
import itertools
import sqlite3
import sys
import time
import tracemalloc
import zlib
from collections.abc import Callable
from email.utils import formatdate
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest

from tests.cli import RunCli
from tests.hostile_server import SCRIPT_SECONDS, Connection, HostileServer, answer
from tmdb_facade import APITimeoutError, AsyncTmdb, ResponseValidationError, Tmdb
from tmdb_facade._body import _anyio_within
from tmdb_facade._sqlite_files import CACHE_ID

#: The body limit in these tests (the default, 64 MiB, has a test of its own).
LIMIT = 1024 * 1024
#: What the bombs inflate to: 16 x the limit, from about 16 kB on the wire.
INFLATED = 16 * LIMIT
PERSON_IMAGES = b'{"id": 62, "profiles": []'

Call = Callable[..., Any]


def no_sleep(seconds: float) -> None:
    pass


async def no_async_sleep(seconds: float) -> None:
    pass


@pytest.fixture(params=["sync", "async httpx", "async aiohttp"])
def person_images(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Call:
    """`person_images(base_url, **client_options)`: `person_images(62)` by a new client over
    the real network transport of the mode (each test runs three times)."""
    mode = request.param
    expected = {"sync": "HTTPTransport", "async httpx": "AsyncHTTPTransport"}.get(
        mode, "AiohttpTransport"
    )
    if mode == "async httpx":
        monkeypatch.setitem(sys.modules, "aiohttp", None)  # `import aiohttp` now fails
        monkeypatch.delitem(sys.modules, "tmdb_facade._aiohttp", raising=False)

    def network_of(client: Tmdb | AsyncTmdb) -> str:
        api = client._transport
        inner = api._inner if hasattr(api, "_inner") else api._direct._inner  # cache: `_Router`
        return expected if inner is None else type(inner).__name__  # None: never needed

    def call(base_url: str, per_call: dict[str, Any] | None = None, **options: Any) -> Any:
        options = {
            "access_token": "test-token",
            "base_url": base_url,
            "rate_limit": None,
            "max_retries": 0,
            **options,
        }
        if mode == "sync":
            with Tmdb(sleep=no_sleep, **options) as tmdb:
                try:
                    return tmdb.person_images(62, **(per_call or {}))
                finally:
                    assert network_of(tmdb) == expected

        async def run() -> Any:
            async with AsyncTmdb(sleep=no_async_sleep, **options) as tmdb:
                try:
                    return await tmdb.person_images(62, **(per_call or {}))
                finally:
                    assert network_of(tmdb) == expected

        return asyncio.run(run())

    return call


# -- the body limit counts decoded bytes -----------------------------------------------------


@functools.cache
def bomb(coding: str, inflated: int = INFLATED) -> bytes:
    """A valid JSON answer of `inflated` bytes (mostly spaces), under `coding`."""
    names = coding.split(", ")
    # The innermost coding is applied while the spaces are made, a MiB at a time.
    wbits = zlib.MAX_WBITS | 16 if names[0] == "gzip" else zlib.MAX_WBITS
    compressor = zlib.compressobj(9, zlib.DEFLATED, wbits)
    parts = [compressor.compress(PERSON_IMAGES)]
    spaces = inflated - len(PERSON_IMAGES) - 1
    for size in [LIMIT] * (spaces // LIMIT) + [spaces % LIMIT]:
        parts.append(compressor.compress(b" " * size))
    body = b"".join([*parts, compressor.compress(b"}"), compressor.flush()])
    for name in names[1:]:
        body = gzip.compress(body) if name == "gzip" else zlib.compress(body, 9)
    return body


def bomb_server(
    coding: str, headers: dict[str, str] | None = None, inflated: int = INFLATED
) -> HostileServer:
    def script(connection: Connection) -> None:
        if connection.read_request():
            encoded = {"Content-Type": "application/json", "Content-Encoding": coding}
            body = bomb(coding, inflated)
            connection.send(answer(b"200 OK", {**encoded, **(headers or {})}, body))

    return HostileServer(script)


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    for client in ("_sync_client", "_async_client"):
        monkeypatch.setattr(f"tmdb_facade.{client}.MAX_BODY_BYTES", LIMIT)


@pytest.mark.usefixtures("small_limit")
@pytest.mark.parametrize("coding", ["gzip", "deflate", "gzip, gzip"])
def test_a_body_that_inflates_past_the_limit_is_refused_as_it_inflates(
    person_images: Call, coding: str
) -> None:
    assert len(bomb(coding)) < LIMIT / 16, "small on the wire"
    with bomb_server(coding) as server:
        # Once untraced: what the first call imports and builds is not the body's memory.
        with pytest.raises(ResponseValidationError, match=f"larger than {LIMIT} bytes"):
            person_images(server.url)
        tracemalloc.start()
        try:
            with pytest.raises(ResponseValidationError, match=f"larger than {LIMIT} bytes"):
                person_images(server.url)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    # What was held at once: about the limit, never the 16 MiB the body inflates to.
    assert peak < 4 * LIMIT, f"peak {peak} bytes"


@pytest.mark.usefixtures("small_limit")
@pytest.mark.parametrize("coding", ["gzip", "deflate"])
def test_a_compressed_body_within_the_limit_is_decoded(person_images: Call, coding: str) -> None:
    def script(connection: Connection) -> None:
        if connection.read_request():
            body = bomb(coding, LIMIT)
            headers = {"Content-Type": "application/json", "Content-Encoding": coding}
            connection.send(answer(b"200 OK", headers, body))

    with HostileServer(script) as server:
        images = person_images(server.url)
    assert images.id == 62
    assert b"accept-encoding: gzip, deflate\r\n" in server.requests[0].lower()


def test_a_coding_the_client_did_not_ask_for_is_refused(person_images: Call) -> None:
    # Plain JSON, labelled br: decoding it (httpx does when brotli is installed) would have
    # no bound, passing it on as it is would be a guess.
    def script(connection: Connection) -> None:
        if connection.read_request():
            headers = {"Content-Type": "application/json", "Content-Encoding": "br"}
            connection.send(answer(b"200 OK", headers, PERSON_IMAGES + b"}"))

    with HostileServer(script) as server, pytest.raises(ResponseValidationError, match="br"):
        person_images(server.url)


def test_the_default_limit_is_64_mib_decoded() -> None:
    default = 64 * 1024 * 1024
    with (
        bomb_server("gzip", inflated=default + 1) as server,
        Tmdb("test-token", base_url=server.url, rate_limit=None, max_retries=0) as tmdb,
        pytest.raises(ResponseValidationError, match=f"larger than {default} bytes"),
    ):
        tmdb.person_images(62)


# -- and on cache hits ---------------------------------------------------------------------


@pytest.mark.usefixtures("small_limit")
def test_a_bomb_is_never_stored(person_images: Call, tmp_path: Path) -> None:
    pytest.importorskip("hishel")
    fresh = {"Cache-Control": "max-age=3600", "Date": formatdate(usegmt=True)}
    with bomb_server("gzip", fresh) as server:
        for _ in range(2):
            with pytest.raises(ResponseValidationError, match="larger than"):
                person_images(server.url, cache=tmp_path / "cache.sqlite")
    assert len(server.requests) == 2, "the second call asked the server again"


def store_compressed(path: Path, url: str, body: bytes, coding: str) -> None:
    """`body` stored for `url` still compressed, as received (as a 304's headers can leave an
    entry), in a cache file marked as the library's own (an unmarked one would be adopted,
    and emptied, on first use)."""
    import hishel
    from hishel.httpx import CacheTransport

    headers = {
        "Content-Type": "application/json",
        "Content-Encoding": coding,
        "Cache-Control": "max-age=3600",
        "Date": formatdate(usegmt=True),
    }
    network = httpx.MockTransport(
        lambda request: httpx.Response(200, headers=headers, stream=httpx.ByteStream(body))
    )
    connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    storage = hishel.SqliteStorage(connection=connection)
    options = hishel.CacheOptions(shared=False, supported_methods=["GET", "HEAD"])
    with httpx.Client(transport=CacheTransport(network, storage, rfc=options)) as http:
        http.get(url).raise_for_status()
    storage.close()
    with sqlite3.connect(path) as marking:
        marking.execute(f"PRAGMA application_id = {CACHE_ID}")


@pytest.mark.usefixtures("small_limit")
def test_a_stored_answer_that_inflates_past_the_limit_is_refused(
    person_images: Call, tmp_path: Path
) -> None:
    pytest.importorskip("hishel")
    nowhere = "http://127.0.0.1:9"  # nothing listens: the answer can only come from the cache
    path = tmp_path / "cache.sqlite"
    store_compressed(path, f"{nowhere}/3/person/62/images", bomb("gzip"), "gzip")
    with pytest.raises(ResponseValidationError, match=f"larger than {LIMIT} bytes"):
        person_images(nowhere, cache=path)  # once untraced, as above
    tracemalloc.start()
    try:
        with pytest.raises(ResponseValidationError, match=f"larger than {LIMIT} bytes"):
            person_images(nowhere, cache=path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * LIMIT, f"peak {peak} bytes"


@pytest.mark.usefixtures("small_limit")
def test_a_stored_compressed_answer_within_the_limit_is_served(
    person_images: Call, tmp_path: Path
) -> None:
    pytest.importorskip("hishel")
    nowhere = "http://127.0.0.1:9"
    path = tmp_path / "cache.sqlite"
    store_compressed(path, f"{nowhere}/3/person/62/images", bomb("gzip", LIMIT), "gzip")
    assert person_images(nowhere, cache=path).id == 62


# -- one deadline per attempt --------------------------------------------------------------


def early_hints_without_end(connection: Connection) -> None:
    if connection.read_request():
        connection.drip(itertools.repeat(b"HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"))


def headers_dripped(connection: Connection) -> None:
    if connection.read_request() and connection.send(b"HTTP/1.1 200 OK\r\nX-Drip: "):
        connection.drip(itertools.repeat(b"a"))


def body_dripped(connection: Connection) -> None:
    if connection.read_request():
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
        if connection.send(head):
            connection.drip(itertools.repeat(b" "))


@pytest.mark.parametrize("script", [early_hints_without_end, headers_dripped, body_dripped])
def test_each_attempt_ends_at_its_deadline(
    person_images: Call, script: Callable[[Connection], None]
) -> None:
    # Every piece comes well within the 0.3 s read timeout; the script would go on for 10 s.
    with HostileServer(script) as server:
        with pytest.raises(APITimeoutError, match=r"longer than 0\.3s"):
            person_images(server.url, timeout=0.3, max_retries=1)
        assert server.finished == 0, "the client gave up while the server still sent"
        assert server.connections == 2, "one attempt, then one retry"


@pytest.mark.parametrize("script", [early_hints_without_end, headers_dripped, body_dripped])
def test_a_per_call_timeout_and_max_retries_bound_that_call(
    person_images: Call, script: Callable[[Connection], None]
) -> None:
    # The client's own 30 s and 5 retries would keep this call for the script's whole 10 s.
    per_call = {"timeout": 0.3, "max_retries": 1}
    with HostileServer(script) as server:
        with pytest.raises(APITimeoutError, match=r"longer than 0\.3s") as caught:
            person_images(server.url, per_call, timeout=30, max_retries=5)
        assert server.finished == 0, "the client gave up while the server still sent"
        assert server.connections == 2, "one attempt, then one retry"
    assert caught.value.attempts == 2


def test_nothing_is_stuck_on_the_deadline_of_an_earlier_call(person_images: Call) -> None:
    def slow_then_fine(connection: Connection) -> None:
        if not connection.read_request():
            return
        if server.connections == 1:
            connection.drip(itertools.repeat(b"HTTP/1.1 103 Early Hints\r\n\r\n"))
        else:
            connection.send(answer(b"200 OK", {}, PERSON_IMAGES + b"}"))

    with HostileServer(slow_then_fine) as server:
        assert person_images(server.url, timeout=0.3, max_retries=1).id == 62


def test_the_command_line_gives_up_at_its_stated_bound(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `--timeout 0.3 --retries 1`: two attempts of 0.3 s, not two of the server's 10 s.
    with HostileServer(early_hints_without_end) as server:
        monkeypatch.setenv("TMDB_BASE_URL", server.url)
        monkeypatch.setenv("TMDB_ACCESS_TOKEN", "test-token")
        result = run_cli("person-images", "62", "--retries", "1", "--timeout", "0.3", "--no-cache")
        assert result.exit_code == 6
        assert "no answer within 0.3 s (tried 2 times)" in result.error
        assert server.finished == 0
        assert server.connections == 2


def test_outside_asyncio_the_deadline_is_anyio_s() -> None:
    # Under trio (not installed here) `within` takes this scope; it is anyio's, so it runs
    # under asyncio too. Were it not to cancel, the sleep would end, with no TimeoutError.
    async def wait() -> None:
        async with _anyio_within(time.monotonic() + 0.05):
            await anyio.sleep(SCRIPT_SECONDS)

    with pytest.raises(TimeoutError):
        asyncio.run(wait())
