"""The options of a client (its URLs, timeout, retries: checked once) and of each call
(`timeout=`, `max_retries=`, `extra_query=`, `extra_headers=`, checked before anything is
sent), and `RawResponse`, what `client.with_raw_response` gives."""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Generic, TypedDict, TypeVar
from urllib.parse import urlsplit

import httpx

from ._constants import DEFAULT_BASE_URL, DEFAULT_CONNECT_TIMEOUT
from .errors import InvalidArgumentError, InvalidArgumentTypeError, TmdbError
from .retry import RetryPolicy

T = TypeVar("T")

#: What a caller may never set: the query parameter and the header that carry the credential.
CREDENTIAL_QUERY = "api_key"
CREDENTIAL_HEADER = "authorization"


class CallOptions(TypedDict, total=False):
    """The keyword-only options every API method takes, for that call only."""

    timeout: float | httpx.Timeout
    max_retries: int
    extra_query: Mapping[str, str | int]
    extra_headers: Mapping[str, str]


@dataclass(frozen=True)
class RequestOptions:
    """`CallOptions`, checked: what travels with the call down to the transport."""

    timeout: httpx.Timeout | None = None
    max_retries: int | None = None
    extra_query: Mapping[str, str] = field(default_factory=dict)
    extra_headers: Mapping[str, str] = field(default_factory=dict)


NO_OPTIONS = RequestOptions()


def check_base_url(name: str, url: str) -> str:
    """`url` if it can be a base URL, else `InvalidArgumentError` (not quoting it)."""
    parts = urlsplit(url) if isinstance(url, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidArgumentError(f"{name} must be an http(s) URL such as {DEFAULT_BASE_URL!r}")
    if parts.username or parts.password or parts.query or parts.fragment:
        # Credentials belong in access_token/api_key, where they are kept out of sight.
        raise InvalidArgumentError(
            f"{name} must be a plain URL, without user, query or fragment (value not shown)"
        )
    return url


def resolve_url(name: str, given: str | None, variable: str, default: str) -> str:
    """The argument, else the environment variable, else the default; checked either way."""
    url = given if given is not None else os.environ.get(variable) or default
    return check_base_url(name if given is not None else variable, url)


def check_timeout(timeout: float | httpx.Timeout) -> httpx.Timeout:
    """A timeout in seconds (finite, > 0) or an `httpx.Timeout`; None is refused, not "never"."""
    if isinstance(timeout, httpx.Timeout):
        return timeout
    if type(timeout) not in (int, float):
        raise InvalidArgumentTypeError(
            f"timeout must be a number of seconds or an httpx.Timeout, got {type(timeout).__name__}"
        )
    if not math.isfinite(timeout) or timeout <= 0:
        raise InvalidArgumentError(f"timeout must be a finite number of seconds > 0, got {timeout}")
    return httpx.Timeout(timeout, connect=min(timeout, DEFAULT_CONNECT_TIMEOUT))


def check_max_retries(max_retries: object) -> int:
    """`max_retries` if it is an int >= 0 (the constructor's rule, `RetryPolicy`)."""
    if type(max_retries) is not int:
        raise InvalidArgumentTypeError(
            f"max_retries must be an int, got {type(max_retries).__name__}"
        )
    if max_retries < 0:
        raise InvalidArgumentError(f"max_retries must be an int >= 0, got {max_retries}")
    return max_retries


def _mapping(name: str, given: object, values: tuple[type, ...]) -> dict[str, str]:
    if not isinstance(given, Mapping):
        raise InvalidArgumentTypeError(f"{name} must be a mapping, got {type(given).__name__}")
    checked: dict[str, str] = {}
    for key, value in given.items():
        if not isinstance(key, str) or not key:
            raise InvalidArgumentTypeError(f"{name} keys must be non-empty str")
        # Never the value in a message: it may be a credential put in the wrong place.
        if type(value) not in values:
            raise InvalidArgumentTypeError(
                f"{name}[{key!r}] must be a {' or '.join(t.__name__ for t in values)}, "
                f"got {type(value).__name__}"
            )
        checked[key] = str(value)
    return checked


def request_options(options: Mapping[str, object], sent: Collection[str] = ()) -> RequestOptions:
    """`options` checked: `sent` names the query parameters the method itself may send,
    which `extra_query` may not override. Nothing here quotes a value."""
    if not options:
        return NO_OPTIONS
    unknown = sorted(set(options) - set(CallOptions.__annotations__))
    if unknown:
        raise InvalidArgumentTypeError(f"unexpected keyword argument {unknown[0]!r}")
    timeout = check_timeout(options["timeout"]) if "timeout" in options else None  # type: ignore[arg-type]
    retries = check_max_retries(options["max_retries"]) if "max_retries" in options else None
    query = _mapping("extra_query", options.get("extra_query", {}), (str, int))
    headers = _mapping("extra_headers", options.get("extra_headers", {}), (str,))
    for name in query:
        if name.lower() == CREDENTIAL_QUERY:
            raise InvalidArgumentError(
                "extra_query may not set api_key: the credential is the client's (value not shown)"
            )
        if name in sent:
            raise InvalidArgumentError(
                f"extra_query may not set {name!r}: pass it as the method's own argument"
            )
    for name, value in headers.items():
        if any(c in name + value for c in "\r\n\0"):
            # A line break would start another header: a way round the check below.
            raise InvalidArgumentError(f"extra_headers[{name!r}] must be one line")
        if name.lower() == CREDENTIAL_HEADER:
            raise InvalidArgumentError(
                "extra_headers may not set Authorization: the credential is the client's "
                "(value not shown)"
            )
    return RequestOptions(
        timeout=timeout,
        max_retries=retries,
        extra_query=query,
        extra_headers=headers,
    )


def changed_options(
    timeout: float | httpx.Timeout | None,
    max_retries: int | None,
    retry_policy: RetryPolicy | None,
    strict: bool | None,
    policy: RetryPolicy,
) -> dict[str, Any]:
    """The attributes a `with_options` copy changes (`policy`: the client's), checked as the
    constructor checks them."""
    changes: dict[str, Any] = {}
    if timeout is not None:
        changes["timeout"] = check_timeout(timeout)
    if retry_policy is not None:
        if not isinstance(retry_policy, RetryPolicy):
            raise InvalidArgumentTypeError(
                f"retry_policy must be a RetryPolicy, got {type(retry_policy).__name__}"
            )
        changes["retry_policy"] = policy = retry_policy
    if max_retries is not None:
        changes["retry_policy"] = replace(policy, max_retries=check_max_retries(max_retries))
    if strict is not None:
        if not isinstance(strict, bool):
            raise InvalidArgumentTypeError(f"strict must be a bool, got {type(strict).__name__}")
        changes["strict"] = strict
    return changes


class RawResponse(Generic[T]):
    """A successful answer as sent (`client.with_raw_response.<method>(...)`): `status_code`,
    `headers` (the credential redacted), `content` (the body's bytes, decoded from any
    content coding), `attempts` (requests made); `parse()` gives what the method returns."""

    def __init__(
        self,
        *,
        status_code: int,
        headers: httpx.Headers,
        content: bytes,
        attempts: int,
        parse: Callable[[], T],
    ) -> None:
        self.status_code = status_code
        self.headers = headers
        self.content = content
        self.attempts = attempts
        self._parse = parse

    def parse(self) -> T:
        """The model (or bytes) the method would have returned, strict as the client is."""
        try:
            return self._parse()
        except TmdbError as error:
            error.attempts = self.attempts  # as the method's own error would say
            raise

    def __repr__(self) -> str:
        return (
            f"RawResponse(status_code={self.status_code}, attempts={self.attempts}, "
            f"content=<{len(self.content)} bytes>)"
        )
