from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Deviation

if TYPE_CHECKING:
    from ..models.job import Job


T = TypeVar("T", bound="AggregateCrew")


@_attrs_define
class AggregateCrew:
    """A person in the crew of any episode of the season, once per department."""

    adult: bool
    gender: int | None
    """ 0 not set, 1 female, 2 male, 3 non-binary; null on some old entries. """
    id: int | None
    """ TMDB id of the person; null on some crew entries TMDB has lost track of. """
    known_for_department: None | str
    """ The department the person is best known for (Acting, Directing, ...); null when
    TMDB has none.
     """
    name: str
    original_name: None | str
    popularity: float
    profile_path: None | str
    """ File path of the person's main profile picture; null when there is none. """
    jobs: list[Job]
    department: str
    total_episode_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    spec_deviations: tuple[Deviation, ...] = _attrs_field(
        init=False, default=(), eq=False, repr=False
    )
    """ Where the answer this model came from departs from the spec, when the client is tolerant: the
    fields named there may hold what TMDB sent instead of their declared type. Empty when it conforms. """

    def to_dict(self) -> dict[str, Any]:
        adult = self.adult

        gender: int | None
        gender = self.gender

        id: int | None
        id = self.id

        known_for_department: None | str
        known_for_department = self.known_for_department

        name = self.name

        original_name: None | str
        original_name = self.original_name

        popularity = self.popularity

        profile_path: None | str
        profile_path = self.profile_path

        jobs = []
        for jobs_item_data in self.jobs:
            jobs_item = jobs_item_data.to_dict()
            jobs.append(jobs_item)

        department = self.department

        total_episode_count = self.total_episode_count

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
                "jobs": jobs,
                "department": department,
                "total_episode_count": total_episode_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.job import Job

        d = dict(src_dict)
        adult = d.pop("adult")

        def _parse_gender(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        gender = _parse_gender(d.pop("gender"))

        def _parse_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        id = _parse_id(d.pop("id"))

        def _parse_known_for_department(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        known_for_department = _parse_known_for_department(
            d.pop("known_for_department")
        )

        name = d.pop("name")

        def _parse_original_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        original_name = _parse_original_name(d.pop("original_name"))

        popularity = d.pop("popularity")

        def _parse_profile_path(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        profile_path = _parse_profile_path(d.pop("profile_path"))

        jobs = []
        _jobs = d.pop("jobs")
        for jobs_item_data in _jobs:
            jobs_item = Job.from_dict(jobs_item_data)

            jobs.append(jobs_item)

        department = d.pop("department")

        total_episode_count = d.pop("total_episode_count")

        aggregate_crew = cls(
            adult=adult,
            gender=gender,
            id=id,
            known_for_department=known_for_department,
            name=name,
            original_name=original_name,
            popularity=popularity,
            profile_path=profile_path,
            jobs=jobs,
            department=department,
            total_episode_count=total_episode_count,
        )

        aggregate_crew.additional_properties = d
        return aggregate_crew

    @classmethod
    def from_decoded(cls, d: dict[str, Any]) -> Self:
        """Build from a JSON object just decoded, which it empties: faster than `from_dict`

        Nothing is copied or checked: a missing field is UNSET and a value of another type is
        kept as sent, so validate `d` against the spec first to know whether it conforms.
        """
        from ..models.job import Job

        adult = d.pop("adult", UNSET)
        gender = d.pop("gender", UNSET)
        if type(gender) is float and gender.is_integer():
            gender = int(gender)
        id = d.pop("id", UNSET)
        if type(id) is float and id.is_integer():
            id = int(id)
        known_for_department = d.pop("known_for_department", UNSET)
        name = d.pop("name", UNSET)
        original_name = d.pop("original_name", UNSET)
        popularity = d.pop("popularity", UNSET)
        profile_path = d.pop("profile_path", UNSET)
        jobs = d.pop("jobs", UNSET)
        if isinstance(jobs, list):
            jobs = [
                Job.from_decoded(item) if isinstance(item, dict) else item
                for item in jobs
            ]
        department = d.pop("department", UNSET)
        total_episode_count = d.pop("total_episode_count", UNSET)
        if type(total_episode_count) is float and total_episode_count.is_integer():
            total_episode_count = int(total_episode_count)
        aggregate_crew = cls(
            adult=adult,
            gender=gender,
            id=id,
            known_for_department=known_for_department,
            name=name,
            original_name=original_name,
            popularity=popularity,
            profile_path=profile_path,
            jobs=jobs,
            department=department,
            total_episode_count=total_episode_count,
        )
        aggregate_crew.additional_properties = d
        return aggregate_crew

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
