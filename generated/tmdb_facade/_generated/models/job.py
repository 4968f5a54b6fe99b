from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Deviation, Unusable, as_sent, stash

_JSON_NAMES: tuple[tuple[str, str], ...] = (
    ("credit_id", "credit_id"),
    ("job", "job"),
    ("episode_count", "episode_count"),
)

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
        credit_id = d.pop("credit_id", UNSET)
        if not (type(credit_id) is str):
            found.append((at, "credit_id", "type", '"string"', credit_id, "fatal"))
            _sent = stash(_sent, "credit_id", credit_id)
            credit_id = UNSET
            _broken = True
        job = d.pop("job", UNSET)
        if not (type(job) is str):
            found.append((at, "job", "type", '"string"', job, "fatal"))
            _sent = stash(_sent, "job", job)
            job = UNSET
            _broken = True
        episode_count = d.pop("episode_count", UNSET)
        if not (type(episode_count) is int):
            if type(episode_count) is float and episode_count.is_integer():
                if abs(episode_count) >= 2.0**63:
                    found.append(
                        (at, "episode_count", "inexact", "", episode_count, "kept")
                    )
                episode_count = int(episode_count)
            else:
                found.append(
                    (at, "episode_count", "type", '"integer"', episode_count, "fatal")
                )
                _sent = stash(_sent, "episode_count", episode_count)
                episode_count = UNSET
                _broken = True
        job = cls(
            credit_id,
            job,
            episode_count,
        )
        job.additional_properties = d
        if _sent is not None:
            job._as_sent = _sent
            if _broken:
                raise Unusable(job)
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
