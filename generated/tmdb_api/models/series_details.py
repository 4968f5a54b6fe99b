from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Deviation

if TYPE_CHECKING:
    from ..models.creator import Creator
    from ..models.episode_summary import EpisodeSummary
    from ..models.genre import Genre
    from ..models.network import Network
    from ..models.production_company import ProductionCompany
    from ..models.production_country import ProductionCountry
    from ..models.season_summary import SeasonSummary
    from ..models.spoken_language import SpokenLanguage


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
    """ Where the answer this model came from departs from the spec, when the client is tolerant: the
    fields named there may hold what TMDB sent instead of their declared type. Empty when it conforms. """

    def to_dict(self) -> dict[str, Any]:
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
    def from_decoded(cls, d: dict[str, Any]) -> Self:
        """Build from a JSON object just decoded, which it empties: faster than `from_dict`

        Nothing is copied or checked: a missing field is UNSET and a value of another type is
        kept as sent, so validate `d` against the spec first to know whether it conforms.
        """
        from ..models.creator import Creator
        from ..models.episode_summary import EpisodeSummary
        from ..models.genre import Genre
        from ..models.network import Network
        from ..models.production_company import ProductionCompany
        from ..models.production_country import ProductionCountry
        from ..models.season_summary import SeasonSummary
        from ..models.spoken_language import SpokenLanguage

        adult = d.pop("adult", UNSET)
        backdrop_path = d.pop("backdrop_path", UNSET)
        created_by = d.pop("created_by", UNSET)
        if isinstance(created_by, list):
            created_by = [
                Creator.from_decoded(item) if isinstance(item, dict) else item
                for item in created_by
            ]
        episode_run_time = d.pop("episode_run_time", UNSET)
        first_air_date = d.pop("first_air_date", UNSET)
        genres = d.pop("genres", UNSET)
        if isinstance(genres, list):
            genres = [
                Genre.from_decoded(item) if isinstance(item, dict) else item
                for item in genres
            ]
        homepage = d.pop("homepage", UNSET)
        id = d.pop("id", UNSET)
        if type(id) is float and id.is_integer():
            id = int(id)
        in_production = d.pop("in_production", UNSET)
        languages = d.pop("languages", UNSET)
        last_air_date = d.pop("last_air_date", UNSET)
        last_episode_to_air = d.pop("last_episode_to_air", UNSET)
        if isinstance(last_episode_to_air, dict):
            last_episode_to_air = EpisodeSummary.from_decoded(last_episode_to_air)
        name = d.pop("name", UNSET)
        next_episode_to_air = d.pop("next_episode_to_air", UNSET)
        if isinstance(next_episode_to_air, dict):
            next_episode_to_air = EpisodeSummary.from_decoded(next_episode_to_air)
        networks = d.pop("networks", UNSET)
        if isinstance(networks, list):
            networks = [
                Network.from_decoded(item) if isinstance(item, dict) else item
                for item in networks
            ]
        number_of_episodes = d.pop("number_of_episodes", UNSET)
        if type(number_of_episodes) is float and number_of_episodes.is_integer():
            number_of_episodes = int(number_of_episodes)
        number_of_seasons = d.pop("number_of_seasons", UNSET)
        if type(number_of_seasons) is float and number_of_seasons.is_integer():
            number_of_seasons = int(number_of_seasons)
        origin_country = d.pop("origin_country", UNSET)
        original_language = d.pop("original_language", UNSET)
        original_name = d.pop("original_name", UNSET)
        overview = d.pop("overview", UNSET)
        popularity = d.pop("popularity", UNSET)
        poster_path = d.pop("poster_path", UNSET)
        production_companies = d.pop("production_companies", UNSET)
        if isinstance(production_companies, list):
            production_companies = [
                ProductionCompany.from_decoded(item) if isinstance(item, dict) else item
                for item in production_companies
            ]
        production_countries = d.pop("production_countries", UNSET)
        if isinstance(production_countries, list):
            production_countries = [
                ProductionCountry.from_decoded(item) if isinstance(item, dict) else item
                for item in production_countries
            ]
        seasons = d.pop("seasons", UNSET)
        if isinstance(seasons, list):
            seasons = [
                SeasonSummary.from_decoded(item) if isinstance(item, dict) else item
                for item in seasons
            ]
        spoken_languages = d.pop("spoken_languages", UNSET)
        if isinstance(spoken_languages, list):
            spoken_languages = [
                SpokenLanguage.from_decoded(item) if isinstance(item, dict) else item
                for item in spoken_languages
            ]
        status = d.pop("status", UNSET)
        tagline = d.pop("tagline", UNSET)
        type_ = d.pop("type", UNSET)
        vote_average = d.pop("vote_average", UNSET)
        vote_count = d.pop("vote_count", UNSET)
        if type(vote_count) is float and vote_count.is_integer():
            vote_count = int(vote_count)
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
