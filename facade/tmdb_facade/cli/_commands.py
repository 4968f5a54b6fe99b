"""The lookup commands, one row each: name, help, the client method with its ids and options,
and how to show its answer. `download` (`_download`) reuses the rows of the image commands.

A test checks every row against both clients' signatures, so a row cannot name a method or
an argument the library does not have.
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, TypeAlias

from tmdb_facade._calls import ImageLanguages
from tmdb_facade._generated.models import Image
from tmdb_facade.errors import ResponseValidationError
from tmdb_facade.images import ImageKind, best_image

from . import _options as opt
from . import _output as output
from ._errors import CliError, ExitCode
from ._files import image_link
from ._options import Commands, Parser
from ._session import Settings, open_session

if TYPE_CHECKING:  # rich is imported when a table is printed: `--help` works without it
    from rich.table import Table

Tables: TypeAlias = "Callable[[Any, str, int | None], list[Table]]"


@dataclass(frozen=True)
class ImageList:
    """Where an image command's answer keeps its images, and how --best ranks them."""

    kind: ImageKind
    attribute: str
    best_help: str


@dataclass(frozen=True)
class Command:
    """One lookup command: `tmdb-facade NAME IDS... [OPTIONS]` calls `AsyncTmdb.METHOD`."""

    name: str
    summary: str
    details: str
    examples: tuple[str, ...]
    method: str
    ids: tuple[str, ...]
    options: tuple[str, ...] = ()
    """Keyword arguments of the method that the command takes: `language`,
    `include_image_language`."""
    tables: Tables | None = None
    images: ImageList | None = None

    def title(self, args: argparse.Namespace) -> str:
        """`series 1396 season 1`, `person 62`: what the command was asked about."""
        return " ".join(f"{_ID_NOUNS[name]} {getattr(args, name)}" for name in self.ids)


_ID_NOUNS: Final = {
    "series_id": "series",
    "season_number": "season",
    "episode_number": "episode",
    "person_id": "person",
}

_BY_LANGUAGE: Final = (
    "first by language, in the --image-language order (default: the --language's, else en; "
    "then none, meaning no text)"
)
_IMAGE_DETAILS: Final = "A table of language, pixels, rating, votes and URL; --best prints one URL."

SEASON_IMAGES: Final = Command(
    name="season-images",
    summary="The posters of a TV season, with their URLs.",
    details=_IMAGE_DETAILS,
    examples=(
        "tmdb-facade season-images 1396 1 --image-language fr     # French posters",
        "tmdb-facade season-images 1396 1 --best --image-language en,null --size w500",
    ),
    method="season_images",
    ids=("series_id", "season_number"),
    options=("language", "include_image_language"),
    images=ImageList("poster", "posters", _BY_LANGUAGE),
)
EPISODE_IMAGES: Final = Command(
    name="episode-images",
    summary="The stills of a TV episode, with their URLs.",
    details=_IMAGE_DETAILS,
    examples=(
        "tmdb-facade episode-images 1396 1 1 --size w300",
        "tmdb-facade episode-images 1396 1 1 --best --image-language null",
    ),
    method="episode_images",
    ids=("series_id", "season_number", "episode_number"),
    options=("language", "include_image_language"),
    images=ImageList("still", "stills", _BY_LANGUAGE),
)
PERSON_IMAGES: Final = Command(
    name="person-images",
    summary="The profile pictures of a person, with their URLs.",
    details=_IMAGE_DETAILS,
    examples=(
        "tmdb-facade person-images 62 --size w185      # Bruce Willis",
        "tmdb-facade person-images 62 --best --size h632",
    ),
    method="person_images",
    ids=("person_id",),
    images=ImageList("profile", "profiles", "profiles without text first"),
)

COMMANDS: Final = (
    Command(
        name="image-config",
        summary="The image server's base URL and the sizes it renders.",
        details="One row per kind of image (backdrop, logo, poster, profile, still).",
        examples=("tmdb-facade image-config --json | jq .images.poster_sizes",),
        method="image_config",
        ids=(),
        tables=output.config_tables,
    ),
    Command(
        name="series",
        summary="A TV series and its seasons.",
        details="One row per season, specials (0) first: number, name, episodes, air date.",
        examples=("tmdb-facade series 1396     # Breaking Bad",),
        method="series_details",
        ids=("series_id",),
        options=("language",),
        tables=output.seasons_table,
    ),
    Command(
        name="season",
        summary="A TV season and its episodes.",
        details="One row per episode: number, name, air date, runtime, rating.",
        examples=("tmdb-facade season 1396 1 --language de",),
        method="season_details",
        ids=("series_id", "season_number"),
        options=("language",),
        tables=output.episodes_table,
    ),
    Command(
        name="season-credits",
        summary="Cast and crew of a TV season's latest episode.",
        details="The cast in billing order, the crew by department.",
        examples=("tmdb-facade season-credits 1396 1     # Breaking Bad, season 1",),
        method="season_credits",
        ids=("series_id", "season_number"),
        options=("language",),
        tables=output.credits_tables,
    ),
    Command(
        name="aggregate-credits",
        summary="Cast and crew of every episode of a TV season.",
        details="Most episodes first; each crew member is one row, with every department and job.",
        examples=("tmdb-facade aggregate-credits 1396 1 --limit 10",),
        method="season_aggregate_credits",
        ids=("series_id", "season_number"),
        options=("language",),
        tables=output.aggregate_tables,
    ),
    SEASON_IMAGES,
    EPISODE_IMAGES,
    PERSON_IMAGES,
)


def settings_of(args: argparse.Namespace) -> Settings:
    return Settings(
        offline=args.offline,
        retries=args.retries,
        timeout=args.timeout,
        cache=args.cache,
        quiet=args.quiet,
    )


def _best_order(command: Command, args: argparse.Namespace) -> ImageLanguages | None:
    """The language order of --best before the answer is known (None: decided after)."""
    if not getattr(args, "best", False) or "include_image_language" not in command.options:
        return None
    if args.image_language:
        languages: ImageLanguages = args.image_language
        return languages
    return [args.language[:2] if args.language else "en", None]


def request_options(command: Command, args: argparse.Namespace) -> dict[str, Any]:
    """The method's keyword arguments from the command line (--best may ask for languages)."""
    options: dict[str, Any] = {}
    if "language" in command.options:
        options["language"] = args.language
    if "include_image_language" in command.options:
        options["include_image_language"] = args.image_language or _best_order(command, args)
    return options


async def run(command: Command, args: argparse.Namespace) -> None:
    """Run a lookup command and print its answer."""
    ids = [getattr(args, name) for name in command.ids]
    as_sent = args.as_json and not getattr(args, "best", False)
    async with open_session(settings_of(args)) as session:
        method = getattr(session.tmdb, command.method)
        try:
            answer = await method(*ids, **request_options(command, args))
        except ResponseValidationError as error:
            # --json promises TMDB's answer as sent: print it whenever it is JSON.
            if not as_sent or isinstance(error.body, str):
                raise
            output.warn(f"{error}; printed as sent")
            output.print_json(error.body)
            return
        image_base_url = session.tmdb.image_base_url
    if command.images is not None:
        _show_images(command, command.images, args, answer, image_base_url)
    elif as_sent:
        output.print_json(answer.to_dict())
    else:
        assert command.tables is not None
        output.print_tables(command.tables(answer, command.title(args), args.limit))


def _show_images(
    command: Command,
    spec: ImageList,
    args: argparse.Namespace,
    answer: Any,
    image_base_url: str,
) -> None:
    images: Sequence[Image] = getattr(answer, spec.attribute)
    title = command.title(args)

    def url(image: Image) -> str:
        return image_link(image, args.size, spec.kind, image_base_url)

    if args.best:
        # Profiles are photos, nearly always without a language: prefer those, then any.
        order = _best_order(command, args) or list(
            dict.fromkeys([None, *(image.iso_639_1 for image in images)])
        )
        best = best_image(images, order)
        if best is None:
            raise CliError(f"no {spec.kind} of {title} in {opt.joined(order)}", ExitCode.NOT_FOUND)
        if args.as_json:  # as TMDB sent it, and its URL at --size
            output.print_json({**best.to_dict(), "url": url(best)})
        else:
            output.print_lines([url(best)])
    elif args.as_json:
        output.print_json(answer.to_dict())
    else:
        heading = f"{output.counted(len(images), spec.kind)} of {title}"
        output.print_images(images, heading, url, args.limit)


def add_commands(commands: Commands[Parser], parents: Sequence[Parser]) -> None:
    """One subcommand per row, in the table's order."""
    for command in COMMANDS:
        parser = opt.add_command(
            commands,
            command.name,
            command.summary,
            f"{command.details}\n\n{opt.examples(*command.examples)}",
            parents=parents,
        )
        opt.add_ids(parser, command.ids)
        if "language" in command.options:
            opt.add_language(parser)
        if "include_image_language" in command.options:
            opt.add_image_language(parser)
        if command.images is not None:
            kind = command.images.kind
            opt.add_size(parser, kind, f"{kind}s the URLs point to")
            opt.add_best(parser, command.images.best_help)
        opt.add_limit(parser)
        parser.set_defaults(run=functools.partial(run, command))
