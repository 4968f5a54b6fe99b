# Written by scripts/unasync from _exchange.py: edit that file, then run it.
"""`exchange`, a request sent and its answer read without `httpx.Client.send`, written by
`scripts/unasync` from `_exchange.py`."""

from __future__ import annotations

import logging

import httpx

#: httpx's own logger: `exchange` writes the line httpx would (`tmdb-facade -vv` shows it).
_httpx_log = logging.getLogger("httpx")


def exchange(transport: httpx.BaseTransport, request: httpx.Request) -> httpx.Response:
    """`request` sent through `transport` (the one under the client), its body read: what
    `httpx.Client.send` does with the facade's requests, which need none of its auth,
    redirects, cookies or hooks. Its machinery for them was 0.7x the async client's CPU per
    call, measured (BENCHMARKS.md, "The async transport")."""
    try:
        response = transport.handle_request(request)
    except httpx.RequestError as error:
        error.request = request
        raise
    response.request = request  # also names it in the errors of the body's reading
    try:
        response.read()
    finally:
        response.close()
    _httpx_log.info(
        'HTTP Request: %s %s "%s %d %s"',
        request.method,
        request.url,
        response.http_version,
        response.status_code,
        response.reason_phrase,
    )
    return response
