"""`tmdb-facade download ...`: save a season's posters, an episode's stills or a person's
profiles into a folder.

Imported only by `tmdb_facade.cli`, never by `import tmdb_facade`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from tmdb_api.api.people import person_images as person_images_op
from tmdb_api.api.tv_episodes import tv_episode_images
from tmdb_api.api.tv_seasons import tv_season_images
from tmdb_api.models import Image

from . import _cli_options as opt
from ._calls import api_call
from ._cli_files import save_images
from ._cli_options import Parser
from ._cli_output import make_console, print_json
from ._cli_session import open_client
from .client import Tmdb
from .images import ImageKind

DETAILS = """\
A season's posters, an episode's stills or a person's profile pictures, fetched concurrently
at the chosen --size and named after TMDB's file path. Files already in the folder are
skipped, so a second run fetches only what is new.
"""


def _download(
    args: argparse.Namespace,
    fetch: Callable[[Tmdb], Sequence[Image]],
    *,
    kind: ImageKind,
    default_folder: str,
) -> None:
    """List the images with `fetch(tmdb)`, save them, and print what was done."""
    folder = args.folder or Path(default_folder)
    with open_client(offline=args.offline, max_retries=args.retries) as tmdb:
        report = save_images(
            tmdb,
            fetch(tmdb),
            kind=kind,
            size=args.size,
            folder=folder,
            progress_console=make_console(sys.stderr),
        )
    if args.as_json:
        print_json(report.to_dict())
    else:
        print(report.summary())


def season_posters(args: argparse.Namespace) -> None:
    """`tmdb-facade download season-posters`."""
    ids = (args.series_id, args.season_number)
    # Checks the arguments before anything starts, as every command does.
    api_call(
        tv_season_images.ENDPOINT,
        ids,
        {"language": args.language, "include_image_language": args.image_language},
    )
    _download(
        args,
        lambda tmdb: (
            tmdb.season_images(
                *ids, language=args.language, include_image_language=args.image_language
            ).posters
        ),
        kind="poster",
        default_folder=f"tv-{args.series_id}-season-{args.season_number}-posters",
    )


def episode_stills(args: argparse.Namespace) -> None:
    """`tmdb-facade download episode-stills`."""
    ids = (args.series_id, args.season_number, args.episode_number)
    api_call(
        tv_episode_images.ENDPOINT,
        ids,
        {"language": args.language, "include_image_language": args.image_language},
    )
    _download(
        args,
        lambda tmdb: (
            tmdb.episode_images(
                *ids, language=args.language, include_image_language=args.image_language
            ).stills
        ),
        kind="still",
        default_folder="tv-{}-season-{}-episode-{}-stills".format(*ids),
    )


def person_profiles(args: argparse.Namespace) -> None:
    """`tmdb-facade download person-profiles`."""
    api_call(person_images_op.ENDPOINT, (args.person_id,), {})
    _download(
        args,
        lambda tmdb: tmdb.person_images(args.person_id).profiles,
        kind="profile",
        default_folder=f"person-{args.person_id}-profiles",
    )


def _add_folder(parser: Parser, default: str) -> None:
    parser.add_argument(
        "--to",
        dest="folder",
        type=Path,
        metavar="FOLDER",
        help=f"folder to save into, created if missing (default: ./{default})",
    )


def add_download_command(commands: argparse._SubParsersAction[Parser]) -> None:
    """`download` and its three subcommands."""
    download = opt.add_command(
        commands,
        "download",
        "Save posters, stills or profiles into a folder.",
        DETAILS + "\n" + opt.examples("tmdb-facade download season-posters 1396 1 --size w500"),
    )
    kinds = download.add_subparsers(title="commands", metavar="COMMAND", required=True)

    command = opt.add_command(
        kinds,
        "season-posters",
        "Save the posters of a TV season (all, or those in --image-language).",
        opt.examples("tmdb-facade download season-posters 1396 1 --image-language en --size w500"),
    )
    opt.add_ids(command, "series_id", "season_number")
    opt.add_language(command)
    opt.add_image_language(command)
    opt.add_size(command, "poster", "posters to save")
    _add_folder(command, "tv-SERIES_ID-season-SEASON_NUMBER-posters")
    opt.add_common(command)
    command.set_defaults(run=season_posters)

    command = opt.add_command(
        kinds,
        "episode-stills",
        "Save the stills of a TV episode (all, or those in --image-language).",
        opt.examples("tmdb-facade download episode-stills 1396 1 1 --size w300 --to stills"),
    )
    opt.add_ids(command, "series_id", "season_number", "episode_number")
    opt.add_language(command)
    opt.add_image_language(command)
    opt.add_size(command, "still", "stills to save")
    _add_folder(command, "tv-SERIES_ID-season-SEASON_NUMBER-episode-EPISODE_NUMBER-stills")
    opt.add_common(command)
    command.set_defaults(run=episode_stills)

    command = opt.add_command(
        kinds,
        "person-profiles",
        "Save the profile pictures of a person.",
        opt.examples("tmdb-facade download person-profiles 62 --size h632"),
    )
    opt.add_ids(command, "person_id")
    opt.add_size(command, "profile", "profiles to save")
    _add_folder(command, "person-PERSON_ID-profiles")
    opt.add_common(command)
    command.set_defaults(run=person_profiles)
