"""The `tmdb-facade` command line: TMDB images and season credits, and image downloads.

`tmdb-facade --help` says everything; the console script and `python -m tmdb_facade` call
`main`. `import tmdb_facade` never imports this module, nor rich.

Each command first builds its request with `_calls` (pure, it only checks the arguments), so
that a bad argument is reported alone, before an offline server starts and announces itself.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any, Final

from tmdb_api.api.people import person_images as person_images_op
from tmdb_api.api.tv_episodes import tv_episode_images as episode_images_op
from tmdb_api.api.tv_seasons import tv_season_aggregate_credits as aggregate_op
from tmdb_api.api.tv_seasons import tv_season_credits as credits_op
from tmdb_api.api.tv_seasons import tv_season_images as season_images_op
from tmdb_api.models import Image

from . import _cli_options as opt
from . import _cli_output as output
from ._calls import api_call
from ._cli_download import add_download_command
from ._cli_options import ImageLanguages, Parser, UsageError
from ._cli_session import CliError, ExitCode, cli_error_for, open_client, redact
from ._version import __version__
from .errors import TmdbError
from .images import ImageKind, best_image, image_url

DESCRIPTION: Final = """\
Look up TMDB season and person images and season credits, or download images.

Examples:
  tmdb-facade season-credits 1396 1            # Breaking Bad, season 1: cast and crew
  tmdb-facade season-images 1396 1 --best --image-language en,null --size w500
  tmdb-facade person-images 62 --json | jq '.profiles | length'
  tmdb-facade download season-posters 1396 1 --size w342 --to posters
"""

EPILOG: Final = """\
Credentials come from the environment only, never from an option, so that they stay out of
shell history and `ps`:
  TMDB_ACCESS_TOKEN    TMDB's v4 API Read Access Token (used first)
  TMDB_API_KEY         TMDB's v3 API key
With neither (or with --offline) every command answers from the recorded data bundled with
tmdb-facade, served on 127.0.0.1: Breaking Bad (series 1396) season 1, its episode 1, and
persons 62 and 976. TMDB_BASE_URL and TMDB_IMAGE_BASE_URL point live runs elsewhere.

Exit codes:
  0    success
  2    usage: unknown command or option, bad argument (id, language, size)
  3    authentication: TMDB rejected the credential, or it is malformed
  4    not found: no such series, season, episode or person (or no image for --best)
  5    rate limited: TMDB still answered 429 after the retries
  6    network: TMDB could not be reached or did not answer in time
  7    bad response: TMDB failed (5xx, other HTTP errors) or answered off-spec
  8    files: download could not write into its folder
  130  interrupted (Ctrl-C)
  141  output closed early (as in `| head`)

Run `tmdb-facade COMMAND --help` for a command's arguments and examples.
"""

_BEST_LANGUAGE_ORDER: Final = (
    "first by language, in the --image-language order (default: the --language's, else en; "
    "then none, meaning no text)"
)


# -- output shared by the image commands ----------------------------------------------------


def _best_order(args: argparse.Namespace) -> ImageLanguages | None:
    """The language order for --best: --image-language's, else --language's (or en), no text."""
    if not args.best:
        return None
    if args.image_language:
        languages: ImageLanguages = args.image_language
        return languages
    return [args.language[:2] if args.language else "en", None]


def _show_images(
    args: argparse.Namespace,
    response: dict[str, Any],
    images: Sequence[Image],
    *,
    kind: ImageKind,
    base_url: str,
    title: str,
    best_order: ImageLanguages | None,
) -> None:
    def url(image: Image) -> str:
        return image_url(image, args.size, kind=kind, base_url=base_url)

    if best_order is not None:
        best = best_image(images, best_order)
        if best is None:
            raise CliError(f"no {kind} of {title} in {opt.joined(best_order)}", ExitCode.NOT_FOUND)
        if args.as_json:
            output.print_json(best.to_dict())
        else:
            print(url(best))
    elif args.as_json:
        output.print_json(response)
    else:
        table = output.images_table(images, f"{len(images)} {kind}s of {title}", url, args.limit)
        output.make_console().print(table)


# -- the commands ---------------------------------------------------------------------------


def season_credits(args: argparse.Namespace) -> None:
    """`tmdb-facade season-credits`: cast in billing order, crew by department."""
    api_call(
        credits_op.ENDPOINT,
        (args.series_id, args.season_number),
        {"language": args.language},
    )
    with open_client(offline=args.offline, max_retries=args.retries) as tmdb:
        credits = tmdb.season_credits(args.series_id, args.season_number, language=args.language)
    if args.as_json:
        output.print_json(credits.to_dict())
        return
    title = f"series {args.series_id} season {args.season_number}"
    console = output.make_console()
    for table in output.credits_tables(credits, title, args.limit):
        console.print(table)


def aggregate_credits(args: argparse.Namespace) -> None:
    """`tmdb-facade aggregate-credits`: most episodes first, one crew row a person."""
    series_id, season_number, language = args.series_id, args.season_number, args.language
    api_call(aggregate_op.ENDPOINT, (series_id, season_number), {"language": language})
    with open_client(offline=args.offline, max_retries=args.retries) as tmdb:
        credits = tmdb.season_aggregate_credits(series_id, season_number, language=language)
    if args.as_json:
        output.print_json(credits.to_dict())
        return
    title = f"series {series_id} season {season_number}, all episodes"
    console = output.make_console()
    for table in output.aggregate_tables(credits, title, args.limit):
        console.print(table)


def season_images(args: argparse.Namespace) -> None:
    """`tmdb-facade season-images`: the posters, or the best one's URL."""
    order = _best_order(args)
    ids = (args.series_id, args.season_number)
    options: dict[str, Any] = {
        "language": args.language,
        "include_image_language": args.image_language or order,
    }
    api_call(season_images_op.ENDPOINT, ids, options)
    with open_client(offline=args.offline, max_retries=args.retries) as tmdb:
        images = tmdb.season_images(*ids, **options)
        base_url = tmdb.image_base_url
    title = f"series {args.series_id} season {args.season_number}"
    _show_images(
        args,
        images.to_dict(),
        images.posters,
        kind="poster",
        base_url=base_url,
        title=title,
        best_order=order,
    )


def episode_images(args: argparse.Namespace) -> None:
    """`tmdb-facade episode-images`: the stills, or the best one's URL."""
    order = _best_order(args)
    ids = (args.series_id, args.season_number, args.episode_number)
    options: dict[str, Any] = {
        "language": args.language,
        "include_image_language": args.image_language or order,
    }
    api_call(episode_images_op.ENDPOINT, ids, options)
    with open_client(offline=args.offline, max_retries=args.retries) as tmdb:
        images = tmdb.episode_images(*ids, **options)
        base_url = tmdb.image_base_url
    title = f"series {args.series_id} season {args.season_number} episode {args.episode_number}"
    _show_images(
        args,
        images.to_dict(),
        images.stills,
        kind="still",
        base_url=base_url,
        title=title,
        best_order=order,
    )


def person_images(args: argparse.Namespace) -> None:
    """`tmdb-facade person-images`: the profiles, or the best one's URL."""
    api_call(person_images_op.ENDPOINT, (args.person_id,), {})
    with open_client(offline=args.offline, max_retries=args.retries) as tmdb:
        images = tmdb.person_images(args.person_id)
        base_url = tmdb.image_base_url
    # Profiles are photos, nearly always without a language: prefer those, then any.
    order: ImageLanguages | None = None
    if args.best:
        order = list(dict.fromkeys([None, *(image.iso_639_1 for image in images.profiles)]))
    _show_images(
        args,
        images.to_dict(),
        images.profiles,
        kind="profile",
        base_url=base_url,
        title=f"person {args.person_id}",
        best_order=order,
    )


# -- the parser -----------------------------------------------------------------------------


def _image_command(
    commands: argparse._SubParsersAction[Parser], name: str, summary: str, *examples: str
) -> Parser:
    details = "A table of language, pixels, rating, votes and URL; --best prints one URL."
    return opt.add_command(commands, name, summary, f"{details}\n\n{opt.examples(*examples)}")


def _image_options(command: Parser, kind: ImageKind) -> None:
    """The options of season-images and episode-images, which TMDB filters alike."""
    opt.add_language(command)
    opt.add_image_language(command)
    opt.add_size(command, kind, f"{kind}s the URLs point to")
    opt.add_best(command, _BEST_LANGUAGE_ORDER)
    opt.add_limit(command)
    opt.add_common(command)


def build_parser(prog: str = "tmdb-facade") -> Parser:
    """The whole command line: every command, its arguments and its help."""
    parser = Parser(prog=prog, description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument(
        "--version", action="version", version=f"tmdb-facade, version {__version__}"
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    command = opt.add_command(
        commands,
        "season-credits",
        "Cast and crew of a TV season's latest episode.",
        opt.examples("tmdb-facade season-credits 1396 1     # Breaking Bad, season 1"),
    )
    opt.add_ids(command, "series_id", "season_number")
    opt.add_language(command)
    opt.add_limit(command)
    opt.add_common(command)
    command.set_defaults(run=season_credits)

    command = opt.add_command(
        commands,
        "aggregate-credits",
        "Cast and crew of every episode of a TV season.",
        "Most episodes first; each crew member is one row, with every department and job.\n\n"
        + opt.examples("tmdb-facade aggregate-credits 1396 1 --limit 10"),
    )
    opt.add_ids(command, "series_id", "season_number")
    opt.add_language(command)
    opt.add_limit(command)
    opt.add_common(command)
    command.set_defaults(run=aggregate_credits)

    command = _image_command(
        commands,
        "season-images",
        "The posters of a TV season, with their URLs.",
        "tmdb-facade season-images 1396 1 --image-language fr     # French posters",
        "tmdb-facade season-images 1396 1 --best --image-language en,null --size w500",
    )
    opt.add_ids(command, "series_id", "season_number")
    _image_options(command, "poster")
    command.set_defaults(run=season_images)

    command = _image_command(
        commands,
        "episode-images",
        "The stills of a TV episode, with their URLs.",
        "tmdb-facade episode-images 1396 1 1 --size w300",
        "tmdb-facade episode-images 1396 1 1 --best --image-language null",
    )
    opt.add_ids(command, "series_id", "season_number", "episode_number")
    _image_options(command, "still")
    command.set_defaults(run=episode_images)

    command = _image_command(
        commands,
        "person-images",
        "The profile pictures of a person, with their URLs.",
        "tmdb-facade person-images 62 --size w185      # Bruce Willis",
        "tmdb-facade person-images 62 --best --size h632",
    )
    opt.add_ids(command, "person_id")
    opt.add_size(command, "profile", "profiles the URLs point to")
    opt.add_best(command, "profiles without text first")
    opt.add_limit(command)
    opt.add_common(command)
    command.set_defaults(run=person_images)

    add_download_command(commands)
    return parser


# -- entry point ----------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None, prog_name: str = "tmdb-facade") -> int:
    """Run the command line on `argv` (default: `sys.argv[1:]`) and return its exit code.

    Every expected failure is one line on stderr and its own exit code (see `--help`); only a
    bug shows a traceback.
    """
    args = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(prog_name)
    if not args:
        parser.print_help(sys.stderr)
        return ExitCode.USAGE
    try:
        try:
            namespace, unknown = parser.parse_known_args(args)
            if unknown:
                prog = getattr(namespace, "command_prog", parser.prog)
                raise UsageError(f"unrecognized arguments: {' '.join(unknown)}", prog)
            namespace.run(namespace)
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
    except TmdbError as error:
        cli_error = cli_error_for(error)
        return _fail(str(cli_error), cli_error.exit_code)
    return ExitCode.OK


def _fail(message: str, exit_code: int) -> int:
    first_line = redact(message).strip().splitlines()[0] if message.strip() else "failed"
    print(f"error: {first_line}", file=sys.stderr)
    return exit_code
