"""The command line's client: live when a credential is set, else offline, in process.

The client reads its credential and addresses from the environment itself; the command line
only chooses its patience (timeout, retries) and maps the errors after.

Worst case of one call, with the defaults (`_constants.CLI_*`, `--timeout 5 --retries 2`):
three attempts of at most 5 s each, and between them a backoff of at most 0.5 s then 1 s, or
the `Retry-After` TMDB asks for, up to 10 s (a longer one fails at once): about
3 x 5 + 2 x 10 = 35 s at the very worst, 16.5 s when TMDB does not answer at all. `download`
makes up to 20 such calls at once.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Final

import httpx

from tmdb_facade._constants import (
    ACCESS_TOKEN_ENV,
    API_KEY_ENV,
    CLI_MAX_BACKOFF,
    CLI_MAX_RETRIES,
    CLI_MAX_RETRY_AFTER,
    CLI_TIMEOUT,
    DEFAULT_BASE_URL,
    DEFAULT_IMAGE_BASE_URL,
)
from tmdb_facade.client import AsyncTmdb
from tmdb_facade.errors import InvalidArgumentError, MissingCredentialsError, TmdbError
from tmdb_facade.retry import RetryPolicy

from ._errors import LIVE_DATA_HINT, Context, credential_error, explain

#: What the offline client sends; only the in-process transport ever sees it.
_OFFLINE_TOKEN: Final = "offline"
_CREDENTIAL_VARIABLES: Final = {"access_token": ACCESS_TOKEN_ENV, "api_key": API_KEY_ENV}


@dataclass(frozen=True)
class Settings:
    """What the global options say about the client."""

    offline: bool = False
    retries: int = CLI_MAX_RETRIES
    timeout: float = CLI_TIMEOUT


@dataclass(frozen=True)
class Session:
    """An open client, and what a failure message needs to know about it."""

    tmdb: AsyncTmdb
    context: Context


def _offline_transport() -> httpx.AsyncBaseTransport:
    # Imported here: only offline runs need the recorded data.
    from tmdb_facade.testing.mock import mock_transport

    return mock_transport(access_token=_OFFLINE_TOKEN)


def offline_coverage() -> str:
    """What the recorded data answers, read from it: `season 1396 1; persons 62, 976`."""
    from tmdb_facade.testing.mock import recorded_paths

    found: dict[str, dict[str, None]] = {}
    for path in recorded_paths():
        # `/3/tv/1396/season/1/images`: names and ids alternate after the API version.
        parts = path.strip("/").split("/")[1:]
        ids = parts[1::2]
        if ids:
            noun = parts[2 * len(ids) - 2]
            noun = "series" if noun == "tv" else noun
            found.setdefault(noun, {})[" ".join(ids)] = None
    return "; ".join(
        f"{noun}{'s' if len(ids) > 1 and noun != 'series' else ''} {', '.join(ids)}"
        for noun, ids in found.items()
    )


class _Announcing(httpx.AsyncBaseTransport):
    """Says once on stderr that answers are offline, when the first request goes out: a
    command refused for a bad argument sends nothing, so it says nothing."""

    def __init__(self, inner: httpx.AsyncBaseTransport, announce: Callable[[], None]) -> None:
        self._inner = inner
        self._announce: Callable[[], None] | None = announce

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        announce, self._announce = self._announce, None
        if announce is not None:
            announce()
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


def retry_policy(retries: int) -> RetryPolicy:
    """The command line's patience: short backoff, and no wait longer than CLI_MAX_RETRY_AFTER."""
    return RetryPolicy(
        max_retries=retries,
        max_delay=CLI_MAX_BACKOFF,
        max_retry_after=CLI_MAX_RETRY_AFTER,
        on_long_retry_after="fail",
    )


@asynccontextmanager
async def open_session(settings: Settings) -> AsyncIterator[Session]:
    """A client for one command; the library's errors raised in it come out as `CliError`."""
    policy = retry_policy(settings.retries)
    tmdb: AsyncTmdb | None = None
    why = "--offline"
    if not settings.offline:
        try:
            tmdb = AsyncTmdb(timeout=settings.timeout, retry_policy=policy)
        except MissingCredentialsError:
            why = f"no {ACCESS_TOKEN_ENV} or {API_KEY_ENV}"
        except InvalidArgumentError as error:
            raise credential_error(error) from None
    coverage: str | None = None
    if tmdb is None:

        def announce() -> None:
            notice = f"offline ({why}): answering from recorded TMDB data; {LIVE_DATA_HINT}"
            print(notice, file=sys.stderr, flush=True)

        # TMDB's own addresses even offline, so that a printed image URL opens in a browser;
        # the transport answers for both servers in process.
        tmdb = AsyncTmdb(
            _OFFLINE_TOKEN,
            base_url=DEFAULT_BASE_URL,
            image_base_url=DEFAULT_IMAGE_BASE_URL,
            timeout=settings.timeout,
            retry_policy=policy,
            transport=_Announcing(_offline_transport(), announce),
        )
        coverage = offline_coverage()
    context = Context(
        timeout=settings.timeout,
        retries=settings.retries,
        max_retry_after=CLI_MAX_RETRY_AFTER,
        credential_variable=(
            None if coverage is not None else _CREDENTIAL_VARIABLES[tmdb.credential_kind]
        ),
        offline_coverage=coverage,
    )
    async with tmdb:
        try:
            yield Session(tmdb, context)
        except TmdbError as error:
            raise explain(error, context) from None
