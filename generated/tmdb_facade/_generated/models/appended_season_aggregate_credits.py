from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Deviation, SetAside, Unusable, as_sent, stash

if TYPE_CHECKING:
    from ..models.aggregate_cast import AggregateCast
    from ..models.aggregate_crew import AggregateCrew


_JSON_NAMES: tuple[tuple[str, str], ...] = (
    ("cast", "cast"),
    ("crew", "crew"),
)


_models_imported = False


def _import_models() -> None:
    """Import the models `from_decoded` builds, as module globals"""
    global _models_imported, AggregateCast, AggregateCrew
    from ..models.aggregate_cast import AggregateCast
    from ..models.aggregate_crew import AggregateCrew

    _models_imported = True


T = TypeVar("T", bound="AppendedSeasonAggregateCredits")


@_attrs_define
class AppendedSeasonAggregateCredits:
    """The season's aggregate credits as `append_to_response=aggregate_credits` adds
    them to the season details: the aggregate credits answer without its `id`.

    """

    cast: list[AggregateCast]
    crew: list[AggregateCrew]
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
        cast = []
        for cast_item_data in self.cast:
            cast_item = cast_item_data.to_dict()
            cast.append(cast_item)

        crew = []
        for crew_item_data in self.crew:
            crew_item = crew_item_data.to_dict()
            crew.append(crew_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cast": cast,
                "crew": crew,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.aggregate_cast import AggregateCast
        from ..models.aggregate_crew import AggregateCrew

        d = dict(src_dict)
        cast = []
        _cast = d.pop("cast")
        for cast_item_data in _cast:
            cast_item = AggregateCast.from_dict(cast_item_data)

            cast.append(cast_item)

        crew = []
        _crew = d.pop("crew")
        for crew_item_data in _crew:
            crew_item = AggregateCrew.from_dict(crew_item_data)

            crew.append(crew_item)

        appended_season_aggregate_credits = cls(
            cast=cast,
            crew=crew,
        )

        appended_season_aggregate_credits.additional_properties = d
        return appended_season_aggregate_credits

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
        cast = d.pop("cast", UNSET)
        if type(cast) is list:
            _list_at = (at, "cast")
            _aside = False
            for _i, _item in enumerate(cast):
                if type(_item) is dict:
                    try:
                        cast[_i] = AggregateCast.from_decoded(
                            _item, found, (_list_at, _i)
                        )
                    except Unusable as _unusable:
                        found.append(
                            (_list_at, _i, "object", "", _unusable.model, "dropped")
                        )
                        cast[_i] = SetAside(_unusable.model)
                        _aside = True
                else:
                    found.append((_list_at, _i, "type", '"object"', _item, "dropped"))
                    cast[_i] = SetAside(_item)
                    _aside = True
            if _aside:
                _sent = stash(_sent, "cast", cast)
                cast = [_item for _item in cast if type(_item) is not SetAside]
        else:
            found.append((at, "cast", "type", '"array"', cast, "fatal"))
            _sent = stash(_sent, "cast", cast)
            cast = UNSET
            _broken = True
        crew = d.pop("crew", UNSET)
        if type(crew) is list:
            _list_at = (at, "crew")
            _aside = False
            for _i, _item in enumerate(crew):
                if type(_item) is dict:
                    try:
                        crew[_i] = AggregateCrew.from_decoded(
                            _item, found, (_list_at, _i)
                        )
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
        appended_season_aggregate_credits = cls(
            cast,
            crew,
        )
        appended_season_aggregate_credits.additional_properties = d
        if _sent is not None:
            appended_season_aggregate_credits._as_sent = _sent
            if _broken:
                raise Unusable(appended_season_aggregate_credits)
        return appended_season_aggregate_credits

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
