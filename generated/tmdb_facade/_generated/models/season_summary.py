from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Deviation, Unset, Unusable, as_sent, stash

_JSON_NAMES: tuple[tuple[str, str], ...] = (
    ("air_date", "air_date"),
    ("episode_count", "episode_count"),
    ("id", "id"),
    ("name", "name"),
    ("overview", "overview"),
    ("poster_path", "poster_path"),
    ("season_number", "season_number"),
    ("vote_average", "vote_average"),
)

T = TypeVar("T", bound="SeasonSummary")


@_attrs_define
class SeasonSummary:
    """A season as the series details list it."""

    air_date: None | str
    """ Date (YYYY-MM-DD) the first episode aired; null when unknown. """
    episode_count: int
    id: int
    """ TMDB id of the season (not of the series). """
    name: str
    overview: str
    """ May be empty. """
    poster_path: None | str
    """ File path of the season's main poster; null when there is none. """
    season_number: int
    """ 0 for the specials. """
    vote_average: float | Unset = UNSET
    """ Average user rating, 0 to 10. Absent in older responses. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    spec_deviations: tuple[Deviation, ...] = _attrs_field(
        init=False, default=(), eq=False, repr=False
    )
    """ Where the answer this model came from departs from the spec, when the client is tolerant, each
    with the value sent. Every attribute still holds its declared type: an off-spec optional field is
    UNSET, a required nullable one None, a list item set aside. Empty when it conforms. """
    _as_sent: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=False, repr=False
    )
    _answer: Any = _attrs_field(init=False, default=None, eq=False, repr=False)
    """ What the answer this model came from carried (the facade's `Answer`: its cache status), set by the
    client on the model a call returns and None on every other: it travels with the result, so threads
    and tasks each read their own. """

    def to_dict(self) -> dict[str, Any]:
        if self._as_sent is not None:
            return as_sent(self, _JSON_NAMES, self._as_sent)
        air_date: None | str
        air_date = self.air_date

        episode_count = self.episode_count

        id = self.id

        name = self.name

        overview = self.overview

        poster_path: None | str
        poster_path = self.poster_path

        season_number = self.season_number

        vote_average = self.vote_average

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "air_date": air_date,
                "episode_count": episode_count,
                "id": id,
                "name": name,
                "overview": overview,
                "poster_path": poster_path,
                "season_number": season_number,
            }
        )
        if vote_average is not UNSET:
            field_dict["vote_average"] = vote_average

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_air_date(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        air_date = _parse_air_date(d.pop("air_date"))

        episode_count = d.pop("episode_count")

        id = d.pop("id")

        name = d.pop("name")

        overview = d.pop("overview")

        def _parse_poster_path(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        poster_path = _parse_poster_path(d.pop("poster_path"))

        season_number = d.pop("season_number")

        vote_average = d.pop("vote_average", UNSET)

        season_summary = cls(
            air_date=air_date,
            episode_count=episode_count,
            id=id,
            name=name,
            overview=overview,
            poster_path=poster_path,
            season_number=season_number,
            vote_average=vote_average,
        )

        season_summary.additional_properties = d
        return season_summary

    @classmethod
    def from_decoded(
        cls,
        d: dict[str, Any],
        found: list[tuple[Any, ...]] | None = None,
        at: tuple[Any, ...] = (),
    ) -> Self:
        """Build from a JSON object just decoded, which it empties, checking it against the spec

        Its lists of objects become the lists of models, built in place. Faster than `from_dict`. What
        departs from the spec never lands in a typed attribute: an optional field reads as UNSET, a
        required nullable one as None, a list item is set aside; what was sent is kept for `to_dict()`.
        A required, non-nullable field that cannot be read makes the object unusable: `Unusable` is
        raised (a parent sets such an item aside, or reads such a field by its own fate).
        Each departure is appended to `found` as `(at, key, kind, expected, value, fate)`: `at` is where
        this object sits (`()` at the top, else its parent's `at` and its key there, a field's name or an
        item's index), `kind` is "type" (`expected` the JSON types the spec allows; `value` is UNSET
        for a missing field), "pattern" (`expected` the regular expression) or "object" (an object
        that could not be read: `value` is it as built), and `fate` says how it reads: "kept",
        "unset", "null", "dropped" (set aside) or "fatal". An integral float of 2**63 or more in an
        integer field becomes an int and is appended with kind "inexact": a fast decoder may have
        read a longer integer into it, so decode exactly and build again to be sure.
        """
        if found is None:
            found = []
        _sent: dict[str, Any] | None = None
        _broken = False
        air_date = d.pop("air_date", UNSET)
        if not (type(air_date) is str or air_date is None):
            found.append(
                (at, "air_date", "type", '"string" or "null"', air_date, "null")
            )
            _sent = stash(_sent, "air_date", air_date)
            air_date = None
        episode_count = d.pop("episode_count", UNSET)
        if not (type(episode_count) is int):
            if type(episode_count) is float and episode_count.is_integer():
                if abs(episode_count) >= 2.0**63:
                    found.append(
                        (at, "episode_count", "inexact", "", episode_count, "kept")
                    )
                episode_count = int(episode_count)
            else:
                found.append(
                    (at, "episode_count", "type", '"integer"', episode_count, "fatal")
                )
                _sent = stash(_sent, "episode_count", episode_count)
                episode_count = UNSET
                _broken = True
        id = d.pop("id", UNSET)
        if not (type(id) is int):
            if type(id) is float and id.is_integer():
                if abs(id) >= 2.0**63:
                    found.append((at, "id", "inexact", "", id, "kept"))
                id = int(id)
            else:
                found.append((at, "id", "type", '"integer"', id, "fatal"))
                _sent = stash(_sent, "id", id)
                id = UNSET
                _broken = True
        name = d.pop("name", UNSET)
        if not (type(name) is str):
            found.append((at, "name", "type", '"string"', name, "fatal"))
            _sent = stash(_sent, "name", name)
            name = UNSET
            _broken = True
        overview = d.pop("overview", UNSET)
        if not (type(overview) is str):
            found.append((at, "overview", "type", '"string"', overview, "fatal"))
            _sent = stash(_sent, "overview", overview)
            overview = UNSET
            _broken = True
        poster_path = d.pop("poster_path", UNSET)
        if not (type(poster_path) is str or poster_path is None):
            found.append(
                (at, "poster_path", "type", '"string" or "null"', poster_path, "null")
            )
            _sent = stash(_sent, "poster_path", poster_path)
            poster_path = None
        season_number = d.pop("season_number", UNSET)
        if not (type(season_number) is int):
            if type(season_number) is float and season_number.is_integer():
                if abs(season_number) >= 2.0**63:
                    found.append(
                        (at, "season_number", "inexact", "", season_number, "kept")
                    )
                season_number = int(season_number)
            else:
                found.append(
                    (at, "season_number", "type", '"integer"', season_number, "fatal")
                )
                _sent = stash(_sent, "season_number", season_number)
                season_number = UNSET
                _broken = True
        vote_average = d.pop("vote_average", UNSET)
        if (
            not (type(vote_average) is float or type(vote_average) is int)
            and vote_average is not UNSET
        ):
            found.append(
                (at, "vote_average", "type", '"number"', vote_average, "unset")
            )
            _sent = stash(_sent, "vote_average", vote_average)
            vote_average = UNSET
        season_summary = cls(
            air_date,
            episode_count,
            id,
            name,
            overview,
            poster_path,
            season_number,
            vote_average,
        )
        season_summary.additional_properties = d
        if _sent is not None:
            season_summary._as_sent = _sent
            if _broken:
                raise Unusable(season_summary)
        return season_summary

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
