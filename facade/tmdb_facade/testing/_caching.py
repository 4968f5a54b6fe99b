"""HTTP caching as TMDB answers it: `Cache-Control`, a weak `ETag`, `Date`, and 304s.

TMDB's API answers carry `Cache-Control: public, max-age=N`, where N is what is left of the
8 hours it keeps an answer in its memcache (its `x-memc-age` + `x-memc-expires` add up to
28,800), a weak `ETag: W/"<32 hex digits>"` and `Vary: accept-encoding, Origin`; its errors
carry none of these. The fake server answers the same way, and answers `If-None-Match` with a
bodiless 304 when the tag matches, so a client's cache can be tested over a real socket.
"""

from __future__ import annotations

import functools
import hashlib
from email.utils import formatdate

from tmdb_facade.testing._app import Reply

#: Seconds TMDB keeps an answer; the fake server's answers are always that fresh.
TMDB_MAX_AGE = 28_800


@functools.lru_cache(maxsize=256)
def etag(body: bytes) -> str:
    """The entity tag of a body, in TMDB's form: weak, 32 hex digits."""
    return f'W/"{hashlib.md5(body, usedforsecurity=False).hexdigest()}"'


def matches(if_none_match: str, tag: str) -> bool:
    """RFC 9110 13.1.2: whether `If-None-Match` names `tag` (weak comparison) or is `*`.

    >>> matches('W/"a", "b"', 'W/"b"'), matches("*", 'W/"b"'), matches('"c"', 'W/"b"')
    (True, True, False)
    """
    if if_none_match.strip() == "*":
        return True
    opaque = tag.removeprefix("W/")
    return any(t.strip().removeprefix("W/") == opaque for t in if_none_match.split(","))


def with_cache_headers(reply: Reply, max_age: int | None, if_none_match: str | None) -> Reply:
    """A 200 API reply with TMDB's caching headers, or the 304 that replaces it.

    `max_age=None` stands for a server (or a proxy) that sends no caching headers at all.
    """
    if max_age is None:
        return reply
    tag = etag(reply.body)
    headers = (
        ("Cache-Control", f"public, max-age={max_age}"),
        ("ETag", tag),
        ("Date", formatdate(usegmt=True)),
        ("Vary", "accept-encoding, Origin"),
    )
    if if_none_match is not None and matches(if_none_match, tag):
        # RFC 9110 15.4.5: no body, and the headers a 200 would have had for caching.
        return Reply(304, b"", reply.content_type, headers)
    return Reply(reply.status, reply.body, reply.content_type, reply.headers + headers)
