"""What the command line prints: rich tables for people, JSON for programs.

On a terminal, tables fit its width and URLs are links; a terminal too narrow for an image
table's URLs gets a list instead, one whole URL a line, so that none is cut. Sent to a file
or a pipe, or to a dumb terminal (TERM=dumb), whatever COLUMNS says, every row is one whole
line with nothing trailing and no escape codes, for grep, cut and copying.

rich is imported when something is printed, not with this module: the parser, `--help` and
`--version` work without it (`tmdb_facade.cli.main` says what to install for the rest).
"""

from __future__ import annotations

import functools
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final, TextIO, TypeVar

from tmdb_facade._generated.models import (
    Configuration,
    Image,
    SeasonAggregateCredits,
    SeasonCredits,
    SeasonDetails,
    SeriesDetails,
)
from tmdb_facade.credits import (
    cast_in_billing_order,
    crew_by_department,
    merge_aggregate_crew,
    most_episodes_first,
)

from ._errors import one_line

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

T = TypeVar("T")

# Wide enough that no row of ours wraps when the output is not a terminal. Tables are only as
# wide as their content; the padding of their last column is stripped (`print_tables`).
_UNBOUNDED_WIDTH: Final = 100_000


@functools.cache
def _console_class() -> type[Console]:
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            # rich's own handling exits with 1; raising lets `main` exit 141 quietly, as for
            # any other write to a closed pipe.
            raise BrokenPipeError

    return _Console


def make_console(stream: TextIO) -> Console:
    """A console for `stream` (the progress bar's, on stderr).

    Markup, emoji codes and highlighting are off: names and characters are printed as TMDB
    spells them, even one with `[brackets]` or `:colons:`.
    """
    return _console_class()(file=stream, markup=False, emoji=False, highlight=False)


def _fitted_console() -> Console | None:
    """A console fitted to stdout if it is a terminal that can lay out tables, else None:
    a file, a pipe, or a dumb terminal (as rich tells them: TERM=dumb or unknown)."""
    if not sys.stdout.isatty():
        return None
    if os.environ.get("TERM", "").lower() in ("dumb", "unknown"):
        return None
    return make_console(sys.stdout)


def print_tables(tables: Iterable[Table]) -> None:
    """The tables on stdout: fitted to a terminal, else one whole line per row."""
    console = _fitted_console()
    if console is not None:
        for table in tables:
            console.print(table)
        return
    _print_whole_lines(tables)


def _print_whole_lines(tables: Iterable[Table]) -> None:
    buffer = io.StringIO()
    plain = _console_class()(
        file=buffer,
        width=_UNBOUNDED_WIDTH,
        force_terminal=False,
        color_system=None,
        markup=False,
        emoji=False,
        highlight=False,
    )
    for table in tables:
        plain.print(table)
    sys.stdout.write("".join(f"{line.rstrip()}\n" for line in buffer.getvalue().splitlines()))


def print_json(data: Any) -> None:
    """`data` as indented JSON on stdout, and nothing else (for `jq`)."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def print_lines(lines: Iterable[str]) -> None:
    """Plain lines on stdout."""
    sys.stdout.write("".join(f"{line}\n" for line in lines))


def warn(message: str) -> None:
    """One `warning: ...` line on stderr."""
    print(f"warning: {one_line(message)}", file=sys.stderr)


def counted(count: int, noun: str) -> str:
    """`1 poster`, `54 posters`."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _table(title: str, *columns: str) -> Table:
    from rich import box
    from rich.table import Table

    table = Table(
        title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, min_width=len(title)
    )
    for column in columns:
        table.add_column(column)
    return table


def _shown(rows: Sequence[T], limit: int | None, table: Table) -> Sequence[T]:
    """The rows to show under `--limit`, with a caption saying how many were left out."""
    if limit is None or len(rows) <= limit:
        return rows
    table.caption = f"{len(rows) - limit} more not shown (--limit {limit})"
    table.caption_justify = "left"
    return rows[:limit]


def _counted_roles(items: Iterable[tuple[str, int]]) -> str:
    """`Walter White` for one role, `Director (1), Writer (2)` for several."""
    pairs = list(items)
    if len(pairs) == 1:
        return pairs[0][0]
    return ", ".join(f"{name} ({count})" for name, count in pairs)


def credits_tables(credits: SeasonCredits, title: str, limit: int | None) -> list[Table]:
    """The cast in billing order, and the crew by department."""
    cast = _table(f"Cast of {title} ({len(credits.cast)})", "#", "Name", "Character")
    for member in _shown(cast_in_billing_order(credits.cast), limit, cast):
        cast.add_row(str(member.order), member.name, member.character or "")
    crew = _table(f"Crew of {title} ({len(credits.crew)})", "Department", "Job", "Name")
    by_department = [m for members in crew_by_department(credits.crew).values() for m in members]
    for crew_member in _shown(by_department, limit, crew):
        crew.add_row(crew_member.department, crew_member.job, crew_member.name)
    return [cast, crew]


def aggregate_tables(credits: SeasonAggregateCredits, title: str, limit: int | None) -> list[Table]:
    """Cast and crew of every episode, most episodes first; one crew row per person."""
    title = f"{title}, all episodes"
    cast = _table(f"Cast of {title} ({len(credits.cast)})", "Name", "Character", "Episodes")
    for member in _shown(most_episodes_first(credits.cast), limit, cast):
        roles = _counted_roles((role.character or "", role.episode_count) for role in member.roles)
        cast.add_row(member.name, roles, str(member.total_episode_count))
    merged = most_episodes_first(merge_aggregate_crew(credits.crew))
    crew = _table(f"Crew of {title} ({len(merged)})", "Name", "Department", "Job", "Episodes")
    for person in _shown(merged, limit, crew):
        jobs = _counted_roles((job.job, job.episode_count) for job in person.jobs)
        crew.add_row(
            person.name, ", ".join(person.departments), jobs, str(person.total_episode_count)
        )
    return [cast, crew]


def config_tables(config: Configuration, title: str, limit: int | None) -> list[Table]:
    """The image server's base URL, and the sizes it renders for each kind of image."""
    images = config.images
    table = _table(f"Image sizes at {images.secure_base_url}", "Kind", "Sizes")
    kinds = {
        "backdrop": images.backdrop_sizes,
        "logo": images.logo_sizes,
        "poster": images.poster_sizes,
        "profile": images.profile_sizes,
        "still": images.still_sizes,
    }
    for kind, sizes in _shown(list(kinds.items()), limit, table):
        table.add_row(kind, " ".join(sizes))
    return [table]


def seasons_table(series: SeriesDetails, title: str, limit: int | None) -> list[Table]:
    """One row per season, the specials (0) included: number, name, episodes, air date."""
    table = _table(
        f"{counted(len(series.seasons), 'season')} of {series.name} ({title})",
        "#",
        "Name",
        "Episodes",
        "Air date",
    )
    for season in _shown(series.seasons, limit, table):
        table.add_row(
            str(season.season_number), season.name, str(season.episode_count), season.air_date
        )
    return [table]


def episodes_table(season: SeasonDetails, title: str, limit: int | None) -> list[Table]:
    """One row per episode: number, name, air date, runtime and rating."""
    table = _table(
        f"{counted(len(season.episodes), 'episode')} of {season.name} ({title})",
        "#",
        "Name",
        "Air date",
        "Runtime",
        "Rating",
    )
    table.columns[3].justify = table.columns[4].justify = "right"
    for episode in _shown(season.episodes, limit, table):
        table.add_row(
            str(episode.episode_number),
            episode.name,
            episode.air_date,
            "" if episode.runtime is None else f"{episode.runtime} min",
            f"{episode.vote_average:.1f}",
        )
    return [table]


def _image_facts(image: Image) -> tuple[str, str, str, str]:
    """Language, pixels, rating and votes, as shown."""
    return (
        image.iso_639_1 or "none",
        f"{image.width}x{image.height}",
        f"{image.vote_average:.2f}",
        str(image.vote_count),
    )


def print_images(
    images: Sequence[Image], title: str, url: Callable[[Image], str], limit: int | None
) -> None:
    """One row per image: language, pixels, rating, votes and its URL; as a list on a
    terminal too narrow for the table's longest row, so that no URL is ever cut."""
    from rich.measure import Measurement
    from rich.style import Style
    from rich.text import Text

    table = _table(title, "Lang", "Size", "Rating", "Votes", "URL")
    for column in table.columns[1:4]:
        column.justify = "right"
    shown = _shown(images, limit, table)
    for image in shown:
        link = url(image)
        table.add_row(*_image_facts(image), Text(link, style=Style(link=link)))
    console = _fitted_console()
    if console is None:
        _print_whole_lines([table])
        return
    unbounded = console.options.update_width(_UNBOUNDED_WIDTH)
    if Measurement.get(console, unbounded, table).maximum <= console.width:
        console.print(table)
        return
    # The list: each URL alone on its line, a link, never folded by rich (soft_wrap: the
    # terminal wraps it, and copies it whole); its facts on the next line.
    console.print(title, soft_wrap=True)
    for image in shown:
        link = url(image)
        language, pixels, rating, _ = _image_facts(image)
        votes = counted(image.vote_count, "vote")
        console.print(Text(link, style=Style(link=link)), soft_wrap=True)
        console.print(f"  {language}, {pixels}, rating {rating}, {votes}", soft_wrap=True)
    if table.caption:
        console.print(str(table.caption), soft_wrap=True)
