"""TMDB's two credentials: where they come from, and how a request carries one.

Credentials are added inside the transport (`_transport.ClientTransport`), on a copy of the
request, so the request that httpx logs, that event hooks and recorders see and that errors
describe never holds them; and only to requests marked as API operations (`_calls.API_CALL`).
Whatever a server echoes of them is redacted (`Credentials.redact*`, `_redact`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx

from ._calls import is_api_call
from ._constants import ACCESS_TOKEN_ENV, API_KEY_ENV
from ._redact import Redactor, install_log_filter, register
from .errors import (
    InvalidArgumentError,
    InvalidArgumentTypeError,
    MissingCredentialsError,
)

install_log_filter()

# Printable ASCII without spaces: anything else cannot be a TMDB credential, and would make
# httpx raise an error that quotes the header value.
_CREDENTIAL = re.compile(r"[\x21-\x7e]+")


@dataclass(frozen=True)
class Credentials:
    """A v4 access token (sent as a bearer token) or a v3 API key (sent as `api_key`)."""

    kind: Literal["access_token", "api_key"]
    secret: str = field(repr=False)
    _redactor: Redactor = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_redactor", Redactor(self.secret))
        register(self._redactor)  # hidden from log lines while this lives

    def __repr__(self) -> str:
        return f"Credentials(kind={self.kind!r}, secret='***')"

    def redact(self, text: str) -> str:
        """`text` (a message, a URL, a header value) without the secret, however spelled."""
        return self._redactor.text(text)

    def redact_body(self, body: bytes) -> bytes:
        """An answer's body without the secret, however spelled: the one function every body
        from the network goes through before it is read or stored. `body` must be decoded
        (no gzip): the echo is not findable in compressed bytes."""
        return self._redactor.body(body)

    def found_in(self, body: bytes) -> bool:
        """Whether a decoded body holds the secret, however spelled (what `redact_body` finds):
        such an answer is never stored."""
        return self._redactor.body(body) != body

    def redact_json(self, value: Any) -> Any:
        """A decoded JSON value without the secret in any string at any depth (in place)."""
        return self._redactor.value(value)

    def apply(self, request: httpx.Request) -> httpx.Request:
        """A copy of `request` that carries the credential."""
        url, headers = request.url, request.headers.copy()
        if self.kind == "access_token":
            headers["Authorization"] = f"Bearer {self.secret}"
        else:
            url = url.copy_merge_params({"api_key": self.secret})
        return httpx.Request(
            request.method,
            url,
            headers=headers,
            stream=request.stream,
            extensions=request.extensions,
        )

    def apply_for(self, request: httpx.Request) -> httpx.Request:
        """`apply` for API operations only (`is_api_call`): an image file never gets the
        credential, even from the API's own host (a mirror, a proxy, the fake server)."""
        return self.apply(request) if is_api_call(request) else request


def resolve_credentials(
    access_token: str | None, api_key: str | None, environ: Mapping[str, str] | None = None
) -> Credentials:
    """The credential to use: the arguments, else TMDB_ACCESS_TOKEN, else TMDB_API_KEY."""
    if access_token is not None and api_key is not None:
        raise InvalidArgumentError("pass access_token or api_key, not both")
    if access_token is None and api_key is None:
        env = os.environ if environ is None else environ
        access_token = env.get(ACCESS_TOKEN_ENV) or None
        api_key = None if access_token else env.get(API_KEY_ENV) or None
        if access_token is None and api_key is None:
            raise MissingCredentialsError(
                "no TMDB credentials: pass access_token= (or api_key=), or set the "
                f"{ACCESS_TOKEN_ENV} (v4 read access token) or {API_KEY_ENV} (v3 API key) "
                "environment variable"
            )
    kind: Literal["access_token", "api_key"]
    kind, secret = (
        ("access_token", access_token) if access_token is not None else ("api_key", api_key)
    )
    if not isinstance(secret, str):
        raise InvalidArgumentTypeError(f"{kind} must be a str, got {type(secret).__name__}")
    if not _CREDENTIAL.fullmatch(secret):
        raise InvalidArgumentError(
            f"{kind} must be non-empty printable ASCII without spaces (value not shown)"
        )
    return Credentials(kind, secret)
