from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Deviation

if TYPE_CHECKING:
    from ..models.image import Image


_models_imported = False


def _import_models() -> None:
    """Import the models `from_decoded` builds, as module globals"""
    global _models_imported, Image
    from ..models.image import Image

    _models_imported = True


T = TypeVar("T", bound="AppendedSeasonImages")


@_attrs_define
class AppendedSeasonImages:
    """The season's posters as `append_to_response=images` adds them to the season
    details: the season images answer without its `id`.

    """

    posters: list[Image]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    spec_deviations: tuple[Deviation, ...] = _attrs_field(
        init=False, default=(), eq=False, repr=False
    )
    """ Where the answer this model came from departs from the spec, when the client is tolerant: the
    fields named there may hold what TMDB sent instead of their declared type. Empty when it conforms. """

    def to_dict(self) -> dict[str, Any]:
        posters = []
        for posters_item_data in self.posters:
            posters_item = posters_item_data.to_dict()
            posters.append(posters_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "posters": posters,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.image import Image

        d = dict(src_dict)
        posters = []
        _posters = d.pop("posters")
        for posters_item_data in _posters:
            posters_item = Image.from_dict(posters_item_data)

            posters.append(posters_item)

        appended_season_images = cls(
            posters=posters,
        )

        appended_season_images.additional_properties = d
        return appended_season_images

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
        posters = d.pop("posters", UNSET)
        if type(posters) is list:
            _list_at = (at, "posters")
            for _i, _item in enumerate(posters):
                if type(_item) is dict:
                    posters[_i] = Image.from_decoded(_item, found, (_list_at, _i))
                else:
                    found.append((_list_at, _i, "type", '"object"', _item))
        else:
            found.append((at, "posters", "type", '"array"', posters))
        appended_season_images = cls(
            posters,
        )
        appended_season_images.additional_properties = d
        return appended_season_images

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
