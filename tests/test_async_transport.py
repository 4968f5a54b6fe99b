"""`AsyncTmdb`'s network over aiohttp: chosen only where it can run, and the credential it adds
itself goes to the API and nowhere else, as over httpx's own transport (tested on both)."""

from __future__ import annotations

import asyncio
import logging
import sys

import aiohttp
import httpx
import pytest

from tmdb_facade import AsyncTmdb, _deadline
from tmdb_facade._aiohttp import AiohttpTransport
from tmdb_facade._auth import Credentials
from tmdb_facade._base import CONNECTION_LIMITS
from tmdb_facade._transport import ClientTransport, network
from tmdb_facade.errors import APIConnectionError
from tmdb_facade.testing import FakeTmdb

CANARY = "canary-5b0e-SECRET-do-not-leak"


def test_aiohttp_only_for_the_async_client_inside_an_asyncio_loop() -> None:
    async def chosen() -> type:
        return type(network(httpx.AsyncHTTPTransport, CONNECTION_LIMITS))

    assert asyncio.run(chosen()) is AiohttpTransport
    # Outside a running loop (the client is not used yet, or runs under trio): httpx's own.
    assert type(network(httpx.AsyncHTTPTransport, CONNECTION_LIMITS)) is httpx.AsyncHTTPTransport
    # The sync client's: httpx's own, its sockets bound by the attempt's deadline.
    assert type(network(httpx.HTTPTransport, CONNECTION_LIMITS)) is _deadline.HTTPTransport


def test_without_aiohttp_the_async_client_uses_httpx(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "aiohttp", None)  # `import aiohttp` now fails
    monkeypatch.delitem(sys.modules, "tmdb_facade._aiohttp")

    async def chosen() -> type:
        return type(network(httpx.AsyncHTTPTransport, CONNECTION_LIMITS))

    assert asyncio.run(chosen()) is httpx.AsyncHTTPTransport


@pytest.mark.parametrize("network", ["aiohttp (default)", "httpx's own"])
@pytest.mark.parametrize("credential", ["access_token", "api_key"])
def test_the_credential_reaches_the_api_and_not_the_image_server(
    credential: str, network: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    expected = AiohttpTransport if network == "aiohttp (default)" else httpx.AsyncHTTPTransport

    async def run(api: FakeTmdb, images: FakeTmdb) -> bytes:
        token, key = (CANARY, None) if credential == "access_token" else (None, CANARY)
        async with AsyncTmdb(
            token,
            api_key=key,
            base_url=api.url,
            image_base_url=images.image_base_url,
            rate_limit=None,
            transport=None if expected is AiohttpTransport else httpx.AsyncHTTPTransport(),
        ) as tmdb:
            person = await tmdb.person_images(62)
            transport = tmdb._http._transport
            assert isinstance(transport, ClientTransport)
            assert type(transport._transport()) is expected
            return await tmdb.image_bytes(person.profiles[0], "w185")

    with (
        FakeTmdb(access_token=CANARY, api_key=CANARY) as api,
        FakeTmdb(access_token=CANARY, api_key=CANARY) as images,
    ):
        assert asyncio.run(run(api, images)).startswith(b"\xff\xd8\xff")
        (to_api,) = api.requests
        (to_images,) = images.requests
    assert to_api.status == 200
    assert CANARY in (to_api.query.get("api_key", "") + to_api.headers.get("authorization", ""))
    assert to_images.status == 200
    assert "api_key" not in to_images.query
    assert "authorization" not in to_images.headers
    said = [record.getMessage() for record in caplog.records]
    assert len([text for text in said if text.startswith("HTTP Request: GET")]) == 2
    assert [text for text in said if CANARY in text] == []


def test_an_aiohttp_error_quoting_the_url_does_not_quote_the_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    secret = f"{CANARY}&+/"  # quoted differently in the URL: both forms must go

    def refuse(self: aiohttp.ClientSession, method: str, url: object, **_: object) -> None:
        raise aiohttp.InvalidURL(str(url))

    async def run() -> httpx.RequestError:
        transport = AiohttpTransport(limits=CONNECTION_LIMITS, ssl_context=httpx.create_ssl_context)
        monkeypatch.setattr(aiohttp.ClientSession, "request", refuse)
        request = httpx.Request("GET", "http://127.0.0.1:9/3/person/62/images?language=en")
        try:
            with pytest.raises(httpx.ConnectError) as caught:
                await transport.send(request, Credentials("api_key", secret))
        finally:
            await transport.aclose()
        return caught.value

    error = asyncio.run(run())
    assert "/3/person/62/images?language=en&api_key=***" in str(error)
    assert CANARY not in str(error)
    assert error.request.url == httpx.URL("http://127.0.0.1:9/3/person/62/images?language=en")


def test_aiohttp_never_sends_a_dropped_request_again_on_its_own() -> None:
    """`AiohttpTransport` sets aiohttp's private `ClientSession._retry_connection` (aiohttp has
    no public setting: its own test client sets it too) so that a dropped GET is sent again
    only by the client's retry policy. This fails if aiohttp renames the attribute or it stops
    having its effect."""
    assert "_retry_connection" in aiohttp.ClientSession.ATTRS

    async def run(server: FakeTmdb) -> APIConnectionError:
        async with AsyncTmdb(
            server.access_token, base_url=server.url, rate_limit=None, max_retries=0
        ) as tmdb:
            await tmdb.person_images(62)  # the connection is open and kept for reuse
            transport = tmdb._http._transport
            assert isinstance(transport, ClientTransport)
            assert type(transport._transport()) is AiohttpTransport
            server.drop_next()
            with pytest.raises(APIConnectionError) as caught:
                await tmdb.person_images(62)
            return caught.value

    with FakeTmdb() as server:
        error = asyncio.run(run(server))
        sent = [r.path for r in server.requests]
    assert error.attempts == 1
    assert sent == ["/3/person/62/images"] * 2  # the first call's, the dropped one's: no third
