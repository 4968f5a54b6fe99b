"""The command line's entry: parse, run the command, turn every expected failure into one
line on stderr and its exit code."""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import logging
import os
import sys
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Final

from tmdb_facade._constants import (
    CLI_MAX_RETRIES,
    CLI_MAX_RETRY_AFTER,
    CLI_TIMEOUT,
    default_cache_file,
)
from tmdb_facade._version import __version__

from . import NEEDS_RICH
from ._commands import add_commands
from ._completion import add_completion_command
from ._download import add_download_command
from ._errors import CliError, ExitCode, UsageError, one_line
from ._options import GLOBAL_DEFAULTS, Parser, global_options

DESCRIPTION: Final = """\
Look up TMDB series, seasons, their credits and images, or download images.

Examples:
  tmdb-facade season-credits 1396 1            # Breaking Bad, season 1: cast and crew
  tmdb-facade series 1396                      # its seasons
  tmdb-facade season-images 1396 1 --best --image-language en,null --size w500
  tmdb-facade person-images 62 --json | jq '.profiles | length'
  tmdb-facade download season-posters 1396 1 --size w342 -o posters
  tmdb-facade download series-stills 1396 --season 1 --season 2 --size w300
"""

EPILOG: Final = f"""\
Credentials come from the environment only, never from an option, so that they stay out of
shell history and `ps`:
  TMDB_ACCESS_TOKEN    TMDB's v4 API Read Access Token (used first)
  TMDB_API_KEY         TMDB's v3 API key
With neither (or with --offline) every command answers from the recorded data bundled with
tmdb-facade, without the network: Breaking Bad (series 1396) season 1, its episode 1, and
persons 62 and 976. TMDB_BASE_URL and TMDB_IMAGE_BASE_URL point live runs elsewhere.

Patience: each attempt ends after {CLI_TIMEOUT:g} s at most (--timeout), the whole answer
included; a 429, a 5xx or a network failure is retried {CLI_MAX_RETRIES} times (--retries) after
a short backoff or the wait TMDB asks for, up to {CLI_MAX_RETRY_AFTER:g} s (asking for longer
fails at once); -v shows it.

Cache: live runs keep TMDB's answers (not the images) in an HTTP cache file and reuse them
while TMDB says they are fresh, up to 8 h: a command run again, or a download resumed, asks
TMDB nothing it has already answered. The file never holds the credential. On by default
when the cache extra is installed (pip install 'tmdb-facade[cache]'); --no-cache asks TMDB
every time; offline runs never cache. The file: {{cache_file}}

Exit codes:
  0    success
  1    not installed: rich or shtab is missing (pip install 'tmdb-facade[cli]')
  2    usage: unknown command or option, bad argument (id, language, size), or a
       series that needs more requests than --max-requests
  3    authentication: TMDB rejected the credential, or it is malformed
  4    not found: no such series, season, episode or person (or no image for --best)
  5    rate limited: TMDB still answered 429 after the retries, or asked to wait too long
  6    network: TMDB could not be reached or did not answer in time
  7    bad response: TMDB failed (5xx, other HTTP errors) or answered off-spec
  8    files: download could not write into its folder, or the cache file is unusable
  130  interrupted (Ctrl-C)
  141  output closed early (as in `| head`)

Run `tmdb-facade COMMAND --help` for a command's arguments and examples.
"""


def build_parser(prog: str = "tmdb-facade") -> Parser:
    """The whole command line: every command, its arguments and its help."""
    common = global_options()
    epilog = EPILOG.replace("{cache_file}", str(default_cache_file()))
    parser = Parser(prog=prog, description=DESCRIPTION, epilog=epilog, parents=[common])
    parser.add_argument(
        "--version", action="version", version=f"tmdb-facade, version {__version__}"
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    add_commands(commands, [common])
    add_download_command(commands, [common])
    add_completion_command(commands, [common], build_parser)
    return parser


def parse(parser: Parser, argv: Sequence[str]) -> argparse.Namespace:
    """The command line as a namespace, the global options' defaults filled in."""
    namespace, unknown = parser.parse_known_args(argv)
    if unknown:
        prog = getattr(namespace, "command_prog", parser.prog)
        raise UsageError(f"unrecognized arguments: {' '.join(unknown)}", prog)
    for name, default in GLOBAL_DEFAULTS.items():
        if not hasattr(namespace, name):
            setattr(namespace, name, default)
    return namespace


def run(argv: Sequence[str] | None = None, prog_name: str = "tmdb-facade") -> int:
    """`main`: parse, then run the command (which needs rich, but for `completion`)."""
    args = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(prog_name)
    if not args:
        parser.print_help(sys.stderr)
        return ExitCode.USAGE
    try:
        try:
            namespace = parse(parser, args)
            if getattr(namespace, "needs_rich", True) and importlib.util.find_spec("rich") is None:
                print(NEEDS_RICH, file=sys.stderr)
                return ExitCode.NOT_INSTALLED
            with _verbose(namespace.verbose), _warnings_as_lines():
                asyncio.run(namespace.run(namespace))
        finally:
            sys.stdout.flush()  # here, so that a closed pipe is caught below like any write
    except SystemExit as done:  # --help and --version print, then exit through argparse
        return done.code if isinstance(done.code, int) else ExitCode.OK
    except UsageError as error:
        return _fail(f"{error} (see '{error.prog} --help')", ExitCode.USAGE)
    except KeyboardInterrupt:
        return _fail("interrupted", ExitCode.INTERRUPTED)
    except BrokenPipeError:
        # Whoever read our output stopped (`| head`): say nothing, and stop Python's own
        # flush at exit from failing on the same pipe.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return ExitCode.BROKEN_PIPE
    except CliError as error:
        return _fail(str(error), error.exit_code)
    return ExitCode.OK


def _fail(message: str, exit_code: int) -> int:
    print(f"error: {one_line(message) or 'failed'}", file=sys.stderr)
    return exit_code


class _OneLine(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return one_line(super().format(record))


@contextmanager
def _verbose(level: int) -> Iterator[None]:
    """-v: the library's retries and waits on stderr; -vv: also httpx's line per request
    (which never holds the credential: it is added after httpx logs) and the cache's hits."""
    if level < 1:
        yield
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine("%(message)s"))
    loggers = [logging.getLogger("tmdb_facade")]
    if level > 1:
        loggers.append(logging.getLogger("httpx"))
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    if level > 1:
        loggers[0].setLevel(logging.DEBUG)  # the cache's hits
    try:
        yield
    finally:
        for logger, previous in zip(loggers, levels, strict=True):
            logger.removeHandler(handler)
            logger.setLevel(previous)


@contextmanager
def _warnings_as_lines() -> Iterator[None]:
    """The library's warnings (where an answer departs from the spec, how it was read) as
    `warning: ...` lines, each shown as often as the library raises it."""

    def show(message: Warning | str, *_: Any, **__: Any) -> None:
        print(f"warning: {one_line(str(message))}", file=sys.stderr)

    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = show
        yield
