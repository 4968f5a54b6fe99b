from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Deviation, Unset, Unusable, as_sent, stash

_JSON_NAMES: tuple[tuple[str, str], ...] = (
    ("id", "id"),
    ("credit_id", "credit_id"),
    ("name", "name"),
    ("gender", "gender"),
    ("profile_path", "profile_path"),
    ("original_name", "original_name"),
)

T = TypeVar("T", bound="Creator")


@_attrs_define
class Creator:
    """A person who created the series."""

    id: int
    """ TMDB id of the person. """
    credit_id: str
    name: str
    gender: int
    """ 0 not set, 1 female, 2 male, 3 non-binary. """
    profile_path: None | str
    """ File path of the person's main profile picture; null when there is none. """
    original_name: str | Unset = UNSET
    """ Absent in older responses. """
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
        id = self.id

        credit_id = self.credit_id

        name = self.name

        gender = self.gender

        profile_path: None | str
        profile_path = self.profile_path

        original_name = self.original_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "credit_id": credit_id,
                "name": name,
                "gender": gender,
                "profile_path": profile_path,
            }
        )
        if original_name is not UNSET:
            field_dict["original_name"] = original_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        credit_id = d.pop("credit_id")

        name = d.pop("name")

        gender = d.pop("gender")

        def _parse_profile_path(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        profile_path = _parse_profile_path(d.pop("profile_path"))

        original_name = d.pop("original_name", UNSET)

        creator = cls(
            id=id,
            credit_id=credit_id,
            name=name,
            gender=gender,
            profile_path=profile_path,
            original_name=original_name,
        )

        creator.additional_properties = d
        return creator

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
        credit_id = d.pop("credit_id", UNSET)
        if not (type(credit_id) is str):
            found.append((at, "credit_id", "type", '"string"', credit_id, "fatal"))
            _sent = stash(_sent, "credit_id", credit_id)
            credit_id = UNSET
            _broken = True
        name = d.pop("name", UNSET)
        if not (type(name) is str):
            found.append((at, "name", "type", '"string"', name, "fatal"))
            _sent = stash(_sent, "name", name)
            name = UNSET
            _broken = True
        gender = d.pop("gender", UNSET)
        if not (type(gender) is int):
            if type(gender) is float and gender.is_integer():
                if abs(gender) >= 2.0**63:
                    found.append((at, "gender", "inexact", "", gender, "kept"))
                gender = int(gender)
            else:
                found.append((at, "gender", "type", '"integer"', gender, "fatal"))
                _sent = stash(_sent, "gender", gender)
                gender = UNSET
                _broken = True
        profile_path = d.pop("profile_path", UNSET)
        if not (type(profile_path) is str or profile_path is None):
            found.append(
                (at, "profile_path", "type", '"string" or "null"', profile_path, "null")
            )
            _sent = stash(_sent, "profile_path", profile_path)
            profile_path = None
        original_name = d.pop("original_name", UNSET)
        if not (type(original_name) is str) and original_name is not UNSET:
            found.append(
                (at, "original_name", "type", '"string"', original_name, "unset")
            )
            _sent = stash(_sent, "original_name", original_name)
            original_name = UNSET
        creator = cls(
            id,
            credit_id,
            name,
            gender,
            profile_path,
            original_name,
        )
        creator.additional_properties = d
        if _sent is not None:
            creator._as_sent = _sent
            if _broken:
                raise Unusable(creator)
        return creator

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
