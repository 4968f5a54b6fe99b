from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.configuration import Configuration
from ...models.error_response import ErrorResponse
from ...types import Endpoint, Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/3/configuration",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Configuration | ErrorResponse:
    if response.status_code == 200:
        response_200 = Configuration.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Configuration | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Configuration | ErrorResponse]:
    """Configuration

     What image URLs are built from: the image server's base URL and the sizes it
    renders each kind of image at (`secure_base_url` + a size + a `file_path`), and
    the keys of TMDB's change feed. TMDB asks clients to cache it and to check for
    changes every few days.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Configuration | ErrorResponse]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Configuration | ErrorResponse | None:
    """Configuration

     What image URLs are built from: the image server's base URL and the sizes it
    renders each kind of image at (`secure_base_url` + a size + a `file_path`), and
    the keys of TMDB's change feed. TMDB asks clients to cache it and to check for
    changes every few days.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Configuration | ErrorResponse
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Configuration | ErrorResponse]:
    """Configuration

     What image URLs are built from: the image server's base URL and the sizes it
    renders each kind of image at (`secure_base_url` + a size + a `file_path`), and
    the keys of TMDB's change feed. TMDB asks clients to cache it and to check for
    changes every few days.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Configuration | ErrorResponse]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Configuration | ErrorResponse | None:
    """Configuration

     What image URLs are built from: the image server's base URL and the sizes it
    renders each kind of image at (`secure_base_url` + a size + a `file_path`), and
    the keys of TMDB's change feed. TMDB asks clients to cache it and to check for
    changes every few days.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Configuration | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed


def build_request() -> dict[str, Any]:
    """`GET /3/configuration`: keyword arguments for `httpx.Client.build_request`"""
    return _get_kwargs()


ENDPOINT: Endpoint[Configuration] = Endpoint(
    name="configuration_details",
    method="GET",
    path="/3/configuration",
    path_parameters=(),
    query_parameters=(),
    response_model=Configuration,
    build_request=build_request,
)
