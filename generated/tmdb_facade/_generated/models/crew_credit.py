from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Deviation, Unusable, as_sent, stash

_JSON_NAMES: tuple[tuple[str, str], ...] = (
    ("adult", "adult"),
    ("gender", "gender"),
    ("id", "id"),
    ("known_for_department", "known_for_department"),
    ("name", "name"),
    ("original_name", "original_name"),
    ("popularity", "popularity"),
    ("profile_path", "profile_path"),
    ("credit_id", "credit_id"),
    ("department", "department"),
    ("job", "job"),
)

T = TypeVar("T", bound="CrewCredit")


@_attrs_define
class CrewCredit:
    """A person in the crew of a season's latest episode, once per job; also in the
    crew of an episode.

    """

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
    credit_id: str
    department: str
    job: str
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

        credit_id = self.credit_id

        department = self.department

        job = self.job

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
                "credit_id": credit_id,
                "department": department,
                "job": job,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
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

        credit_id = d.pop("credit_id")

        department = d.pop("department")

        job = d.pop("job")

        crew_credit = cls(
            adult=adult,
            gender=gender,
            id=id,
            known_for_department=known_for_department,
            name=name,
            original_name=original_name,
            popularity=popularity,
            profile_path=profile_path,
            credit_id=credit_id,
            department=department,
            job=job,
        )

        crew_credit.additional_properties = d
        return crew_credit

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
        adult = d.pop("adult", UNSET)
        if not (type(adult) is bool):
            found.append((at, "adult", "type", '"boolean"', adult, "fatal"))
            _sent = stash(_sent, "adult", adult)
            adult = UNSET
            _broken = True
        gender = d.pop("gender", UNSET)
        if not (type(gender) is int or gender is None):
            if type(gender) is float and gender.is_integer():
                if abs(gender) >= 2.0**63:
                    found.append((at, "gender", "inexact", "", gender, "kept"))
                gender = int(gender)
            else:
                found.append(
                    (at, "gender", "type", '"integer" or "null"', gender, "null")
                )
                _sent = stash(_sent, "gender", gender)
                gender = None
        id = d.pop("id", UNSET)
        if not (type(id) is int or id is None):
            if type(id) is float and id.is_integer():
                if abs(id) >= 2.0**63:
                    found.append((at, "id", "inexact", "", id, "kept"))
                id = int(id)
            else:
                found.append((at, "id", "type", '"integer" or "null"', id, "null"))
                _sent = stash(_sent, "id", id)
                id = None
        known_for_department = d.pop("known_for_department", UNSET)
        if not (type(known_for_department) is str or known_for_department is None):
            found.append(
                (
                    at,
                    "known_for_department",
                    "type",
                    '"string" or "null"',
                    known_for_department,
                    "null",
                )
            )
            _sent = stash(_sent, "known_for_department", known_for_department)
            known_for_department = None
        name = d.pop("name", UNSET)
        if not (type(name) is str):
            found.append((at, "name", "type", '"string"', name, "fatal"))
            _sent = stash(_sent, "name", name)
            name = UNSET
            _broken = True
        original_name = d.pop("original_name", UNSET)
        if not (type(original_name) is str or original_name is None):
            found.append(
                (
                    at,
                    "original_name",
                    "type",
                    '"string" or "null"',
                    original_name,
                    "null",
                )
            )
            _sent = stash(_sent, "original_name", original_name)
            original_name = None
        popularity = d.pop("popularity", UNSET)
        if not (type(popularity) is float or type(popularity) is int):
            found.append((at, "popularity", "type", '"number"', popularity, "fatal"))
            _sent = stash(_sent, "popularity", popularity)
            popularity = UNSET
            _broken = True
        profile_path = d.pop("profile_path", UNSET)
        if not (type(profile_path) is str or profile_path is None):
            found.append(
                (at, "profile_path", "type", '"string" or "null"', profile_path, "null")
            )
            _sent = stash(_sent, "profile_path", profile_path)
            profile_path = None
        credit_id = d.pop("credit_id", UNSET)
        if not (type(credit_id) is str):
            found.append((at, "credit_id", "type", '"string"', credit_id, "fatal"))
            _sent = stash(_sent, "credit_id", credit_id)
            credit_id = UNSET
            _broken = True
        department = d.pop("department", UNSET)
        if not (type(department) is str):
            found.append((at, "department", "type", '"string"', department, "fatal"))
            _sent = stash(_sent, "department", department)
            department = UNSET
            _broken = True
        job = d.pop("job", UNSET)
        if not (type(job) is str):
            found.append((at, "job", "type", '"string"', job, "fatal"))
            _sent = stash(_sent, "job", job)
            job = UNSET
            _broken = True
        crew_credit = cls(
            adult,
            gender,
            id,
            known_for_department,
            name,
            original_name,
            popularity,
            profile_path,
            credit_id,
            department,
            job,
        )
        crew_credit.additional_properties = d
        if _sent is not None:
            crew_credit._as_sent = _sent
            if _broken:
                raise Unusable(crew_credit)
        return crew_credit

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
