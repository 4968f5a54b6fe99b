from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Deviation, SetAside, Unusable, as_sent, stash

if TYPE_CHECKING:
    from ..models.creator import Creator
    from ..models.episode_summary import EpisodeSummary
    from ..models.genre import Genre
    from ..models.network import Network
    from ..models.production_company import ProductionCompany
    from ..models.production_country import ProductionCountry
    from ..models.season_summary import SeasonSummary
    from ..models.spoken_language import SpokenLanguage


_JSON_NAMES: tuple[tuple[str, str], ...] = (
    ("adult", "adult"),
    ("backdrop_path", "backdrop_path"),
    ("created_by", "created_by"),
    ("episode_run_time", "episode_run_time"),
    ("first_air_date", "first_air_date"),
    ("genres", "genres"),
    ("homepage", "homepage"),
    ("id", "id"),
    ("in_production", "in_production"),
    ("languages", "languages"),
    ("last_air_date", "last_air_date"),
    ("last_episode_to_air", "last_episode_to_air"),
    ("name", "name"),
    ("next_episode_to_air", "next_episode_to_air"),
    ("networks", "networks"),
    ("number_of_episodes", "number_of_episodes"),
    ("number_of_seasons", "number_of_seasons"),
    ("origin_country", "origin_country"),
    ("original_language", "original_language"),
    ("original_name", "original_name"),
    ("overview", "overview"),
    ("popularity", "popularity"),
    ("poster_path", "poster_path"),
    ("production_companies", "production_companies"),
    ("production_countries", "production_countries"),
    ("seasons", "seasons"),
    ("spoken_languages", "spoken_languages"),
    ("status", "status"),
    ("tagline", "tagline"),
    ("type_", "type"),
    ("vote_average", "vote_average"),
    ("vote_count", "vote_count"),
)


_models_imported = False


def _import_models() -> None:
    """Import the models `from_decoded` builds, as module globals"""
    global \
        _models_imported, \
        Creator, \
        EpisodeSummary, \
        Genre, \
        Network, \
        ProductionCompany, \
        ProductionCountry, \
        SeasonSummary, \
        SpokenLanguage
    from ..models.creator import Creator
    from ..models.episode_summary import EpisodeSummary
    from ..models.genre import Genre
    from ..models.network import Network
    from ..models.production_company import ProductionCompany
    from ..models.production_country import ProductionCountry
    from ..models.season_summary import SeasonSummary
    from ..models.spoken_language import SpokenLanguage

    _models_imported = True


T = TypeVar("T", bound="SeriesDetails")


@_attrs_define
class SeriesDetails:
    """A TV series."""

    adult: bool
    backdrop_path: None | str
    """ File path of the series' main backdrop; null when there is none. """
    created_by: list[Creator]
    episode_run_time: list[int]
    """ Typical episode lengths in minutes; TMDB no longer fills it for most series. """
    first_air_date: None | str
    """ Date (YYYY-MM-DD) the first episode aired; null when unknown. """
    genres: list[Genre]
    homepage: str
    """ May be empty. """
    id: int
    """ TMDB id of the series. """
    in_production: bool
    languages: list[str]
    """ ISO 639-1 codes of the languages spoken in the series. """
    last_air_date: None | str
    """ Date (YYYY-MM-DD) of the latest aired episode; null when none has aired. """
    last_episode_to_air: EpisodeSummary | None
    """ The latest aired episode; null when none has aired. """
    name: str
    """ In the language asked for, else the original name. """
    next_episode_to_air: EpisodeSummary | None
    """ The next episode to air; null when none is announced. """
    networks: list[Network]
    number_of_episodes: int
    """ Episodes of the numbered seasons; specials are not counted. """
    number_of_seasons: int
    """ Numbered seasons; the specials (season 0) are not counted. """
    origin_country: list[str]
    """ ISO 3166-1 codes of the countries the series comes from. """
    original_language: str
    """ ISO 639-1 code of the language the series was made in. """
    original_name: str
    overview: str
    """ May be empty. """
    popularity: float
    poster_path: None | str
    """ File path of the series' main poster; null when there is none. """
    production_companies: list[ProductionCompany]
    production_countries: list[ProductionCountry]
    seasons: list[SeasonSummary]
    """ Every season, the specials (season 0) first when there are any. """
    spoken_languages: list[SpokenLanguage]
    status: str
    """ `Returning Series`, `Planned`, `In Production`, `Ended`, `Canceled` or
    `Pilot`; other values may come.
     """
    tagline: str
    """ May be empty. """
    type_: str
    """ `Scripted`, `Documentary`, `Reality`, `Miniseries`, ...; other values may come. """
    vote_average: float
    """ Average user rating, 0 to 10. """
    vote_count: int
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
        from ..models.episode_summary import EpisodeSummary

        adult = self.adult

        backdrop_path: None | str
        backdrop_path = self.backdrop_path

        created_by = []
        for created_by_item_data in self.created_by:
            created_by_item = created_by_item_data.to_dict()
            created_by.append(created_by_item)

        episode_run_time = self.episode_run_time

        first_air_date: None | str
        first_air_date = self.first_air_date

        genres = []
        for genres_item_data in self.genres:
            genres_item = genres_item_data.to_dict()
            genres.append(genres_item)

        homepage = self.homepage

        id = self.id

        in_production = self.in_production

        languages = self.languages

        last_air_date: None | str
        last_air_date = self.last_air_date

        last_episode_to_air: dict[str, Any] | None
        if isinstance(self.last_episode_to_air, EpisodeSummary):
            last_episode_to_air = self.last_episode_to_air.to_dict()
        else:
            last_episode_to_air = self.last_episode_to_air

        name = self.name

        next_episode_to_air: dict[str, Any] | None
        if isinstance(self.next_episode_to_air, EpisodeSummary):
            next_episode_to_air = self.next_episode_to_air.to_dict()
        else:
            next_episode_to_air = self.next_episode_to_air

        networks = []
        for networks_item_data in self.networks:
            networks_item = networks_item_data.to_dict()
            networks.append(networks_item)

        number_of_episodes = self.number_of_episodes

        number_of_seasons = self.number_of_seasons

        origin_country = self.origin_country

        original_language = self.original_language

        original_name = self.original_name

        overview = self.overview

        popularity = self.popularity

        poster_path: None | str
        poster_path = self.poster_path

        production_companies = []
        for production_companies_item_data in self.production_companies:
            production_companies_item = production_companies_item_data.to_dict()
            production_companies.append(production_companies_item)

        production_countries = []
        for production_countries_item_data in self.production_countries:
            production_countries_item = production_countries_item_data.to_dict()
            production_countries.append(production_countries_item)

        seasons = []
        for seasons_item_data in self.seasons:
            seasons_item = seasons_item_data.to_dict()
            seasons.append(seasons_item)

        spoken_languages = []
        for spoken_languages_item_data in self.spoken_languages:
            spoken_languages_item = spoken_languages_item_data.to_dict()
            spoken_languages.append(spoken_languages_item)

        status = self.status

        tagline = self.tagline

        type_ = self.type_

        vote_average = self.vote_average

        vote_count = self.vote_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adult": adult,
                "backdrop_path": backdrop_path,
                "created_by": created_by,
                "episode_run_time": episode_run_time,
                "first_air_date": first_air_date,
                "genres": genres,
                "homepage": homepage,
                "id": id,
                "in_production": in_production,
                "languages": languages,
                "last_air_date": last_air_date,
                "last_episode_to_air": last_episode_to_air,
                "name": name,
                "next_episode_to_air": next_episode_to_air,
                "networks": networks,
                "number_of_episodes": number_of_episodes,
                "number_of_seasons": number_of_seasons,
                "origin_country": origin_country,
                "original_language": original_language,
                "original_name": original_name,
                "overview": overview,
                "popularity": popularity,
                "poster_path": poster_path,
                "production_companies": production_companies,
                "production_countries": production_countries,
                "seasons": seasons,
                "spoken_languages": spoken_languages,
                "status": status,
                "tagline": tagline,
                "type": type_,
                "vote_average": vote_average,
                "vote_count": vote_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.creator import Creator
        from ..models.episode_summary import EpisodeSummary
        from ..models.genre import Genre
        from ..models.network import Network
        from ..models.production_company import ProductionCompany
        from ..models.production_country import ProductionCountry
        from ..models.season_summary import SeasonSummary
        from ..models.spoken_language import SpokenLanguage

        d = dict(src_dict)
        adult = d.pop("adult")

        def _parse_backdrop_path(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        backdrop_path = _parse_backdrop_path(d.pop("backdrop_path"))

        created_by = []
        _created_by = d.pop("created_by")
        for created_by_item_data in _created_by:
            created_by_item = Creator.from_dict(created_by_item_data)

            created_by.append(created_by_item)

        episode_run_time = cast(list[int], d.pop("episode_run_time"))

        def _parse_first_air_date(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        first_air_date = _parse_first_air_date(d.pop("first_air_date"))

        genres = []
        _genres = d.pop("genres")
        for genres_item_data in _genres:
            genres_item = Genre.from_dict(genres_item_data)

            genres.append(genres_item)

        homepage = d.pop("homepage")

        id = d.pop("id")

        in_production = d.pop("in_production")

        languages = cast(list[str], d.pop("languages"))

        def _parse_last_air_date(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_air_date = _parse_last_air_date(d.pop("last_air_date"))

        def _parse_last_episode_to_air(data: object) -> EpisodeSummary | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                last_episode_to_air_type_0 = EpisodeSummary.from_dict(data)

                return last_episode_to_air_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EpisodeSummary | None, data)

        last_episode_to_air = _parse_last_episode_to_air(d.pop("last_episode_to_air"))

        name = d.pop("name")

        def _parse_next_episode_to_air(data: object) -> EpisodeSummary | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                next_episode_to_air_type_0 = EpisodeSummary.from_dict(data)

                return next_episode_to_air_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EpisodeSummary | None, data)

        next_episode_to_air = _parse_next_episode_to_air(d.pop("next_episode_to_air"))

        networks = []
        _networks = d.pop("networks")
        for networks_item_data in _networks:
            networks_item = Network.from_dict(networks_item_data)

            networks.append(networks_item)

        number_of_episodes = d.pop("number_of_episodes")

        number_of_seasons = d.pop("number_of_seasons")

        origin_country = cast(list[str], d.pop("origin_country"))

        original_language = d.pop("original_language")

        original_name = d.pop("original_name")

        overview = d.pop("overview")

        popularity = d.pop("popularity")

        def _parse_poster_path(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        poster_path = _parse_poster_path(d.pop("poster_path"))

        production_companies = []
        _production_companies = d.pop("production_companies")
        for production_companies_item_data in _production_companies:
            production_companies_item = ProductionCompany.from_dict(
                production_companies_item_data
            )

            production_companies.append(production_companies_item)

        production_countries = []
        _production_countries = d.pop("production_countries")
        for production_countries_item_data in _production_countries:
            production_countries_item = ProductionCountry.from_dict(
                production_countries_item_data
            )

            production_countries.append(production_countries_item)

        seasons = []
        _seasons = d.pop("seasons")
        for seasons_item_data in _seasons:
            seasons_item = SeasonSummary.from_dict(seasons_item_data)

            seasons.append(seasons_item)

        spoken_languages = []
        _spoken_languages = d.pop("spoken_languages")
        for spoken_languages_item_data in _spoken_languages:
            spoken_languages_item = SpokenLanguage.from_dict(spoken_languages_item_data)

            spoken_languages.append(spoken_languages_item)

        status = d.pop("status")

        tagline = d.pop("tagline")

        type_ = d.pop("type")

        vote_average = d.pop("vote_average")

        vote_count = d.pop("vote_count")

        series_details = cls(
            adult=adult,
            backdrop_path=backdrop_path,
            created_by=created_by,
            episode_run_time=episode_run_time,
            first_air_date=first_air_date,
            genres=genres,
            homepage=homepage,
            id=id,
            in_production=in_production,
            languages=languages,
            last_air_date=last_air_date,
            last_episode_to_air=last_episode_to_air,
            name=name,
            next_episode_to_air=next_episode_to_air,
            networks=networks,
            number_of_episodes=number_of_episodes,
            number_of_seasons=number_of_seasons,
            origin_country=origin_country,
            original_language=original_language,
            original_name=original_name,
            overview=overview,
            popularity=popularity,
            poster_path=poster_path,
            production_companies=production_companies,
            production_countries=production_countries,
            seasons=seasons,
            spoken_languages=spoken_languages,
            status=status,
            tagline=tagline,
            type_=type_,
            vote_average=vote_average,
            vote_count=vote_count,
        )

        series_details.additional_properties = d
        return series_details

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
        adult = d.pop("adult", UNSET)
        if not (type(adult) is bool):
            found.append((at, "adult", "type", '"boolean"', adult, "fatal"))
            _sent = stash(_sent, "adult", adult)
            adult = UNSET
            _broken = True
        backdrop_path = d.pop("backdrop_path", UNSET)
        if not (type(backdrop_path) is str or backdrop_path is None):
            found.append(
                (
                    at,
                    "backdrop_path",
                    "type",
                    '"string" or "null"',
                    backdrop_path,
                    "null",
                )
            )
            _sent = stash(_sent, "backdrop_path", backdrop_path)
            backdrop_path = None
        created_by = d.pop("created_by", UNSET)
        if type(created_by) is list:
            _list_at = (at, "created_by")
            _aside = False
            for _i, _item in enumerate(created_by):
                if type(_item) is dict:
                    try:
                        created_by[_i] = Creator.from_decoded(
                            _item, found, (_list_at, _i)
                        )
                    except Unusable as _unusable:
                        found.append(
                            (_list_at, _i, "object", "", _unusable.model, "dropped")
                        )
                        created_by[_i] = SetAside(_unusable.model)
                        _aside = True
                else:
                    found.append((_list_at, _i, "type", '"object"', _item, "dropped"))
                    created_by[_i] = SetAside(_item)
                    _aside = True
            if _aside:
                _sent = stash(_sent, "created_by", created_by)
                created_by = [
                    _item for _item in created_by if type(_item) is not SetAside
                ]
        else:
            found.append((at, "created_by", "type", '"array"', created_by, "fatal"))
            _sent = stash(_sent, "created_by", created_by)
            created_by = UNSET
            _broken = True
        episode_run_time = d.pop("episode_run_time", UNSET)
        if type(episode_run_time) is list:
            _aside = False
            if not all(type(_item) is int for _item in episode_run_time):
                _list_at = (at, "episode_run_time")
                for _i, _item in enumerate(episode_run_time):
                    if not (type(_item) is int):
                        if type(_item) is float and _item.is_integer():
                            if abs(_item) >= 2.0**63:
                                found.append(
                                    (_list_at, _i, "inexact", "", _item, "kept")
                                )
                            episode_run_time[_i] = int(_item)
                        else:
                            found.append(
                                (_list_at, _i, "type", '"integer"', _item, "dropped")
                            )
                            episode_run_time[_i] = SetAside(_item)
                            _aside = True
            if _aside:
                _sent = stash(_sent, "episode_run_time", episode_run_time)
                episode_run_time = [
                    _item for _item in episode_run_time if type(_item) is not SetAside
                ]
        else:
            found.append(
                (at, "episode_run_time", "type", '"array"', episode_run_time, "fatal")
            )
            _sent = stash(_sent, "episode_run_time", episode_run_time)
            episode_run_time = UNSET
            _broken = True
        first_air_date = d.pop("first_air_date", UNSET)
        if not (type(first_air_date) is str or first_air_date is None):
            found.append(
                (
                    at,
                    "first_air_date",
                    "type",
                    '"string" or "null"',
                    first_air_date,
                    "null",
                )
            )
            _sent = stash(_sent, "first_air_date", first_air_date)
            first_air_date = None
        genres = d.pop("genres", UNSET)
        if type(genres) is list:
            _list_at = (at, "genres")
            _aside = False
            for _i, _item in enumerate(genres):
                if type(_item) is dict:
                    try:
                        genres[_i] = Genre.from_decoded(_item, found, (_list_at, _i))
                    except Unusable as _unusable:
                        found.append(
                            (_list_at, _i, "object", "", _unusable.model, "dropped")
                        )
                        genres[_i] = SetAside(_unusable.model)
                        _aside = True
                else:
                    found.append((_list_at, _i, "type", '"object"', _item, "dropped"))
                    genres[_i] = SetAside(_item)
                    _aside = True
            if _aside:
                _sent = stash(_sent, "genres", genres)
                genres = [_item for _item in genres if type(_item) is not SetAside]
        else:
            found.append((at, "genres", "type", '"array"', genres, "fatal"))
            _sent = stash(_sent, "genres", genres)
            genres = UNSET
            _broken = True
        homepage = d.pop("homepage", UNSET)
        if not (type(homepage) is str):
            found.append((at, "homepage", "type", '"string"', homepage, "fatal"))
            _sent = stash(_sent, "homepage", homepage)
            homepage = UNSET
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
        in_production = d.pop("in_production", UNSET)
        if not (type(in_production) is bool):
            found.append(
                (at, "in_production", "type", '"boolean"', in_production, "fatal")
            )
            _sent = stash(_sent, "in_production", in_production)
            in_production = UNSET
            _broken = True
        languages = d.pop("languages", UNSET)
        if type(languages) is list:
            _aside = False
            if not all(type(_item) is str for _item in languages):
                _list_at = (at, "languages")
                for _i, _item in enumerate(languages):
                    if not (type(_item) is str):
                        found.append(
                            (_list_at, _i, "type", '"string"', _item, "dropped")
                        )
                        languages[_i] = SetAside(_item)
                        _aside = True
            if _aside:
                _sent = stash(_sent, "languages", languages)
                languages = [
                    _item for _item in languages if type(_item) is not SetAside
                ]
        else:
            found.append((at, "languages", "type", '"array"', languages, "fatal"))
            _sent = stash(_sent, "languages", languages)
            languages = UNSET
            _broken = True
        last_air_date = d.pop("last_air_date", UNSET)
        if not (type(last_air_date) is str or last_air_date is None):
            found.append(
                (
                    at,
                    "last_air_date",
                    "type",
                    '"string" or "null"',
                    last_air_date,
                    "null",
                )
            )
            _sent = stash(_sent, "last_air_date", last_air_date)
            last_air_date = None
        last_episode_to_air = d.pop("last_episode_to_air", UNSET)
        if type(last_episode_to_air) is dict:
            try:
                last_episode_to_air = EpisodeSummary.from_decoded(
                    last_episode_to_air, found, (at, "last_episode_to_air")
                )
            except Unusable as _unusable:
                found.append(
                    (at, "last_episode_to_air", "object", "", _unusable.model, "null")
                )
                _sent = stash(_sent, "last_episode_to_air", _unusable.model)
                last_episode_to_air = None
        elif not (last_episode_to_air is None):
            found.append(
                (
                    at,
                    "last_episode_to_air",
                    "type",
                    '"object" or "null"',
                    last_episode_to_air,
                    "null",
                )
            )
            _sent = stash(_sent, "last_episode_to_air", last_episode_to_air)
            last_episode_to_air = None
        name = d.pop("name", UNSET)
        if not (type(name) is str):
            found.append((at, "name", "type", '"string"', name, "fatal"))
            _sent = stash(_sent, "name", name)
            name = UNSET
            _broken = True
        next_episode_to_air = d.pop("next_episode_to_air", UNSET)
        if type(next_episode_to_air) is dict:
            try:
                next_episode_to_air = EpisodeSummary.from_decoded(
                    next_episode_to_air, found, (at, "next_episode_to_air")
                )
            except Unusable as _unusable:
                found.append(
                    (at, "next_episode_to_air", "object", "", _unusable.model, "null")
                )
                _sent = stash(_sent, "next_episode_to_air", _unusable.model)
                next_episode_to_air = None
        elif not (next_episode_to_air is None):
            found.append(
                (
                    at,
                    "next_episode_to_air",
                    "type",
                    '"object" or "null"',
                    next_episode_to_air,
                    "null",
                )
            )
            _sent = stash(_sent, "next_episode_to_air", next_episode_to_air)
            next_episode_to_air = None
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
        else:
            found.append((at, "networks", "type", '"array"', networks, "fatal"))
            _sent = stash(_sent, "networks", networks)
            networks = UNSET
            _broken = True
        number_of_episodes = d.pop("number_of_episodes", UNSET)
        if not (type(number_of_episodes) is int):
            if type(number_of_episodes) is float and number_of_episodes.is_integer():
                if abs(number_of_episodes) >= 2.0**63:
                    found.append(
                        (
                            at,
                            "number_of_episodes",
                            "inexact",
                            "",
                            number_of_episodes,
                            "kept",
                        )
                    )
                number_of_episodes = int(number_of_episodes)
            else:
                found.append(
                    (
                        at,
                        "number_of_episodes",
                        "type",
                        '"integer"',
                        number_of_episodes,
                        "fatal",
                    )
                )
                _sent = stash(_sent, "number_of_episodes", number_of_episodes)
                number_of_episodes = UNSET
                _broken = True
        number_of_seasons = d.pop("number_of_seasons", UNSET)
        if not (type(number_of_seasons) is int):
            if type(number_of_seasons) is float and number_of_seasons.is_integer():
                if abs(number_of_seasons) >= 2.0**63:
                    found.append(
                        (
                            at,
                            "number_of_seasons",
                            "inexact",
                            "",
                            number_of_seasons,
                            "kept",
                        )
                    )
                number_of_seasons = int(number_of_seasons)
            else:
                found.append(
                    (
                        at,
                        "number_of_seasons",
                        "type",
                        '"integer"',
                        number_of_seasons,
                        "fatal",
                    )
                )
                _sent = stash(_sent, "number_of_seasons", number_of_seasons)
                number_of_seasons = UNSET
                _broken = True
        origin_country = d.pop("origin_country", UNSET)
        if type(origin_country) is list:
            _aside = False
            if not all(type(_item) is str for _item in origin_country):
                _list_at = (at, "origin_country")
                for _i, _item in enumerate(origin_country):
                    if not (type(_item) is str):
                        found.append(
                            (_list_at, _i, "type", '"string"', _item, "dropped")
                        )
                        origin_country[_i] = SetAside(_item)
                        _aside = True
            if _aside:
                _sent = stash(_sent, "origin_country", origin_country)
                origin_country = [
                    _item for _item in origin_country if type(_item) is not SetAside
                ]
        else:
            found.append(
                (at, "origin_country", "type", '"array"', origin_country, "fatal")
            )
            _sent = stash(_sent, "origin_country", origin_country)
            origin_country = UNSET
            _broken = True
        original_language = d.pop("original_language", UNSET)
        if not (type(original_language) is str):
            found.append(
                (
                    at,
                    "original_language",
                    "type",
                    '"string"',
                    original_language,
                    "fatal",
                )
            )
            _sent = stash(_sent, "original_language", original_language)
            original_language = UNSET
            _broken = True
        original_name = d.pop("original_name", UNSET)
        if not (type(original_name) is str):
            found.append(
                (at, "original_name", "type", '"string"', original_name, "fatal")
            )
            _sent = stash(_sent, "original_name", original_name)
            original_name = UNSET
            _broken = True
        overview = d.pop("overview", UNSET)
        if not (type(overview) is str):
            found.append((at, "overview", "type", '"string"', overview, "fatal"))
            _sent = stash(_sent, "overview", overview)
            overview = UNSET
            _broken = True
        popularity = d.pop("popularity", UNSET)
        if not (type(popularity) is float or type(popularity) is int):
            found.append((at, "popularity", "type", '"number"', popularity, "fatal"))
            _sent = stash(_sent, "popularity", popularity)
            popularity = UNSET
            _broken = True
        poster_path = d.pop("poster_path", UNSET)
        if not (type(poster_path) is str or poster_path is None):
            found.append(
                (at, "poster_path", "type", '"string" or "null"', poster_path, "null")
            )
            _sent = stash(_sent, "poster_path", poster_path)
            poster_path = None
        production_companies = d.pop("production_companies", UNSET)
        if type(production_companies) is list:
            _list_at = (at, "production_companies")
            _aside = False
            for _i, _item in enumerate(production_companies):
                if type(_item) is dict:
                    try:
                        production_companies[_i] = ProductionCompany.from_decoded(
                            _item, found, (_list_at, _i)
                        )
                    except Unusable as _unusable:
                        found.append(
                            (_list_at, _i, "object", "", _unusable.model, "dropped")
                        )
                        production_companies[_i] = SetAside(_unusable.model)
                        _aside = True
                else:
                    found.append((_list_at, _i, "type", '"object"', _item, "dropped"))
                    production_companies[_i] = SetAside(_item)
                    _aside = True
            if _aside:
                _sent = stash(_sent, "production_companies", production_companies)
                production_companies = [
                    _item
                    for _item in production_companies
                    if type(_item) is not SetAside
                ]
        else:
            found.append(
                (
                    at,
                    "production_companies",
                    "type",
                    '"array"',
                    production_companies,
                    "fatal",
                )
            )
            _sent = stash(_sent, "production_companies", production_companies)
            production_companies = UNSET
            _broken = True
        production_countries = d.pop("production_countries", UNSET)
        if type(production_countries) is list:
            _list_at = (at, "production_countries")
            _aside = False
            for _i, _item in enumerate(production_countries):
                if type(_item) is dict:
                    try:
                        production_countries[_i] = ProductionCountry.from_decoded(
                            _item, found, (_list_at, _i)
                        )
                    except Unusable as _unusable:
                        found.append(
                            (_list_at, _i, "object", "", _unusable.model, "dropped")
                        )
                        production_countries[_i] = SetAside(_unusable.model)
                        _aside = True
                else:
                    found.append((_list_at, _i, "type", '"object"', _item, "dropped"))
                    production_countries[_i] = SetAside(_item)
                    _aside = True
            if _aside:
                _sent = stash(_sent, "production_countries", production_countries)
                production_countries = [
                    _item
                    for _item in production_countries
                    if type(_item) is not SetAside
                ]
        else:
            found.append(
                (
                    at,
                    "production_countries",
                    "type",
                    '"array"',
                    production_countries,
                    "fatal",
                )
            )
            _sent = stash(_sent, "production_countries", production_countries)
            production_countries = UNSET
            _broken = True
        seasons = d.pop("seasons", UNSET)
        if type(seasons) is list:
            _list_at = (at, "seasons")
            _aside = False
            for _i, _item in enumerate(seasons):
                if type(_item) is dict:
                    try:
                        seasons[_i] = SeasonSummary.from_decoded(
                            _item, found, (_list_at, _i)
                        )
                    except Unusable as _unusable:
                        found.append(
                            (_list_at, _i, "object", "", _unusable.model, "dropped")
                        )
                        seasons[_i] = SetAside(_unusable.model)
                        _aside = True
                else:
                    found.append((_list_at, _i, "type", '"object"', _item, "dropped"))
                    seasons[_i] = SetAside(_item)
                    _aside = True
            if _aside:
                _sent = stash(_sent, "seasons", seasons)
                seasons = [_item for _item in seasons if type(_item) is not SetAside]
        else:
            found.append((at, "seasons", "type", '"array"', seasons, "fatal"))
            _sent = stash(_sent, "seasons", seasons)
            seasons = UNSET
            _broken = True
        spoken_languages = d.pop("spoken_languages", UNSET)
        if type(spoken_languages) is list:
            _list_at = (at, "spoken_languages")
            _aside = False
            for _i, _item in enumerate(spoken_languages):
                if type(_item) is dict:
                    try:
                        spoken_languages[_i] = SpokenLanguage.from_decoded(
                            _item, found, (_list_at, _i)
                        )
                    except Unusable as _unusable:
                        found.append(
                            (_list_at, _i, "object", "", _unusable.model, "dropped")
                        )
                        spoken_languages[_i] = SetAside(_unusable.model)
                        _aside = True
                else:
                    found.append((_list_at, _i, "type", '"object"', _item, "dropped"))
                    spoken_languages[_i] = SetAside(_item)
                    _aside = True
            if _aside:
                _sent = stash(_sent, "spoken_languages", spoken_languages)
                spoken_languages = [
                    _item for _item in spoken_languages if type(_item) is not SetAside
                ]
        else:
            found.append(
                (at, "spoken_languages", "type", '"array"', spoken_languages, "fatal")
            )
            _sent = stash(_sent, "spoken_languages", spoken_languages)
            spoken_languages = UNSET
            _broken = True
        status = d.pop("status", UNSET)
        if not (type(status) is str):
            found.append((at, "status", "type", '"string"', status, "fatal"))
            _sent = stash(_sent, "status", status)
            status = UNSET
            _broken = True
        tagline = d.pop("tagline", UNSET)
        if not (type(tagline) is str):
            found.append((at, "tagline", "type", '"string"', tagline, "fatal"))
            _sent = stash(_sent, "tagline", tagline)
            tagline = UNSET
            _broken = True
        type_ = d.pop("type", UNSET)
        if not (type(type_) is str):
            found.append((at, "type", "type", '"string"', type_, "fatal"))
            _sent = stash(_sent, "type", type_)
            type_ = UNSET
            _broken = True
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
        series_details = cls(
            adult,
            backdrop_path,
            created_by,
            episode_run_time,
            first_air_date,
            genres,
            homepage,
            id,
            in_production,
            languages,
            last_air_date,
            last_episode_to_air,
            name,
            next_episode_to_air,
            networks,
            number_of_episodes,
            number_of_seasons,
            origin_country,
            original_language,
            original_name,
            overview,
            popularity,
            poster_path,
            production_companies,
            production_countries,
            seasons,
            spoken_languages,
            status,
            tagline,
            type_,
            vote_average,
            vote_count,
        )
        series_details.additional_properties = d
        if _sent is not None:
            series_details._as_sent = _sent
            if _broken:
                raise Unusable(series_details)
        return series_details

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
