"""Credit helpers: billing order, crew grouped by department or job, merged aggregate crew."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from tmdb_facade._generated.models import AggregateCrew, CrewCredit, Job

__all__ = [
    "CrewMember",
    "cast_in_billing_order",
    "crew_by_department",
    "crew_by_job",
    "merge_aggregate_crew",
    "most_episodes_first",
]


class _Billed(Protocol):
    @property
    def order(self) -> int: ...


class _InDepartment(Protocol):
    @property
    def department(self) -> str: ...


class _WithEpisodes(Protocol):
    @property
    def total_episode_count(self) -> int: ...


BilledT = TypeVar("BilledT", bound=_Billed)
DepartmentT = TypeVar("DepartmentT", bound=_InDepartment)
EpisodesT = TypeVar("EpisodesT", bound=_WithEpisodes)
CrewT = TypeVar("CrewT", CrewCredit, AggregateCrew)


def cast_in_billing_order(cast: Iterable[BilledT]) -> list[BilledT]:
    """Cast members by TMDB's billing `order`, lead first (ties keep TMDB's order)."""
    return sorted(cast, key=lambda member: member.order)


def crew_by_department(crew: Iterable[DepartmentT]) -> dict[str, list[DepartmentT]]:
    """Crew grouped by department, departments in alphabetical order.

    >>> credits = tmdb.season_credits(1396, 1)
    >>> [member.name for member in crew_by_department(credits.crew)["Writing"]]
    ['Peter Gould', 'George Mastras']
    """
    groups: dict[str, list[DepartmentT]] = {}
    for member in crew:
        groups.setdefault(member.department, []).append(member)
    return dict(sorted(groups.items()))


def crew_by_job(crew: Iterable[CrewT]) -> dict[str, list[CrewT]]:
    """Crew grouped by job title (`Director`, `Writer`...), jobs in alphabetical order.

    An aggregate crew member with several jobs appears under each of them.
    """
    groups: dict[str, list[CrewT]] = {}
    for member in crew:
        titles = [member.job] if isinstance(member, CrewCredit) else [j.job for j in member.jobs]
        for title in dict.fromkeys(titles):
            groups.setdefault(title, []).append(member)
    return dict(sorted(groups.items()))


@dataclass(frozen=True)
class CrewMember:
    """One person of a season's aggregate crew, with every department and job merged."""

    id: int | None
    name: str
    original_name: str | None
    profile_path: str | None
    known_for_department: str | None
    departments: tuple[str, ...]
    jobs: tuple[Job, ...]
    total_episode_count: int
    """The most episodes the person worked in any one department: TMDB counts episodes per
    department and does not say how the departments overlap, so this is a lower bound."""


def merge_aggregate_crew(crew: Iterable[AggregateCrew]) -> list[CrewMember]:
    """TMDB lists a crew member once per department; this gives one entry per person.

    >>> crew = tmdb.season_aggregate_credits(1396, 1).crew
    >>> [m.departments for m in merge_aggregate_crew(crew) if m.name == "Vince Gilligan"]
    [('Directing', 'Production', 'Writing')]
    """
    # TMDB sends a null id on a few entries: those cannot be merged with anything.
    entries: dict[int | tuple[int], list[AggregateCrew]] = {}
    for index, entry in enumerate(crew):
        entries.setdefault(entry.id if entry.id is not None else (index,), []).append(entry)
    merged = []
    for person_entries in entries.values():
        first = person_entries[0]
        merged.append(
            CrewMember(
                id=first.id,
                name=first.name,
                original_name=first.original_name,
                profile_path=first.profile_path,
                known_for_department=first.known_for_department,
                departments=tuple(dict.fromkeys(e.department for e in person_entries)),
                jobs=tuple(job for e in person_entries for job in e.jobs),
                total_episode_count=max(e.total_episode_count for e in person_entries),
            )
        )
    return merged


def most_episodes_first(people: Iterable[EpisodesT]) -> list[EpisodesT]:
    """Aggregate cast or crew (merged or not) by episodes worked, most first; ties keep order."""
    return sorted(people, key=lambda person: -person.total_episode_count)
