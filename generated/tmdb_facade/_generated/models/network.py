from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Deviation, Unusable, as_sent, stash

_JSON_NAMES: tuple[tuple[str, str], ...] = (
    ("id", "id"),
    ("logo_path", "logo_path"),
    ("name", "name"),
    ("origin_country", "origin_country"),
)

T = TypeVar("T", bound="Network")


@_attrs_define
class Network:
    """A TV network or streaming service that airs the series."""

    id: int
    logo_path: None | str
    """ File path of the network's logo; null when there is none. """
    name: str
    origin_country: str
    """ ISO 3166-1 code of the network's country; may be empty. """
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

        logo_path: None | str
        logo_path = self.logo_path

        name = self.name

        origin_country = self.origin_country

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "logo_path": logo_path,
                "name": name,
                "origin_country": origin_country,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_logo_path(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        logo_path = _parse_logo_path(d.pop("logo_path"))

        name = d.pop("name")

        origin_country = d.pop("origin_country")

        network = cls(
            id=id,
            logo_path=logo_path,
            name=name,
            origin_country=origin_country,
        )

        network.additional_properties = d
        return network

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
        logo_path = d.pop("logo_path", UNSET)
        if not (type(logo_path) is str or logo_path is None):
            found.append(
                (at, "logo_path", "type", '"string" or "null"', logo_path, "null")
            )
            _sent = stash(_sent, "logo_path", logo_path)
            logo_path = None
        name = d.pop("name", UNSET)
        if not (type(name) is str):
            found.append((at, "name", "type", '"string"', name, "fatal"))
            _sent = stash(_sent, "name", name)
            name = UNSET
            _broken = True
        origin_country = d.pop("origin_country", UNSET)
        if not (type(origin_country) is str):
            found.append(
                (at, "origin_country", "type", '"string"', origin_country, "fatal")
            )
            _sent = stash(_sent, "origin_country", origin_country)
            origin_country = UNSET
            _broken = True
        network = cls(
            id,
            logo_path,
            name,
            origin_country,
        )
        network.additional_properties = d
        if _sent is not None:
            network._as_sent = _sent
            if _broken:
                raise Unusable(network)
        return network

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
