"""What the command line prints: rich tables for people, JSON for programs.

Imported only by `tmdb_facade.cli`, never by `import tmdb_facade`.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final, TextIO, TypeVar

from rich import box
from rich.console import Console
from rich.style import Style
from rich.table import Table
from rich.text import Text

from tmdb_api.models import Image, SeasonAggregateCredits, SeasonCredits

from .credits import (
    cast_in_billing_order,
    crew_by_department,
    merge_aggregate_crew,
    most_episodes_first,
)

T = TypeVar("T")

# Wide enough that no row of ours wraps: output that goes to a file or a pipe is for grep
# and cut, so a URL must stay on one line. Tables are only as wide as their content.
_UNBOUNDED_WIDTH: Final = 10_000


def make_console(stream: TextIO | None = None) -> Console:
    """A console for `stream` (stdout by default): the terminal's width, unbounded for a pipe.

    Markup, emoji codes and highlighting are off: names and characters are printed as TMDB
    spells them, even one with `[brackets]` or `:colons:`.
    """
    file = sys.stdout if stream is None else stream
    fits_terminal = file.isatty() or "COLUMNS" in os.environ
    return Console(
        file=file,
        width=None if fits_terminal else _UNBOUNDED_WIDTH,
        markup=False,
        emoji=False,
        highlight=False,
    )


def print_json(data: Any) -> None:
    """`data` as indented JSON on stdout, and nothing else (for `jq`)."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _table(title: str, *columns: str) -> Table:
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


def _counted(items: Iterable[tuple[str, int]]) -> str:
    """`Walter White` for one role, `Director (1), Writer (2)` for several."""
    pairs = list(items)
    if len(pairs) == 1:
        return pairs[0][0]
    return ", ".join(f"{name} ({count})" for name, count in pairs)


def credits_tables(credits: SeasonCredits, title: str, limit: int | None) -> list[Table]:
    """The cast in billing order, and the crew by department."""
    cast = _table(f"Cast of {title} ({len(credits.cast)})", "#", "Name", "Character")
    for member in _shown(cast_in_billing_order(credits.cast), limit, cast):
        cast.add_row(str(member.order), member.name, member.character)
    crew = _table(f"Crew of {title} ({len(credits.crew)})", "Department", "Job", "Name")
    by_department = [m for members in crew_by_department(credits.crew).values() for m in members]
    for crew_member in _shown(by_department, limit, crew):
        crew.add_row(crew_member.department, crew_member.job, crew_member.name)
    return [cast, crew]


def aggregate_tables(credits: SeasonAggregateCredits, title: str, limit: int | None) -> list[Table]:
    """Cast and crew of every episode, most episodes first; one crew row per person."""
    cast = _table(f"Cast of {title} ({len(credits.cast)})", "Name", "Character", "Episodes")
    for member in _shown(most_episodes_first(credits.cast), limit, cast):
        roles = _counted((role.character or "", role.episode_count) for role in member.roles)
        cast.add_row(member.name, roles, str(member.total_episode_count))
    merged = most_episodes_first(merge_aggregate_crew(credits.crew))
    crew = _table(f"Crew of {title} ({len(merged)})", "Name", "Department", "Job", "Episodes")
    for person in _shown(merged, limit, crew):
        jobs = _counted((job.job, job.episode_count) for job in person.jobs)
        crew.add_row(
            person.name, ", ".join(person.departments), jobs, str(person.total_episode_count)
        )
    return [cast, crew]


def images_table(
    images: Sequence[Image], title: str, url: Callable[[Image], str], limit: int | None
) -> Table:
    """One row per image: language, pixels, rating, votes and its URL."""
    table = Table(
        title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, min_width=len(title)
    )
    table.add_column("Lang")
    table.add_column("Size", justify="right")
    table.add_column("Rating", justify="right")
    table.add_column("Votes", justify="right")
    # A URL folds rather than wraps at a "/", and is a terminal hyperlink: in a narrow
    # terminal it can still be clicked or copied whole.
    table.add_column("URL", overflow="fold")
    for image in _shown(images, limit, table):
        table.add_row(
            image.iso_639_1 or "none",
            f"{image.width}x{image.height}",
            f"{image.vote_average:.2f}",
            str(image.vote_count),
            Text(url(image), style=Style(link=url(image))),
        )
    return table
