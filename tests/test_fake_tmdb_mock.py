"""`tmdb_facade.testing.mock`: the fake TMDB in process, for both clients, with no server."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from tests.helpers import live_body
from tmdb_facade import AsyncTmdb, AuthenticationError, NotFoundError, Tmdb
from tmdb_facade.testing import DEFAULT_ACCESS_TOKEN, DEFAULT_API_KEY
from tmdb_facade.testing._images import jpeg_for
from tmdb_facade.testing.mock import mock_transport, recorded_paths

API = "https://api.themoviedb.org"
IMAGES = "https://image.tmdb.org/t/p/"


def client(access_token: str = DEFAULT_ACCESS_TOKEN) -> Tmdb:
    """A client left at TMDB's own addresses, answered in process."""
    return Tmdb(
        access_token,
        base_url=API,
        image_base_url=IMAGES,
        transport=mock_transport(),
        max_retries=0,
    )


def test_the_sync_client_gets_recorded_answers_and_images_from_tmdbs_own_addresses() -> None:
    with client() as tmdb:
        images = tmdb.person_images(62)
        assert images.to_dict() == live_body("person_62_images")
        poster = images.profiles[0]
        assert tmdb.image_bytes(poster, "w185", kind="profile") == jpeg_for(poster.file_path)


def test_the_async_client_gets_the_same_with_an_api_key() -> None:
    async def fetch() -> object:
        async with AsyncTmdb(
            api_key=DEFAULT_API_KEY, base_url=API, image_base_url=IMAGES, transport=mock_transport()
        ) as tmdb:
            return (await tmdb.season_images(1396, 1, include_image_language=["fr"])).to_dict()

    posters = asyncio.run(fetch())
    assert isinstance(posters, dict)
    assert [p["iso_639_1"] for p in posters["posters"]] == ["fr"] * 4  # filtered like TMDB


def test_it_answers_like_tmdb_when_it_cannot() -> None:
    with client("not-the-token") as tmdb, pytest.raises(AuthenticationError):
        tmdb.person_images(62)
    with client() as tmdb:
        with pytest.raises(NotFoundError):
            tmdb.person_images(999)
        with pytest.raises(NotFoundError):
            tmdb.image_bytes("/not-in-the-data.jpg")


def test_it_answers_every_recorded_path() -> None:
    paths = recorded_paths()
    assert {"/3/person/62/images", "/3/tv/1396/season/1/credits"} <= set(paths)
    headers = {"Authorization": f"Bearer {DEFAULT_ACCESS_TOKEN}"}
    with httpx.Client(transport=mock_transport(), base_url=API, headers=headers) as http:
        assert {path: http.get(path).status_code for path in paths} == dict.fromkeys(paths, 200)
        assert http.get("/3/person/1/images").status_code == 404
