from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Deviation

if TYPE_CHECKING:
    from ..models.image import Image


T = TypeVar("T", bound="PersonImages")


@_attrs_define
class PersonImages:
    id: int
    """ TMDB id of the person. """
    profiles: list[Image]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    spec_deviations: tuple[Deviation, ...] = _attrs_field(
        init=False, default=(), eq=False, repr=False
    )
    """ Where the answer this model came from departs from the spec, when the client is tolerant: the
    fields named there may hold what TMDB sent instead of their declared type. Empty when it conforms. """

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        profiles = []
        for profiles_item_data in self.profiles:
            profiles_item = profiles_item_data.to_dict()
            profiles.append(profiles_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "profiles": profiles,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.image import Image

        d = dict(src_dict)
        id = d.pop("id")

        profiles = []
        _profiles = d.pop("profiles")
        for profiles_item_data in _profiles:
            profiles_item = Image.from_dict(profiles_item_data)

            profiles.append(profiles_item)

        person_images = cls(
            id=id,
            profiles=profiles,
        )

        person_images.additional_properties = d
        return person_images

    @classmethod
    def from_decoded(cls, d: dict[str, Any]) -> Self:
        """Build from a JSON object just decoded, which it empties: faster than `from_dict`

        Nothing is copied or checked: a missing field is UNSET and a value of another type is
        kept as sent, so validate `d` against the spec first to know whether it conforms.
        """
        from ..models.image import Image

        id = d.pop("id", UNSET)
        if type(id) is float and id.is_integer():
            id = int(id)
        profiles = d.pop("profiles", UNSET)
        if isinstance(profiles, list):
            profiles = [
                Image.from_decoded(item) if isinstance(item, dict) else item
                for item in profiles
            ]
        person_images = cls(
            id=id,
            profiles=profiles,
        )
        person_images.additional_properties = d
        return person_images

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
