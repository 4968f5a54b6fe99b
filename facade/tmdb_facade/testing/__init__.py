"""A fake TMDB API for tests: a real HTTP/1.1 server on 127.0.0.1 serving recorded responses.

It answers the eight operations of the spec from TMDB responses bundled with the package
(`data/README.md`: real recordings, and three bodies written in TMDB's shape), checks
credentials and parameters like TMDB, and can be told to be slow, rate limited or broken.
With pytest, the `fake_tmdb` fixture gives each test a fresh one.

>>> import httpx
>>> from tmdb_facade.testing import FakeTmdb
>>> with FakeTmdb() as server:
...     response = httpx.get(
...         f"{server.url}/3/tv/1396/season/1/images",
...         params={"include_image_language": "en,null"},
...         headers=server.auth_headers,
...     )
>>> response.status_code, response.json()["id"]
(200, 3572)

What it serves:

- `/3/tv/1396/season/1/images`, `.../season/1/episode/1/images`, `.../season/1/credits`,
  `.../season/1/aggregate_credits` (Breaking Bad), `/3/person/62/images` (Bruce Willis), as
  recorded from the live API, and `/3/person/976/images` (TMDB's documentation example);
  `/3/configuration`, `/3/tv/1396` and `/3/tv/1396/season/1`, written in TMDB's shape.
- Credentials: `Authorization: Bearer <access_token>` or `?api_key=<api_key>`; else 401
  (TMDB's status_code 7).
- Path parameters that are not integers within the spec's bounds, unknown paths, and ids
  it has no data for: 404 (status_code 34). A query parameter that does not match the spec's
  pattern (`language=english`): 422 (status_code 5).
- The two TV image operations filter like TMDB: with `include_image_language=en,null` only
  images whose `iso_639_1` is listed (`null`: no language); else with `language=en` or `en-US`
  only English and language-free images; else all. The other operations ignore `language`.
- Season details honour `append_to_response=images,credits,aggregate_credits`: each of those
  answers for the same season, filtered as above and without its `id`, under its own name.
- `/t/p/{size}/{file_path}`: the image CDN, without credentials. A tiny image in the format
  its name says (JPEG for TMDB's `.jpg`, PNG for a `.png`), the same for every size of a
  file, for each file path in the data and each size TMDB lists; else 404.
- Every answer has `Content-Type: application/json; charset=utf-8` (images: `image/jpeg`
  or `image/png`),
  `Server: openresty` and `Content-Length`; connections are kept alive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tmdb_facade.testing._server import (
        DEFAULT_ACCESS_TOKEN,
        DEFAULT_API_KEY,
        FakeTmdb,
        RecordedRequest,
    )


# The server is imported on first use (PEP 562): the pytest plugin imports this package in
# every pytest run of every project that installs tmdb-facade, and the server brings in
# asyncio, httpx and the generated models (BENCHMARKS.md: the plugin's cost).
def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from tmdb_facade.testing import _server

    value = getattr(_server, name)
    globals()[name] = value  # next time, found without calling this
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "DEFAULT_ACCESS_TOKEN",
    "DEFAULT_API_KEY",
    "FakeTmdb",
    "RecordedRequest",
]
