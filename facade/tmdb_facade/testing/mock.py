"""The fake TMDB in process: an `httpx.MockTransport` that answers like `FakeTmdb`, with no
server, thread or port.

>>> from tmdb_facade import Tmdb
>>> from tmdb_facade.testing import DEFAULT_ACCESS_TOKEN
>>> with Tmdb(DEFAULT_ACCESS_TOKEN, transport=mock_transport()) as tmdb:
...     tmdb.season_credits(1396, 1).cast[0].character
'Walter White'

It serves the API and the image server alike, from the same recorded data and rules as
`FakeTmdb` (`_app`): a client left at TMDB's own addresses (`https://api.themoviedb.org`,
`https://image.tmdb.org/t/p/`) gets recorded answers and placeholder images without any
request leaving the process. Requests are told apart by path, as `FakeTmdb` does: `/t/p/...`
is the image server, anything else the API. It works for `Tmdb` and `AsyncTmdb` alike.
The command line's offline mode runs on it.
"""

from __future__ import annotations

import httpx

from tmdb_facade.testing import _app, _data
from tmdb_facade.testing._server import DEFAULT_ACCESS_TOKEN, DEFAULT_API_KEY

__all__ = ["mock_transport", "recorded_paths"]


def mock_transport(
    *, access_token: str = DEFAULT_ACCESS_TOKEN, api_key: str = DEFAULT_API_KEY
) -> httpx.MockTransport:
    """A transport answering like TMDB from the recorded data, for either credential."""

    def answer(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if _app.is_image_path(path):
            reply = _app.image_reply(path)
        else:
            reply, _ = _app.api_reply(
                request.method,
                path,
                request.url.params,
                request.headers,
                token=access_token,
                key=api_key,
            )
        return httpx.Response(
            reply.status,
            content=reply.body,
            headers=[("Content-Type", reply.content_type), *reply.headers],
        )

    return httpx.MockTransport(answer)


def recorded_paths() -> list[str]:
    """The API paths the recorded data answers, such as `/3/person/62/images`."""
    return list(_data.routes())
