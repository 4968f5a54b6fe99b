"""A whole series in a few requests: every season's posters and credits, every episode's stills.

`fetch_series(tmdb, 1396)` (and `fetch_series_async` for `AsyncTmdb`) asks for the series
details, then each season's details with its posters, credits and aggregate credits appended
(`append_to_response`: one request a season instead of four), then each episode's stills, the
seasons and the stills each through the client's `map`, so at the rate limit's ceiling. That is
at most 1 + seasons + episodes requests. The two functions differ only in `await`; what they
decide (which seasons, which episodes, the result) is the pure code below.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from tmdb_api.api.tv_seasons import tv_season_details
from tmdb_api.models import (
    AppendedSeasonAggregateCredits,
    AppendedSeasonCredits,
    EpisodeImages,
    Image,
    SeasonDetails,
    SeriesDetails,
)
from tmdb_api.types import Unset

from ._calls import Appendix, ImageLanguages, api_call
from ._constants import MAX_CONNECTIONS
from .bulk import Progress
from .bulk import _check as check_concurrency
from .errors import InvalidArgumentError, InvalidArgumentTypeError, ResponseValidationError

if TYPE_CHECKING:
    from .client import AsyncTmdb, Tmdb

__all__ = ["SeriesSeason", "WholeSeries", "fetch_series", "fetch_series_async"]

#: What each season-details request brings along.
APPENDED: Final[Sequence[Appendix]] = ("images", "credits", "aggregate_credits")


@dataclass(frozen=True)
class SeriesSeason:
    """One season: its details and episodes, posters, credits, and the stills of each episode."""

    details: SeasonDetails
    """The season details (`.episodes`, `.name`, `.air_date`...), as TMDB sent them."""
    posters: list[Image]
    credits: AppendedSeasonCredits
    """Cast and crew of the season's latest episode (`.cast`, `.crew`)."""
    aggregate_credits: AppendedSeasonAggregateCredits
    """Everyone of every episode (`.cast[].roles`, `.crew[].jobs`)."""
    stills: dict[int, list[Image]]
    """Each episode's stills by episode number, in episode order; empty with `stills=False`."""

    @property
    def season_number(self) -> int:
        return self.details.season_number


@dataclass(frozen=True)
class WholeSeries:
    """What `fetch_series` returns: the series details and the seasons asked for, in order."""

    details: SeriesDetails
    seasons: list[SeriesSeason]


@dataclass(frozen=True)
class _Plan:
    """The arguments of one `fetch_series`, checked before any request, and what follows."""

    series_id: int
    seasons: frozenset[int] | None
    stills: bool
    language: str | None
    include_image_language: ImageLanguages | None
    concurrency: int

    def season_numbers(self, details: SeriesDetails) -> list[int]:
        """The seasons to fetch, in the series' order: the ones asked for, else all."""
        listed = [season.season_number for season in details.seasons]
        if self.seasons is None:
            return listed
        missing = sorted(self.seasons.difference(listed))
        if missing:
            raise InvalidArgumentError(
                f"series {self.series_id} has no season {', '.join(map(str, missing))}; "
                f"its seasons: {', '.join(map(str, listed)) or 'none'}"
            )
        return [number for number in listed if number in self.seasons]

    @property
    def season_options(self) -> dict[str, Any]:
        """The keyword arguments of each `season_details` call."""
        return {
            "language": self.language,
            "append_to_response": APPENDED,
            "include_image_language": self.include_image_language,
        }

    @property
    def still_options(self) -> dict[str, Any]:
        """The keyword arguments of each `episode_images` call."""
        return {"language": self.language, "include_image_language": self.include_image_language}

    def episodes(self, seasons: Sequence[SeasonDetails]) -> list[tuple[int, int, int]]:
        """(series, season, episode) of every episode whose stills to fetch."""
        if not self.stills:
            return []
        return [
            (self.series_id, season.season_number, episode.episode_number)
            for season in seasons
            for episode in season.episodes
        ]

    def assemble(
        self,
        base_url: str,
        details: SeriesDetails,
        seasons: Sequence[SeasonDetails],
        stills: Sequence[EpisodeImages],
    ) -> WholeSeries:
        found = iter(stills)
        return WholeSeries(
            details=details,
            seasons=[
                SeriesSeason(
                    details=season,
                    posters=_appended(base_url, self.series_id, season, "images").posters,
                    credits=_appended(base_url, self.series_id, season, "credits_"),
                    aggregate_credits=_appended(
                        base_url, self.series_id, season, "aggregate_credits"
                    ),
                    stills={
                        episode.episode_number: next(found).stills
                        for episode in (season.episodes if self.stills else [])
                    },
                )
                for season in seasons
            ],
        )


def _appended(base_url: str, series_id: int, season: SeasonDetails, name: str) -> Any:
    """An appended part of the season details, or the error of an answer without it."""
    value = getattr(season, name)
    if isinstance(value, Unset):
        field = name.rstrip("_")
        url = f"{base_url}/3/tv/{series_id}/season/{season.season_number}"
        raise ResponseValidationError(
            f"GET {url}: the season details lack `{field}`, asked for with append_to_response",
            json_path=f"$.{field}",
            http_status=200,
            body=None,
            request_method="GET",
            request_url=url,
        )
    return value


class _Tracker:
    """One `progress(done, total)` over the three steps; the total grows as it becomes known."""

    def __init__(self, progress: Progress | None) -> None:
        self._progress = progress
        self._done = 0
        self._total = 1  # the series details; the seasons and episodes once known

    def step(self, finished: int, coming: int) -> Progress:
        """`finished` calls of the last step are done, `coming` follow: their `map` progress."""
        self._done += finished
        self._total += coming
        self._report(self._done)
        base = self._done
        return lambda done, _: self._report(base + done)

    def _report(self, done: int) -> None:
        if self._progress is not None:
            self._progress(done, self._total)


def _plan(
    series_id: object,
    seasons: Collection[int] | None,
    stills: object,
    language: str | None,
    include_image_language: ImageLanguages | None,
    concurrency: int,
) -> _Plan:
    if type(series_id) is not int:
        raise InvalidArgumentTypeError(f"series_id must be an int, got {type(series_id).__name__}")
    if seasons is not None:
        if isinstance(seasons, str | bytes) or not isinstance(seasons, Collection):
            raise InvalidArgumentTypeError(
                f"seasons must be a collection of season numbers, got {type(seasons).__name__}"
            )
        for number in seasons:
            if type(number) is not int:
                raise InvalidArgumentTypeError(
                    f"seasons must hold ints, got {type(number).__name__}"
                )
            if number < 0:
                raise InvalidArgumentError(f"season numbers are 0 or more, got {number}")
    if type(stills) is not bool:
        raise InvalidArgumentTypeError(f"stills must be a bool, got {type(stills).__name__}")
    check_concurrency(concurrency)
    plan = _Plan(
        series_id,
        None if seasons is None else frozenset(seasons),
        stills,
        language,
        include_image_language,
        concurrency,
    )
    # Every argument of the later calls checked now, by building one of them, not later when
    # the series details would already have been fetched.
    api_call(tv_season_details.ENDPOINT, (series_id, 0), plan.season_options)
    return plan


def fetch_series(
    tmdb: Tmdb,
    series_id: int,
    *,
    seasons: Collection[int] | None = None,
    stills: bool = True,
    language: str | None = None,
    include_image_language: ImageLanguages | None = None,
    concurrency: int = MAX_CONNECTIONS,
    progress: Progress | None = None,
) -> WholeSeries:
    """Every season of a series with its posters, credits and episode stills.

    >>> series = fetch_series(tmdb, 1396, seasons=[1], stills=False)
    >>> season = series.seasons[0]
    >>> season.details.episodes[0].name, season.credits.cast[0].character
    ('Pilot', 'Walter White')

    `seasons` picks some (`range(1, 3)`; season 0 holds the specials), `stills=False` skips
    the episodes' stills (1 + seasons requests). `language` and `include_image_language` go
    to every request, as in `season_details`. `progress(done, total)` follows `map`'s, with
    a total that grows as the seasons and episodes become known.
    """
    plan = _plan(series_id, seasons, stills, language, include_image_language, concurrency)
    tracker = _Tracker(progress)
    details = tmdb.series_details(series_id, language=language)
    numbers = plan.season_numbers(details)
    found = tmdb.map(
        functools.partial(tmdb.season_details, **plan.season_options),
        [(series_id, number) for number in numbers],
        concurrency=concurrency,
        progress=tracker.step(1, len(numbers)),
    )
    episodes = plan.episodes(found)
    images = tmdb.map(
        functools.partial(tmdb.episode_images, **plan.still_options),
        episodes,
        concurrency=concurrency,
        progress=tracker.step(len(numbers), len(episodes)),
    )
    return plan.assemble(tmdb.base_url, details, found, images)


async def fetch_series_async(
    tmdb: AsyncTmdb,
    series_id: int,
    *,
    seasons: Collection[int] | None = None,
    stills: bool = True,
    language: str | None = None,
    include_image_language: ImageLanguages | None = None,
    concurrency: int = MAX_CONNECTIONS,
    progress: Progress | None = None,
) -> WholeSeries:
    """`fetch_series` for `AsyncTmdb`: `await fetch_series_async(tmdb, 1396)`."""
    plan = _plan(series_id, seasons, stills, language, include_image_language, concurrency)
    tracker = _Tracker(progress)
    details = await tmdb.series_details(series_id, language=language)
    numbers = plan.season_numbers(details)
    found = await tmdb.map(
        functools.partial(tmdb.season_details, **plan.season_options),
        [(series_id, number) for number in numbers],
        concurrency=concurrency,
        progress=tracker.step(1, len(numbers)),
    )
    episodes = plan.episodes(found)
    images = await tmdb.map(
        functools.partial(tmdb.episode_images, **plan.still_options),
        episodes,
        concurrency=concurrency,
        progress=tracker.step(len(numbers), len(episodes)),
    )
    return plan.assemble(tmdb.base_url, details, found, images)
