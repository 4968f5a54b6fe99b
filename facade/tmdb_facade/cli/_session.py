"""The command line's client: live when a credential is set, else offline, in process.

The client reads its credential and addresses from the environment itself; the command line
only chooses its patience (timeout, retries), its cache, and maps the errors after.

Worst case of one call, with the defaults (`_constants.CLI_*`, `--timeout 5 --retries 2`):
three attempts of at most 5 s each (one deadline per attempt, from its start: connecting, any
1xx answers, the headers and the body together; `_transport.ClientTransport`), and between
them a backoff of at most 0.5 s then 1 s, or the `Retry-After` TMDB asks for, up to 10 s (a
longer one fails at once): 3 x 5 + 2 x 10 = 35 s at the very worst, 16.5 s when TMDB does not
answer at all (plus, for `download`, the waits for the rate limit's slots: it makes up to 20
such calls at once).
"""

from __future__ import annotations

import importlib.util
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
from tmdb_facade.errors import (
    CacheFileError,
    InvalidArgumentError,
    MissingCredentialsError,
    TmdbError,
)
from tmdb_facade.retry import RetryPolicy

from ._errors import LIVE_DATA_HINT, CliError, Context, ExitCode, credential_error, explain

#: What the offline client sends; only the in-process transport ever sees it.
_OFFLINE_TOKEN: Final = "offline"
_CREDENTIAL_VARIABLES: Final = {"access_token": ACCESS_TOKEN_ENV, "api_key": API_KEY_ENV}
NEEDS_HISHEL: Final = "--cache needs hishel: pip install 'tmdb-facade[cache]'"


@dataclass(frozen=True)
class Settings:
    """What the global options say about the client."""

    offline: bool = False
    retries: int = CLI_MAX_RETRIES
    timeout: float = CLI_TIMEOUT
    cache: bool | None = None
    """--cache (True), --no-cache (False), or neither: on when live and hishel is installed."""
    quiet: bool = False
    """-q: no notice that answers are offline."""


@dataclass(frozen=True)
class Session:
    """An open client, and what a failure message needs to know about it."""

    tmdb: AsyncTmdb
    context: Context

    @property
    def offline(self) -> bool:
        """Whether answers come from the recorded data."""
        return self.context.offline_coverage is not None


def _offline_transport() -> httpx.AsyncBaseTransport:
    # Imported here: only offline runs need the recorded data.
    from tmdb_facade.testing.mock import mock_transport

    return mock_transport(access_token=_OFFLINE_TOKEN)


def cache_installed() -> bool:
    """Whether the `cache` extra is installed: hishel, and anysqlite for `AsyncTmdb`'s cache.

    Asked of the import system, without importing them (about 30 ms), for runs without a cache.
    """
    return all(importlib.util.find_spec(name) is not None for name in ("hishel", "anysqlite"))


def _recorded_ids() -> list[tuple[list[str], list[str]]]:
    """The names and ids of each recorded API path: `/3/tv/1396/season/1/images` gives
    (["tv", "season", "images"], ["1396", "1"])."""
    from tmdb_facade.testing.mock import recorded_paths

    # Names and ids alternate after the API version.
    parts = [path.strip("/").split("/")[1:] for path in recorded_paths()]
    return [(part[0::2], part[1::2]) for part in parts]


def offline_seasons(series_id: int) -> list[int]:
    """The seasons of `series_id` whose details the recorded data has (`[1]` for 1396)."""
    wanted = str(series_id)
    return sorted(
        {
            int(ids[1])
            for names, ids in _recorded_ids()
            if names == ["tv", "season"] and ids[0] == wanted
        }
    )


def offline_coverage() -> str:
    """What the recorded data answers, read from it: `season 1396 1; persons 62, 976`."""
    found: dict[str, dict[str, None]] = {}
    for names, ids in _recorded_ids():
        if ids:
            noun = names[len(ids) - 1]
            noun = "series" if noun == "tv" else noun
            found.setdefault(noun, {})[" ".join(ids)] = None
    return "; ".join(
        f"{noun}{'s' if len(ids) > 1 and noun != 'series' else ''} {', '.join(_runs(list(ids)))}"
        for noun, ids in found.items()
    )


def _runs(ids: list[str]) -> list[str]:
    """Ids that differ only by a last number one apart, as a range: `1396 1 1-7`.

    >>> _runs(["1396 1 1", "1396 1 2", "1396 1 3", "62", "976"])
    ['1396 1 1-3', '62', '976']
    """
    runs: list[tuple[str, int, int]] = []
    for one in ids:
        head, _, last = one.rpartition(" ")
        if runs and last.isdigit() and runs[-1][0] == head and runs[-1][2] + 1 == int(last):
            runs[-1] = (head, runs[-1][1], int(last))
        elif last.isdigit():
            runs.append((head, int(last), int(last)))
        else:
            runs.append((one, -1, -1))
    return [
        (head if start < 0 else f"{head} {start}".strip() + (f"-{end}" if end > start else ""))
        for head, start, end in runs
    ]


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


def _wants_cache(asked: bool | None) -> bool:
    """Whether a live run caches: as --cache or --no-cache say, else when hishel is there.

    On by default because TMDB marks its answers fresh for hours (`Cache-Control: max-age`,
    up to 8 h): a command run again, or a download resumed, costs no request and no rate
    limit, and the cache never stores the credential. Never offline (`open_session`).
    """
    installed = cache_installed()
    if asked and not installed:
        raise CliError(NEEDS_HISHEL, ExitCode.USAGE)
    return installed if asked is None else asked


@asynccontextmanager
async def open_session(settings: Settings) -> AsyncIterator[Session]:
    """A client for one command; the library's errors raised in it come out as `CliError`."""
    policy = retry_policy(settings.retries)
    tmdb: AsyncTmdb | None = None
    why = "--offline"
    if not settings.offline:
        cache = _wants_cache(settings.cache)
        try:
            tmdb = AsyncTmdb(timeout=settings.timeout, retry_policy=policy, cache=cache)
        except MissingCredentialsError:
            why = f"no {ACCESS_TOKEN_ENV} or {API_KEY_ENV}"
        except InvalidArgumentError as error:
            if isinstance(error, CacheFileError):  # not a database, or another program's
                raise CliError(f"{error} (remove it, or use --no-cache)", ExitCode.FILES) from None
            raise credential_error(error) from None
    coverage: str | None = None
    if tmdb is None:
        if settings.cache:
            # The recorded answers carry TMDB's own URLs: cached, they would answer live runs.
            hint = "" if settings.offline else f" ({LIVE_DATA_HINT})"
            raise CliError(
                f"--cache is for live runs; offline ({why}), answers come from the recorded "
                f"data, never from the cache{hint}",
                ExitCode.USAGE,
            )

        def announce() -> None:
            if settings.quiet:
                return
            # Under --offline the credential is the user's choice, not news: no hint then.
            hint = "" if settings.offline else f"; {LIVE_DATA_HINT}"
            notice = f"offline ({why}): answering from recorded TMDB data{hint}"
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
        offline_asked=settings.offline,
    )
    async with tmdb:
        try:
            yield Session(tmdb, context)
        except TmdbError as error:
            raise explain(error, context) from None
