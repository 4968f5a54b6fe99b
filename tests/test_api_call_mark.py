"""Only API operations carry the credential, even when the images come from the API's host.

A mirror, a proxy or the fake server serve the image files from the API's own origin: the
request of an image file must still go without the access token or the api_key. Whether a
request is an API operation is decided once, from the call (`_calls.API_CALL`).
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.clients import MakeDriver, json_response
from tests.helpers import live_body
from tmdb_facade import AsyncTmdb, Tmdb
from tmdb_facade._auth import Credentials
from tmdb_facade._calls import API_CALL, is_api_call
from tmdb_facade.testing import FakeTmdb
from tmdb_facade.testing._server import RecordedRequest

TOKEN = "canary-token-3d8a51-SECRET"
KEY = "canary-key-0e77c4-SECRET"
SECRETS = {"access_token": TOKEN, "api_key": KEY}


class CountingLimiter:
    """A rate limit that never waits and counts the slots taken."""

    def __init__(self) -> None:
        self.taken = 0
        self._lock = threading.Lock()

    def reserve(self) -> float:
        with self._lock:
            self.taken += 1
        return 0.0


def carries(request: RecordedRequest, secret: str) -> bool:
    return secret in repr(request.headers) + repr(request.query)


@pytest.fixture
def server() -> Any:
    with FakeTmdb(access_token=TOKEN, api_key=KEY) as fake:
        yield fake


async def _async_calls(options: dict[str, Any]) -> None:
    async with AsyncTmdb(**options) as tmdb:
        person = await tmdb.person_images(62)
        await tmdb.image_bytes(person.profiles[0], "w185")
        await tmdb.person_images(62)


@pytest.mark.parametrize("cache", [False, True], ids=["no-cache", "cache"])
@pytest.mark.parametrize("credential", sorted(SECRETS))
@pytest.mark.parametrize("mode", ["sync", "async-aiohttp", "async-httpx"])
def test_an_image_from_the_apis_host_goes_without_the_credential(
    server: FakeTmdb, tmp_path: Path, mode: str, credential: str, cache: bool
) -> None:
    secret = SECRETS[credential]
    limiter = CountingLimiter()
    options: dict[str, Any] = {
        credential: secret,
        "base_url": server.url,
        "image_base_url": server.image_base_url,  # the API's own origin
        "rate_limit": limiter,
        "max_retries": 0,
        "cache": tmp_path / "cache.sqlite" if cache else None,
    }
    assert httpx.URL(server.image_base_url).host == httpx.URL(server.url).host
    if mode == "sync":
        with Tmdb(**options) as tmdb:
            person = tmdb.person_images(62)
            tmdb.image_bytes(person.profiles[0], "w185")
            tmdb.person_images(62)
    else:
        if mode == "async-httpx":  # `ClientTransport`'s path for any transport but aiohttp's
            options["transport"] = httpx.AsyncHTTPTransport()
        asyncio.run(_async_calls(options))

    images = [r for r in server.requests if r.path.startswith("/t/p/")]
    api = [r for r in server.requests if r.path.startswith("/3/")]
    assert len(images) == 1
    assert not carries(images[0], secret)
    assert "authorization" not in images[0].headers
    assert "api_key" not in images[0].query
    # The API calls did carry it (the second is a cache hit when there is a cache).
    assert len(api) == (1 if cache else 2)
    assert all(carries(r, secret) and r.status == 200 for r in api)
    # Image files take no slot of the rate limit either.
    assert limiter.taken == len(api)


@pytest.mark.parametrize("credential", sorted(SECRETS))
def test_an_image_through_a_mock_transport_goes_without_the_credential(
    make_driver: MakeDriver, credential: str
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.startswith("/t/p/"):
            return httpx.Response(200, content=b"\x89PNG")
        return json_response(200, live_body("person_62_images"))(request)

    secret = SECRETS[credential]
    options = {"access_token": None, credential: secret}
    driver = make_driver(handler, image_base_url="https://api.themoviedb.org/t/p/", **options)
    person = driver.call("person_images", 62)
    assert driver.call("image_bytes", person.profiles[0], "w185") == b"\x89PNG"
    api, image = driver.requests
    assert secret in str(api.url) + api.headers.get("Authorization", "")
    assert image.url.host == api.url.host
    assert "Authorization" not in image.headers
    assert "api_key" not in image.url.params
    assert secret not in str(image.url) + repr(image.headers)


def test_the_mark_alone_decides() -> None:
    credentials = Credentials("api_key", KEY)
    url = "https://api.themoviedb.org/3/person/62/images"
    unmarked = httpx.Request("GET", url)
    image = httpx.Request("GET", url, extensions={API_CALL: False})
    api = httpx.Request("GET", "https://images.example/anywhere", extensions={API_CALL: True})
    assert not is_api_call(unmarked)
    assert not is_api_call(image)
    assert is_api_call(api)
    assert credentials.apply_for(unmarked) is unmarked
    assert credentials.apply_for(image) is image
    assert credentials.apply_for(api).url.params["api_key"] == KEY


def test_an_image_file_comes_back_byte_for_byte(make_driver: MakeDriver) -> None:
    # Bytes that happen to spell the key percent-encoded: an answer to an API call would be
    # rewritten, an image file (which never saw the credential) is left whole, unscanned.
    png = b"\x89PNG" + b"".join(f"%{ord(c):02x}".encode() for c in KEY) + b"\x00" * 64

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=png)

    driver = make_driver(handler, access_token=None, api_key=KEY)
    assert driver.call("image_bytes", "/abc.jpg", "w500", kind="poster") == png
