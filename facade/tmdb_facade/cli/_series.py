"""`tmdb-facade download series-posters|series-stills SERIES_ID`: the posters of every season,
or the stills of every episode, of a series.

`tmdb_facade.series.fetch_series_async` lists them (one request for the series, one per
season, and for the stills one per episode, at the rate limit's ceiling); they are then saved
like every other download (`_files.save_images`): into FOLDER/SIZE, whole, skipped when there.

Offline, the recorded data has only season 1 of series 1396, and the stills of its episode 1
alone (its other episodes answer with none): without --season, a series download takes the
seasons the data has, and says so, so that both commands work offline.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from tmdb_facade._generated.models import Image
from tmdb_facade.bulk import Progress
from tmdb_facade.images import ImageKind
from tmdb_facade.series import DEFAULT_MAX_REQUESTS, WholeSeries, fetch_series_async

from . import _options as opt
from ._commands import settings_of
from ._files import file_name, progress_bar, save_images
from ._options import Commands, Parser
from ._output import make_console, print_json, print_lines
from ._session import offline_seasons, open_session


@dataclass(frozen=True)
class Listed:
    """An image of the series, and the season (and episode) TMDB lists it under."""

    image: Image
    season_number: int
    episode_number: int | None = None

    def to_dict(self) -> dict[str, object]:
        where: dict[str, object] = {"season_number": self.season_number}
        if self.episode_number is not None:
            where["episode_number"] = self.episode_number
        return {"file_name": file_name(self.image), **where}


@dataclass(frozen=True)
class SeriesDownload:
    """`tmdb-facade download NAME SERIES_ID`: the `kind` images of every season or episode."""

    name: str
    summary: str
    details: str
    example: str
    kind: ImageKind
    stills: bool
    """Whether `fetch_series` also fetches each episode's stills (one request per episode)."""

    def default_folder(self, series_id: int | None = None) -> Path:
        """`tv-1396-posters` (or the pattern, for help)."""
        return Path(f"tv-{'SERIES_ID' if series_id is None else series_id}-{self.kind}s")

    def listed(self, series: WholeSeries) -> list[Listed]:
        """The images to save, in the series' order: by season, then by episode."""
        if self.stills:
            return [
                Listed(image, season.season_number, episode)
                for season in series.seasons
                for episode, stills in season.stills.items()
                for image in stills
            ]
        return [
            Listed(image, season.season_number)
            for season in series.seasons
            for image in season.posters
        ]


_JSON: Final = "--json adds `images`: each file's season_number{}, in the series' order."

SERIES_DOWNLOADS: Final = (
    SeriesDownload(
        "series-posters",
        "Save the posters of every season of a TV series (or of --season N).",
        "One request for the series and one per season, each season's posters appended to its\n"
        "details. " + _JSON.format(""),
        "tmdb-facade download series-posters 1396 --image-language en --size w342",
        "poster",
        stills=False,
    ),
    SeriesDownload(
        "series-stills",
        "Save the stills of every episode of a TV series (or of --season N).",
        "One request for the series, one per season and one per episode, at TMDB's rate limit\n"
        "(five seasons of 13 episodes: 71 requests). " + _JSON.format(" and episode_number"),
        "tmdb-facade download series-stills 1396 --season 1 --season 2 --size w300",
        "still",
        stills=True,
    ),
)


def _announcing(progress: Progress | None, notice: str | None) -> Progress | None:
    """`progress`, printing `notice` on stderr once the series is known (its first call):
    after the offline line of the first request, and never for a series that is not found."""
    if notice is None:
        return progress
    pending = [notice]

    def report(done: int, total: int) -> None:
        while pending:
            print(pending.pop(), file=sys.stderr, flush=True)
        if progress is not None:
            progress(done, total)

    return report


async def run(download: SeriesDownload, args: argparse.Namespace) -> None:
    """List the series' images, save those not yet saved, and say what was done."""
    series_id: int = args.series_id
    folder = (args.folder or download.default_folder(series_id)) / args.size
    console = None if args.quiet else make_console(sys.stderr)
    async with open_session(settings_of(args)) as session:
        seasons: list[int] | None = args.season
        notice = None
        # A series the data lacks is left to its 404, which says what the data has.
        if seasons is None and session.offline and (recorded := offline_seasons(series_id)):
            seasons = recorded
            which = f"season{'s' if len(recorded) > 1 else ''} {', '.join(map(str, recorded))}"
            notice = (
                None
                if args.quiet
                else (
                    f"offline: the recorded data has only {which} of series {series_id}; "
                    "downloading from that alone"
                )
            )
        with progress_bar(console, 1, f"listing series {series_id}") as progress:
            series = await fetch_series_async(
                session.tmdb,
                series_id,
                seasons=seasons,
                stills=download.stills,
                language=args.language,
                include_image_language=args.image_language,
                max_requests=args.max_requests,
                progress=_announcing(progress, notice),
            )
        listed = download.listed(series)
        report = await save_images(
            session.tmdb,
            [item.image for item in listed],
            kind=download.kind,
            size=args.size,
            folder=folder,
            progress_console=console,
            force=args.force,
        )
    if args.as_json:
        print_json({**report.to_dict(), "images": [item.to_dict() for item in listed]})
    elif not args.quiet:
        print_lines([report.summary()])


def add_series_downloads(kinds: Commands[Parser], parents: Sequence[Parser]) -> None:
    """`download series-posters` and `download series-stills`."""
    for download in SERIES_DOWNLOADS:
        parser = opt.add_command(
            kinds,
            download.name,
            download.summary,
            f"{download.details}\n\n{opt.examples(download.example)}",
            parents=parents,
        )
        opt.add_ids(parser, ["series_id"])
        parser.add_argument(
            "--season",
            action="append",
            type=int,
            metavar="N",
            help="only season N (0: the specials); repeat it for several (default: every "
            "season; offline, those the recorded data has)",
        )
        parser.add_argument(
            "--max-requests",
            type=opt._at_least_one,
            default=DEFAULT_MAX_REQUESTS,
            metavar="N",
            help="stop before sending anything more if the series needs more than N "
            f"requests to list (default: {DEFAULT_MAX_REQUESTS})",
        )
        opt.add_language(parser)
        opt.add_image_language(parser)
        opt.add_size(parser, download.kind, f"{download.kind}s to save")
        opt.add_folder(parser, download.default_folder())
        parser.set_defaults(run=functools.partial(run, download))
