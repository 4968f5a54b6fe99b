from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.episode_images import EpisodeImages
from ...models.error_response import ErrorResponse
from ...types import UNSET, Endpoint, Response, Unset


def _get_kwargs(
    series_id: int,
    season_number: int,
    episode_number: int,
    *,
    language: str | Unset = UNSET,
    include_image_language: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["language"] = language

    params["include_image_language"] = include_image_language

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/3/tv/{series_id}/season/{season_number}/episode/{episode_number}/images".format(
            series_id=quote(str(series_id), safe=""),
            season_number=quote(str(season_number), safe=""),
            episode_number=quote(str(episode_number), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EpisodeImages | ErrorResponse:
    if response.status_code == 200:
        response_200 = EpisodeImages.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EpisodeImages | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    series_id: int,
    season_number: int,
    episode_number: int,
    *,
    client: AuthenticatedClient | Client,
    language: str | Unset = UNSET,
    include_image_language: str | Unset = UNSET,
) -> Response[EpisodeImages | ErrorResponse]:
    """Episode images

     The stills of one episode of a TV season.

    Args:
        series_id (int):
        season_number (int):
        episode_number (int):
        language (str | Unset):
        include_image_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EpisodeImages | ErrorResponse]
    """

    kwargs = _get_kwargs(
        series_id=series_id,
        season_number=season_number,
        episode_number=episode_number,
        language=language,
        include_image_language=include_image_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    series_id: int,
    season_number: int,
    episode_number: int,
    *,
    client: AuthenticatedClient | Client,
    language: str | Unset = UNSET,
    include_image_language: str | Unset = UNSET,
) -> EpisodeImages | ErrorResponse | None:
    """Episode images

     The stills of one episode of a TV season.

    Args:
        series_id (int):
        season_number (int):
        episode_number (int):
        language (str | Unset):
        include_image_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EpisodeImages | ErrorResponse
    """

    return sync_detailed(
        series_id=series_id,
        season_number=season_number,
        episode_number=episode_number,
        client=client,
        language=language,
        include_image_language=include_image_language,
    ).parsed


async def asyncio_detailed(
    series_id: int,
    season_number: int,
    episode_number: int,
    *,
    client: AuthenticatedClient | Client,
    language: str | Unset = UNSET,
    include_image_language: str | Unset = UNSET,
) -> Response[EpisodeImages | ErrorResponse]:
    """Episode images

     The stills of one episode of a TV season.

    Args:
        series_id (int):
        season_number (int):
        episode_number (int):
        language (str | Unset):
        include_image_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EpisodeImages | ErrorResponse]
    """

    kwargs = _get_kwargs(
        series_id=series_id,
        season_number=season_number,
        episode_number=episode_number,
        language=language,
        include_image_language=include_image_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    series_id: int,
    season_number: int,
    episode_number: int,
    *,
    client: AuthenticatedClient | Client,
    language: str | Unset = UNSET,
    include_image_language: str | Unset = UNSET,
) -> EpisodeImages | ErrorResponse | None:
    """Episode images

     The stills of one episode of a TV season.

    Args:
        series_id (int):
        season_number (int):
        episode_number (int):
        language (str | Unset):
        include_image_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EpisodeImages | ErrorResponse
    """

    return (
        await asyncio_detailed(
            series_id=series_id,
            season_number=season_number,
            episode_number=episode_number,
            client=client,
            language=language,
            include_image_language=include_image_language,
        )
    ).parsed


def build_request(
    series_id: int,
    season_number: int,
    episode_number: int,
    *,
    language: str | Unset = UNSET,
    include_image_language: str | Unset = UNSET,
) -> dict[str, Any]:
    """`GET /3/tv/{series_id}/season/{season_number}/episode/{episode_number}/images`: keyword arguments for `httpx.Client.build_request`"""
    return _get_kwargs(
        series_id=series_id,
        season_number=season_number,
        episode_number=episode_number,
        language=language,
        include_image_language=include_image_language,
    )


ENDPOINT: Endpoint[EpisodeImages] = Endpoint(
    name="tv_episode_images",
    method="GET",
    path="/3/tv/{series_id}/season/{season_number}/episode/{episode_number}/images",
    path_parameters=(
        "series_id",
        "season_number",
        "episode_number",
    ),
    query_parameters=(
        "language",
        "include_image_language",
    ),
    response_model=EpisodeImages,
    build_request=build_request,
)
