"""tmdb-facade: a typed client for TMDB's image and season credits endpoints.

>>> from tmdb_facade import Tmdb
>>> with Tmdb() as tmdb:  # doctest: +SKIP
...     tmdb.season_credits(1396, 1).cast[0].name
'Bryan Cranston'
"""

from ._version import __version__
from .client import AsyncTmdb, Tmdb
from .credits import (
    CrewMember,
    cast_in_billing_order,
    crew_by_department,
    crew_by_job,
    merge_aggregate_crew,
    most_episodes_first,
)
from .errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    InvalidArgumentError,
    InvalidArgumentTypeError,
    MissingCredentialsError,
    NotFoundError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    TmdbError,
)
from .images import IMAGE_SIZES, ImageKind, best_image, image_url, rank_images
from .retry import RetryPolicy

__all__ = [
    "IMAGE_SIZES",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncTmdb",
    "AuthenticationError",
    "CrewMember",
    "ImageKind",
    "InvalidArgumentError",
    "InvalidArgumentTypeError",
    "MissingCredentialsError",
    "NotFoundError",
    "RateLimitError",
    "ResponseValidationError",
    "RetryPolicy",
    "ServerError",
    "Tmdb",
    "TmdbError",
    "__version__",
    "best_image",
    "cast_in_billing_order",
    "crew_by_department",
    "crew_by_job",
    "image_url",
    "merge_aggregate_crew",
    "most_episodes_first",
    "rank_images",
]
