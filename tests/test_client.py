"""Tmdb and AsyncTmdb on the wire: credentials, endpoints, parameters, parsing.

Every test runs twice, on the sync and on the async client (see `tests/clients.py`).
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.clients import MakeDriver, json_response
from tests.helpers import live_body
from tmdb_facade import (
    AsyncTmdb,
    InvalidArgumentError,
    InvalidArgumentTypeError,
    MissingCredentialsError,
    Tmdb,
)
from tmdb_facade.models import (
    EpisodeImages,
    PersonImages,
    SeasonAggregateCredits,
    SeasonCredits,
    SeasonImages,
)

ENDPOINTS: list[tuple[str, tuple[Any, ...], dict[str, Any], str, dict[str, str], str, type]] = [
    (
        "season_images",
        (1396, 1),
        {"language": "en-US", "include_image_language": ["en", None]},
        "/3/tv/1396/season/1/images",
        {"language": "en-US", "include_image_language": "en,null"},
        "tv_1396_season_1_images",
        SeasonImages,
    ),
    (
        "episode_images",
        (1396, 1, 1),
        {"language": "pt-BR", "include_image_language": ["pt", "en"]},
        "/3/tv/1396/season/1/episode/1/images",
        {"language": "pt-BR", "include_image_language": "pt,en"},
        "tv_1396_season_1_episode_1_images",
        EpisodeImages,
    ),
    ("person_images", (62,), {}, "/3/person/62/images", {}, "person_62_images", PersonImages),
    (
        "season_credits",
        (1396, 1),
        {"language": "de"},
        "/3/tv/1396/season/1/credits",
        {"language": "de"},
        "tv_1396_season_1_credits",
        SeasonCredits,
    ),
    (
        "season_aggregate_credits",
        (1396, 0),
        {"language": "fr-FR"},
        "/3/tv/1396/season/0/aggregate_credits",
        {"language": "fr-FR"},
        "tv_1396_season_1_aggregate_credits",
        SeasonAggregateCredits,
    ),
]


@pytest.mark.parametrize(
    ("method", "args", "kwargs", "path", "query", "recording", "model"),
    ENDPOINTS,
    ids=[e[0] for e in ENDPOINTS],
)
def test_every_endpoint_on_the_wire(
    make_driver: MakeDriver,
    method: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    path: str,
    query: dict[str, str],
    recording: str,
    model: Any,
) -> None:
    body = live_body(recording)
    driver = make_driver(json_response(200, body))
    result = driver.call(method, *args, **kwargs)
    assert isinstance(result, model)
    assert result.to_dict() == body
    (request,) = driver.requests
    assert request.method == "GET"
    assert request.url.host == "api.themoviedb.org"
    assert request.url.path == path
    assert dict(request.url.params) == query
    assert request.headers["Accept"] == "application/json"
    assert request.headers["User-Agent"].startswith("tmdb-facade/")


@pytest.mark.parametrize(
    ("method", "args", "path"),
    [(e[0], e[1], e[3]) for e in ENDPOINTS],
    ids=[e[0] for e in ENDPOINTS],
)
def test_optional_parameters_are_left_out(
    make_driver: MakeDriver, method: str, args: tuple[Any, ...], path: str
) -> None:
    recording = next(e[5] for e in ENDPOINTS if e[0] == method)
    driver = make_driver(json_response(200, live_body(recording)))
    driver.call(method, *args)
    assert driver.requests[0].url.path == path
    assert dict(driver.requests[0].url.params) == {}


def test_access_token_is_sent_as_bearer(make_driver: MakeDriver) -> None:
    driver = make_driver(json_response(200, live_body("person_62_images")), access_token="tok-1")
    driver.call("person_images", 62)
    request = driver.requests[0]
    assert request.headers["Authorization"] == "Bearer tok-1"
    assert "api_key" not in request.url.params


def test_api_key_is_sent_as_query_parameter(make_driver: MakeDriver) -> None:
    driver = make_driver(
        json_response(200, live_body("person_62_images")), access_token=None, api_key="key-1"
    )
    driver.call("person_images", 62)
    request = driver.requests[0]
    assert request.url.params["api_key"] == "key-1"
    assert "Authorization" not in request.headers


@pytest.mark.parametrize(
    ("env", "header", "query"),
    [
        ({"TMDB_ACCESS_TOKEN": "env-token"}, "Bearer env-token", None),
        ({"TMDB_API_KEY": "env-key"}, None, "env-key"),
        ({"TMDB_ACCESS_TOKEN": "env-token", "TMDB_API_KEY": "env-key"}, "Bearer env-token", None),
        ({"TMDB_ACCESS_TOKEN": "", "TMDB_API_KEY": "env-key"}, None, "env-key"),
    ],
)
def test_credentials_fall_back_to_the_environment(
    make_driver: MakeDriver,
    monkeypatch: pytest.MonkeyPatch,
    env: dict[str, str],
    header: str | None,
    query: str | None,
) -> None:
    monkeypatch.delenv("TMDB_ACCESS_TOKEN", raising=False)
    monkeypatch.delenv("TMDB_API_KEY", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    driver = make_driver(json_response(200, live_body("person_62_images")), access_token=None)
    driver.call("person_images", 62)
    request = driver.requests[0]
    assert request.headers.get("Authorization") == header
    assert request.url.params.get("api_key") == query


@pytest.mark.parametrize("cls", [Tmdb, AsyncTmdb])
def test_no_credentials_anywhere_says_which_variables_to_set(
    monkeypatch: pytest.MonkeyPatch, cls: type[Tmdb] | type[AsyncTmdb]
) -> None:
    monkeypatch.delenv("TMDB_ACCESS_TOKEN", raising=False)
    monkeypatch.delenv("TMDB_API_KEY", raising=False)
    with pytest.raises(MissingCredentialsError) as caught:
        cls()
    assert "TMDB_ACCESS_TOKEN" in str(caught.value)
    assert "TMDB_API_KEY" in str(caught.value)


@pytest.mark.parametrize(
    "options",
    [
        {"access_token": "a", "api_key": "b"},
        {"access_token": ""},
        {"access_token": "has space"},
        {"api_key": "new\nline"},
        {"access_token": "t", "base_url": "ftp://example.org"},
        {"access_token": "t", "base_url": "https://user:pw@example.org"},
        {"access_token": "t", "base_url": "https://example.org/?api_key=secret"},
        {"access_token": "t", "image_base_url": "not a url"},
        {"access_token": "t", "max_retries": -1},
    ],
)
def test_bad_client_options_are_rejected(options: dict[str, Any]) -> None:
    with pytest.raises(InvalidArgumentError):
        Tmdb(**options)


def test_base_url_is_configurable(make_driver: MakeDriver) -> None:
    driver = make_driver(
        json_response(200, live_body("person_62_images")), base_url="http://127.0.0.1:9/"
    )
    driver.call("person_images", 62)
    assert str(driver.requests[0].url) == "http://127.0.0.1:9/3/person/62/images"


BAD_INPUTS: list[tuple[str, tuple[Any, ...], dict[str, Any], type[Exception], str]] = [
    ("person_images", (True,), {}, InvalidArgumentTypeError, "person_id"),
    ("person_images", ("62",), {}, InvalidArgumentTypeError, "person_id"),
    ("person_images", (62.0,), {}, InvalidArgumentTypeError, "person_id"),
    ("person_images", (0,), {}, InvalidArgumentError, "person_id"),
    ("person_images", (2**31,), {}, InvalidArgumentError, "person_id"),
    ("season_credits", (-1, 1), {}, InvalidArgumentError, "series_id"),
    ("season_credits", (1396, -1), {}, InvalidArgumentError, "season_number"),
    ("season_credits", (1396, 1), {"language": "english"}, InvalidArgumentError, "language"),
    ("season_credits", (1396, 1), {"language": "en_US"}, InvalidArgumentError, "language"),
    ("season_credits", (1396, 1), {"language": 5}, InvalidArgumentTypeError, "language"),
    ("episode_images", (1396, 1, -1), {}, InvalidArgumentError, "episode_number"),
    ("episode_images", (1396, 1, False), {}, InvalidArgumentTypeError, "episode_number"),
    (
        "season_images",
        (1396, 1),
        {"include_image_language": "en,null"},
        InvalidArgumentTypeError,
        "include_image_language",
    ),
    (
        "season_images",
        (1396, 1),
        {"include_image_language": ["en", "english"]},
        InvalidArgumentError,
        "include_image_language[1]",
    ),
    (
        "season_images",
        (1396, 1),
        {"include_image_language": []},
        InvalidArgumentError,
        "include_image_language",
    ),
    (
        "season_aggregate_credits",
        (1396, None),
        {},
        InvalidArgumentTypeError,
        "season_number",
    ),
]


@pytest.mark.parametrize(
    ("method", "args", "kwargs", "error", "argument"),
    BAD_INPUTS,
    ids=[f"{b[0]}-{b[4]}-{i}" for i, b in enumerate(BAD_INPUTS)],
)
def test_invalid_input_is_rejected_before_sending(
    make_driver: MakeDriver,
    method: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    error: type[Exception],
    argument: str,
) -> None:
    driver = make_driver(json_response(200, {}))
    with pytest.raises(error) as caught:
        driver.call(method, *args, **kwargs)
    assert str(caught.value).startswith(argument)
    assert driver.requests == []


def test_specials_season_and_episode_zero_are_valid(make_driver: MakeDriver) -> None:
    driver = make_driver(json_response(200, live_body("tv_1396_season_1_episode_1_images")))
    driver.call("episode_images", 1396, 0, 0)
    assert driver.requests[0].url.path == "/3/tv/1396/season/0/episode/0/images"


def test_connections_are_reused_by_one_client(make_driver: MakeDriver) -> None:
    driver = make_driver(json_response(200, live_body("person_62_images")))
    http_client = driver.client._http
    for _ in range(3):
        driver.call("person_images", 62)
    assert driver.client._http is http_client
    assert len(driver.requests) == 3


def test_sync_client_is_a_context_manager() -> None:
    with Tmdb("t", transport=httpx.MockTransport(json_response(200, {}))) as tmdb:
        assert not tmdb._http.is_closed
    assert tmdb._http.is_closed


@pytest.mark.anyio
async def test_async_client_is_a_context_manager() -> None:
    async with AsyncTmdb("t", transport=httpx.MockTransport(json_response(200, {}))) as tmdb:
        assert not tmdb._http.is_closed
    assert tmdb._http.is_closed
