from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Deviation

if TYPE_CHECKING:
    from ..models.aggregate_cast import AggregateCast
    from ..models.aggregate_crew import AggregateCrew


_models_imported = False


def _import_models() -> None:
    """Import the models `from_decoded` builds, as module globals"""
    global _models_imported, AggregateCast, AggregateCrew
    from ..models.aggregate_cast import AggregateCast
    from ..models.aggregate_crew import AggregateCrew

    _models_imported = True


T = TypeVar("T", bound="SeasonAggregateCredits")


@_attrs_define
class SeasonAggregateCredits:
    cast: list[AggregateCast]
    crew: list[AggregateCrew]
    id: int
    """ TMDB id of the season. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    spec_deviations: tuple[Deviation, ...] = _attrs_field(
        init=False, default=(), eq=False, repr=False
    )
    """ Where the answer this model came from departs from the spec, when the client is tolerant: the
    fields named there may hold what TMDB sent instead of their declared type. Empty when it conforms. """

    def to_dict(self) -> dict[str, Any]:
        cast = []
        for cast_item_data in self.cast:
            cast_item = cast_item_data.to_dict()
            cast.append(cast_item)

        crew = []
        for crew_item_data in self.crew:
            crew_item = crew_item_data.to_dict()
            crew.append(crew_item)

        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cast": cast,
                "crew": crew,
                "id": id,
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

        id = d.pop("id")

        season_aggregate_credits = cls(
            cast=cast,
            crew=crew,
            id=id,
        )

        season_aggregate_credits.additional_properties = d
        return season_aggregate_credits

    @classmethod
    def from_decoded(
        cls,
        d: dict[str, Any],
        found: list[tuple[Any, ...]] | None = None,
        at: tuple[Any, ...] = (),
    ) -> Self:
        """Build from a JSON object just decoded, which it empties, checking it against the spec

        Its lists of objects become the lists of models, built in place. Faster than `from_dict`,
        and nothing off-spec stops it: a missing field is UNSET and a value
        of another type is kept as sent. Each field that departs from the spec is appended to `found`
        as `(at, key, kind, expected, value)`: `at` is where this object sits (`()` at the top, else
        its parent's `at` and its key there, a field's name or an item's index), `kind` is "type"
        (`expected` the JSON types the spec allows; `value` is UNSET for a missing required field) or
        "pattern" (`expected` the regular expression). An integral float of 2**63 or more in an
        integer field becomes an int and is appended with kind "inexact": a fast decoder may have
        read a longer integer into it, so decode exactly and build again to be sure.
        """
        if found is None:
            found = []
        if not _models_imported:
            _import_models()
        cast = d.pop("cast", UNSET)
        if type(cast) is list:
            _list_at = (at, "cast")
            for _i, _item in enumerate(cast):
                if type(_item) is dict:
                    cast[_i] = AggregateCast.from_decoded(_item, found, (_list_at, _i))
                else:
                    found.append((_list_at, _i, "type", '"object"', _item))
        else:
            found.append((at, "cast", "type", '"array"', cast))
        crew = d.pop("crew", UNSET)
        if type(crew) is list:
            _list_at = (at, "crew")
            for _i, _item in enumerate(crew):
                if type(_item) is dict:
                    crew[_i] = AggregateCrew.from_decoded(_item, found, (_list_at, _i))
                else:
                    found.append((_list_at, _i, "type", '"object"', _item))
        else:
            found.append((at, "crew", "type", '"array"', crew))
        id = d.pop("id", UNSET)
        if not (type(id) is int):
            if type(id) is float and id.is_integer():
                if abs(id) >= 2.0**63:
                    found.append((at, "id", "inexact", "", id))
                id = int(id)
            else:
                found.append((at, "id", "type", '"integer"', id))
        season_aggregate_credits = cls(
            cast,
            crew,
            id,
        )
        season_aggregate_credits.additional_properties = d
        return season_aggregate_credits

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
