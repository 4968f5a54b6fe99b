"""`fetch_series_async`, a whole series through `AsyncTmdb` (`tmdb_facade.series` has the
rest); `scripts/unasync` writes `fetch_series` (`_series_sync.py`) from this module.

The examples cannot run here (the doctests' `tmdb` is a `Tmdb`): they are skipped, and run in
the sync twin, where `scripts/unasync` takes the skips off.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from tmdb_facade._generated.models import EpisodeImages

from ._calls import ImageLanguages
from ._constants import MAX_CONNECTIONS
from ._series_plan import CheckedSeason, Tracker
from .bulk import Progress
from .series import DEFAULT_MAX_REQUESTS, WholeSeries, _plan

if TYPE_CHECKING:
    from .client import AsyncTmdb

__all__ = ["fetch_series_async"]


async def fetch_series_async(
    tmdb: AsyncTmdb,
    series_id: int,
    *,
    seasons: Collection[int] | None = None,
    stills: bool = True,
    language: str | None = None,
    include_image_language: ImageLanguages | None = None,
    concurrency: int = MAX_CONNECTIONS,
    max_requests: int | None = DEFAULT_MAX_REQUESTS,
    return_exceptions: bool = False,
    progress: Progress | None = None,
) -> WholeSeries:
    """Every season of a series with its posters, credits and episode stills.

    >>> series = await fetch_series_async(tmdb, 1396, seasons=[1], stills=False)  # doctest: +SKIP
    >>> season = series.seasons[0]  # doctest: +SKIP
    >>> season.details.episodes[0].name, season.credits.cast[0].character  # doctest: +SKIP
    ('Pilot', 'Walter White')

    `seasons` picks some (`range(1, 3)`; season 0 holds the specials), `stills=False` skips
    the episodes' stills (1 + seasons requests). `language` and `include_image_language` go
    to every request, as in `season_details`. `progress(done, total)` follows `map`'s, with
    a total that grows as the seasons and episodes become known.

    Only what the series details count is fetched, each season and episode once; where TMDB
    contradicts itself, the rest is left out and said so in `deviations` (with a
    `SpecDeviationWarning`; a `ResponseValidationError` with `AsyncTmdb(strict=True)`). A season
    or stills answer for another season or episode than asked is a `ResponseValidationError`.
    If the series needs more than `max_requests` requests (None: no cap), `MaxRequestsError`
    is raised after the first. A season's or an episode's error stops the rest and is
    raised, unless `return_exceptions=True` keeps it in `season_errors` or the season's
    `still_errors`; an error about the series itself is always raised.
    """
    plan = _plan(
        series_id,
        seasons,
        stills,
        language,
        include_image_language,
        concurrency,
        max_requests,
        return_exceptions,
    )
    tracker = Tracker(progress)
    details = await tmdb.series_details(series_id, language=language)
    found = plan.listing(tmdb.base_url, tmdb.strict, details)

    async def season(number: int) -> CheckedSeason:
        answer = await tmdb.season_details(series_id, number, **plan.season_options)
        return plan.season(tmdb.base_url, tmdb.strict, found, number, answer)

    checked = await tmdb.map(
        season,
        list(found.seasons),
        concurrency=concurrency,
        progress=tracker.step(1, len(found.seasons)),
        return_exceptions=plan.return_exceptions,
    )
    episodes = plan.episodes(found, checked)

    async def still(number: int, episode: int, episode_id: int) -> EpisodeImages:
        answer = await tmdb.episode_images(series_id, number, episode, **plan.still_options)
        return plan.episode(tmdb.base_url, number, episode, episode_id, answer)

    images = await tmdb.map(
        still,
        episodes,
        concurrency=concurrency,
        progress=tracker.step(len(found.seasons), len(episodes)),
        return_exceptions=plan.return_exceptions,
    )
    return plan.assemble(details, found, checked, images)
