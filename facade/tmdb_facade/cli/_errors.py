"""How the command line fails: one exit code per kind of failure, one line on stderr.

The library's errors become exit codes after the fact (`explain`), with what the command
line knows and the library does not: its timeout, which environment variable held the
credential, what the offline data covers.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntEnum
from typing import Final
from urllib.parse import urlsplit

from tmdb_facade._constants import (
    ACCESS_TOKEN_ENV,
    API_KEY_ENV,
    DEFAULT_BASE_URL,
    DEFAULT_IMAGE_BASE_URL,
)
from tmdb_facade.errors import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    InvalidArgumentError,
    InvalidArgumentTypeError,
    MaxRequestsError,
    MissingCredentialsError,
    NotFoundError,
    RateLimitError,
    TmdbError,
)

LIVE_DATA_HINT: Final = f"set {ACCESS_TOKEN_ENV} or {API_KEY_ENV} for live data"
#: TMDB's servers, which the offline client names in its URLs but never reaches.
_LIVE_ORIGINS: Final = tuple(
    f"{parts.scheme}://{parts.netloc}"
    for parts in map(urlsplit, (DEFAULT_BASE_URL, DEFAULT_IMAGE_BASE_URL))
)


class ExitCode(IntEnum):
    """One exit code per kind of failure, so that scripts can tell them apart."""

    OK = 0
    NOT_INSTALLED = 1  # an optional part of the `cli` extra (rich, shtab) is missing
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


class UsageError(Exception):
    """A command line that does not parse; `prog` is the command whose `--help` would help."""

    def __init__(self, message: str, prog: str) -> None:
        super().__init__(message)
        self.prog = prog


@dataclass(frozen=True)
class Context:
    """What a command knew when it failed, for a message that helps."""

    timeout: float
    """Seconds an attempt waits for an answer."""
    retries: int
    max_retry_after: float
    """The longest `Retry-After` the command waits for."""
    credential_variable: str | None
    """The variable the credential came from; None offline."""
    offline_coverage: str | None
    """What the offline data answers (`season 1396 1; persons 62, 976`); None live."""
    offline_asked: bool = False
    """Whether --offline made it offline: then a credential is no news to the user."""


def explain(error: TmdbError, context: Context) -> CliError:
    """The exit code and message for an error of the library.

    Offline, URLs are shown by their path alone: nothing was sent to the host they name.
    """
    failure = _explain(error, context)
    if context.offline_coverage is None:
        return failure
    message = str(failure)
    for origin in _LIVE_ORIGINS:
        message = message.replace(origin, "")
    return CliError(message, failure.exit_code)


def _explain(error: TmdbError, context: Context) -> CliError:
    match error:
        case InvalidArgumentError() | InvalidArgumentTypeError():
            return CliError(str(error), ExitCode.USAGE)
        case MaxRequestsError():
            # The cap is the command's own (--max-requests): a usage matter, not TMDB's.
            return CliError(f"{error}; --max-requests allows more", ExitCode.USAGE)
        case MissingCredentialsError():
            return CliError(str(error), ExitCode.AUTH)
        case AuthenticationError():
            check = f"; check {context.credential_variable}" if context.credential_variable else ""
            return CliError(f"{error}{check}", ExitCode.AUTH)
        case NotFoundError() if context.offline_coverage and "/3/" in error.request_url:
            hint = "" if context.offline_asked else f" ({LIVE_DATA_HINT})"
            return CliError(
                f"{error}; the offline data has only {context.offline_coverage}{hint}",
                ExitCode.NOT_FOUND,
            )
        case NotFoundError():
            return CliError(str(error), ExitCode.NOT_FOUND)
        case RateLimitError(retry_after=float() as wait) if wait > context.max_retry_after:
            return CliError(
                f"{error}; TMDB asks to wait {wait:g} s, longer than the "
                f"{context.max_retry_after:g} s this command waits",
                ExitCode.RATE_LIMITED,
            )
        case RateLimitError(retry_after=float() as wait):
            return CliError(f"{error}; TMDB asks to wait {wait:g} s", ExitCode.RATE_LIMITED)
        case RateLimitError():
            return CliError(str(error), ExitCode.RATE_LIMITED)
        case APITimeoutError():
            tries = f" (tried {context.retries + 1} times)" if context.retries else ""
            return CliError(
                f"{error.request_method} {error.request_url}: no answer within "
                f"{context.timeout:g} s{tries}",
                ExitCode.NETWORK,
            )
        case APIConnectionError():
            return CliError(f"{error} {_connection_hint(error.request_url)}", ExitCode.NETWORK)
        case _:  # ServerError, any other HTTP error, ResponseValidationError
            return CliError(str(error), ExitCode.BAD_RESPONSE)


def _connection_hint(url: str) -> str:
    """Where to look when nothing answered: the local server, or the network."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        local = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        local = False
    if local:
        return f"(is a server running at {parts.netloc}?)"
    return "(is the network up?)"


def credential_error(error: InvalidArgumentError) -> CliError:
    """The client refused a setting it read from the environment: the credential (exit 3,
    naming its variable) or an address such as TMDB_BASE_URL (exit 2)."""
    message = str(error)
    # The library names the argument first ("access_token must be ..."); its message never
    # holds the value, so it can be shown.
    for kind, variable in (("access_token", ACCESS_TOKEN_ENV), ("api_key", API_KEY_ENV)):
        if message.startswith(kind):
            return CliError(f"{variable}: {message}", ExitCode.AUTH)
    return CliError(message, ExitCode.USAGE)


def redact(message: str, environ: Mapping[str, str] | None = None) -> str:
    """`message` without the credentials of the environment, should one ever slip in."""
    env = os.environ if environ is None else environ
    for name in (ACCESS_TOKEN_ENV, API_KEY_ENV):
        secret = env.get(name)
        if secret:
            message = message.replace(secret, "***")
    return message


def one_line(message: str) -> str:
    """The first line of `message`, without the environment's credentials."""
    lines = redact(message).strip().splitlines()
    return lines[0] if lines else ""
