from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Deviation, SetAside, Unusable, as_sent, stash

_JSON_NAMES: tuple[tuple[str, str], ...] = (
    ("base_url", "base_url"),
    ("secure_base_url", "secure_base_url"),
    ("backdrop_sizes", "backdrop_sizes"),
    ("logo_sizes", "logo_sizes"),
    ("poster_sizes", "poster_sizes"),
    ("profile_sizes", "profile_sizes"),
    ("still_sizes", "still_sizes"),
)

T = TypeVar("T", bound="ImagesConfiguration")


@_attrs_define
class ImagesConfiguration:
    """How to build an image URL: `secure_base_url`, then one of the sizes listed for
    that kind of image, then the image's `file_path`
    (`https://image.tmdb.org/t/p/w500/1BP4xYv9ZG4ZVHkL7ocOziBbSYH.jpg`).

    """

    base_url: str
    """ The image server over plain HTTP. """
    secure_base_url: str
    """ The image server over HTTPS. """
    backdrop_sizes: list[str]
    """ The sizes backdrops are rendered at (`w780`, ..., `original`). """
    logo_sizes: list[str]
    """ The sizes logos are rendered at. """
    poster_sizes: list[str]
    """ The sizes posters are rendered at. """
    profile_sizes: list[str]
    """ The sizes profile pictures are rendered at. """
    still_sizes: list[str]
    """ The sizes episode stills are rendered at. """
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
        base_url = self.base_url

        secure_base_url = self.secure_base_url

        backdrop_sizes = self.backdrop_sizes

        logo_sizes = self.logo_sizes

        poster_sizes = self.poster_sizes

        profile_sizes = self.profile_sizes

        still_sizes = self.still_sizes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "base_url": base_url,
                "secure_base_url": secure_base_url,
                "backdrop_sizes": backdrop_sizes,
                "logo_sizes": logo_sizes,
                "poster_sizes": poster_sizes,
                "profile_sizes": profile_sizes,
                "still_sizes": still_sizes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        base_url = d.pop("base_url")

        secure_base_url = d.pop("secure_base_url")

        backdrop_sizes = cast(list[str], d.pop("backdrop_sizes"))

        logo_sizes = cast(list[str], d.pop("logo_sizes"))

        poster_sizes = cast(list[str], d.pop("poster_sizes"))

        profile_sizes = cast(list[str], d.pop("profile_sizes"))

        still_sizes = cast(list[str], d.pop("still_sizes"))

        images_configuration = cls(
            base_url=base_url,
            secure_base_url=secure_base_url,
            backdrop_sizes=backdrop_sizes,
            logo_sizes=logo_sizes,
            poster_sizes=poster_sizes,
            profile_sizes=profile_sizes,
            still_sizes=still_sizes,
        )

        images_configuration.additional_properties = d
        return images_configuration

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
        base_url = d.pop("base_url", UNSET)
        if not (type(base_url) is str):
            found.append((at, "base_url", "type", '"string"', base_url, "fatal"))
            _sent = stash(_sent, "base_url", base_url)
            base_url = UNSET
            _broken = True
        secure_base_url = d.pop("secure_base_url", UNSET)
        if not (type(secure_base_url) is str):
            found.append(
                (at, "secure_base_url", "type", '"string"', secure_base_url, "fatal")
            )
            _sent = stash(_sent, "secure_base_url", secure_base_url)
            secure_base_url = UNSET
            _broken = True
        backdrop_sizes = d.pop("backdrop_sizes", UNSET)
        if type(backdrop_sizes) is list:
            _aside = False
            if not all(type(_item) is str for _item in backdrop_sizes):
                _list_at = (at, "backdrop_sizes")
                for _i, _item in enumerate(backdrop_sizes):
                    if not (type(_item) is str):
                        found.append(
                            (_list_at, _i, "type", '"string"', _item, "dropped")
                        )
                        backdrop_sizes[_i] = SetAside(_item)
                        _aside = True
            if _aside:
                _sent = stash(_sent, "backdrop_sizes", backdrop_sizes)
                backdrop_sizes = [
                    _item for _item in backdrop_sizes if type(_item) is not SetAside
                ]
        else:
            found.append(
                (at, "backdrop_sizes", "type", '"array"', backdrop_sizes, "fatal")
            )
            _sent = stash(_sent, "backdrop_sizes", backdrop_sizes)
            backdrop_sizes = UNSET
            _broken = True
        logo_sizes = d.pop("logo_sizes", UNSET)
        if type(logo_sizes) is list:
            _aside = False
            if not all(type(_item) is str for _item in logo_sizes):
                _list_at = (at, "logo_sizes")
                for _i, _item in enumerate(logo_sizes):
                    if not (type(_item) is str):
                        found.append(
                            (_list_at, _i, "type", '"string"', _item, "dropped")
                        )
                        logo_sizes[_i] = SetAside(_item)
                        _aside = True
            if _aside:
                _sent = stash(_sent, "logo_sizes", logo_sizes)
                logo_sizes = [
                    _item for _item in logo_sizes if type(_item) is not SetAside
                ]
        else:
            found.append((at, "logo_sizes", "type", '"array"', logo_sizes, "fatal"))
            _sent = stash(_sent, "logo_sizes", logo_sizes)
            logo_sizes = UNSET
            _broken = True
        poster_sizes = d.pop("poster_sizes", UNSET)
        if type(poster_sizes) is list:
            _aside = False
            if not all(type(_item) is str for _item in poster_sizes):
                _list_at = (at, "poster_sizes")
                for _i, _item in enumerate(poster_sizes):
                    if not (type(_item) is str):
                        found.append(
                            (_list_at, _i, "type", '"string"', _item, "dropped")
                        )
                        poster_sizes[_i] = SetAside(_item)
                        _aside = True
            if _aside:
                _sent = stash(_sent, "poster_sizes", poster_sizes)
                poster_sizes = [
                    _item for _item in poster_sizes if type(_item) is not SetAside
                ]
        else:
            found.append((at, "poster_sizes", "type", '"array"', poster_sizes, "fatal"))
            _sent = stash(_sent, "poster_sizes", poster_sizes)
            poster_sizes = UNSET
            _broken = True
        profile_sizes = d.pop("profile_sizes", UNSET)
        if type(profile_sizes) is list:
            _aside = False
            if not all(type(_item) is str for _item in profile_sizes):
                _list_at = (at, "profile_sizes")
                for _i, _item in enumerate(profile_sizes):
                    if not (type(_item) is str):
                        found.append(
                            (_list_at, _i, "type", '"string"', _item, "dropped")
                        )
                        profile_sizes[_i] = SetAside(_item)
                        _aside = True
            if _aside:
                _sent = stash(_sent, "profile_sizes", profile_sizes)
                profile_sizes = [
                    _item for _item in profile_sizes if type(_item) is not SetAside
                ]
        else:
            found.append(
                (at, "profile_sizes", "type", '"array"', profile_sizes, "fatal")
            )
            _sent = stash(_sent, "profile_sizes", profile_sizes)
            profile_sizes = UNSET
            _broken = True
        still_sizes = d.pop("still_sizes", UNSET)
        if type(still_sizes) is list:
            _aside = False
            if not all(type(_item) is str for _item in still_sizes):
                _list_at = (at, "still_sizes")
                for _i, _item in enumerate(still_sizes):
                    if not (type(_item) is str):
                        found.append(
                            (_list_at, _i, "type", '"string"', _item, "dropped")
                        )
                        still_sizes[_i] = SetAside(_item)
                        _aside = True
            if _aside:
                _sent = stash(_sent, "still_sizes", still_sizes)
                still_sizes = [
                    _item for _item in still_sizes if type(_item) is not SetAside
                ]
        else:
            found.append((at, "still_sizes", "type", '"array"', still_sizes, "fatal"))
            _sent = stash(_sent, "still_sizes", still_sizes)
            still_sizes = UNSET
            _broken = True
        images_configuration = cls(
            base_url,
            secure_base_url,
            backdrop_sizes,
            logo_sizes,
            poster_sizes,
            profile_sizes,
            still_sizes,
        )
        images_configuration.additional_properties = d
        if _sent is not None:
            images_configuration._as_sent = _sent
            if _broken:
                raise Unusable(images_configuration)
        return images_configuration

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
