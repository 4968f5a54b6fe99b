"""`http_client=`: one's own httpx client as the network, the library's own layers on top."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.hostile_server import HostileServer
from tests.http_proxy import HttpProxy
from tests.test_limits import early_hints_without_end
from tmdb_facade import APITimeoutError, AsyncTmdb, Tmdb
from tmdb_facade.errors import (
    ClientClosedError,
    InvalidArgumentError,
    InvalidArgumentTypeError,
    NotFoundError,
    ResponseValidationError,
)
from tmdb_facade.testing import FakeTmdb

TOKEN = "own-client-test-token-0123456789"
PROFILE = "/w3aXr1e7gQCn8MSp1vW4sXHn99P.jpg"
MODES = ["sync", "async"]


def fetch(
    mode: str,
    server: FakeTmdb,
    own: dict[str, Any],
    after: Callable[[Any], Any] | None = None,
    **options: Any,
) -> None:
    """`person_images(62)` and one image file by a new client over an httpx client made
    with `own` (in the event loop that uses it), then `after(that client)`; closes it."""
    options = {
        "access_token": TOKEN,
        "base_url": server.url,
        "image_base_url": server.image_base_url,
        "rate_limit": None,
        "max_retries": 0,
        **options,
    }
    if mode == "sync":
        with httpx.Client(**own) as http_client:
            with Tmdb(http_client=http_client, **options) as tmdb:
                assert tmdb.person_images(62).id == 62
                assert tmdb.image_bytes(PROFILE, "w185")
            if after is not None:
                after(http_client)
        return

    async def run() -> None:
        async with httpx.AsyncClient(**own) as http_client:
            async with AsyncTmdb(http_client=http_client, **options) as tmdb:
                assert (await tmdb.person_images(62)).id == 62
                assert await tmdb.image_bytes(PROFILE, "w185")
            if after is not None:
                await after(http_client)

    asyncio.run(run())


@pytest.mark.parametrize("mode", MODES)
def test_the_client_s_event_hooks_see_the_requests_and_it_stays_open(mode: str) -> None:
    seen: list[tuple[str, str | None]] = []

    def hook(request: httpx.Request) -> None:
        seen.append((request.url.path, request.headers.get("Authorization")))

    async def async_hook(request: httpx.Request) -> None:
        hook(request)

    def still_open(http_client: httpx.Client) -> None:
        assert not http_client.is_closed, "the library closed a client it was given"
        assert http_client.get(f"{server.url}/t/p/w185{PROFILE}").status_code == 200

    async def still_open_async(http_client: httpx.AsyncClient) -> None:
        assert not http_client.is_closed, "the library closed a client it was given"
        assert (await http_client.get(f"{server.url}/t/p/w185{PROFILE}")).status_code == 200

    with FakeTmdb(access_token=TOKEN) as server:
        if mode == "sync":
            fetch(mode, server, {"event_hooks": {"request": [hook]}}, still_open)
        else:
            fetch(mode, server, {"event_hooks": {"request": [async_hook]}}, still_open_async)
    assert seen == [
        ("/3/person/62/images", f"Bearer {TOKEN}"),  # the API's: with the credential
        (f"/t/p/w185{PROFILE}", None),  # the image file's: without
        (f"/t/p/w185{PROFILE}", None),  # the owner's own request, after
    ]


@pytest.mark.parametrize("mode", MODES)
def test_the_client_s_mounts_are_used(mode: str) -> None:
    """A MockTransport mounted for the fake's address answers instead of it."""
    asked: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        asked.append(request)
        return httpx.Response(404, json={"status_code": 34, "status_message": "mounted"})

    with FakeTmdb(access_token=TOKEN) as server:
        mounts = {f"all://127.0.0.1:{server.port}": httpx.MockTransport(answer)}
        with pytest.raises(NotFoundError, match="mounted"):
            fetch(mode, server, {"mounts": mounts})
        assert server.requests == []
    assert [request.headers["Authorization"] for request in asked] == [f"Bearer {TOKEN}"]


@pytest.mark.parametrize("mode", MODES)
def test_the_client_s_proxy_is_used(mode: str) -> None:
    with FakeTmdb(access_token=TOKEN) as server, HttpProxy() as proxy:
        fetch(mode, server, {"proxy": proxy.url})
    assert len(proxy.heads) == 2
    assert TOKEN not in proxy.heads[1].decode(), "an image file went with the credential"


@pytest.mark.parametrize("mode", MODES)
def test_a_redirect_is_never_followed_even_if_the_client_would(mode: str) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.host == "elsewhere.example":
            raise AssertionError("the credential went to another host")
        return httpx.Response(301, headers={"Location": "http://elsewhere.example/steal"})

    own = {"transport": httpx.MockTransport(answer), "follow_redirects": True}
    with (
        FakeTmdb(access_token=TOKEN) as server,
        pytest.raises(ResponseValidationError, match="HTTP 301"),
    ):
        fetch(mode, server, own)


def test_the_wrong_kind_of_client_is_a_type_error() -> None:
    with pytest.raises(InvalidArgumentTypeError, match=r"http_client must be an httpx\.Client"):
        Tmdb(TOKEN, http_client=httpx.AsyncClient())  # type: ignore[arg-type]
    with pytest.raises(
        InvalidArgumentTypeError, match=r"http_client must be an httpx\.AsyncClient, got Client"
    ):
        AsyncTmdb(TOKEN, http_client=httpx.Client())  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentTypeError, match="got str"):
        Tmdb(TOKEN, http_client="http://127.0.0.1")  # type: ignore[arg-type]


def test_one_network_only() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200))
    with pytest.raises(InvalidArgumentError, match="http_client= or transport="):
        Tmdb(TOKEN, http_client=httpx.Client(), transport=transport)
    with pytest.raises(InvalidArgumentError, match="proxy="):
        Tmdb(TOKEN, http_client=httpx.Client(), proxy="http://127.0.0.1:3128")


def test_a_closed_client_is_a_clear_error() -> None:
    own = httpx.Client()
    own.close()
    with (
        FakeTmdb(access_token=TOKEN) as server,
        Tmdb(TOKEN, base_url=server.url, http_client=own) as tmdb,
        pytest.raises(ClientClosedError, match="http_client given to this client is closed"),
    ):
        tmdb.person_images(62)


def test_the_client_s_log_lines_never_hold_the_api_key(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    api_key = "own-client-api-key-0123456789abcdef"
    with FakeTmdb(api_key=api_key) as server:
        fetch("sync", server, {}, access_token=None, api_key=api_key)
    assert "HTTP Request: GET" in caplog.text
    assert api_key not in caplog.text


def test_async_attempts_end_at_their_deadline_over_the_client() -> None:
    """`AsyncTmdb` cancels an attempt at its deadline whatever the network: here a flood of
    1xx answers, each within the 0.3 s read timeout, through the caller's own client."""

    async def run(url: str) -> None:
        async with (
            httpx.AsyncClient() as http_client,
            AsyncTmdb(
                TOKEN, base_url=url, http_client=http_client, max_retries=0, timeout=0.3
            ) as tmdb,
        ):
            await tmdb.person_images(62)

    with HostileServer(early_hints_without_end) as server:
        with pytest.raises(APITimeoutError, match=r"longer than 0\.3s"):
            asyncio.run(run(server.url))
        assert server.finished == 0, "the client gave up while the server still sent"
