"""The argument parser, and the arguments that several commands share, each declared once.

argparse, not click: httpx imports its own command line (click, rich, pygments) on
`import httpx` whenever click is installed, which would add about 30 ms to every
`import tmdb_facade`.

Arguments are only parsed here, never judged: ids, languages and the like go to the client as
typed (language tags in TMDB's case, as BCP 47 lets any case mean the same tag), and the
client checks them against the spec (a bad one is exit 2).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NoReturn

from tmdb_facade._calls import ImageLanguages
from tmdb_facade._constants import CLI_MAX_RETRIES, CLI_TIMEOUT
from tmdb_facade.images import IMAGE_SIZES, ImageKind

from ._errors import UsageError

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

MAX_RETRIES: Final = 10
MAX_TIMEOUT: Final = 300.0

#: The global options' values when not given (argparse leaves them out: see `global_options`).
GLOBAL_DEFAULTS: Final[dict[str, Any]] = {
    "as_json": False,
    "offline": False,
    "verbose": 0,
    "quiet": False,
    "retries": CLI_MAX_RETRIES,
    "timeout": CLI_TIMEOUT,
    "cache": None,  # on when live and hishel is installed (`_session.open_session`)
}


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

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # argparse's own swallows write errors: --help into a closed pipe would exit 0 where
        # every other command exits 141 (`main` catches the BrokenPipeError).
        if message:
            (file or sys.stderr).write(message)


Commands = argparse._SubParsersAction


def _retries(value: str) -> int:
    if not value.isdigit() or int(value) > MAX_RETRIES:
        raise argparse.ArgumentTypeError(f"must be a whole number from 0 to {MAX_RETRIES}")
    return int(value)


def _timeout(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = math.nan
    if not 0 < seconds <= MAX_TIMEOUT:  # also refuses nan
        raise argparse.ArgumentTypeError(
            f"must be a number of seconds, above 0 and at most {MAX_TIMEOUT:g}"
        )
    return seconds


def _at_least_one(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError("must be a whole number of at least 1")
    return int(value)


def global_options() -> Parser:
    """--json, --offline, -v, --retries, --timeout and --cache, for the program and every
    command, so that they work before or after the command. Their default is SUPPRESS: a
    command's parser then leaves out what it was not given, instead of overwriting what the
    program's parser read (`GLOBAL_DEFAULTS` fills the gaps after parsing)."""
    parent = Parser(add_help=False, argument_default=argparse.SUPPRESS)
    group = parent.add_argument_group("global options (before or after the command)")
    group.add_argument(
        "--json",
        dest="as_json",
        action="store_true",
        help="print JSON instead of tables, and nothing else on stdout (for jq)",
    )
    group.add_argument(
        "--offline",
        action="store_true",
        help="answer from the bundled recorded data even when a credential is set",
    )
    group.add_argument(
        "-v",
        "--verbose",
        action="count",
        help="say on stderr when a request is retried and how long it waits; -vv also "
        "every request",
    )
    group.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no notices, progress bar or download summary: only the answer, warnings and errors",
    )
    group.add_argument(
        "--retries",
        type=_retries,
        metavar="N",
        help=f"retries of a 429, a 5xx or a network failure, with backoff; 0 fails at once "
        f"(default: {CLI_MAX_RETRIES})",
    )
    group.add_argument(
        "--timeout",
        type=_timeout,
        metavar="SECONDS",
        help=f"the most one attempt may take, the whole answer included (default: {CLI_TIMEOUT:g})",
    )
    group.add_argument(
        "--cache",
        action=argparse.BooleanOptionalAction,
        help="keep TMDB's answers in an HTTP cache file and reuse them while TMDB says they "
        "are fresh, up to 8 h (default: on for live runs when the cache extra is installed; "
        "never offline; why and where: tmdb-facade --help)",
    )
    return parent


def add_command(
    commands: Commands[Parser],
    name: str,
    summary: str,
    details: str,
    *,
    parents: Sequence[Parser],
) -> Parser:
    """A subcommand: `summary` in the list of commands, `details` (with examples) in its help."""
    description = f"{summary}\n\n{details}" if details else summary
    command = commands.add_parser(name, help=summary, description=description, parents=parents)
    # Which command's --help to suggest for an option it does not know.
    command.set_defaults(command_prog=command.prog)
    return command


def language_tag(value: str) -> str:
    """A BCP 47 tag in its conventional case, which TMDB expects: `EN-us` -> `en-US`.

    BCP 47 (section 2.1.1) makes tags case-insensitive; only TMDB compares them as written.
    The client checks what comes out against the spec.

    >>> language_tag("EN-us"), language_tag("pt-br"), language_tag("zh-hant-tw")
    ('en-US', 'pt-BR', 'zh-Hant-TW')
    """
    first, *rest = value.split("-")
    # The case conventions of section 2.1.1: regions upper, scripts title, the rest lower.
    subtags = [
        tag.upper() if len(tag) == 2 else tag.title() if len(tag) == 4 else tag.lower()
        for tag in rest
    ]
    return "-".join([first.lower(), *subtags])


def _image_languages(value: str) -> ImageLanguages:
    """`en`, `null` or `en,NULL` -> ['en'], [None], ['en', None]; the client checks the codes."""
    codes = [code.strip().lower() for code in value.split(",")]
    return [None if code in ("null", "none") else code for code in codes]


_ID_HELP: Final = {
    "series_id": "TMDB id of the TV series (1396: Breaking Bad)",
    "season_number": "season number, 0 for specials",
    "episode_number": "episode number within the season",
    "person_id": "TMDB id of the person (62: Bruce Willis)",
}


def add_ids(parser: Parser, names: Sequence[str]) -> None:
    """Integer positional arguments: `series_id`, `season_number`..."""
    for name in names:
        parser.add_argument(name, type=int, metavar=name.upper(), help=_ID_HELP[name])


def add_language(parser: Parser) -> None:
    parser.add_argument(
        "--language",
        type=language_tag,
        metavar="LANG",
        help="language of the response, such as en or en-US (in any case)",
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


def _folder(value: str) -> Path:
    """A folder to save into: refused at once when it cannot be one (`Path("")` is `.`)."""
    if not value.strip():
        raise argparse.ArgumentTypeError("must name a folder, not be empty")
    path = Path(value)
    if path.exists() and not path.is_dir():
        raise argparse.ArgumentTypeError(f"{value} is a file, not a folder")
    return path


def add_folder(parser: Parser, default: Path) -> None:
    """-o/--output-dir FOLDER (or --to, its first name), and --force, for the downloads."""
    folder = parser.add_argument(
        "-o",
        "--output-dir",
        "--to",
        dest="folder",
        type=_folder,
        metavar="FOLDER",
        help=f"folder to save into, created if missing; the files go into FOLDER/SIZE "
        f"(default: ./{default})",
    )
    # shtab's DIRECTORY (not imported: only `completion` needs shtab): complete folders.
    folder.complete = {"bash": "_shtab_compgen_dirs", "zsh": "_files -/"}  # type: ignore[attr-defined]
    parser.add_argument(
        "--force",
        action="store_true",
        help="fetch every image again, even those already saved whole",
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


def examples(*lines: str) -> str:
    """An `Example:` block for a description."""
    title = "Example:" if len(lines) == 1 else "Examples:"
    return "\n".join([title, *(f"  {line}" for line in lines)])


def joined(languages: Sequence[str | None]) -> str:
    return ", ".join("none" if code is None else code for code in languages)
