from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET

T = TypeVar("T", bound="CastCredit")


@_attrs_define
class CastCredit:
    """A person in the cast of a season's latest episode, once per role; also a guest
    star of an episode.

    """

    adult: bool
    gender: int
    """ 0 not set, 1 female, 2 male, 3 non-binary. """
    id: int
    """ TMDB id of the person. """
    known_for_department: str
    """ The department the person is best known for (Acting, Directing, ...). """
    name: str
    original_name: str
    popularity: float
    profile_path: None | str
    """ File path of the person's main profile picture; null when there is none. """
    character: str
    """ The character played; may be empty. """
    credit_id: str
    order: int
    """ Billing order, 0 first. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adult = self.adult

        gender = self.gender

        id = self.id

        known_for_department = self.known_for_department

        name = self.name

        original_name = self.original_name

        popularity = self.popularity

        profile_path: None | str
        profile_path = self.profile_path

        character = self.character

        credit_id = self.credit_id

        order = self.order

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adult": adult,
                "gender": gender,
                "id": id,
                "known_for_department": known_for_department,
                "name": name,
                "original_name": original_name,
                "popularity": popularity,
                "profile_path": profile_path,
                "character": character,
                "credit_id": credit_id,
                "order": order,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        adult = d.pop("adult")

        gender = d.pop("gender")

        id = d.pop("id")

        known_for_department = d.pop("known_for_department")

        name = d.pop("name")

        original_name = d.pop("original_name")

        popularity = d.pop("popularity")

        def _parse_profile_path(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        profile_path = _parse_profile_path(d.pop("profile_path"))

        character = d.pop("character")

        credit_id = d.pop("credit_id")

        order = d.pop("order")

        cast_credit = cls(
            adult=adult,
            gender=gender,
            id=id,
            known_for_department=known_for_department,
            name=name,
            original_name=original_name,
            popularity=popularity,
            profile_path=profile_path,
            character=character,
            credit_id=credit_id,
            order=order,
        )

        cast_credit.additional_properties = d
        return cast_credit

    @classmethod
    def from_decoded(cls, d: dict[str, Any]) -> Self:
        """Build from a JSON object just decoded, which it empties: faster than `from_dict`

        Nothing is copied or checked: a missing field is UNSET and a value of another type is
        kept as sent, so validate `d` against the spec first to know whether it conforms.
        """
        adult = d.pop("adult", UNSET)
        gender = d.pop("gender", UNSET)
        id = d.pop("id", UNSET)
        known_for_department = d.pop("known_for_department", UNSET)
        name = d.pop("name", UNSET)
        original_name = d.pop("original_name", UNSET)
        popularity = d.pop("popularity", UNSET)
        profile_path = d.pop("profile_path", UNSET)
        character = d.pop("character", UNSET)
        credit_id = d.pop("credit_id", UNSET)
        order = d.pop("order", UNSET)
        cast_credit = cls(
            adult=adult,
            gender=gender,
            id=id,
            known_for_department=known_for_department,
            name=name,
            original_name=original_name,
            popularity=popularity,
            profile_path=profile_path,
            character=character,
            credit_id=credit_id,
            order=order,
        )
        cast_credit.additional_properties = d
        return cast_credit

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
