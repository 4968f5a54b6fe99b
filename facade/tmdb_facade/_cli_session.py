"""The command line's client, live or offline, and how its failures become exit codes.

Imported only by `tmdb_facade.cli`, never by `import tmdb_facade`.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from enum import IntEnum
from typing import Final

from ._auth import resolve_credentials
from ._base import check_base_url as _check_base_url
from ._constants import ACCESS_TOKEN_ENV, API_KEY_ENV, DEFAULT_BASE_URL, DEFAULT_IMAGE_BASE_URL
from .client import Tmdb
from .errors import (
    APIConnectionError,
    AuthenticationError,
    InvalidArgumentError,
    InvalidArgumentTypeError,
    MissingCredentialsError,
    NotFoundError,
    RateLimitError,
    TmdbError,
)

BASE_URL_ENV: Final = "TMDB_BASE_URL"
IMAGE_BASE_URL_ENV: Final = "TMDB_IMAGE_BASE_URL"
LIVE_DATA_HINT: Final = f"set {ACCESS_TOKEN_ENV} or {API_KEY_ENV} for live data"


class ExitCode(IntEnum):
    """One exit code per kind of failure, so that scripts can tell them apart."""

    OK = 0
    USAGE = 2
    AUTH = 3
    NOT_FOUND = 4
    RATE_LIMITED = 5
    NETWORK = 6
    BAD_RESPONSE = 7
    FILES = 8
    INTERRUPTED = 130
    BROKEN_PIPE = 141  # what a Unix tool killed by SIGPIPE reports, as in `... | head`


class CliError(Exception):
    """An expected failure: one line for stderr, and the exit code."""

    def __init__(self, message: str, exit_code: ExitCode) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def cli_error_for(error: TmdbError) -> CliError:
    """The exit code and message for an error of the facade."""
    match error:
        case InvalidArgumentError() | InvalidArgumentTypeError():
            return CliError(str(error), ExitCode.USAGE)
        case MissingCredentialsError() | AuthenticationError():
            return CliError(str(error), ExitCode.AUTH)
        case NotFoundError():
            return CliError(str(error), ExitCode.NOT_FOUND)
        case RateLimitError(retry_after=float() as wait):
            return CliError(f"{error}; TMDB asks to wait {wait:g} s", ExitCode.RATE_LIMITED)
        case RateLimitError():
            return CliError(str(error), ExitCode.RATE_LIMITED)
        case APIConnectionError():
            return CliError(f"{error} (is the network up?)", ExitCode.NETWORK)
        case _:  # ServerError, any other HTTP error, ResponseValidationError
            return CliError(str(error), ExitCode.BAD_RESPONSE)


def redact(message: str, environ: Mapping[str, str] | None = None) -> str:
    """`message` without the credentials of the environment, should one ever slip in."""
    env = os.environ if environ is None else environ
    for name in (ACCESS_TOKEN_ENV, API_KEY_ENV):
        secret = env.get(name)
        if secret:
            message = message.replace(secret, "***")
    return message


def has_credentials(environ: Mapping[str, str] | None = None) -> bool:
    """Whether TMDB_ACCESS_TOKEN or TMDB_API_KEY is set (empty counts as unset, as in Tmdb)."""
    env = os.environ if environ is None else environ
    return bool(env.get(ACCESS_TOKEN_ENV) or env.get(API_KEY_ENV))


@contextmanager
def open_client(*, offline: bool, max_retries: int) -> Iterator[Tmdb]:
    """A client for one command: live with a credential, else on the bundled fake server."""
    if offline or not has_credentials():
        with _offline_client(explicit=offline, max_retries=max_retries) as tmdb:
            yield tmdb
    else:
        with _live_client(max_retries=max_retries) as tmdb:
            yield tmdb


@contextmanager
def _live_client(*, max_retries: int) -> Iterator[Tmdb]:
    variable = ACCESS_TOKEN_ENV if os.environ.get(ACCESS_TOKEN_ENV) else API_KEY_ENV
    try:
        credentials = resolve_credentials(None, None)
    except InvalidArgumentError as error:
        raise CliError(f"{variable}: {error}", ExitCode.AUTH) from None
    try:
        base_url = _check_base_url(BASE_URL_ENV, os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL)
        image_base_url = _check_base_url(
            IMAGE_BASE_URL_ENV, os.environ.get(IMAGE_BASE_URL_ENV) or DEFAULT_IMAGE_BASE_URL
        )
    except InvalidArgumentError as error:
        raise CliError(str(error), ExitCode.USAGE) from None
    token = credentials.secret if credentials.kind == "access_token" else None
    key = credentials.secret if credentials.kind == "api_key" else None
    with Tmdb(
        token,
        api_key=key,
        base_url=base_url,
        image_base_url=image_base_url,
        max_retries=max_retries,
    ) as tmdb:
        try:
            yield tmdb
        except AuthenticationError as error:
            raise CliError(f"{error}; check {variable}", ExitCode.AUTH) from None


@contextmanager
def _offline_client(*, explicit: bool, max_retries: int) -> Iterator[Tmdb]:
    # Imported here: only offline runs need the server, and it is the slowest import.
    from .testing import FakeTmdb

    with FakeTmdb() as server:
        why = "--offline" if explicit else f"no {ACCESS_TOKEN_ENV} or {API_KEY_ENV}"
        address = server.url.removeprefix("http://")
        print(
            f"offline ({why}): serving recorded TMDB data from {address}; {LIVE_DATA_HINT}",
            file=sys.stderr,
            flush=True,
        )
        with Tmdb(
            server.access_token,
            base_url=server.url,
            image_base_url=server.image_base_url,
            max_retries=max_retries,
        ) as tmdb:
            try:
                yield tmdb
            except NotFoundError as error:
                if "/3/" not in error.request_url:  # an image file, not a lookup
                    raise
                raise CliError(
                    f"{error}; the offline data has only {offline_coverage()} ({LIVE_DATA_HINT})",
                    ExitCode.NOT_FOUND,
                ) from None


_EPISODE_ROUTE = re.compile(r"/3/tv/(\d+)/season/(\d+)/episode/(\d+)/\w+")
_SEASON_ROUTE = re.compile(r"/3/tv/(\d+)/season/(\d+)/\w+")
_PERSON_ROUTE = re.compile(r"/3/person/(\d+)/\w+")


def offline_coverage() -> str:
    """What the bundled recordings answer, read from them: `season 1396 1, episode 1396 1 1...`."""
    from .testing._data import routes

    seasons: dict[str, None] = {}
    episodes: dict[str, None] = {}
    people: dict[str, None] = {}
    for path in routes():
        if match := _EPISODE_ROUTE.fullmatch(path):
            episodes[" ".join(match.groups())] = None
        elif match := _SEASON_ROUTE.fullmatch(path):
            seasons[" ".join(match.groups())] = None
        elif match := _PERSON_ROUTE.fullmatch(path):
            people[match[1]] = None
    parts = [
        f"{noun}{'s' if len(found) > 1 else ''} {', '.join(found)}"
        for noun, found in (("season", seasons), ("episode", episodes), ("person", people))
        if found
    ]
    return "; ".join(parts)
