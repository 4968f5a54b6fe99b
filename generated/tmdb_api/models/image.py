from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Deviation, Unset

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
    """ Where the answer this model came from departs from the spec, when the client is tolerant: the
    fields named there may hold what TMDB sent instead of their declared type. Empty when it conforms. """

    def to_dict(self) -> dict[str, Any]:
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
    def from_decoded(cls, d: dict[str, Any]) -> Self:
        """Build from a JSON object just decoded, which it empties: faster than `from_dict`

        Nothing is copied or checked: a missing field is UNSET and a value of another type is
        kept as sent, so validate `d` against the spec first to know whether it conforms.
        """
        aspect_ratio = d.pop("aspect_ratio", UNSET)
        file_path = d.pop("file_path", UNSET)
        height = d.pop("height", UNSET)
        if type(height) is float and height.is_integer():
            height = int(height)
        width = d.pop("width", UNSET)
        if type(width) is float and width.is_integer():
            width = int(width)
        iso_639_1 = d.pop("iso_639_1", UNSET)
        vote_average = d.pop("vote_average", UNSET)
        vote_count = d.pop("vote_count", UNSET)
        if type(vote_count) is float and vote_count.is_integer():
            vote_count = int(vote_count)
        iso_3166_1 = d.pop("iso_3166_1", UNSET)
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
