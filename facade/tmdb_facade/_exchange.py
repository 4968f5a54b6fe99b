"""`exchange_async`, a request sent and its answer read without `httpx.AsyncClient.send`;
`scripts/unasync` writes `exchange` (`_exchange_sync.py`) from this module."""

from __future__ import annotations

import logging

import httpx

#: httpx's own logger: `exchange_async` writes the line httpx would (`tmdb-facade -vv` shows it).
_httpx_log = logging.getLogger("httpx")


async def exchange_async(
    transport: httpx.AsyncBaseTransport, request: httpx.Request
) -> httpx.Response:
    """`request` sent through `transport` (the one under the client), its body read: what
    `httpx.AsyncClient.send` does with the facade's requests, which need none of its auth,
    redirects, cookies or hooks. Its machinery for them was 0.7x the async client's CPU per
    call, measured (BENCHMARKS.md, "The async transport")."""
    try:
        response = await transport.handle_async_request(request)
    except httpx.RequestError as error:
        error.request = request
        raise
    response.request = request  # also names it in the errors of the body's reading
    try:
        await response.aread()
    finally:
        await response.aclose()
    _httpx_log.info(
        'HTTP Request: %s %s "%s %d %s"',
        request.method,
        request.url,
        response.http_version,
        response.status_code,
        response.reason_phrase,
    )
    return response
