"""Contains all the data models used in inputs/outputs"""

from .aggregate_cast import AggregateCast
from .aggregate_crew import AggregateCrew
from .cast_credit import CastCredit
from .credit_person import CreditPerson
from .crew_credit import CrewCredit
from .episode_images import EpisodeImages
from .error_response import ErrorResponse
from .image import Image
from .job import Job
from .person_images import PersonImages
from .role import Role
from .season_aggregate_credits import SeasonAggregateCredits
from .season_credits import SeasonCredits
from .season_images import SeasonImages

__all__ = (
    "AggregateCast",
    "AggregateCrew",
    "CastCredit",
    "CreditPerson",
    "CrewCredit",
    "EpisodeImages",
    "ErrorResponse",
    "Image",
    "Job",
    "PersonImages",
    "Role",
    "SeasonAggregateCredits",
    "SeasonCredits",
    "SeasonImages",
)
