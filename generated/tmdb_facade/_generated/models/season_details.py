from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Deviation, SetAside, Unset, Unusable, as_sent, stash

if TYPE_CHECKING:
    from ..models.appended_season_aggregate_credits import (
        AppendedSeasonAggregateCredits,
    )
    from ..models.appended_season_credits import AppendedSeasonCredits
    from ..models.appended_season_images import AppendedSeasonImages
    from ..models.episode import Episode
    from ..models.network import Network


_JSON_NAMES: tuple[tuple[str, str], ...] = (
    ("air_date", "air_date"),
    ("episodes", "episodes"),
    ("name", "name"),
    ("overview", "overview"),
    ("id", "id"),
    ("poster_path", "poster_path"),
    ("season_number", "season_number"),
    ("internal_id", "_id"),
    ("networks", "networks"),
    ("vote_average", "vote_average"),
    ("images", "images"),
    ("credits_", "credits"),
    ("aggregate_credits", "aggregate_credits"),
)


_models_imported = False


def _import_models() -> None:
    """Import the models `from_decoded` builds, as module globals"""
    global \
        _models_imported, \
        AppendedSeasonAggregateCredits, \
        AppendedSeasonCredits, \
        AppendedSeasonImages, \
        Episode, \
        Network
    from ..models.appended_season_aggregate_credits import (
        AppendedSeasonAggregateCredits,
    )
    from ..models.appended_season_credits import AppendedSeasonCredits
    from ..models.appended_season_images import AppendedSeasonImages
    from ..models.episode import Episode
    from ..models.network import Network

    _models_imported = True


T = TypeVar("T", bound="SeasonDetails")


@_attrs_define
class SeasonDetails:
    """A season with its episodes, and what `append_to_response` asked for: `images`,
    `credits`, `aggregate_credits`.

    """

    air_date: None | str
    """ Date (YYYY-MM-DD) the first episode aired; null when unknown. """
    episodes: list[Episode]
    """ In TMDB's order, usually by episode number. """
    name: str
    overview: str
    """ May be empty. """
    id: int
    """ TMDB id of the season (not of the series). """
    poster_path: None | str
    """ File path of the season's main poster; null when there is none. """
    season_number: int
    """ 0 for the specials. """
    internal_id: str | Unset = UNSET
    """ TMDB's internal object id of the season. Absent in older responses. """
    networks: list[Network] | Unset = UNSET
    """ Absent in older responses. """
    vote_average: float | Unset = UNSET
    """ Average user rating, 0 to 10. Absent in older responses. """
    images: AppendedSeasonImages | Unset = UNSET
    """ The season's posters as `append_to_response=images` adds them to the season
    details: the season images answer without its `id`.
     """
    credits_: AppendedSeasonCredits | Unset = UNSET
    """ The season's credits as `append_to_response=credits` adds them to the season
    details: the season credits answer without its `id`.
     """
    aggregate_credits: AppendedSeasonAggregateCredits | Unset = UNSET
    """ The season's aggregate credits as `append_to_response=aggregate_credits` adds
    them to the season details: the aggregate credits answer without its `id`.
     """
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
        air_date: None | str
        air_date = self.air_date

        episodes = []
        for episodes_item_data in self.episodes:
            episodes_item = episodes_item_data.to_dict()
            episodes.append(episodes_item)

        name = self.name

        overview = self.overview

        id = self.id

        poster_path: None | str
        poster_path = self.poster_path

        season_number = self.season_number

        internal_id = self.internal_id

        networks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.networks, Unset):
            networks = []
            for networks_item_data in self.networks:
                networks_item = networks_item_data.to_dict()
                networks.append(networks_item)

        vote_average = self.vote_average

        images: dict[str, Any] | Unset = UNSET
        if not isinstance(self.images, Unset):
            images = self.images.to_dict()

        credits_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.credits_, Unset):
            credits_ = self.credits_.to_dict()

        aggregate_credits: dict[str, Any] | Unset = UNSET
        if not isinstance(self.aggregate_credits, Unset):
            aggregate_credits = self.aggregate_credits.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "air_date": air_date,
                "episodes": episodes,
                "name": name,
                "overview": overview,
                "id": id,
                "poster_path": poster_path,
                "season_number": season_number,
            }
        )
        if internal_id is not UNSET:
            field_dict["_id"] = internal_id
        if networks is not UNSET:
            field_dict["networks"] = networks
        if vote_average is not UNSET:
            field_dict["vote_average"] = vote_average
        if images is not UNSET:
            field_dict["images"] = images
        if credits_ is not UNSET:
            field_dict["credits"] = credits_
        if aggregate_credits is not UNSET:
            field_dict["aggregate_credits"] = aggregate_credits

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.appended_season_aggregate_credits import (
            AppendedSeasonAggregateCredits,
        )
        from ..models.appended_season_credits import AppendedSeasonCredits
        from ..models.appended_season_images import AppendedSeasonImages
        from ..models.episode import Episode
        from ..models.network import Network

        d = dict(src_dict)

        def _parse_air_date(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        air_date = _parse_air_date(d.pop("air_date"))

        episodes = []
        _episodes = d.pop("episodes")
        for episodes_item_data in _episodes:
            episodes_item = Episode.from_dict(episodes_item_data)

            episodes.append(episodes_item)

        name = d.pop("name")

        overview = d.pop("overview")

        id = d.pop("id")

        def _parse_poster_path(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        poster_path = _parse_poster_path(d.pop("poster_path"))

        season_number = d.pop("season_number")

        internal_id = d.pop("_id", UNSET)

        _networks = d.pop("networks", UNSET)
        networks: list[Network] | Unset = UNSET
        if _networks is not UNSET:
            networks = []
            for networks_item_data in _networks:
                networks_item = Network.from_dict(networks_item_data)

                networks.append(networks_item)

        vote_average = d.pop("vote_average", UNSET)

        _images = d.pop("images", UNSET)
        images: AppendedSeasonImages | Unset
        if isinstance(_images, Unset):
            images = UNSET
        else:
            images = AppendedSeasonImages.from_dict(_images)

        _credits_ = d.pop("credits", UNSET)
        credits_: AppendedSeasonCredits | Unset
        if isinstance(_credits_, Unset):
            credits_ = UNSET
        else:
            credits_ = AppendedSeasonCredits.from_dict(_credits_)

        _aggregate_credits = d.pop("aggregate_credits", UNSET)
        aggregate_credits: AppendedSeasonAggregateCredits | Unset
        if isinstance(_aggregate_credits, Unset):
            aggregate_credits = UNSET
        else:
            aggregate_credits = AppendedSeasonAggregateCredits.from_dict(
                _aggregate_credits
            )

        season_details = cls(
            air_date=air_date,
            episodes=episodes,
            name=name,
            overview=overview,
            id=id,
            poster_path=poster_path,
            season_number=season_number,
            internal_id=internal_id,
            networks=networks,
            vote_average=vote_average,
            images=images,
            credits_=credits_,
            aggregate_credits=aggregate_credits,
        )

        season_details.additional_properties = d
        return season_details

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
        if not _models_imported:
            _import_models()
        air_date = d.pop("air_date", UNSET)
        if not (type(air_date) is str or air_date is None):
            found.append(
                (at, "air_date", "type", '"string" or "null"', air_date, "null")
            )
            _sent = stash(_sent, "air_date", air_date)
            air_date = None
        episodes = d.pop("episodes", UNSET)
        if type(episodes) is list:
            _list_at = (at, "episodes")
            _aside = False
            for _i, _item in enumerate(episodes):
                if type(_item) is dict:
                    try:
                        episodes[_i] = Episode.from_decoded(
                            _item, found, (_list_at, _i)
                        )
                    except Unusable as _unusable:
                        found.append(
                            (_list_at, _i, "object", "", _unusable.model, "dropped")
                        )
                        episodes[_i] = SetAside(_unusable.model)
                        _aside = True
                else:
                    found.append((_list_at, _i, "type", '"object"', _item, "dropped"))
                    episodes[_i] = SetAside(_item)
                    _aside = True
            if _aside:
                _sent = stash(_sent, "episodes", episodes)
                episodes = [_item for _item in episodes if type(_item) is not SetAside]
        else:
            found.append((at, "episodes", "type", '"array"', episodes, "fatal"))
            _sent = stash(_sent, "episodes", episodes)
            episodes = UNSET
            _broken = True
        name = d.pop("name", UNSET)
        if not (type(name) is str):
            found.append((at, "name", "type", '"string"', name, "fatal"))
            _sent = stash(_sent, "name", name)
            name = UNSET
            _broken = True
        overview = d.pop("overview", UNSET)
        if not (type(overview) is str):
            found.append((at, "overview", "type", '"string"', overview, "fatal"))
            _sent = stash(_sent, "overview", overview)
            overview = UNSET
            _broken = True
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
        poster_path = d.pop("poster_path", UNSET)
        if not (type(poster_path) is str or poster_path is None):
            found.append(
                (at, "poster_path", "type", '"string" or "null"', poster_path, "null")
            )
            _sent = stash(_sent, "poster_path", poster_path)
            poster_path = None
        season_number = d.pop("season_number", UNSET)
        if not (type(season_number) is int):
            if type(season_number) is float and season_number.is_integer():
                if abs(season_number) >= 2.0**63:
                    found.append(
                        (at, "season_number", "inexact", "", season_number, "kept")
                    )
                season_number = int(season_number)
            else:
                found.append(
                    (at, "season_number", "type", '"integer"', season_number, "fatal")
                )
                _sent = stash(_sent, "season_number", season_number)
                season_number = UNSET
                _broken = True
        internal_id = d.pop("_id", UNSET)
        if not (type(internal_id) is str) and internal_id is not UNSET:
            found.append((at, "_id", "type", '"string"', internal_id, "unset"))
            _sent = stash(_sent, "_id", internal_id)
            internal_id = UNSET
        networks = d.pop("networks", UNSET)
        if type(networks) is list:
            _list_at = (at, "networks")
            _aside = False
            for _i, _item in enumerate(networks):
                if type(_item) is dict:
                    try:
                        networks[_i] = Network.from_decoded(
                            _item, found, (_list_at, _i)
                        )
                    except Unusable as _unusable:
                        found.append(
                            (_list_at, _i, "object", "", _unusable.model, "dropped")
                        )
                        networks[_i] = SetAside(_unusable.model)
                        _aside = True
                else:
                    found.append((_list_at, _i, "type", '"object"', _item, "dropped"))
                    networks[_i] = SetAside(_item)
                    _aside = True
            if _aside:
                _sent = stash(_sent, "networks", networks)
                networks = [_item for _item in networks if type(_item) is not SetAside]
        elif networks is not UNSET:
            found.append((at, "networks", "type", '"array"', networks, "unset"))
            _sent = stash(_sent, "networks", networks)
            networks = UNSET
        vote_average = d.pop("vote_average", UNSET)
        if (
            not (type(vote_average) is float or type(vote_average) is int)
            and vote_average is not UNSET
        ):
            found.append(
                (at, "vote_average", "type", '"number"', vote_average, "unset")
            )
            _sent = stash(_sent, "vote_average", vote_average)
            vote_average = UNSET
        images = d.pop("images", UNSET)
        if type(images) is dict:
            try:
                images = AppendedSeasonImages.from_decoded(
                    images, found, (at, "images")
                )
            except Unusable as _unusable:
                found.append((at, "images", "object", "", _unusable.model, "unset"))
                _sent = stash(_sent, "images", _unusable.model)
                images = UNSET
        elif images is not UNSET:
            found.append((at, "images", "type", '"object"', images, "unset"))
            _sent = stash(_sent, "images", images)
            images = UNSET
        credits_ = d.pop("credits", UNSET)
        if type(credits_) is dict:
            try:
                credits_ = AppendedSeasonCredits.from_decoded(
                    credits_, found, (at, "credits")
                )
            except Unusable as _unusable:
                found.append((at, "credits", "object", "", _unusable.model, "unset"))
                _sent = stash(_sent, "credits", _unusable.model)
                credits_ = UNSET
        elif credits_ is not UNSET:
            found.append((at, "credits", "type", '"object"', credits_, "unset"))
            _sent = stash(_sent, "credits", credits_)
            credits_ = UNSET
        aggregate_credits = d.pop("aggregate_credits", UNSET)
        if type(aggregate_credits) is dict:
            try:
                aggregate_credits = AppendedSeasonAggregateCredits.from_decoded(
                    aggregate_credits, found, (at, "aggregate_credits")
                )
            except Unusable as _unusable:
                found.append(
                    (at, "aggregate_credits", "object", "", _unusable.model, "unset")
                )
                _sent = stash(_sent, "aggregate_credits", _unusable.model)
                aggregate_credits = UNSET
        elif aggregate_credits is not UNSET:
            found.append(
                (
                    at,
                    "aggregate_credits",
                    "type",
                    '"object"',
                    aggregate_credits,
                    "unset",
                )
            )
            _sent = stash(_sent, "aggregate_credits", aggregate_credits)
            aggregate_credits = UNSET
        season_details = cls(
            air_date,
            episodes,
            name,
            overview,
            id,
            poster_path,
            season_number,
            internal_id,
            networks,
            vote_average,
            images,
            credits_,
            aggregate_credits,
        )
        season_details.additional_properties = d
        if _sent is not None:
            season_details._as_sent = _sent
            if _broken:
                raise Unusable(season_details)
        return season_details

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
