"""What the cache may keep of an answer, and for how long: applied to each answer from the
network before hishel sees it (`_cache._ToNetwork`).

- Only a 200 that the method could use is stored: its body decodes as the operation's JSON
  object (the call's own decoder, tolerant), and does not hold the client's credential. Any
  other answer gets `Cache-Control: no-store` (RFC 9111 3 lets a cache decline to store any
  answer): an error stored would answer every later call, and the key holds no credential,
  so a 401 stored for a bad key would answer the good one; a 301, 203 or 204 is nothing the
  client can use. A 304 is left to revalidate what is stored.
- The age is counted as RFC 9111 4.2.3 says. hishel counts a stored answer's age as
  `now - Date` only: a `Date` in the future or unreadable would keep an answer fresh for ever,
  and `Age` would be ignored. So `Date` is rewritten to the moment that makes hishel's count
  the RFC's `current_age`, and `Age` is folded into it.
- A 200 that says nothing of its freshness is kept for the client's `ttl`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from email.utils import formatdate, parsedate_to_datetime
from typing import TYPE_CHECKING, Any, Final

import httpx

from ._validation import load_json

if TYPE_CHECKING:
    from ._auth import Credentials

#: The request extension under which the client hands the cache the call's decoder
#: (`ApiCall.decode`): what "an answer the method could use" means.
DECODE: Final = "tmdb_facade.decode"

# Directives that already say how long an answer stays fresh, or that it must not be reused.
_FRESHNESS: Final = ("max-age", "s-maxage", "no-store", "no-cache")
_LIFETIME: Final = ("max-age", "s-maxage")
#: RFC 9111 1.2.2: a delta-seconds too large to represent counts as this.
_DELTA_MAX: Final = 2147483648


def _http_date(value: str | None) -> float | None:
    """A `Date` or `Expires` as a timestamp; None when absent or unreadable."""
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed.tzinfo is None:  # RFC 9110 5.6.7: an HTTP-date is always UTC
        return None
    return parsed.timestamp()


def _delta_seconds(value: str | None) -> int:
    """RFC 9111 1.2.2: `Age` as whole seconds; 0 when absent or not a delta-seconds."""
    text = (value or "").strip()
    if not text.isascii() or not text.isdigit():
        return 0
    return min(int(text), _DELTA_MAX)


def _directives(headers: httpx.Headers) -> set[str]:
    return {
        d.split("=", 1)[0].strip().lower()
        for d in ",".join(headers.get_list("cache-control")).split(",")
    }


def corrected_initial_age(headers: httpx.Headers, requested: float, received: float) -> float:
    """RFC 9111 4.2.3: how old the answer already was when it arrived.

    An unreadable `Date` counts as the moment of receipt (RFC 9110 6.6.1), as does a missing
    one; one in the future counts as no age (`apparent_age` is never negative).
    """
    date_value = _http_date(headers.get("date"))
    apparent_age = max(0.0, received - (received if date_value is None else date_value))
    response_delay = max(0.0, received - requested)
    corrected_age_value = _delta_seconds(headers.get("age")) + response_delay
    return max(apparent_age, corrected_age_value)


def _restate_age(headers: httpx.Headers, requested: float, received: float) -> None:
    """`Date` set to when the answer was new by the RFC's count, `Age` folded into it, and
    `Expires` (a lifetime counted from the sent `Date`) restated as `max-age`."""
    sent_date = _http_date(headers.get("date"))
    if "expires" in headers:
        if not _directives(headers).intersection(_LIFETIME):
            # RFC 9111 5.3: an unreadable Expires is a time in the past.
            expires = _http_date(headers.get("expires"))
            origin = received if sent_date is None else sent_date
            lifetime = 0 if expires is None else max(0, math.floor(expires - origin))
            _add_directive(headers, f"max-age={min(lifetime, _DELTA_MAX)}")
        del headers["expires"]
    age = corrected_initial_age(headers, requested, received)
    # Rounded down to the second (HTTP dates have no fractions): an age never counted short.
    headers["Date"] = formatdate(math.floor(received - age), usegmt=True)
    headers.pop("age", None)


def _add_directive(headers: httpx.Headers, directive: str) -> None:
    directives = ", ".join(headers.get_list("cache-control")).strip()
    headers["Cache-Control"] = ", ".join(d for d in (directives, directive) if d)


def usable(
    content: bytes, decode: Callable[[bytes, bool], Any] | None, credentials: Credentials | None
) -> bool:
    """Whether a 200's body is one the method could use, and free of the credential (found
    however a server spelled it back, by the same `Redactor` that hides it everywhere else)."""
    if credentials is not None and credentials.found_in(content):
        return False
    try:
        if decode is not None:
            decode(content, False)  # raises `OffSpec` on a body it cannot use
            return True
        return isinstance(load_json(content), dict)
    except Exception:  # whatever the decoder raises, the client will raise it again
        return False


def with_policy(
    response: httpx.Response,
    *,
    ttl: float,
    requested: float,
    received: float,
    decode: Callable[[bytes, bool], Any] | None,
    credentials: Credentials | None,
) -> httpx.Response:
    """`response` (its body read, if a 200) as the cache should see it: see the module."""
    headers = response.headers
    status = response.status_code
    if status == 304:
        # Its headers update the stored answer's, whose body is stored decoded: a coding the
        # 304 names would make that plain body read as compressed.
        for name in ("content-encoding", "content-length"):
            headers.pop(name, None)
        _restate_age(headers, requested, received)
        return response
    if status != 200 or not usable(response.content, decode, credentials):
        headers["Cache-Control"] = "no-store"
        headers.pop("expires", None)
        return response
    _restate_age(headers, requested, received)
    if not _directives(headers).intersection(_FRESHNESS):
        _add_directive(headers, f"max-age={int(ttl)}")
    return response
