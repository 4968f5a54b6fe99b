"""The fake server's HTTP caching headers: TMDB's `Cache-Control`, weak `ETag`, and 304s."""

from __future__ import annotations

import re
from email.utils import parsedate_to_datetime

import httpx

from tmdb_facade.testing import FakeTmdb

PERSON = "/3/person/62/images"


def get(server: FakeTmdb, path: str, **headers: str) -> httpx.Response:
    return httpx.get(f"{server.url}{path}", headers={**server.auth_headers, **headers})


def test_api_answers_carry_tmdb_s_caching_headers(fake_tmdb: FakeTmdb) -> None:
    response = get(fake_tmdb, PERSON)
    assert response.headers["cache-control"] == "public, max-age=28800"
    assert re.fullmatch(r'W/"[0-9a-f]{32}"', response.headers["etag"])
    assert parsedate_to_datetime(response.headers["date"]).tzinfo is not None
    assert response.headers["vary"] == "accept-encoding, Origin"
    # The same body has the same tag; another body another.
    assert get(fake_tmdb, PERSON).headers["etag"] == response.headers["etag"]
    assert get(fake_tmdb, "/3/person/976/images").headers["etag"] != response.headers["etag"]


def test_a_matching_if_none_match_gets_a_304_without_a_body(fake_tmdb: FakeTmdb) -> None:
    tag = get(fake_tmdb, PERSON).headers["etag"]
    for asked in (tag, tag.removeprefix("W/"), f'"other", {tag}', "*"):
        response = get(fake_tmdb, PERSON, **{"If-None-Match": asked})
        assert (response.status_code, response.content) == (304, b""), asked
        assert response.headers["etag"] == tag
        assert response.headers["cache-control"] == "public, max-age=28800"
    assert get(fake_tmdb, PERSON, **{"If-None-Match": '"other"'}).status_code == 200
    assert [r.status for r in fake_tmdb.requests] == [200, 304, 304, 304, 304, 200]


def test_errors_and_image_files_carry_no_caching_headers(fake_tmdb: FakeTmdb) -> None:
    tag = get(fake_tmdb, PERSON).headers["etag"]
    missing = get(fake_tmdb, "/3/person/999999/images", **{"If-None-Match": "*"})
    unauthorised = httpx.get(f"{fake_tmdb.url}{PERSON}", headers={"If-None-Match": tag})
    assert (missing.status_code, unauthorised.status_code) == (404, 401)
    poster = get(fake_tmdb, PERSON).json()["profiles"][0]["file_path"]
    image = httpx.get(f"{fake_tmdb.image_base_url}w185{poster}")
    for response in (missing, unauthorised, image):
        assert "etag" not in response.headers
        assert "cache-control" not in response.headers


def test_max_age_can_change_and_none_sends_no_caching_headers(fake_tmdb: FakeTmdb) -> None:
    fake_tmdb.cache_max_age = 0
    assert get(fake_tmdb, PERSON).headers["cache-control"] == "public, max-age=0"
    fake_tmdb.cache_max_age = None
    bare = get(fake_tmdb, PERSON, **{"If-None-Match": "*"})
    assert bare.status_code == 200
    assert not {"etag", "cache-control", "date"} & set(bare.headers)
