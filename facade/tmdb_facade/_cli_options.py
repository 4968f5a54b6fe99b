"""The argument parser and the arguments that several commands share, each declared once.

argparse, not click: httpx imports its own command line (click, rich, pygments) on
`import httpx` whenever click is installed, which would add about 30 ms to every
`import tmdb_facade`. Imported only by `tmdb_facade.cli`, never by `import tmdb_facade`.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from typing import Any, Final, NoReturn

from ._constants import DEFAULT_MAX_RETRIES
from .images import IMAGE_SIZES, ImageKind

ImageLanguages = list[str | None]
"""`--image-language` parsed: ISO 639-1 codes, None for images without text."""

MAX_RETRIES: Final = 10
_LANGUAGE_CODE: Final = re.compile(r"[a-z]{2}")


class UsageError(Exception):
    """A command line that does not parse; `prog` is the command whose `--help` would help."""

    def __init__(self, message: str, prog: str) -> None:
        super().__init__(message)
        self.prog = prog


class Parser(argparse.ArgumentParser):
    """argparse that raises `UsageError` instead of printing usage and exiting, so that a
    usage error is one line like every other failure. Descriptions and epilogs are printed
    as written (they hold examples); long options must be spelled out."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(**kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(message, self.prog)


def add_command(
    commands: argparse._SubParsersAction[Parser], name: str, summary: str, details: str
) -> Parser:
    """A subcommand: `summary` in the list of commands, `details` (with examples) in its help."""
    command = commands.add_parser(name, help=summary, description=f"{summary}\n\n{details}")
    # Which command's --help to suggest for an option it does not know.
    command.set_defaults(command_prog=command.prog)
    return command


def _image_languages(value: str) -> ImageLanguages:
    """`en`, `null` or `en,null` -> ['en'], [None], ['en', None]."""
    languages: ImageLanguages = []
    for code in value.split(","):
        code = code.strip()
        if code.lower() in ("null", "none"):
            languages.append(None)
        elif _LANGUAGE_CODE.fullmatch(code):
            languages.append(code)
        else:
            raise argparse.ArgumentTypeError(
                f"{code!r} is not a two-letter language code such as en, "
                "nor null (images without text)"
            )
    return languages


def _retries(value: str) -> int:
    if not value.isdigit() or int(value) > MAX_RETRIES:
        raise argparse.ArgumentTypeError(f"must be a whole number from 0 to {MAX_RETRIES}")
    return int(value)


def _at_least_one(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError("must be a whole number of at least 1")
    return int(value)


_ID_HELP: Final = {
    "series_id": "TMDB id of the TV series (1396: Breaking Bad)",
    "season_number": "season number, 0 for specials",
    "episode_number": "episode number within the season",
    "person_id": "TMDB id of the person (62: Bruce Willis)",
}


def add_ids(parser: Parser, *names: str) -> None:
    """Integer positional arguments: `series_id`, `season_number`..."""
    for name in names:
        parser.add_argument(name, type=int, metavar=name.upper(), help=_ID_HELP[name])


def add_language(parser: Parser) -> None:
    parser.add_argument(
        "--language", metavar="LANG", help="language of the response, such as en or en-US"
    )


def add_image_language(parser: Parser) -> None:
    parser.add_argument(
        "--image-language",
        action="extend",
        type=_image_languages,
        metavar="LANG",
        help="only images in this language; repeat it or use commas (en,null); "
        "null (or none) means images without text",
    )


def add_size(parser: Parser, kind: ImageKind, what: str) -> None:
    parser.add_argument(
        "--size",
        choices=IMAGE_SIZES[kind],
        default="original",
        help=f"size of the {what} (default: original)",
    )


def add_best(parser: Parser, order: str) -> None:
    parser.add_argument(
        "--best",
        action="store_true",
        help=f"print only the best image's URL (its JSON with --json): {order}, then "
        "rating, votes and pixels",
    )


def add_limit(parser: Parser) -> None:
    parser.add_argument(
        "--limit",
        type=_at_least_one,
        metavar="N",
        help="show at most N rows per table (--json always prints everything)",
    )


def add_common(parser: Parser) -> None:
    """--json, --offline and --retries, which every command takes."""
    parser.add_argument(
        "--json",
        dest="as_json",
        action="store_true",
        help="print JSON instead of tables, and nothing else on stdout (for jq)",
    )
    parser.add_argument(
        "--offline",
        action="store_true",
        help="answer from the bundled recorded data even when a credential is set",
    )
    parser.add_argument(
        "--retries",
        type=_retries,
        default=DEFAULT_MAX_RETRIES,
        metavar="N",
        help=f"retries of a 429, a 5xx or a network failure, with backoff; 0 fails at once "
        f"(default: {DEFAULT_MAX_RETRIES})",
    )


def examples(*lines: str) -> str:
    """An `Example:` block for a description."""
    title = "Example:" if len(lines) == 1 else "Examples:"
    return "\n".join([title, *(f"  {line}" for line in lines)])


def joined(languages: Sequence[str | None]) -> str:
    return ", ".join("none" if code is None else code for code in languages)
