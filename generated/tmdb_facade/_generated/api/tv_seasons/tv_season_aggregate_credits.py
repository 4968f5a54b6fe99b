from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.season_aggregate_credits import SeasonAggregateCredits
from ...types import UNSET, Endpoint, Response, Unset


def _get_kwargs(
    series_id: int,
    season_number: int,
    *,
    language: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["language"] = language

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/3/tv/{series_id}/season/{season_number}/aggregate_credits".format(
            series_id=quote(str(series_id), safe=""),
            season_number=quote(str(season_number), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | SeasonAggregateCredits:
    if response.status_code == 200:
        response_200 = SeasonAggregateCredits.from_dict(response.json())

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
) -> Response[ErrorResponse | SeasonAggregateCredits]:
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
) -> Response[ErrorResponse | SeasonAggregateCredits]:
    """Season aggregate credits

     The cast and crew of every episode of a season, with the roles (cast) and
    jobs (crew) each person had and in how many episodes. A crew member who
    worked in several departments appears once per department.

    Args:
        series_id (int):
        season_number (int):
        language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SeasonAggregateCredits]
    """

    kwargs = _get_kwargs(
        series_id=series_id,
        season_number=season_number,
        language=language,
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
) -> ErrorResponse | SeasonAggregateCredits | None:
    """Season aggregate credits

     The cast and crew of every episode of a season, with the roles (cast) and
    jobs (crew) each person had and in how many episodes. A crew member who
    worked in several departments appears once per department.

    Args:
        series_id (int):
        season_number (int):
        language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SeasonAggregateCredits
    """

    return sync_detailed(
        series_id=series_id,
        season_number=season_number,
        client=client,
        language=language,
    ).parsed


async def asyncio_detailed(
    series_id: int,
    season_number: int,
    *,
    client: AuthenticatedClient | Client,
    language: str | Unset = UNSET,
) -> Response[ErrorResponse | SeasonAggregateCredits]:
    """Season aggregate credits

     The cast and crew of every episode of a season, with the roles (cast) and
    jobs (crew) each person had and in how many episodes. A crew member who
    worked in several departments appears once per department.

    Args:
        series_id (int):
        season_number (int):
        language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SeasonAggregateCredits]
    """

    kwargs = _get_kwargs(
        series_id=series_id,
        season_number=season_number,
        language=language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    series_id: int,
    season_number: int,
    *,
    client: AuthenticatedClient | Client,
    language: str | Unset = UNSET,
) -> ErrorResponse | SeasonAggregateCredits | None:
    """Season aggregate credits

     The cast and crew of every episode of a season, with the roles (cast) and
    jobs (crew) each person had and in how many episodes. A crew member who
    worked in several departments appears once per department.

    Args:
        series_id (int):
        season_number (int):
        language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SeasonAggregateCredits
    """

    return (
        await asyncio_detailed(
            series_id=series_id,
            season_number=season_number,
            client=client,
            language=language,
        )
    ).parsed


def build_request(
    series_id: int,
    season_number: int,
    *,
    language: str | Unset = UNSET,
) -> dict[str, Any]:
    """`GET /3/tv/{series_id}/season/{season_number}/aggregate_credits`: keyword arguments for `httpx.Client.build_request`"""
    return _get_kwargs(
        series_id=series_id,
        season_number=season_number,
        language=language,
    )


ENDPOINT: Endpoint[SeasonAggregateCredits] = Endpoint(
    name="tv_season_aggregate_credits",
    method="GET",
    path="/3/tv/{series_id}/season/{season_number}/aggregate_credits",
    path_parameters=(
        "series_id",
        "season_number",
    ),
    query_parameters=("language",),
    response_model=SeasonAggregateCredits,
    build_request=build_request,
)
