"""Every error the client raises, all under `TmdbError`.

    TmdbError
    ├── MissingCredentialsError      no access token or API key anywhere
    ├── InvalidArgumentError         bad input, caught before sending (also a ValueError)
    │   └── CacheFileError           `cache=` names a file that is not our cache
    ├── InvalidArgumentTypeError     input of the wrong type (also a TypeError)
    ├── APIStatusError               TMDB answered with an error status
    │   ├── AuthenticationError      401
    │   ├── NotFoundError            404
    │   ├── RateLimitError           429, with `retry_after`
    │   └── ServerError              5xx
    ├── APIConnectionError           no answer: connection refused, reset, DNS...
    │   └── APITimeoutError          no answer in time
    ├── ResponseValidationError      an answer that cannot be used (any departure from the
    │                                spec, with strict=True)
    ├── MaxRequestsError             a bulk fetch would take more than its `max_requests`
    ├── ClientClosedError            the client was closed (also a RuntimeError)
    └── RateLimiterError             a shared rate limiter could not use its store

    SpecDeviationWarning             (a warning) an answer departs from the spec
    CacheWarning                     (a warning) the cache failed; the client goes on without

No message, repr or attribute of these errors holds the client's credential, whatever the
server echoes of it (`_redact`); every error pickles and copies whole (`TmdbError.__reduce__`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "CacheFileError",
    "CacheWarning",
    "ClientClosedError",
    "InvalidArgumentError",
    "InvalidArgumentTypeError",
    "MaxRequestsError",
    "MissingCredentialsError",
    "NotFoundError",
    "RateLimitError",
    "RateLimiterError",
    "ResponseValidationError",
    "ServerError",
    "SpecDeviationWarning",
    "TmdbError",
    "make_status_error",
]


#: How much of a rejected value an error message quotes.
QUOTED_VALUE_LIMIT = 60


def quoted(value: object) -> str:
    """`repr(value)`, cut short: an error message must not carry a megabyte of input.

    >>> quoted("tt" * 50)
    "'tttttttttttttttttttttttttttttttttttttttttttttttttttttttttt... (102 characters)"
    """
    text = repr(value)
    if len(text) <= QUOTED_VALUE_LIMIT:
        return text
    return f"{text[: QUOTED_VALUE_LIMIT - 1]}... ({len(text)} characters)"


class TmdbError(Exception):
    """Base class of every error raised by tmdb_facade."""

    attempts: int = 0
    """How many requests the call that raised this had sent (retries included); 0 when it
    sent none (a bad argument, a closed client, an answer from the cache)."""

    def __reduce__(self) -> tuple[Any, ...]:
        # Exception's own would call `cls(*args)`, without the keyword-only arguments most of
        # these errors require: pickling (a ProcessPoolExecutor job) and copying failed. Each
        # error is remade from its class and args, then given back every attribute as it was.
        return (_remake, (type(self), self.args), self.__dict__)


def _remake(cls: type[TmdbError], args: tuple[Any, ...]) -> TmdbError:
    """An error of class `cls` with `args`, its `__init__` not called (`TmdbError.__reduce__`)."""
    return cls.__new__(cls, *args)


class MissingCredentialsError(TmdbError):
    """Neither an access token nor an API key was given or found in the environment."""


class ClientClosedError(TmdbError, RuntimeError):
    """The client was closed, or is used from an event loop other than its own."""


class SpecDeviationWarning(UserWarning):
    """TMDB's answer departs from the spec; the client kept it as sent (see `strict`)."""


class InvalidArgumentError(TmdbError, ValueError):
    """An argument has the right type but a value TMDB would reject; nothing was sent."""


class CacheFileError(InvalidArgumentError):
    """The cache file cannot be used: not a database, another program's, or not creatable.

    Nothing in the file was changed. (The command line exits 8.)
    """


class CacheWarning(UserWarning):
    """The cache failed (a damaged, read-only or locked file) and the client goes on
    without it: given once per client, instead of an error logged on every call."""


class InvalidArgumentTypeError(TmdbError, TypeError):
    """An argument has the wrong type; nothing was sent."""


class RateLimiterError(TmdbError):
    """A shared rate limiter could not use its store (the SQLite file, the Redis server).

    Here rather than with the limiters, so that it can be caught without their extras.
    """


def tmdb_error_fields(body: Any) -> tuple[int | None, str | None]:
    """`status_code` and `status_message` of TMDB's error body, where they are well typed."""
    fields = body if isinstance(body, dict) else {}
    code, text = fields.get("status_code"), fields.get("status_message")
    return (code if type(code) is int else None, text if isinstance(text, str) else None)


class _RequestError(TmdbError):
    """An error about one request, which it names by method and redacted URL."""

    def __init__(self, message: str, *, request_method: str, request_url: str) -> None:
        super().__init__(message)
        self.request_method = request_method
        self.request_url = request_url


class APIStatusError(_RequestError):
    """TMDB answered with an HTTP error status.

    `tmdb_status_code` and `status_message` come from TMDB's error body when it has one
    (`{"success": false, "status_code": 34, "status_message": "..."}`), else they are None.
    `headers` are the answer's (`Retry-After`, `Date`...), any echo of the credential redacted.
    """

    def __init__(
        self,
        message: str,
        *,
        http_status: int,
        body: Any,
        request_method: str,
        request_url: str,
        headers: httpx.Headers | None = None,
    ) -> None:
        super().__init__(message, request_method=request_method, request_url=request_url)
        self.http_status = http_status
        self.body = body
        if headers is None:
            import httpx  # here: `import tmdb_facade` alone must not load httpx (test_imports)

            headers = httpx.Headers()
        self.headers = headers
        self.tmdb_status_code, self.status_message = tmdb_error_fields(body)


class AuthenticationError(APIStatusError):
    """401: the access token or API key is wrong, revoked or missing."""


class NotFoundError(APIStatusError):
    """404: no series, season, episode or person with that id or number."""


class RateLimitError(APIStatusError):
    """429: over TMDB's rate limit; `retry_after` is the wait it asked for, in seconds."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class ServerError(APIStatusError):
    """5xx: TMDB failed; usually worth retrying later."""


class APIConnectionError(_RequestError):
    """The request got no answer: connection refused or reset, DNS failure, protocol error."""


class APITimeoutError(APIConnectionError):
    """The request got no answer within the timeout."""


class ResponseValidationError(_RequestError):
    """TMDB's answer does not match the spec: `json_path` names the offending field.

    `json_path` is `$` when the body as a whole is wrong (for example, not JSON at all).
    """

    def __init__(
        self,
        message: str,
        *,
        json_path: str,
        http_status: int,
        body: Any,
        request_method: str,
        request_url: str,
    ) -> None:
        super().__init__(message, request_method=request_method, request_url=request_url)
        self.json_path = json_path
        self.http_status = http_status
        self.body = body


class MaxRequestsError(TmdbError):
    """A bulk fetch (`fetch_series`) would take more requests than its `max_requests`.

    Raised once the series details tell how many: none of the requests beyond was sent.
    `needed` is the count the series asks for, `max_requests` the cap it exceeds.
    """

    def __init__(self, message: str, *, needed: int, max_requests: int) -> None:
        super().__init__(message)
        self.needed = needed
        self.max_requests = max_requests


_STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    401: AuthenticationError,
    404: NotFoundError,
    429: RateLimitError,
}


def make_status_error(
    http_status: int,
    body: Any,
    *,
    request_method: str,
    request_url: str,
    retry_after: float | None = None,
    headers: httpx.Headers | None = None,
) -> APIStatusError:
    """The one place that picks the error class for an HTTP error status."""
    cls = _STATUS_CLASSES.get(http_status) or (
        ServerError if http_status >= 500 else APIStatusError
    )
    tmdb_status_code, status_message = tmdb_error_fields(body)
    detail = f": {status_message}" if status_message else ""
    if tmdb_status_code is not None:
        detail += f" (TMDB status_code {tmdb_status_code})"
    message = f"{request_method} {request_url} returned HTTP {http_status}{detail}"
    common: dict[str, Any] = {
        "http_status": http_status,
        "body": body,
        "request_method": request_method,
        "request_url": request_url,
        "headers": headers,
    }
    if cls is RateLimitError:
        return RateLimitError(message, retry_after=retry_after, **common)
    return cls(message, **common)
