"""A whole series in a few requests: every season's posters and credits, every episode's stills.

`fetch_series(tmdb, 1396)` (and `fetch_series_async` for `AsyncTmdb`) asks for the series
details, then each season's details with its posters, credits and aggregate credits appended
(`append_to_response`: one request a season instead of four), then each episode's stills, the
seasons and the stills each through the client's `map`, so at the rate limit's ceiling.

The series details bound the rest (`_series_plan`): at most `number_of_seasons` seasons besides
the specials, at most each season's `episode_count` episodes and `number_of_episodes` in all,
each season and episode once; so at most 1 + seasons + episodes requests, and never more than
`max_requests`. What they decide is the pure code below and in `_series_plan`; the calls are
`fetch_series_async` (`_series_async.py`), and `fetch_series` is written from it by
`scripts/unasync` (`_series_sync.py`).
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from tmdb_facade._generated.api.tv_seasons import tv_season_details
from tmdb_facade._generated.models import (
    AppendedSeasonAggregateCredits,
    AppendedSeasonCredits,
    EpisodeImages,
    Image,
    SeasonDetails,
    SeriesDetails,
)
from tmdb_facade._generated.types import Deviation

from ._calls import Appendix, ImageLanguages, api_call
from ._series_plan import (
    CheckedSeason,
    Listing,
    checked_cap,
    checked_flag,
    checked_season,
    checked_seasons,
    checked_stills,
    listing,
)
from .bulk import _check as check_concurrency
from .errors import InvalidArgumentTypeError, SpecDeviationWarning, TmdbError

if TYPE_CHECKING:
    from ._series_async import fetch_series_async
    from ._series_sync import fetch_series

__all__ = [
    "DEFAULT_MAX_REQUESTS",
    "SeriesSeason",
    "WholeSeries",
    "fetch_series",
    "fetch_series_async",
]

#: What each season-details request brings along.
APPENDED: Final[Sequence[Appendix]] = ("images", "credits", "aggregate_credits")

#: `fetch_series`'s cap on requests unless told otherwise: a series of 40 seasons and 1,900
#: episodes, 40 s at TMDB's 50 requests a second. `max_requests=None` lifts it.
DEFAULT_MAX_REQUESTS: Final = 2_000


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
    episode_images: dict[int, EpisodeImages]
    """Each episode's images answer, whole, by episode number (`stills` holds their stills)."""
    still_errors: dict[int, TmdbError]
    """With `return_exceptions=True`, the error of each episode whose stills failed."""
    deviations: tuple[Deviation, ...] = ()
    """Where the season's answer contradicts the series (episodes beyond its count, listed
    twice, of another season): what was therefore left out. JSON paths into `details`."""

    @property
    def season_number(self) -> int:
        return self.details.season_number

    def to_dict(self) -> dict[str, Any]:
        """What TMDB sent: the season details (with the appended parts) under "details", and
        each episode's images answer under "episode_images", in episode order."""
        return {
            "details": self.details.to_dict(),
            "episode_images": [answer.to_dict() for answer in self.episode_images.values()],
        }


@dataclass(frozen=True)
class WholeSeries:
    """What `fetch_series` returns: the series details and the seasons asked for, in order."""

    details: SeriesDetails
    seasons: list[SeriesSeason]
    season_errors: dict[int, TmdbError]
    """With `return_exceptions=True`, the error of each season that failed, by number."""
    deviations: tuple[Deviation, ...] = ()
    """Where the series details contradict themselves (more seasons or episodes listed than
    counted, a season listed twice or under an impossible number): what was therefore not
    fetched. JSON paths into `details`."""

    def to_dict(self) -> dict[str, Any]:
        """What TMDB sent: the series details under "details", and each season's
        `SeriesSeason.to_dict()` under "seasons"."""
        return {
            "details": self.details.to_dict(),
            "seasons": [season.to_dict() for season in self.seasons],
        }


@dataclass(frozen=True)
class _Plan:
    """The arguments of one `fetch_series`, checked before any request, and what follows."""

    series_id: int
    seasons: frozenset[int] | None
    stills: bool
    language: str | None
    include_image_language: ImageLanguages | None
    concurrency: int
    max_requests: int | None
    return_exceptions: bool

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

    def url(self, base_url: str, season: int | None = None, episode: int | None = None) -> str:
        """The (redacted) URL errors name: the series, a season, or an episode's images."""
        url = f"{base_url}/3/tv/{self.series_id}"
        if season is not None:
            url += f"/season/{season}"
        if episode is not None:
            url += f"/episode/{episode}/images"
        return url

    def listing(self, base_url: str, strict: bool, details: SeriesDetails) -> Listing:
        """The seasons to fetch, within the series' own counts and `max_requests`."""
        url = self.url(base_url)
        found = listing(details, self.series_id, self.seasons, url, strict=strict)
        found.check_cap(self.series_id, self.stills, self.max_requests)
        return found

    def season(
        self, base_url: str, strict: bool, found: Listing, number: int, details: SeasonDetails
    ) -> CheckedSeason:
        """Season `number`'s answer, checked to be that season's with every part appended."""
        url = self.url(base_url, number)
        return checked_season(details, number, found.seasons[number], url, strict=strict)

    def episode(
        self, base_url: str, season: int, episode: int, episode_id: int, images: EpisodeImages
    ) -> EpisodeImages:
        """An episode's images answer, checked to be that episode's."""
        return checked_stills(images, episode_id, self.url(base_url, season, episode))

    def episodes(
        self, found: Listing, seasons: Sequence[CheckedSeason | TmdbError]
    ) -> list[tuple[int, int, int]]:
        """(season, episode, episode id) of every episode whose stills to fetch."""
        if not self.stills:
            return []
        return [
            (number, episode, episode_id)
            for number, season in zip(found.seasons, seasons, strict=True)
            if isinstance(season, CheckedSeason)
            for episode, episode_id in season.episodes.items()
        ]

    def assemble(
        self,
        details: SeriesDetails,
        found: Listing,
        seasons: Sequence[CheckedSeason | TmdbError],
        stills: Sequence[EpisodeImages | TmdbError],
    ) -> WholeSeries:
        answers = iter(stills)
        whole, failed = [], {}
        for number, season in zip(found.seasons, seasons, strict=True):
            if not isinstance(season, CheckedSeason):
                failed[number] = season
                continue
            images: dict[int, EpisodeImages] = {}
            errors: dict[int, TmdbError] = {}
            for episode in season.episodes if self.stills else ():
                answer = next(answers)
                if isinstance(answer, EpisodeImages):
                    images[episode] = answer
                else:
                    errors[episode] = answer
            whole.append(
                SeriesSeason(
                    details=season.details,
                    posters=season.images.posters,
                    credits=season.credits,
                    aggregate_credits=season.aggregate_credits,
                    stills={episode: answer.stills for episode, answer in images.items()},
                    episode_images=images,
                    still_errors=errors,
                    deviations=season.deviations,
                )
            )
        result = WholeSeries(details, whole, failed, found.deviations)
        self._warn(result)
        return result

    def _warn(self, result: WholeSeries) -> None:
        """A `SpecDeviationWarning` for each contradiction, as the clients warn of theirs."""
        found = [("series details", d) for d in result.deviations]
        for season in result.seasons:
            found += [(f"season {season.season_number} details", d) for d in season.deviations]
        for where, deviation in found:
            warnings.warn(
                f"fetch_series({self.series_id}): the {where} contradict the series at "
                f"{deviation.json_path}: {deviation.problem} (Tmdb(strict=True) makes this an "
                "error)",
                SpecDeviationWarning,
                stacklevel=4,
            )


def _plan(
    series_id: object,
    seasons: Collection[int] | None,
    stills: object,
    language: str | None,
    include_image_language: ImageLanguages | None,
    concurrency: int,
    max_requests: object,
    return_exceptions: object,
) -> _Plan:
    if type(series_id) is not int:
        raise InvalidArgumentTypeError(f"series_id must be an int, got {type(series_id).__name__}")
    check_concurrency(concurrency)
    plan = _Plan(
        series_id,
        checked_seasons(seasons),
        checked_flag("stills", stills),
        language,
        include_image_language,
        concurrency,
        checked_cap(max_requests),
        checked_flag("return_exceptions", return_exceptions),
    )
    # Every argument of the later calls checked now, by building one of them, not later when
    # the series details would already have been fetched.
    api_call(tv_season_details.ENDPOINT, (series_id, 0), plan.season_options)
    return plan


def __getattr__(name: str) -> Any:
    # On first use, not at import: the two modules import this one's plan and results.
    twins = {"fetch_series": "._series_sync", "fetch_series_async": "._series_async"}
    if name not in twins:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(twins[name], __package__), name)
    globals()[name] = value
    return value
