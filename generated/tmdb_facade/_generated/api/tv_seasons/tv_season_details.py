from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.season_details import SeasonDetails
from ...types import UNSET, Endpoint, Response, Unset


def _get_kwargs(
    series_id: int,
    season_number: int,
    *,
    language: str | Unset = UNSET,
    include_image_language: str | Unset = UNSET,
    append_to_response: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["language"] = language

    params["include_image_language"] = include_image_language

    params["append_to_response"] = append_to_response

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/3/tv/{series_id}/season/{season_number}".format(
            series_id=quote(str(series_id), safe=""),
            season_number=quote(str(season_number), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | SeasonDetails:
    if response.status_code == 200:
        response_200 = SeasonDetails.from_dict(response.json())

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
) -> Response[ErrorResponse | SeasonDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    series_id: int,
    season_number: int,
    *,
    client: AuthenticatedClient | Client,
    language: str | Unset = UNSET,
    include_image_language: str | Unset = UNSET,
    append_to_response: str | Unset = UNSET,
) -> Response[ErrorResponse | SeasonDetails]:
    """Season details

     A season of a TV series with its episodes, each with its crew and guest stars.
    `language` translates the names and overviews.

    `append_to_response` brings other answers about the same season in this one:
    `images`, `credits` and `aggregate_credits` come back under those names, each as
    its own endpoint answers but without the `id`. `language` and
    `include_image_language` choose the appended posters as they do on the season
    images endpoint.

    Args:
        series_id (int):
        season_number (int):
        language (str | Unset):
        include_image_language (str | Unset):
        append_to_response (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SeasonDetails]
    """

    kwargs = _get_kwargs(
        series_id=series_id,
        season_number=season_number,
        language=language,
        include_image_language=include_image_language,
        append_to_response=append_to_response,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    series_id: int,
    season_number: int,
    *,
    client: AuthenticatedClient | Client,
    language: str | Unset = UNSET,
    include_image_language: str | Unset = UNSET,
    append_to_response: str | Unset = UNSET,
) -> ErrorResponse | SeasonDetails | None:
    """Season details

     A season of a TV series with its episodes, each with its crew and guest stars.
    `language` translates the names and overviews.

    `append_to_response` brings other answers about the same season in this one:
    `images`, `credits` and `aggregate_credits` come back under those names, each as
    its own endpoint answers but without the `id`. `language` and
    `include_image_language` choose the appended posters as they do on the season
    images endpoint.

    Args:
        series_id (int):
        season_number (int):
        language (str | Unset):
        include_image_language (str | Unset):
        append_to_response (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SeasonDetails
    """

    return sync_detailed(
        series_id=series_id,
        season_number=season_number,
        client=client,
        language=language,
        include_image_language=include_image_language,
        append_to_response=append_to_response,
    ).parsed


async def asyncio_detailed(
    series_id: int,
    season_number: int,
    *,
    client: AuthenticatedClient | Client,
    language: str | Unset = UNSET,
    include_image_language: str | Unset = UNSET,
    append_to_response: str | Unset = UNSET,
) -> Response[ErrorResponse | SeasonDetails]:
    """Season details

     A season of a TV series with its episodes, each with its crew and guest stars.
    `language` translates the names and overviews.

    `append_to_response` brings other answers about the same season in this one:
    `images`, `credits` and `aggregate_credits` come back under those names, each as
    its own endpoint answers but without the `id`. `language` and
    `include_image_language` choose the appended posters as they do on the season
    images endpoint.

    Args:
        series_id (int):
        season_number (int):
        language (str | Unset):
        include_image_language (str | Unset):
        append_to_response (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SeasonDetails]
    """

    kwargs = _get_kwargs(
        series_id=series_id,
        season_number=season_number,
        language=language,
        include_image_language=include_image_language,
        append_to_response=append_to_response,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    series_id: int,
    season_number: int,
    *,
    client: AuthenticatedClient | Client,
    language: str | Unset = UNSET,
    include_image_language: str | Unset = UNSET,
    append_to_response: str | Unset = UNSET,
) -> ErrorResponse | SeasonDetails | None:
    """Season details

     A season of a TV series with its episodes, each with its crew and guest stars.
    `language` translates the names and overviews.

    `append_to_response` brings other answers about the same season in this one:
    `images`, `credits` and `aggregate_credits` come back under those names, each as
    its own endpoint answers but without the `id`. `language` and
    `include_image_language` choose the appended posters as they do on the season
    images endpoint.

    Args:
        series_id (int):
        season_number (int):
        language (str | Unset):
        include_image_language (str | Unset):
        append_to_response (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SeasonDetails
    """

    return (
        await asyncio_detailed(
            series_id=series_id,
            season_number=season_number,
            client=client,
            language=language,
            include_image_language=include_image_language,
            append_to_response=append_to_response,
        )
    ).parsed


def build_request(
    series_id: int,
    season_number: int,
    *,
    language: str | Unset = UNSET,
    include_image_language: str | Unset = UNSET,
    append_to_response: str | Unset = UNSET,
) -> dict[str, Any]:
    """`GET /3/tv/{series_id}/season/{season_number}`: keyword arguments for `httpx.Client.build_request`"""
    return _get_kwargs(
        series_id=series_id,
        season_number=season_number,
        language=language,
        include_image_language=include_image_language,
        append_to_response=append_to_response,
    )


ENDPOINT: Endpoint[SeasonDetails] = Endpoint(
    name="tv_season_details",
    method="GET",
    path="/3/tv/{series_id}/season/{season_number}",
    path_parameters=(
        "series_id",
        "season_number",
    ),
    query_parameters=(
        "language",
        "include_image_language",
        "append_to_response",
    ),
    response_model=SeasonDetails,
    build_request=build_request,
)
