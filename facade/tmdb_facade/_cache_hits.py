"""Fresh answers served before httpx builds a request: a cache hit then costs about what
decoding the body costs, instead of the whole httpx round (BENCHMARKS.md: cache hit).

The lookup is hishel's own, through its public API: the storage's entries for the request's
key and the RFC 9111 state machine (`IdleClient`), which says `FromCache` only for a fresh
answer that matches the request (Vary included). Anything else (stale, missing, an answer not
stored by this client's rules) goes the usual way, through httpx and the cache transport,
which revalidates or fetches; so this only ever shortens a hit.

`scripts/unasync` writes `SyncHits` (`_cache_hits_sync.py`) from `AsyncHits` here.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
from collections.abc import AsyncIterator
from typing import Any

import hishel
import httpx

from ._cache_store import Health, is_storage_error, watching
from ._calls import ApiCall
from ._inflate import BadCodingError, UnsupportedCodingError, codings, decode_all

#: Requests whose key is remembered (one per distinct call): enough for a media library.
MAX_REMEMBERED = 10_000

_log = logging.getLogger("tmdb_facade")


class AsyncHits:
    """Hits for `AsyncTmdb`, from a hishel storage, async or (for a file of its own) sync."""

    def __init__(
        self, storage: Any, options: hishel.CacheOptions, max_body_bytes: int, health: Health
    ) -> None:
        self._storage = storage
        self._health = health
        self._options = options
        self._max_body_bytes = max_body_bytes
        self._requests: dict[tuple[str, tuple[tuple[str, str], ...]], tuple[str, Any]] = {}

    def _request(self, call: ApiCall[Any], http: httpx.AsyncClient) -> Any:
        """The cache key and hishel's view of the request `call` makes, as the transport sees it."""
        remembered = (call.url, tuple(call.params.items()))
        found = self._requests.get(remembered)
        if found is None:
            # Built once per call: httpx's URL building is most of what a hit would cost.
            request = http.build_request(call.method, call.url, params=call.params)
            url = str(request.url)
            headers: dict[str, list[str]] = {}
            for name, value in request.headers.multi_items():
                headers.setdefault(name, []).append(value)
            key = hashlib.sha256(f"RFC {url}".encode()).hexdigest()  # as hishel keys it
            found = (key, hishel.Request(request.method, url, hishel.Headers(headers)))
            if len(self._requests) < MAX_REMEMBERED:
                self._requests[remembered] = found
        return found

    def _fresh(self, request: Any, entries: list[Any]) -> Any:
        state = hishel.IdleClient(options=self._options).next(request, entries)
        if isinstance(state, hishel.FromCache) and state.entry.response.status_code == 200:
            # The URL as built for httpx: the credential is added later, by the transport.
            _log.debug("Cache hit: %s %s (fresh, not sent)", request.method, request.url)
            return state.entry
        return None

    def _body(self, entry: Any, raw: bytes) -> bytes | None:
        """The stored answer's body, decompressed if it was stored compressed (by an earlier
        version); None if it is larger than the body limit, or cannot be decoded: the usual
        way then serves it, and raises the error a network answer would."""
        if len(raw) > self._max_body_bytes:
            return None
        encoding = [v for n, v in entry.response.headers.items() if n.lower() == "content-encoding"]
        if not encoding:
            return raw
        try:
            return decode_all(raw, codings(encoding), self._max_body_bytes)
        except (UnsupportedCodingError, BadCodingError):
            return None

    async def get(self, call: ApiCall[Any], http: httpx.AsyncClient) -> bytes | None:
        """The body of a fresh stored answer to `call`, else None. A failure of the cache is
        the cache's (one warning, then no cache), not the call's."""
        if not call.api_operation or self._health.broken:  # image files are never cached
            return None
        try:
            with watching(self._health):
                return await self._lookup(call, http)
        except Exception as error:
            if not is_storage_error(error):
                raise
            self._health.fail(error)
            return None

    async def _lookup(self, call: ApiCall[Any], http: httpx.AsyncClient) -> bytes | None:
        key, request = self._request(call, http)
        entries = self._storage.get_entries(key)
        if inspect.isawaitable(entries):
            entries = await entries
        entry = self._fresh(request, entries)
        if entry is None:
            return None
        stream = entry.response.stream
        if isinstance(stream, AsyncIterator):
            return self._body(entry, b"".join([chunk async for chunk in stream]))
        return self._body(entry, b"".join(stream))
