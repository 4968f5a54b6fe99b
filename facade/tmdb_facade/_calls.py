"""Turn a method call into a request, checking every argument first: pure functions.

The generated endpoint modules build the path and query (`_get_kwargs`), so paths and
parameter names always follow the spec; the bounds and patterns checked here are read from
the spec too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from tmdb_api.api.people import person_images as _person_images
from tmdb_api.api.tv_episodes import tv_episode_images as _tv_episode_images
from tmdb_api.api.tv_seasons import tv_season_aggregate_credits as _tv_season_aggregate_credits
from tmdb_api.api.tv_seasons import tv_season_credits as _tv_season_credits
from tmdb_api.api.tv_seasons import tv_season_images as _tv_season_images
from tmdb_api.models import (
    EpisodeImages,
    PersonImages,
    SeasonAggregateCredits,
    SeasonCredits,
    SeasonImages,
)
from tmdb_api.types import UNSET, Unset

from . import _spec
from ._build import M
from ._validation import decode_model
from .errors import InvalidArgumentError, InvalidArgumentTypeError

T = TypeVar("T")

ImageLanguages = Sequence[str | None]
"""Languages of images to include: ISO 639-1 codes, None for images with no language."""

_LANGUAGE_CODE = re.compile(r"[a-z]{2}")


@dataclass(frozen=True)
class ApiCall(Generic[T]):
    """One request to send and how to read its successful answer."""

    operation_id: str
    method: str
    url: str
    params: Mapping[str, str]
    decode: Callable[[bytes], T]
    """Body of a 200 answer -> result; raises `OffSpec` when the body breaks the spec."""
    rate_limited: bool = True
    """Whether the call counts against TMDB's API rate limit (the image CDN does not)."""


def _check(operation_id: str, **arguments: object) -> None:
    """Raise if an argument breaks its parameter's schema in the spec (type, bounds, pattern)."""
    for param in _spec.operations()[operation_id].parameters:
        name, schema = param["name"], param["schema"]
        value = arguments[name]
        if value is None and not param.get("required"):
            continue
        if schema["type"] == "integer":
            if type(value) is not int:  # bool is an int subclass, and never an id
                raise InvalidArgumentTypeError(f"{name} must be an int, got {type(value).__name__}")
            low, high = schema.get("minimum"), schema.get("maximum")
            if (low is not None and value < low) or (high is not None and value > high):
                raise InvalidArgumentError(f"{name} must be between {low} and {high}, got {value}")
        elif schema["type"] == "string":
            if not isinstance(value, str):
                raise InvalidArgumentTypeError(f"{name} must be a str, got {type(value).__name__}")
            if "pattern" in schema and not re.search(schema["pattern"], value):
                raise InvalidArgumentError(
                    f"{name} must look like {param.get('example')!r}, got {value!r}"
                )


def encode_image_languages(languages: ImageLanguages | None) -> str | None:
    """`["en", None]` -> `"en,null"`, TMDB's form for `include_image_language`.

    >>> encode_image_languages(["en", None])
    'en,null'
    """
    if languages is None:
        return None
    if isinstance(languages, str) or not isinstance(languages, Sequence):
        raise InvalidArgumentTypeError(
            "include_image_language must be a list of language codes such as ['en', None], "
            f"got {type(languages).__name__}"
        )
    if not languages:
        raise InvalidArgumentError("include_image_language must name at least one language")
    codes = []
    for index, code in enumerate(languages):
        if code is None:
            codes.append("null")
        elif isinstance(code, str) and _LANGUAGE_CODE.fullmatch(code):
            codes.append(code)
        else:
            raise InvalidArgumentError(
                f"include_image_language[{index}] must be a two-letter ISO 639-1 code "
                f"such as 'en', or None for images without text, got {code!r}"
            )
    return ",".join(codes)


def _unset(value: str | None) -> str | Unset:
    return UNSET if value is None else value


def _call(operation_id: str, kwargs: dict[str, Any], model: type[M]) -> ApiCall[M]:
    return ApiCall(
        operation_id=operation_id,
        method=str(kwargs["method"]).upper(),
        url=kwargs["url"],
        params=kwargs.get("params", {}),
        decode=functools.partial(decode_model, operation_id, model),
    )


def image(url: str) -> ApiCall[bytes]:
    """Fetch the bytes of an image from TMDB's image server (an absolute URL)."""
    return ApiCall("image", "GET", url, {}, decode=bytes, rate_limited=False)


def season_images(
    series_id: int,
    season_number: int,
    *,
    language: str | None = None,
    include_image_language: ImageLanguages | None = None,
) -> ApiCall[SeasonImages]:
    image_languages = encode_image_languages(include_image_language)
    _check(
        "tv-season-images",
        series_id=series_id,
        season_number=season_number,
        language=language,
        include_image_language=image_languages,
    )
    kwargs = _tv_season_images._get_kwargs(
        series_id,
        season_number,
        language=_unset(language),
        include_image_language=_unset(image_languages),
    )
    return _call("tv-season-images", kwargs, SeasonImages)


def episode_images(
    series_id: int,
    season_number: int,
    episode_number: int,
    *,
    language: str | None = None,
    include_image_language: ImageLanguages | None = None,
) -> ApiCall[EpisodeImages]:
    image_languages = encode_image_languages(include_image_language)
    _check(
        "tv-episode-images",
        series_id=series_id,
        season_number=season_number,
        episode_number=episode_number,
        language=language,
        include_image_language=image_languages,
    )
    kwargs = _tv_episode_images._get_kwargs(
        series_id,
        season_number,
        episode_number,
        language=_unset(language),
        include_image_language=_unset(image_languages),
    )
    return _call("tv-episode-images", kwargs, EpisodeImages)


def person_images(person_id: int) -> ApiCall[PersonImages]:
    _check("person-images", person_id=person_id)
    kwargs = _person_images._get_kwargs(person_id)
    return _call("person-images", kwargs, PersonImages)


def season_credits(
    series_id: int, season_number: int, *, language: str | None = None
) -> ApiCall[SeasonCredits]:
    _check(
        "tv-season-credits",
        series_id=series_id,
        season_number=season_number,
        language=language,
    )
    kwargs = _tv_season_credits._get_kwargs(series_id, season_number, language=_unset(language))
    return _call("tv-season-credits", kwargs, SeasonCredits)


def season_aggregate_credits(
    series_id: int, season_number: int, *, language: str | None = None
) -> ApiCall[SeasonAggregateCredits]:
    _check(
        "tv-season-aggregate-credits",
        series_id=series_id,
        season_number=season_number,
        language=language,
    )
    kwargs = _tv_season_aggregate_credits._get_kwargs(
        series_id, season_number, language=_unset(language)
    )
    return _call("tv-season-aggregate-credits", kwargs, SeasonAggregateCredits)
