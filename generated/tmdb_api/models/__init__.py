"""Contains all the data models used in inputs/outputs"""

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
