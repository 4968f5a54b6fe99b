from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Deviation

T = TypeVar("T", bound="Role")


@_attrs_define
class Role:
    """One character a cast member played during the season."""

    credit_id: str
    character: None | str
    """ The character played; may be empty, or null. """
    episode_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    spec_deviations: tuple[Deviation, ...] = _attrs_field(
        init=False, default=(), eq=False, repr=False
    )
    """ Where the answer this model came from departs from the spec, when the client is tolerant: the
    fields named there may hold what TMDB sent instead of their declared type. Empty when it conforms. """

    def to_dict(self) -> dict[str, Any]:
        credit_id = self.credit_id

        character: None | str
        character = self.character

        episode_count = self.episode_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "credit_id": credit_id,
                "character": character,
                "episode_count": episode_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        credit_id = d.pop("credit_id")

        def _parse_character(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        character = _parse_character(d.pop("character"))

        episode_count = d.pop("episode_count")

        role = cls(
            credit_id=credit_id,
            character=character,
            episode_count=episode_count,
        )

        role.additional_properties = d
        return role

    @classmethod
    def from_decoded(cls, d: dict[str, Any]) -> Self:
        """Build from a JSON object just decoded, which it empties: faster than `from_dict`

        Nothing is copied or checked: a missing field is UNSET and a value of another type is
        kept as sent, so validate `d` against the spec first to know whether it conforms.
        """
        credit_id = d.pop("credit_id", UNSET)
        character = d.pop("character", UNSET)
        episode_count = d.pop("episode_count", UNSET)
        if type(episode_count) is float and episode_count.is_integer():
            episode_count = int(episode_count)
        role = cls(
            credit_id=credit_id,
            character=character,
            episode_count=episode_count,
        )
        role.additional_properties = d
        return role

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
