"""The fake TMDB server answers like TMDB, from the bundled recordings, and obeys its switches."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.fake_server_support import (
    EPISODE_IMAGES,
    MANIFEST,
    NOT_FOUND_BODY,
    PERSON_IMAGES,
    SEASON,
    SEASON_IMAGES,
    UNAUTHORISED_BODY,
    conforming,
    recorded_body,
)
from tests.helpers import BUNDLED, load_json
from tmdb_facade import _spec
from tmdb_facade.testing import (
    DEFAULT_ACCESS_TOKEN,
    FakeTmdb,
)
from tmdb_facade.testing._images import SERVED_SIZES, placeholder_for

pytest_plugins = ["pytester"]


@pytest.fixture
def client(fake_tmdb: FakeTmdb) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=fake_tmdb.url, headers=fake_tmdb.auth_headers) as client:
        yield client


# -- what it serves ------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(MANIFEST["routes"]))
def test_every_route_answers_its_recorded_body(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert conforming(response) == recorded_body(path)
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    assert response.headers["server"] == "openresty"
    assert int(response.headers["content-length"]) == len(response.content)


def test_routes_are_the_recorded_request_paths_of_spec_operations() -> None:
    for path, entry in MANIFEST["routes"].items():
        assert _spec.find_operation("GET", path) is not None, path
        if entry["format"] == "exchange":
            assert load_json(BUNDLED / entry["file"])["request"] == {"method": "GET", "path": path}
    # The one documentation example with a known path: its body names person 976.
    assert recorded_body("/3/person/976/images")["id"] == 976


def test_leading_zeros_name_the_same_resource(client: httpx.Client) -> None:
    response = client.get("/3/tv/01396/season/01/images")
    assert conforming(response) == recorded_body(SEASON_IMAGES)


def test_connections_are_kept_alive(fake_tmdb: FakeTmdb, client: httpx.Client) -> None:
    for _ in range(3):
        assert client.get(PERSON_IMAGES).headers["connection"] == "keep-alive"
    assert [r.connection for r in fake_tmdb.requests] == [1, 1, 1]


def test_requests_are_recorded_for_assertions(fake_tmdb: FakeTmdb, client: httpx.Client) -> None:
    client.get(SEASON_IMAGES, params={"language": "en-US"})
    client.get("/nowhere")
    first, second = fake_tmdb.requests
    assert (first.method, first.path, first.query) == ("GET", SEASON_IMAGES, {"language": "en-US"})
    assert first.headers["authorization"] == f"Bearer {DEFAULT_ACCESS_TOKEN}"
    assert (first.operation, first.status, first.delay) == ("tv-season-images", 200, 0.0)
    assert (second.operation, second.status) == (None, 404)


# -- credentials ---------------------------------------------------------------------------


def test_bearer_token_and_api_key_are_both_accepted(fake_tmdb: FakeTmdb) -> None:
    url = f"{fake_tmdb.url}{PERSON_IMAGES}"
    assert httpx.get(url, headers=fake_tmdb.auth_headers).status_code == 200
    assert httpx.get(url, params={"api_key": fake_tmdb.api_key}).status_code == 200


@pytest.mark.parametrize(
    ("headers", "params"),
    [
        ({}, {}),
        ({"Authorization": "Bearer wrong"}, {}),
        ({"Authorization": f"Basic {DEFAULT_ACCESS_TOKEN}"}, {}),
        ({}, {"api_key": "wrong"}),
    ],
    ids=["none", "wrong-token", "not-bearer", "wrong-key"],
)
def test_missing_or_wrong_credentials_get_401(
    fake_tmdb: FakeTmdb, headers: dict[str, str], params: dict[str, str]
) -> None:
    response = httpx.get(f"{fake_tmdb.url}{SEASON_IMAGES}", headers=headers, params=params)
    assert response.status_code == 401
    assert conforming(response) == UNAUTHORISED_BODY


def test_credentials_can_be_chosen() -> None:
    with FakeTmdb(access_token="t0ken", api_key="k3y") as server:
        assert httpx.get(f"{server.url}{PERSON_IMAGES}", params={"api_key": "k3y"}).is_success
        assert httpx.get(f"{server.url}{PERSON_IMAGES}", headers=server.auth_headers).is_success
        assert server.auth_headers == {"Authorization": "Bearer t0ken"}


# -- not found, out of bounds, invalid -----------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/3/tv/1396/season/0/images",  # in bounds (specials), no data
        "/3/tv/1396/season/2/credits",
        "/3/tv/1396/season/1/episode/0/images",
        "/3/person/1/images",
        "/3/tv/0/season/1/images",  # series_id below the spec's minimum
        "/3/person/2147483648/images",  # above its maximum
        "/3/tv/-1/season/1/images",
        "/3/tv/breaking-bad/season/1/credits",
        "/3/tv/2",  # series details, no data
        "/3/tv/1396/season/2",  # season details, no data
        "/3/tv/1396/season/1/videos",  # not one of the spec's operations
        "/3/movie/550",
        "/",
    ],
)
def test_unknown_resources_get_tmdbs_404(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert conforming(response) == NOT_FOUND_BODY


@pytest.mark.parametrize(
    "params",
    [
        {"language": "english"},
        {"language": "en-us"},
        {"language": ""},
        {"language": "en\n"},
        {"include_image_language": "en,"},
        {"include_image_language": "EN"},
    ],
)
def test_query_values_outside_the_spec_get_422(
    client: httpx.Client, params: dict[str, str]
) -> None:
    response = client.get(SEASON_IMAGES, params=params)
    assert response.status_code == 422
    assert conforming(response)["status_code"] == 5


def test_undeclared_query_parameters_are_ignored(client: httpx.Client) -> None:
    response = client.get(PERSON_IMAGES, params={"language": "xx!", "page": "7"})
    assert conforming(response) == recorded_body(PERSON_IMAGES)


# -- language filtering --------------------------------------------------------------------


def languages(images: list[dict[str, Any]]) -> set[str | None]:
    return {image["iso_639_1"] for image in images}


def test_include_image_language_keeps_the_listed_languages(client: httpx.Client) -> None:
    recorded = recorded_body(SEASON_IMAGES)["posters"]
    posters = conforming(client.get(SEASON_IMAGES, params={"include_image_language": "en,null"}))[
        "posters"
    ]
    assert posters == [p for p in recorded if p["iso_639_1"] in ("en", None)]
    assert languages(posters) == {"en", None}


def test_language_keeps_its_own_and_language_free_images(client: httpx.Client) -> None:
    posters = conforming(client.get(SEASON_IMAGES, params={"language": "pt-BR"}))["posters"]
    assert languages(posters) == {"pt", None}


def test_include_image_language_wins_over_language(client: httpx.Client) -> None:
    params = {"language": "fr", "include_image_language": "null"}
    posters = conforming(client.get(SEASON_IMAGES, params=params))["posters"]
    assert posters
    assert languages(posters) == {None}


def test_without_language_parameters_all_images_come_back(client: httpx.Client) -> None:
    body = conforming(client.get(SEASON_IMAGES))
    assert len(body["posters"]) == len(recorded_body(SEASON_IMAGES)["posters"]) == 54


def test_episode_stills_are_filtered_too(client: httpx.Client) -> None:
    # Every recorded still is language-free.
    assert conforming(client.get(EPISODE_IMAGES, params={"include_image_language": "en"})) == {
        "id": 62085,
        "stills": [],
    }
    stills = conforming(client.get(EPISODE_IMAGES, params={"language": "de"}))["stills"]
    assert stills == recorded_body(EPISODE_IMAGES)["stills"]


@pytest.mark.parametrize("endpoint", ["credits", "aggregate_credits"])
def test_credits_ignore_language(client: httpx.Client, endpoint: str) -> None:
    path = f"{SEASON}/{endpoint}"
    assert conforming(client.get(path, params={"language": "fr-FR"})) == recorded_body(path)


# -- append_to_response --------------------------------------------------------------------


APPENDS = ("images", "credits", "aggregate_credits")


def without_id(body: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in body.items() if key != "id"}


def test_season_details_append_the_three_season_answers_without_their_id(
    client: httpx.Client,
) -> None:
    body = conforming(client.get(SEASON, params={"append_to_response": ",".join(APPENDS)}))
    for name in APPENDS:
        assert body[name] == without_id(recorded_body(f"{SEASON}/{name}")), name
    assert {k: v for k, v in body.items() if k not in APPENDS} == recorded_body(SEASON)


def test_only_the_named_answers_are_appended(client: httpx.Client) -> None:
    body = conforming(client.get(SEASON, params={"append_to_response": "credits,credits"}))
    assert set(body) - set(recorded_body(SEASON)) == {"credits"}
    assert conforming(client.get(SEASON)) == recorded_body(SEASON)


@pytest.mark.parametrize(
    "params",
    [
        {"include_image_language": "en,null"},
        {"include_image_language": "null"},
        {"language": "pt-BR"},
        {"language": "fr", "include_image_language": "de"},
    ],
)
def test_appended_posters_are_filtered_like_the_images_endpoint(
    client: httpx.Client, params: dict[str, str]
) -> None:
    posters = conforming(client.get(SEASON_IMAGES, params=params))["posters"]
    body = conforming(client.get(SEASON, params={**params, "append_to_response": "images"}))
    assert body["images"] == {"posters": posters}
    assert 0 < len(posters) < len(recorded_body(SEASON_IMAGES)["posters"])


def test_language_does_not_filter_the_appended_credits(client: httpx.Client) -> None:
    params = {"language": "fr", "include_image_language": "fr", "append_to_response": "credits"}
    body = conforming(client.get(SEASON, params=params))
    assert body["credits"] == without_id(recorded_body(f"{SEASON}/credits"))


@pytest.mark.parametrize(
    "value", ["videos", "images,videos", "images,", "Images", "images, credits", ""]
)
def test_append_values_outside_the_spec_get_422(client: httpx.Client, value: str) -> None:
    response = client.get(SEASON, params={"append_to_response": value})
    assert response.status_code == 422
    assert conforming(response)["status_code"] == 5


# -- images --------------------------------------------------------------------------------


def png_chunks(data: bytes) -> dict[bytes, bytes]:
    """The chunks of a PNG, checking the signature and every CRC on the way."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, offset = {}, 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind, body = data[offset + 4 : offset + 8], data[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length : offset + 12 + length])
        assert crc == zlib.crc32(kind + body)
        chunks[kind] = body
        offset += 12 + length
    return chunks


def jpeg_segments(data: bytes) -> dict[int, bytes]:
    """The marker segments of a baseline JPEG up to its scan, checking that each length
    fits, that the scan's data has no unstuffed 0xFF and that the file ends at EOI."""
    assert data[:2] == b"\xff\xd8"
    segments, offset = {}, 2
    while True:
        assert data[offset] == 0xFF
        marker = data[offset + 1]
        (length,) = struct.unpack(">H", data[offset + 2 : offset + 4])
        segments[marker] = data[offset + 4 : offset + 2 + length]
        offset += 2 + length
        assert offset < len(data)
        if marker == 0xDA:  # start of scan: entropy-coded data up to end of image
            scan = data[offset:-2]
            assert data[-2:] == b"\xff\xd9"
            assert all(scan[i + 1] == 0 for i in range(len(scan)) if scan[i] == 0xFF)
            return segments


def test_image_files_are_small_valid_deterministic_jpegs_as_named(fake_tmdb: FakeTmdb) -> None:
    file_path = recorded_body(PERSON_IMAGES)["profiles"][0]["file_path"]
    assert file_path.endswith(".jpg")
    first = httpx.get(f"{fake_tmdb.image_base_url}w185{file_path}")
    assert first.status_code == 200
    assert first.headers["content-type"] == "image/jpeg"
    segments = jpeg_segments(first.content)
    assert segments[0xE0].startswith(b"JFIF\0")
    # Baseline, 8-bit, 16x16, three components: with the tables the scan refers to.
    assert struct.unpack(">BHHB", segments[0xC0][:6]) == (8, 16, 16, 3)
    assert {0xDB, 0xC4} <= set(segments)
    assert len(first.content) < 1000
    # Every size of a file is the same picture; another file is another colour.
    assert httpx.get(f"{fake_tmdb.image_base_url}original{file_path}").content == first.content
    other = recorded_body(PERSON_IMAGES)["profiles"][1]["file_path"]
    assert httpx.get(f"{fake_tmdb.image_base_url}w185{other}").content != first.content


def test_a_png_name_gets_a_valid_png() -> None:
    data, content_type = placeholder_for("/logo.png")
    assert content_type == "image/png"
    chunks = png_chunks(data)
    width, height = struct.unpack(">II", chunks[b"IHDR"][:8])
    assert len(zlib.decompress(chunks[b"IDAT"])) == height * (1 + 3 * width)
    assert set(chunks) == {b"IHDR", b"IDAT", b"IEND"}
    assert placeholder_for("/poster.jpg")[1] == "image/jpeg"


def test_profile_pictures_of_the_credits_are_served(fake_tmdb: FakeTmdb) -> None:
    profile_path = recorded_body(f"{SEASON}/credits")["cast"][0]["profile_path"]
    assert httpx.get(f"{fake_tmdb.image_base_url}h632{profile_path}").status_code == 200


@pytest.mark.parametrize(
    "tail", ["w185/unknown.jpg", "w999/1BP4xYv9ZG4ZVHkL7ocOziBbSYH.jpg", "w185", "w185/a/b.jpg"]
)
def test_unknown_image_files_or_sizes_get_404(fake_tmdb: FakeTmdb, tail: str) -> None:
    assert httpx.get(f"{fake_tmdb.image_base_url}{tail}").status_code == 404


def test_every_tmdb_image_size_is_accepted(fake_tmdb: FakeTmdb) -> None:
    file_path = recorded_body(SEASON_IMAGES)["posters"][0]["file_path"]
    with httpx.Client(base_url=fake_tmdb.image_base_url) as cdn:
        statuses = {size: cdn.get(f"{size}{file_path}").status_code for size in SERVED_SIZES}
    assert statuses == dict.fromkeys(SERVED_SIZES, 200)
    assert {"w92", "w500", "original", "w300", "w45", "h632"} <= SERVED_SIZES
