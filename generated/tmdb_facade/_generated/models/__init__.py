"""Contains all the data models used in inputs/outputs"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .aggregate_cast import AggregateCast
    from .aggregate_crew import AggregateCrew
    from .appended_season_aggregate_credits import AppendedSeasonAggregateCredits
    from .appended_season_credits import AppendedSeasonCredits
    from .appended_season_images import AppendedSeasonImages
    from .cast_credit import CastCredit
    from .configuration import Configuration
    from .creator import Creator
    from .credit_person import CreditPerson
    from .crew_credit import CrewCredit
    from .episode import Episode
    from .episode_images import EpisodeImages
    from .episode_summary import EpisodeSummary
    from .error_response import ErrorResponse
    from .genre import Genre
    from .image import Image
    from .images_configuration import ImagesConfiguration
    from .job import Job
    from .network import Network
    from .person_images import PersonImages
    from .production_company import ProductionCompany
    from .production_country import ProductionCountry
    from .role import Role
    from .season_aggregate_credits import SeasonAggregateCredits
    from .season_credits import SeasonCredits
    from .season_details import SeasonDetails
    from .season_images import SeasonImages
    from .season_summary import SeasonSummary
    from .series_details import SeriesDetails
    from .spoken_language import SpokenLanguage

# Each name's module, from the generator's `from .module import Name` lines above.
_MODULES = {
    "AggregateCast": ".aggregate_cast",
    "AggregateCrew": ".aggregate_crew",
    "AppendedSeasonAggregateCredits": ".appended_season_aggregate_credits",
    "AppendedSeasonCredits": ".appended_season_credits",
    "AppendedSeasonImages": ".appended_season_images",
    "CastCredit": ".cast_credit",
    "Configuration": ".configuration",
    "Creator": ".creator",
    "CreditPerson": ".credit_person",
    "CrewCredit": ".crew_credit",
    "Episode": ".episode",
    "EpisodeImages": ".episode_images",
    "EpisodeSummary": ".episode_summary",
    "ErrorResponse": ".error_response",
    "Genre": ".genre",
    "Image": ".image",
    "ImagesConfiguration": ".images_configuration",
    "Job": ".job",
    "Network": ".network",
    "PersonImages": ".person_images",
    "ProductionCompany": ".production_company",
    "ProductionCountry": ".production_country",
    "Role": ".role",
    "SeasonAggregateCredits": ".season_aggregate_credits",
    "SeasonCredits": ".season_credits",
    "SeasonDetails": ".season_details",
    "SeasonImages": ".season_images",
    "SeasonSummary": ".season_summary",
    "SeriesDetails": ".series_details",
    "SpokenLanguage": ".spoken_language",
}

if not TYPE_CHECKING:
    # Hidden from type checkers, which would otherwise take any misspelt name for an `Any`.

    def __getattr__(name: str) -> Any:
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value  # next time, found without calling this
        return value

    def __dir__() -> list[str]:
        return sorted(set(globals()) | set(_MODULES))


__all__ = (
    "AggregateCast",
    "AggregateCrew",
    "AppendedSeasonAggregateCredits",
    "AppendedSeasonCredits",
    "AppendedSeasonImages",
    "CastCredit",
    "Configuration",
    "Creator",
    "CreditPerson",
    "CrewCredit",
    "Episode",
    "EpisodeImages",
    "EpisodeSummary",
    "ErrorResponse",
    "Genre",
    "Image",
    "ImagesConfiguration",
    "Job",
    "Network",
    "PersonImages",
    "ProductionCompany",
    "ProductionCountry",
    "Role",
    "SeasonAggregateCredits",
    "SeasonCredits",
    "SeasonDetails",
    "SeasonImages",
    "SeasonSummary",
    "SeriesDetails",
    "SpokenLanguage",
)
