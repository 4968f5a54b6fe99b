"""What `fetch_series` decides without a request: which seasons and episodes to fetch, within
what the series itself says, and whether each answer is the one that was asked for; also its
arguments' checks and its progress, shared by the sync and the async function.

The series details bound the work: `number_of_seasons` (the specials, season 0, aside), each
season summary's `episode_count`, and `number_of_episodes` (the specials aside again). Where
TMDB's answers contradict them or each other (more seasons or episodes listed than counted, a
number listed twice, a number no request could name), that is TMDB's error, never the
caller's: tolerant, it becomes a `Deviation` and what lies beyond is not fetched; strict, it is
a `ResponseValidationError`. An answer for another season or episode than the one asked for
is a `ResponseValidationError` in either mode, and nothing is fetched on its word.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from tmdb_facade._generated.api.tv_episodes import tv_episode_images
from tmdb_facade._generated.models import (
    AppendedSeasonAggregateCredits,
    AppendedSeasonCredits,
    AppendedSeasonImages,
    EpisodeImages,
    SeasonDetails,
    SeriesDetails,
)
from tmdb_facade._generated.types import Deviation

from . import _spec
from ._validation import shown
from .bulk import Progress
from .errors import (
    InvalidArgumentError,
    InvalidArgumentTypeError,
    MaxRequestsError,
    ResponseValidationError,
)

#: How many numbers a message names before it says how many there are in all.
NAMED_LIMIT = 10

#: A deviation the generated checks found in the series' list of seasons that may hide a
#: season: an item that is not a season, or a season number that is not an integer.
_HIDING_A_SEASON = re.compile(r"\$\.seasons\[\d+\](\.season_number)?")


def checked_seasons(seasons: object) -> frozenset[int] | None:
    """The `seasons` argument, checked before any request."""
    if seasons is None:
        return None
    if isinstance(seasons, str | bytes) or not isinstance(seasons, Collection):
        raise InvalidArgumentTypeError(
            f"seasons must be a collection of season numbers, got {type(seasons).__name__}"
        )
    for number in seasons:
        if type(number) is not int:
            raise InvalidArgumentTypeError(f"seasons must hold ints, got {type(number).__name__}")
        if number < 0:
            raise InvalidArgumentError(f"season numbers are 0 or more, got {number}")
    return frozenset(seasons)


def checked_cap(max_requests: object) -> int | None:
    """The `max_requests` argument, checked before any request."""
    if max_requests is None:
        return None
    if type(max_requests) is not int:
        raise InvalidArgumentTypeError(
            f"max_requests must be an int or None, got {type(max_requests).__name__}"
        )
    if max_requests < 1:
        raise InvalidArgumentError(f"max_requests must be 1 or more, got {max_requests}")
    return max_requests


def checked_flag(name: str, value: object) -> bool:
    """A bool argument, checked before any request."""
    if type(value) is not bool:
        raise InvalidArgumentTypeError(f"{name} must be a bool, got {type(value).__name__}")
    return value


class Tracker:
    """One `progress(done, total)` over the three steps; the total grows as it becomes known."""

    def __init__(self, progress: Progress | None) -> None:
        self._progress = progress
        self._done = 0
        self._total = 1  # the series details; the seasons and episodes once known

    def step(self, finished: int, coming: int) -> Progress:
        """`finished` calls of the last step are done, `coming` follow: their `map` progress."""
        self._done += finished
        self._total += coming
        self._report(self._done)
        base = self._done
        return lambda done, _: self._report(base + done)

    def _report(self, done: int) -> None:
        if self._progress is not None:
            self._progress(done, self._total)


@functools.cache
def _number_range(name: str) -> tuple[int, int]:
    """The spec's bounds of the path parameter `name` (`season_number`, `episode_number`):
    what no request could name is not a number TMDB can mean."""
    endpoint = tv_episode_images.ENDPOINT
    for parameter in _spec.operation(endpoint.method, endpoint.path).parameters:
        if parameter["name"] == name:
            return int(parameter["schema"]["minimum"]), int(parameter["schema"]["maximum"])
    raise LookupError(f"the spec has no path parameter {name}")


def _is_number(value: int, name: str) -> bool:
    low, high = _number_range(name)
    # `type() is int`: a JSON `true` is a Python int, and no season number.
    return type(value) is int and low <= value <= high


def _count(value: int) -> int | None:
    """A count TMDB gave, if it is one."""
    return value if type(value) is int and value >= 0 else None


def _bound(value: int, name: str, findings: Findings) -> int | None:
    """The series' `name` count as a bound; none when it is not a count (said so): the
    listing and `max_requests` are then the only bounds."""
    count = _count(value)
    if count is None:
        findings.add(name, f"$.{name}", f"{shown(value)} is not a count: nothing is bounded by it")
    return count


def named(numbers: Sequence[int]) -> str:
    """`1, 2, 3`, or the first few and how many in all.

    >>> named(list(range(1, 30)))
    '1, 2, 3, 4, 5, 6, 7, 8, 9, 10... (29 in all)'
    """
    text = ", ".join(map(str, numbers[:NAMED_LIMIT]))
    return text if len(numbers) <= NAMED_LIMIT else f"{text}... ({len(numbers)} in all)"


def invalid_answer(url: str, json_path: str, problem: str) -> ResponseValidationError:
    """TMDB's answer at `url` cannot be used as asked: `problem` at `json_path`."""
    return ResponseValidationError(
        f"GET {url}: {problem}",
        json_path=json_path,
        http_status=200,
        body=None,
        request_method="GET",
        request_url=url,
    )


class Findings:
    """Contradictions in TMDB's answers: one deviation per kind, at the first place found,
    so that a listing of 100,000 repeats yields one line, not 100,000. Strict: the first one
    is raised as a `ResponseValidationError`."""

    def __init__(self, url: str, strict: bool) -> None:
        self._url = url
        self._strict = strict
        self._first: dict[str, Deviation] = {}
        self._counts: dict[str, int] = {}

    def add(self, kind: str, json_path: str, problem: str) -> None:
        if self._strict:
            raise invalid_answer(self._url, json_path, problem)
        self._first.setdefault(kind, Deviation(json_path, problem))
        self._counts[kind] = self._counts.get(kind, 0) + 1

    def deviations(self) -> tuple[Deviation, ...]:
        found = []
        for kind, first in self._first.items():
            more = self._counts[kind] - 1
            problem = f"{first.problem} (and {more} more like it)" if more else first.problem
            found.append(Deviation(first.json_path, problem))
        return tuple(found)


@dataclass(frozen=True)
class Listing:
    """The seasons to fetch, each with the most episodes whose stills may be fetched."""

    seasons: dict[int, int]
    """Season number: episodes allowed, in the series' order."""
    deviations: tuple[Deviation, ...]

    def requests(self, stills: bool) -> int:
        """The most requests the fetch may take: the series, its seasons, their episodes."""
        return 1 + len(self.seasons) + (sum(self.seasons.values()) if stills else 0)

    def check_cap(self, series_id: int, stills: bool, max_requests: int | None) -> None:
        """Raise `MaxRequestsError` if the series says it needs more than `max_requests`."""
        needed = self.requests(stills)
        if max_requests is None or needed <= max_requests:
            return
        episodes = f" + {needed - 1 - len(self.seasons)} episodes" if stills else ""
        raise MaxRequestsError(
            f"series {series_id} needs 1 + {len(self.seasons)} seasons{episodes} = {needed} "
            f"requests, more than max_requests={max_requests}; none of them was sent",
            needed=needed,
            max_requests=max_requests,
        )


def listing(
    details: SeriesDetails,
    series_id: int,
    asked: frozenset[int] | None,
    url: str,
    *,
    strict: bool,
) -> Listing:
    """The seasons of `details`, the answer for `series_id`, to fetch (`asked`, else all),
    bounded by the series' counts."""
    if type(details.id) is not int or details.id != series_id:
        raise invalid_answer(
            url, "$.id", f"the answer is for series {shown(details.id)}, not series {series_id}"
        )
    findings = Findings(url, strict)
    allowed: dict[int, int] = {}  # season number: its episode_count, in the listing's order
    for index, season in enumerate(details.seasons):
        at, number = f"$.seasons[{index}]", season.season_number
        if not _is_number(number, "season_number"):
            findings.add(
                "number",
                f"{at}.season_number",
                f"{shown(number)} is not a season number: that season is not fetched",
            )
        elif number in allowed:
            findings.add(
                "repeat",
                f"{at}.season_number",
                f"season {number} is listed again: it is fetched once",
            )
        else:
            count = _count(season.episode_count)
            if count is None:
                findings.add(
                    "episode_count",
                    f"{at}.episode_count",
                    f"{shown(season.episode_count)} is not a number of episodes: "
                    f"no stills of season {number} are fetched",
                )
            allowed[number] = count or 0
    listed = list(allowed)
    regular = [number for number in listed if number != 0]  # season 0 holds the specials
    most = _bound(details.number_of_seasons, "number_of_seasons", findings)
    if most is not None and len(regular) > most:
        beyond, regular = regular[most:], regular[:most]
        findings.add(
            "number_of_seasons",
            "$.number_of_seasons",
            f"{most}, yet {len(regular) + len(beyond)} seasons are listed besides the "
            f"specials: season {named(beyond)} not fetched",
        )
        for number in beyond:
            del allowed[number]
    most = _bound(details.number_of_episodes, "number_of_episodes", findings)
    listed_episodes = sum(allowed[number] for number in regular)
    if most is not None and listed_episodes > most:
        findings.add(
            "number_of_episodes",
            "$.number_of_episodes",
            f"{most}, yet the seasons' episode_count add up to {listed_episodes} besides the "
            f"specials: the stills of {listed_episodes - most} of them are not fetched",
        )
        left = most
        for number in regular:  # the first seasons' episodes first
            allowed[number] = min(allowed[number], left)
            left -= allowed[number]
    if asked is not None:
        _check_asked(series_id, details, asked, listed, url)
    chosen = {n: count for n, count in allowed.items() if asked is None or n in asked}
    return Listing(chosen, findings.deviations())


def _check_asked(
    series_id: int, details: SeriesDetails, asked: frozenset[int], listed: list[int], url: str
) -> None:
    """Raise if a season asked for is not listed: the caller's error, unless TMDB's listing
    held a season it could not read, which may be the one asked for."""
    missing = sorted(asked.difference(listed))
    if not missing:
        return
    problem = f"series {series_id} has no season {named(missing)}; its seasons: "
    problem += named(listed) or "none"
    for deviation in details.spec_deviations:
        if _HIDING_A_SEASON.fullmatch(deviation.json_path):
            raise invalid_answer(
                url,
                deviation.json_path,
                f"{problem}, and TMDB's list of seasons is damaged at "
                f"{deviation.json_path}: {deviation.problem}",
            )
    raise InvalidArgumentError(problem)


@dataclass(frozen=True)
class CheckedSeason:
    """A season's answer, checked to be the season asked for with every part appended."""

    details: SeasonDetails
    images: AppendedSeasonImages
    credits: AppendedSeasonCredits
    aggregate_credits: AppendedSeasonAggregateCredits
    episodes: dict[int, int]
    """Episode number: episode id, of each episode whose stills to fetch, in TMDB's order."""
    deviations: tuple[Deviation, ...]


def checked_season(
    details: SeasonDetails, number: int, allowed: int, url: str, *, strict: bool
) -> CheckedSeason:
    """`details`, the answer for season `number`, checked; its episodes within `allowed`."""
    if type(details.season_number) is not int or details.season_number != number:
        raise invalid_answer(
            url,
            "$.season_number",
            f"the answer is for season {shown(details.season_number)}, not season {number}",
        )
    images, credits, aggregate = details.images, details.credits_, details.aggregate_credits
    if not isinstance(images, AppendedSeasonImages):
        raise _lacks(url, "images")
    if not isinstance(credits, AppendedSeasonCredits):
        raise _lacks(url, "credits")
    if not isinstance(aggregate, AppendedSeasonAggregateCredits):
        raise _lacks(url, "aggregate_credits")
    findings = Findings(url, strict)
    episodes = _episodes(details, number, findings)
    if len(episodes) > allowed:
        beyond = list(episodes)[allowed:]
        findings.add(
            "episode_count",
            "$.episodes",
            f"{len(episodes)} episodes, more than the {allowed} the series details allow "
            f"season {number}: the stills of episode {named(beyond)} are not fetched",
        )
        for episode in beyond:
            del episodes[episode]
    return CheckedSeason(details, images, credits, aggregate, episodes, findings.deviations())


def _episodes(details: SeasonDetails, number: int, findings: Findings) -> dict[int, int]:
    episodes: dict[int, int] = {}
    for index, episode in enumerate(details.episodes):
        at, episode_number = f"$.episodes[{index}]", episode.episode_number
        if not _is_number(episode_number, "episode_number"):
            findings.add(
                "number",
                f"{at}.episode_number",
                f"{shown(episode_number)} is not an episode number: its stills are not fetched",
            )
        elif episode.season_number != number:
            findings.add(
                "season",
                f"{at}.season_number",
                f"episode {episode_number} is of season {shown(episode.season_number)}, in "
                f"season {number}'s answer: its stills are not fetched",
            )
        elif episode_number in episodes:
            findings.add(
                "repeat",
                f"{at}.episode_number",
                f"episode {episode_number} is listed again: its stills are fetched once",
            )
        else:
            episodes[episode_number] = episode.id
    return episodes


def _lacks(url: str, part: str) -> ResponseValidationError:
    return invalid_answer(
        url,
        f"$.{part}",
        f"the season details lack `{part}` (or it is not an object), asked for with "
        "append_to_response",
    )


def checked_stills(images: EpisodeImages, episode_id: int, url: str) -> EpisodeImages:
    """`images`, checked to be the stills of the episode whose id is `episode_id`."""
    if type(images.id) is not int or images.id != episode_id:
        raise invalid_answer(
            url, "$.id", f"the answer is for episode id {shown(images.id)}, not {episode_id}"
        )
    return images
