"""`tmdb-facade download ...`: save a season's posters, an episode's stills or a person's
profiles into a folder. One row per subcommand, each naming the image command it lists with;
the whole-series downloads are in `_series`.

It runs on `AsyncTmdb`: Ctrl-C cancels every transfer in flight at once, where threads would
each have to wait for their answer.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from . import _options as opt
from ._commands import EPISODE_IMAGES, PERSON_IMAGES, SEASON_IMAGES, Command, request_options
from ._commands import settings_of as _settings_of
from ._files import save_images
from ._options import Commands, Parser
from ._output import make_console, print_json, print_lines
from ._series import add_series_downloads
from ._session import open_session

DETAILS: Final = """\
A season's posters, an episode's stills, a person's profile pictures, or those of a whole
series, fetched concurrently and named after TMDB's file path, into FOLDER/SIZE (as TMDB's
URLs: /t/p/SIZE/FILE). Files already there whole are skipped, so a second run fetches only
what is new or broken (empty, cut short, or not the format its name says); --force fetches
every file again.
"""


@dataclass(frozen=True)
class Download:
    """`tmdb-facade download NAME IDS...`: the images that `source` lists, saved."""

    name: str
    summary: str
    example: str
    source: Command

    def default_folder(self, args: argparse.Namespace | None = None) -> Path:
        """`tv-1396-season-1-posters`, named after what it holds (or the pattern, for help)."""
        assert self.source.images is not None
        parts = [
            f"{_FOLDER_NOUNS[name]}-{name.upper() if args is None else getattr(args, name)}"
            for name in self.source.ids
        ]
        return Path("-".join([*parts, f"{self.source.images.kind}s"]))


_FOLDER_NOUNS: Final = {
    "series_id": "tv",
    "season_number": "season",
    "episode_number": "episode",
    "person_id": "person",
}

DOWNLOADS: Final = (
    Download(
        "season-posters",
        "Save the posters of a TV season (all, or those in --image-language).",
        "tmdb-facade download season-posters 1396 1 --image-language en --size w500",
        SEASON_IMAGES,
    ),
    Download(
        "episode-stills",
        "Save the stills of a TV episode (all, or those in --image-language).",
        "tmdb-facade download episode-stills 1396 1 1 --size w300 -o stills",
        EPISODE_IMAGES,
    ),
    Download(
        "person-profiles",
        "Save the profile pictures of a person.",
        "tmdb-facade download person-profiles 62 --size h632",
        PERSON_IMAGES,
    ),
)


async def run(download: Download, args: argparse.Namespace) -> None:
    """List the images, save those not yet saved, and say what was done."""
    source, images = download.source, download.source.images
    assert images is not None
    folder = (args.folder or download.default_folder(args)) / args.size
    ids = [getattr(args, name) for name in source.ids]
    async with open_session(_settings_of(args)) as session:
        method = getattr(session.tmdb, source.method)
        answer = await method(*ids, **request_options(source, args))
        report = await save_images(
            session.tmdb,
            getattr(answer, images.attribute),
            kind=images.kind,
            size=args.size,
            folder=folder,
            progress_console=None if args.quiet else make_console(sys.stderr),
            force=args.force,
        )
    if args.as_json:
        print_json(report.to_dict())
    elif not args.quiet:
        print_lines([report.summary()])


def add_download_command(commands: Commands[Parser], parents: Sequence[Parser]) -> None:
    """`download` and its subcommands, one per row."""
    group = opt.add_command(
        commands,
        "download",
        "Save posters, stills or profiles into a folder.",
        DETAILS + "\n" + opt.examples("tmdb-facade download season-posters 1396 1 --size w500"),
        parents=parents,
    )
    kinds = group.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for download in DOWNLOADS:
        source = download.source
        assert source.images is not None
        parser = opt.add_command(
            kinds, download.name, download.summary, opt.examples(download.example), parents=parents
        )
        opt.add_ids(parser, source.ids)
        if "language" in source.options:
            opt.add_language(parser)
        if "include_image_language" in source.options:
            opt.add_image_language(parser)
        opt.add_size(parser, source.images.kind, f"{source.images.kind}s to save")
        opt.add_folder(parser, download.default_folder())
        parser.set_defaults(run=functools.partial(run, download))
    add_series_downloads(kinds, parents)
