"""The response models, generated from the spec (`tmdb_api.models`), under a stable name."""

from tmdb_api.models import (
    AggregateCast,
    AggregateCrew,
    CastCredit,
    CreditPerson,
    CrewCredit,
    EpisodeImages,
    ErrorResponse,
    Image,
    Job,
    PersonImages,
    Role,
    SeasonAggregateCredits,
    SeasonCredits,
    SeasonImages,
)

__all__ = [
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
]
