from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Deviation

T = TypeVar("T", bound="Job")


@_attrs_define
class Job:
    """One job a crew member did during the season."""

    credit_id: str
    job: str
    episode_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    spec_deviations: tuple[Deviation, ...] = _attrs_field(
        init=False, default=(), eq=False, repr=False
    )
    """ Where the answer this model came from departs from the spec, when the client is tolerant: the
    fields named there may hold what TMDB sent instead of their declared type. Empty when it conforms. """

    def to_dict(self) -> dict[str, Any]:
        credit_id = self.credit_id

        job = self.job

        episode_count = self.episode_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "credit_id": credit_id,
                "job": job,
                "episode_count": episode_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        credit_id = d.pop("credit_id")

        job = d.pop("job")

        episode_count = d.pop("episode_count")

        job = cls(
            credit_id=credit_id,
            job=job,
            episode_count=episode_count,
        )

        job.additional_properties = d
        return job

    @classmethod
    def from_decoded(cls, d: dict[str, Any]) -> Self:
        """Build from a JSON object just decoded, which it empties: faster than `from_dict`

        Nothing is copied or checked: a missing field is UNSET and a value of another type is
        kept as sent, so validate `d` against the spec first to know whether it conforms.
        """
        credit_id = d.pop("credit_id", UNSET)
        job = d.pop("job", UNSET)
        episode_count = d.pop("episode_count", UNSET)
        if type(episode_count) is float and episode_count.is_integer():
            episode_count = int(episode_count)
        job = cls(
            credit_id=credit_id,
            job=job,
            episode_count=episode_count,
        )
        job.additional_properties = d
        return job

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
