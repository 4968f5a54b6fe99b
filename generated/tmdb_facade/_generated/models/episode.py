from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Deviation, SetAside, Unset, Unusable, as_sent, stash

if TYPE_CHECKING:
    from ..models.cast_credit import CastCredit
    from ..models.crew_credit import CrewCredit


_JSON_NAMES: tuple[tuple[str, str], ...] = (
    ("air_date", "air_date"),
    ("episode_number", "episode_number"),
    ("id", "id"),
    ("name", "name"),
    ("overview", "overview"),
    ("production_code", "production_code"),
    ("runtime", "runtime"),
    ("season_number", "season_number"),
    ("still_path", "still_path"),
    ("vote_average", "vote_average"),
    ("vote_count", "vote_count"),
    ("crew", "crew"),
    ("guest_stars", "guest_stars"),
    ("episode_type", "episode_type"),
    ("show_id", "show_id"),
)


_models_imported = False


def _import_models() -> None:
    """Import the models `from_decoded` builds, as module globals"""
    global _models_imported, CastCredit, CrewCredit
    from ..models.cast_credit import CastCredit
    from ..models.crew_credit import CrewCredit

    _models_imported = True


T = TypeVar("T", bound="Episode")


@_attrs_define
class Episode:
    """An episode of a season, with its crew and guest stars."""

    air_date: None | str
    """ Date (YYYY-MM-DD) the episode first aired; null when unknown. """
    episode_number: int
    id: int
    """ TMDB id of the episode. """
    name: str
    overview: str
    """ May be empty. """
    production_code: str
    """ Usually empty. """
    runtime: int | None
    """ Length in minutes; null when unknown, as for most episodes not yet aired. """
    season_number: int
    still_path: None | str
    """ File path of the episode's main still; null when there is none. """
    vote_average: float
    """ Average user rating, 0 to 10. """
    vote_count: int
    crew: list[CrewCredit]
    guest_stars: list[CastCredit]
    episode_type: str | Unset = UNSET
    """ `standard`, `mid_season` (the last before a break within the season) or
    `finale`; other values may come. Absent in older responses.
     """
    show_id: int | Unset = UNSET
    """ TMDB id of the series. Absent in older responses. """
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

        episode_number = self.episode_number

        id = self.id

        name = self.name

        overview = self.overview

        production_code = self.production_code

        runtime: int | None
        runtime = self.runtime

        season_number = self.season_number

        still_path: None | str
        still_path = self.still_path

        vote_average = self.vote_average

        vote_count = self.vote_count

        crew = []
        for crew_item_data in self.crew:
            crew_item = crew_item_data.to_dict()
            crew.append(crew_item)

        guest_stars = []
        for guest_stars_item_data in self.guest_stars:
            guest_stars_item = guest_stars_item_data.to_dict()
            guest_stars.append(guest_stars_item)

        episode_type = self.episode_type

        show_id = self.show_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "air_date": air_date,
                "episode_number": episode_number,
                "id": id,
                "name": name,
                "overview": overview,
                "production_code": production_code,
                "runtime": runtime,
                "season_number": season_number,
                "still_path": still_path,
                "vote_average": vote_average,
                "vote_count": vote_count,
                "crew": crew,
                "guest_stars": guest_stars,
            }
        )
        if episode_type is not UNSET:
            field_dict["episode_type"] = episode_type
        if show_id is not UNSET:
            field_dict["show_id"] = show_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.cast_credit import CastCredit
        from ..models.crew_credit import CrewCredit

        d = dict(src_dict)

        def _parse_air_date(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        air_date = _parse_air_date(d.pop("air_date"))

        episode_number = d.pop("episode_number")

        id = d.pop("id")

        name = d.pop("name")

        overview = d.pop("overview")

        production_code = d.pop("production_code")

        def _parse_runtime(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        runtime = _parse_runtime(d.pop("runtime"))

        season_number = d.pop("season_number")

        def _parse_still_path(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        still_path = _parse_still_path(d.pop("still_path"))

        vote_average = d.pop("vote_average")

        vote_count = d.pop("vote_count")

        crew = []
        _crew = d.pop("crew")
        for crew_item_data in _crew:
            crew_item = CrewCredit.from_dict(crew_item_data)

            crew.append(crew_item)

        guest_stars = []
        _guest_stars = d.pop("guest_stars")
        for guest_stars_item_data in _guest_stars:
            guest_stars_item = CastCredit.from_dict(guest_stars_item_data)

            guest_stars.append(guest_stars_item)

        episode_type = d.pop("episode_type", UNSET)

        show_id = d.pop("show_id", UNSET)

        episode = cls(
            air_date=air_date,
            episode_number=episode_number,
            id=id,
            name=name,
            overview=overview,
            production_code=production_code,
            runtime=runtime,
            season_number=season_number,
            still_path=still_path,
            vote_average=vote_average,
            vote_count=vote_count,
            crew=crew,
            guest_stars=guest_stars,
            episode_type=episode_type,
            show_id=show_id,
        )

        episode.additional_properties = d
        return episode

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
        if not _models_imported:
            _import_models()
        air_date = d.pop("air_date", UNSET)
        if not (type(air_date) is str or air_date is None):
            found.append(
                (at, "air_date", "type", '"string" or "null"', air_date, "null")
            )
            _sent = stash(_sent, "air_date", air_date)
            air_date = None
        episode_number = d.pop("episode_number", UNSET)
        if not (type(episode_number) is int):
            if type(episode_number) is float and episode_number.is_integer():
                if abs(episode_number) >= 2.0**63:
                    found.append(
                        (at, "episode_number", "inexact", "", episode_number, "kept")
                    )
                episode_number = int(episode_number)
            else:
                found.append(
                    (at, "episode_number", "type", '"integer"', episode_number, "fatal")
                )
                _sent = stash(_sent, "episode_number", episode_number)
                episode_number = UNSET
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
        production_code = d.pop("production_code", UNSET)
        if not (type(production_code) is str):
            found.append(
                (at, "production_code", "type", '"string"', production_code, "fatal")
            )
            _sent = stash(_sent, "production_code", production_code)
            production_code = UNSET
            _broken = True
        runtime = d.pop("runtime", UNSET)
        if not (type(runtime) is int or runtime is None):
            if type(runtime) is float and runtime.is_integer():
                if abs(runtime) >= 2.0**63:
                    found.append((at, "runtime", "inexact", "", runtime, "kept"))
                runtime = int(runtime)
            else:
                found.append(
                    (at, "runtime", "type", '"integer" or "null"', runtime, "null")
                )
                _sent = stash(_sent, "runtime", runtime)
                runtime = None
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
        still_path = d.pop("still_path", UNSET)
        if not (type(still_path) is str or still_path is None):
            found.append(
                (at, "still_path", "type", '"string" or "null"', still_path, "null")
            )
            _sent = stash(_sent, "still_path", still_path)
            still_path = None
        vote_average = d.pop("vote_average", UNSET)
        if not (type(vote_average) is float or type(vote_average) is int):
            found.append(
                (at, "vote_average", "type", '"number"', vote_average, "fatal")
            )
            _sent = stash(_sent, "vote_average", vote_average)
            vote_average = UNSET
            _broken = True
        vote_count = d.pop("vote_count", UNSET)
        if not (type(vote_count) is int):
            if type(vote_count) is float and vote_count.is_integer():
                if abs(vote_count) >= 2.0**63:
                    found.append((at, "vote_count", "inexact", "", vote_count, "kept"))
                vote_count = int(vote_count)
            else:
                found.append(
                    (at, "vote_count", "type", '"integer"', vote_count, "fatal")
                )
                _sent = stash(_sent, "vote_count", vote_count)
                vote_count = UNSET
                _broken = True
        crew = d.pop("crew", UNSET)
        if type(crew) is list:
            _list_at = (at, "crew")
            _aside = False
            for _i, _item in enumerate(crew):
                if type(_item) is dict:
                    try:
                        crew[_i] = CrewCredit.from_decoded(_item, found, (_list_at, _i))
                    except Unusable as _unusable:
                        found.append(
                            (_list_at, _i, "object", "", _unusable.model, "dropped")
                        )
                        crew[_i] = SetAside(_unusable.model)
                        _aside = True
                else:
                    found.append((_list_at, _i, "type", '"object"', _item, "dropped"))
                    crew[_i] = SetAside(_item)
                    _aside = True
            if _aside:
                _sent = stash(_sent, "crew", crew)
                crew = [_item for _item in crew if type(_item) is not SetAside]
        else:
            found.append((at, "crew", "type", '"array"', crew, "fatal"))
            _sent = stash(_sent, "crew", crew)
            crew = UNSET
            _broken = True
        guest_stars = d.pop("guest_stars", UNSET)
        if type(guest_stars) is list:
            _list_at = (at, "guest_stars")
            _aside = False
            for _i, _item in enumerate(guest_stars):
                if type(_item) is dict:
                    try:
                        guest_stars[_i] = CastCredit.from_decoded(
                            _item, found, (_list_at, _i)
                        )
                    except Unusable as _unusable:
                        found.append(
                            (_list_at, _i, "object", "", _unusable.model, "dropped")
                        )
                        guest_stars[_i] = SetAside(_unusable.model)
                        _aside = True
                else:
                    found.append((_list_at, _i, "type", '"object"', _item, "dropped"))
                    guest_stars[_i] = SetAside(_item)
                    _aside = True
            if _aside:
                _sent = stash(_sent, "guest_stars", guest_stars)
                guest_stars = [
                    _item for _item in guest_stars if type(_item) is not SetAside
                ]
        else:
            found.append((at, "guest_stars", "type", '"array"', guest_stars, "fatal"))
            _sent = stash(_sent, "guest_stars", guest_stars)
            guest_stars = UNSET
            _broken = True
        episode_type = d.pop("episode_type", UNSET)
        if not (type(episode_type) is str) and episode_type is not UNSET:
            found.append(
                (at, "episode_type", "type", '"string"', episode_type, "unset")
            )
            _sent = stash(_sent, "episode_type", episode_type)
            episode_type = UNSET
        show_id = d.pop("show_id", UNSET)
        if not (type(show_id) is int) and show_id is not UNSET:
            if type(show_id) is float and show_id.is_integer():
                if abs(show_id) >= 2.0**63:
                    found.append((at, "show_id", "inexact", "", show_id, "kept"))
                show_id = int(show_id)
            else:
                found.append((at, "show_id", "type", '"integer"', show_id, "unset"))
                _sent = stash(_sent, "show_id", show_id)
                show_id = UNSET
        episode = cls(
            air_date,
            episode_number,
            id,
            name,
            overview,
            production_code,
            runtime,
            season_number,
            still_path,
            vote_average,
            vote_count,
            crew,
            guest_stars,
            episode_type,
            show_id,
        )
        episode.additional_properties = d
        if _sent is not None:
            episode._as_sent = _sent
            if _broken:
                raise Unusable(episode)
        return episode

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
