"""What the sync and async clients share: configuration and the handling of each answer.

The two clients differ only in how they send a request and how they sleep; everything that
decides (parse, validate, map errors, retry or not, how long to wait) lives here.
"""

from __future__ import annotations

import copy
import functools
import logging
import os
import random
import re
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Final, Self, TypeVar, cast

import httpx

from tmdb_facade._generated.types import Deviation

from ._auth import Credentials, resolve_credentials
from ._body import ATTEMPT_SECONDS
from ._cache_policy import DECODE
from ._calls import API_CALL, ApiCall, is_api_call
from ._constants import (
    BASE_URL_ENV,
    DEFAULT_BASE_URL,
    DEFAULT_IMAGE_BASE_URL,
    IMAGE_BASE_URL_ENV,
    LONG_WAIT,
    MAX_CONNECTIONS,
    STRICT_ENV,
    USER_AGENT,
)
from ._inflate import ACCEPT_ENCODING
from ._logging import caller_stacklevel, log_from_environment
from ._network import Network
from ._options import RawResponse, changed_options, check_timeout, resolve_url
from ._validation import OffSpec, load_json
from .errors import (
    APIConnectionError,
    APITimeoutError,
    ClientClosedError,
    InvalidArgumentError,
    InvalidArgumentTypeError,
    ResponseValidationError,
    SpecDeviationWarning,
    TmdbError,
    make_status_error,
    quoted,
)
from .ratelimit import Limiter, RateLimiter
from .retry import RetryPolicy, parse_retry_after, retry_delay, should_retry

T = TypeVar("T")

logger = logging.getLogger("tmdb_facade")

_ANY_INDEX = re.compile(r"\[\d+\]")

CONNECTION_LIMITS: Final = httpx.Limits(
    max_connections=MAX_CONNECTIONS, max_keepalive_connections=MAX_CONNECTIONS
)


@dataclass(frozen=True)
class RetryAfter:
    """The answer was worth another try, after `delay` seconds."""

    delay: float


class BaseTmdb:
    """Configuration and answer handling shared by `Tmdb` and `AsyncTmdb`."""

    #: Set when a cache paces the requests it sends on (`_cache`), so that hits cost no slot.
    _paced_below_cache = False
    #: Whether closing this client closes the connection pool: a `with_options` copy does not.
    _owns_pool = True
    #: Set on the twin behind `with_raw_response`: a success is a `RawResponse`, not a model.
    _raw = False

    def __init__(
        self,
        access_token: str | None,
        *,
        api_key: str | None,
        base_url: str | None,
        image_base_url: str | None,
        timeout: float | httpx.Timeout,
        max_retries: int,
        retry_policy: RetryPolicy | None,
        rate_limit: float | Limiter | None,
        strict: bool | None,
        now: Callable[[], float],
        rand: Callable[[], float],
        proxy: str | httpx.URL | None = None,
        trust_env: bool = True,
    ) -> None:
        log_from_environment()
        self._credentials: Credentials = resolve_credentials(access_token, api_key)
        self._network = Network(proxy, trust_env)
        if strict is None:
            strict = os.environ.get(STRICT_ENV, "").strip().lower() in ("1", "true", "yes")
        elif not isinstance(strict, bool):
            raise InvalidArgumentTypeError(f"strict must be a bool, got {type(strict).__name__}")
        self.strict = strict
        self._warned: set[str] = set()
        try:
            self.rate_limiter: Limiter | None = (
                rate_limit
                if rate_limit is None or isinstance(rate_limit, Limiter)
                else RateLimiter(rate_limit)
            )
        except ValueError as exc:
            raise InvalidArgumentError(str(exc)) from None
        api_url = resolve_url("base_url", base_url, BASE_URL_ENV, DEFAULT_BASE_URL)
        self.base_url = api_url.rstrip("/")
        self.image_base_url = resolve_url(
            "image_base_url", image_base_url, IMAGE_BASE_URL_ENV, DEFAULT_IMAGE_BASE_URL
        )
        self.timeout = check_timeout(timeout)
        try:
            self.retry_policy = retry_policy or RetryPolicy(max_retries=max_retries)
        except ValueError as exc:
            raise InvalidArgumentError(str(exc)) from None
        self._now = now
        self._rand = rand

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        strict: bool | None = None,
    ) -> Self:
        """A client like this one with other defaults, sharing its connection pool, cache and
        rate limiter: `tmdb.with_options(timeout=60).season_details(1396, 1)`. This client
        owns the pool: closing the copy leaves it open, closing this one closes it for both."""
        other = copy.copy(self)
        other._owns_pool = False
        other.__dict__.update(
            changed_options(timeout, max_retries, retry_policy, strict, self.retry_policy)
        )
        return other

    def _raw_twin(self) -> Self:
        twin = copy.copy(self)
        twin._owns_pool, twin._raw = False, True
        return twin

    def _policy(self, call: ApiCall[Any]) -> RetryPolicy:
        retries = call.options.max_retries
        if retries is None:
            return self.retry_policy
        return replace(self.retry_policy, max_retries=retries)

    def _headers(self, answer: httpx.Response) -> httpx.Headers:
        """The answer's headers, any echo of the credential redacted."""
        return httpx.Headers([(k, self._redact(v)) for k, v in answer.headers.multi_items()])

    @property
    def credential_kind(self) -> str:
        """`"access_token"` or `"api_key"`: which credential the client sends (never its value)."""
        return self._credentials.kind

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, "
            f"credential={self.credential_kind!r}, strict={self.strict}, "
            f"max_retries={self.retry_policy.max_retries}, "
            f"rate_limiter={self.rate_limiter!r})"
        )

    def _client_options(self) -> dict[str, Any]:
        """Keyword arguments for the httpx client, the same for sync and async."""
        return {
            "base_url": self.base_url,
            "timeout": self.timeout,
            "headers": {
                "User-Agent": f"{USER_AGENT} httpx/{httpx.__version__}",
                "Accept": "application/json",
                # Only the codings `ClientTransport` decodes within the body limit (httpx
                # would add br and zstd when their packages are installed).
                "Accept-Encoding": ACCEPT_ENCODING,
            },
            "follow_redirects": False,
        }

    def _pace(self, request: httpx.Request) -> float:
        """Seconds to wait before sending `request`, to stay under the rate limit."""
        if self.rate_limiter is None or not is_api_call(request) or self._paced_below_cache:
            return 0.0
        return self.rate_limiter.reserve()

    def _redact(self, text: str) -> str:
        return self._network.redact(self._credentials.redact(text))

    def _handle_answer(
        self,
        call: ApiCall[T],
        request: httpx.Request,
        answer: httpx.Response | httpx.RequestError,
        retries_done: int,
    ) -> T | RetryAfter:
        """The parsed model, a `RetryAfter`, or an error raised: one attempt's conclusion."""
        # The request never holds the credential, but a URL the caller gave (an image's) may.
        method, url = request.method, self._redact(str(request.url))
        if isinstance(answer, httpx.RequestError):
            if should_retry(self._policy(call), retries_done, None):
                return self._retry(call, request, retries_done, None, f"{type(answer).__name__}")
            raise self._transport_error(method, url, answer)
        status = answer.status_code
        if status == 200:
            if self._raw:  # `with_raw_response`: `_parse` later, when asked
                return self._raw_response(call, method, url, answer, retries_done + 1)
            return self._parse(call, method, url, answer.content)
        retry_after = parse_retry_after(answer.headers.get("Retry-After"), self._now())
        if status >= 400 and should_retry(self._policy(call), retries_done, status, retry_after):
            return self._retry(call, request, retries_done, retry_after, f"HTTP {status}")
        content = self._credentials.redact_body(answer.content)
        if status < 400:
            raise ResponseValidationError(
                f"{method} {url} returned HTTP {status}, which the spec does not describe",
                json_path="$",
                http_status=status,
                body=content.decode(answer.encoding or "utf-8", "replace"),
                request_method=method,
                request_url=url,
            )
        raise make_status_error(
            status,
            self._credentials.redact_json(_lenient_json(content)),
            request_method=method,
            request_url=url,
            retry_after=retry_after,
            headers=self._headers(answer),
        )

    def _raw_response(
        self, call: ApiCall[T], method: str, url: str, answer: httpx.Response, attempts: int
    ) -> T:
        content = answer.content
        if call.api_operation:
            content = self._credentials.redact_body(content)
        # The twin's `_send` gives RawResponses where its type says models (`RawMethod`).
        return cast(
            T,
            RawResponse(
                status_code=answer.status_code,
                headers=self._headers(answer),
                content=content,
                attempts=attempts,
                parse=functools.partial(self._parse, call, method, url, answer.content),
            ),
        )

    def _retry(
        self,
        call: ApiCall[Any],
        request: httpx.Request,
        retries_done: int,
        retry_after: float | None,
        reason: str,
    ) -> RetryAfter:
        # Wait for the backoff, and for a free slot of the rate limit if that comes later.
        policy = self._policy(call)
        delay = max(
            retry_delay(policy, retries_done, retry_after, self._rand),
            self._pace(request),
        )
        logger.log(
            logging.WARNING if delay >= LONG_WAIT else logging.INFO,
            "%s: %s, retry %d of %d in %.2fs",
            call.name,
            reason,
            retries_done + 1,
            policy.max_retries,
            delay,
        )
        return RetryAfter(delay)

    def _transport_error(self, method: str, url: str, error: httpx.RequestError) -> TmdbError:
        cls = APITimeoutError if isinstance(error, httpx.TimeoutException) else APIConnectionError
        what = "timed out" if cls is APITimeoutError else "failed"
        detail = self._redact(str(error)) or type(error).__name__
        return cls(f"{method} {url} {what}: {detail}", request_method=method, request_url=url)

    def _parse(self, call: ApiCall[T], method: str, url: str, content: bytes) -> T:
        """A 200 answer's body (from the network or the cache) as the call's result, by the
        client's strictness; redacted first, so that no model holds an echoed credential.
        An image file is not: its request went without the credential, and scanning megabytes
        of binary for escapes would cost more than its download."""
        if call.api_operation:
            content = self._credentials.redact_body(content)
        try:
            result = call.decode(content, self.strict)
        except OffSpec as off:
            problem = self._redact(off.problem)
            raise ResponseValidationError(
                f"{method} {url}: the response does not match the spec at {off.json_path}: "
                f"{problem}",
                json_path=self._redact(off.json_path),
                http_status=200,
                body=self._credentials.redact_json(off.body),
                request_method=method,
                request_url=url,
            ) from None
        for deviation in getattr(result, "spec_deviations", ()):
            self._warn(call, deviation)
        return result

    def _warn(self, call: ApiCall[Any], deviation: Deviation) -> None:
        """A `SpecDeviationWarning`, once per JSON path (any list index) per client."""
        where = f"{call.name} {_ANY_INDEX.sub('[*]', deviation.json_path)}"
        if where not in self._warned:
            self._warned.add(where)
            warnings.warn(
                f"{call.name}: TMDB's answer departs from the spec at {deviation.json_path}: "
                f"{deviation.problem} (the value sent is in spec_deviations and to_dict(); "
                "Tmdb(strict=True) makes this an error)",
                SpecDeviationWarning,
                stacklevel=caller_stacklevel(),
            )

    def _build_request(
        self, http: httpx.Client | httpx.AsyncClient, call: ApiCall[Any]
    ) -> httpx.Request:
        """The request of `call`, as `http.build_request` would make it but with its URL
        parsed once rather than three times (httpx's parser is pure Python; BENCHMARKS.md,
        "The async transport"): the client's headers and timeout, no cookies (the API needs
        none)."""
        url = call.url if call.url.startswith(("https://", "http://")) else self.base_url + call.url
        if call.params:
            url = f"{url}?{httpx.QueryParams(call.params)}"
        timeout = call.options.timeout or self.timeout
        headers = http.headers
        if call.options.extra_headers:
            headers = httpx.Headers(headers)
            headers.update(call.options.extra_headers)
        try:
            return httpx.Request(
                call.method,
                url,
                headers=headers,
                # The decoder tells a cache whether the method could use an answer.
                extensions={
                    "timeout": timeout.as_dict(),
                    ATTEMPT_SECONDS: timeout.read,
                    API_CALL: call.api_operation,
                    DECODE: call.decode,
                },
            )
        except httpx.InvalidURL:
            raise InvalidArgumentError(f"{call.name}: not a URL: {quoted(call.url)}") from None

    def _check_open(self, http: httpx.Client | httpx.AsyncClient) -> None:
        if http.is_closed:
            raise ClientClosedError(
                f"this {type(self).__name__} is closed: make a new one (or use it in a `with` "
                "block and call it inside)"
            )


def _lenient_json(content: bytes) -> Any:
    """An error body as JSON when it is JSON, else as text (for the error's `body`)."""
    try:
        return load_json(content)
    except ValueError:
        return content.decode("utf-8", "replace")[:500]


def default_now() -> float:
    return time.time()


default_rand = random.random
