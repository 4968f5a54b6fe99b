"""TMDB's two credentials: where they come from, and how a request carries one.

Credentials are added inside the transport (`_transport.ClientTransport`), on a copy of the
request, so the request that httpx logs, that event hooks and recorders see and that errors
describe never holds them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

import httpx

from ._constants import ACCESS_TOKEN_ENV, API_KEY_ENV
from .errors import (
    InvalidArgumentError,
    InvalidArgumentTypeError,
    MissingCredentialsError,
)

# Printable ASCII without spaces: anything else cannot be a TMDB credential, and would make
# httpx raise an error that quotes the header value.
_CREDENTIAL = re.compile(r"[\x21-\x7e]+")


@dataclass(frozen=True)
class Credentials:
    """A v4 access token (sent as a bearer token) or a v3 API key (sent as `api_key`)."""

    kind: Literal["access_token", "api_key"]
    secret: str = field(repr=False)

    def __repr__(self) -> str:
        return f"Credentials(kind={self.kind!r}, secret='***')"

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

    def apply_for(self, api_origin: httpx.URL, request: httpx.Request) -> httpx.Request:
        """`apply`, for requests to the API only: the image server never sees the credential."""
        url = request.url
        if (url.scheme, url.host, url.port) != (
            api_origin.scheme,
            api_origin.host,
            api_origin.port,
        ):
            return request
        return self.apply(request)


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
