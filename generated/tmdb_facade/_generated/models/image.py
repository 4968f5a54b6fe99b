from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Deviation, Unset, Unusable, as_sent, stash

_JSON_NAMES: tuple[tuple[str, str], ...] = (
    ("aspect_ratio", "aspect_ratio"),
    ("file_path", "file_path"),
    ("height", "height"),
    ("width", "width"),
    ("iso_639_1", "iso_639_1"),
    ("vote_average", "vote_average"),
    ("vote_count", "vote_count"),
    ("iso_3166_1", "iso_3166_1"),
)
_PATTERN_FILE_PATH = re.compile("^/")

T = TypeVar("T", bound="Image")


@_attrs_define
class Image:
    """A poster, still or profile picture."""

    aspect_ratio: float
    """ Width divided by height. """
    file_path: str
    """ Path of the file on TMDB's image server; join it with a size to build a URL. """
    height: int
    """ Height of the original file in pixels. """
    width: int
    """ Width of the original file in pixels. """
    iso_639_1: None | str
    """ Language of the text in the image; null when the image has none. """
    vote_average: float
    """ Average user rating, 0 to 10. """
    vote_count: int
    """ Number of user votes. """
    iso_3166_1: None | str | Unset = UNSET
    """ Country the image is meant for; null when it has none. Absent in older responses. """
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
        aspect_ratio = self.aspect_ratio

        file_path = self.file_path

        height = self.height

        width = self.width

        iso_639_1: None | str
        iso_639_1 = self.iso_639_1

        vote_average = self.vote_average

        vote_count = self.vote_count

        iso_3166_1: None | str | Unset
        if isinstance(self.iso_3166_1, Unset):
            iso_3166_1 = UNSET
        else:
            iso_3166_1 = self.iso_3166_1

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "aspect_ratio": aspect_ratio,
                "file_path": file_path,
                "height": height,
                "width": width,
                "iso_639_1": iso_639_1,
                "vote_average": vote_average,
                "vote_count": vote_count,
            }
        )
        if iso_3166_1 is not UNSET:
            field_dict["iso_3166_1"] = iso_3166_1

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        aspect_ratio = d.pop("aspect_ratio")

        file_path = d.pop("file_path")

        height = d.pop("height")

        width = d.pop("width")

        def _parse_iso_639_1(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        iso_639_1 = _parse_iso_639_1(d.pop("iso_639_1"))

        vote_average = d.pop("vote_average")

        vote_count = d.pop("vote_count")

        def _parse_iso_3166_1(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        iso_3166_1 = _parse_iso_3166_1(d.pop("iso_3166_1", UNSET))

        image = cls(
            aspect_ratio=aspect_ratio,
            file_path=file_path,
            height=height,
            width=width,
            iso_639_1=iso_639_1,
            vote_average=vote_average,
            vote_count=vote_count,
            iso_3166_1=iso_3166_1,
        )

        image.additional_properties = d
        return image

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
        aspect_ratio = d.pop("aspect_ratio", UNSET)
        if not (type(aspect_ratio) is float or type(aspect_ratio) is int):
            found.append(
                (at, "aspect_ratio", "type", '"number"', aspect_ratio, "fatal")
            )
            _sent = stash(_sent, "aspect_ratio", aspect_ratio)
            aspect_ratio = UNSET
            _broken = True
        file_path = d.pop("file_path", UNSET)
        if not (type(file_path) is str):
            found.append((at, "file_path", "type", '"string"', file_path, "fatal"))
            _sent = stash(_sent, "file_path", file_path)
            file_path = UNSET
            _broken = True
        elif type(file_path) is str and _PATTERN_FILE_PATH.search(file_path) is None:
            found.append((at, "file_path", "pattern", "^/", file_path, "kept"))
        height = d.pop("height", UNSET)
        if not (type(height) is int):
            if type(height) is float and height.is_integer():
                if abs(height) >= 2.0**63:
                    found.append((at, "height", "inexact", "", height, "kept"))
                height = int(height)
            else:
                found.append((at, "height", "type", '"integer"', height, "fatal"))
                _sent = stash(_sent, "height", height)
                height = UNSET
                _broken = True
        width = d.pop("width", UNSET)
        if not (type(width) is int):
            if type(width) is float and width.is_integer():
                if abs(width) >= 2.0**63:
                    found.append((at, "width", "inexact", "", width, "kept"))
                width = int(width)
            else:
                found.append((at, "width", "type", '"integer"', width, "fatal"))
                _sent = stash(_sent, "width", width)
                width = UNSET
                _broken = True
        iso_639_1 = d.pop("iso_639_1", UNSET)
        if not (type(iso_639_1) is str or iso_639_1 is None):
            found.append(
                (at, "iso_639_1", "type", '"string" or "null"', iso_639_1, "null")
            )
            _sent = stash(_sent, "iso_639_1", iso_639_1)
            iso_639_1 = None
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
        iso_3166_1 = d.pop("iso_3166_1", UNSET)
        if (
            not (type(iso_3166_1) is str or iso_3166_1 is None)
            and iso_3166_1 is not UNSET
        ):
            found.append(
                (at, "iso_3166_1", "type", '"string" or "null"', iso_3166_1, "unset")
            )
            _sent = stash(_sent, "iso_3166_1", iso_3166_1)
            iso_3166_1 = UNSET
        image = cls(
            aspect_ratio,
            file_path,
            height,
            width,
            iso_639_1,
            vote_average,
            vote_count,
            iso_3166_1,
        )
        image.additional_properties = d
        if _sent is not None:
            image._as_sent = _sent
            if _broken:
                raise Unusable(image)
        return image

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
