"""tmdb-facade: a typed client for TMDB API v3: TV series, seasons and their credits; season,
episode and person images; image configuration.

>>> from tmdb_facade import Tmdb
>>> with Tmdb() as tmdb:  # doctest: +SKIP
...     tmdb.season_credits(1396, 1).cast[0].name
'Bryan Cranston'
"""

from __future__ import annotations

import importlib
import os
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    CacheFileError,
    CacheWarning,
    ClientClosedError,
    InvalidArgumentError,
    InvalidArgumentTypeError,
    MaxRequestsError,
    MissingCredentialsError,
    NotFoundError,
    RateLimiterError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    SpecDeviationWarning,
    TmdbError,
)

# The generated client, `tmdb_facade._generated`, lies beside this file in a wheel, and in
# generated/tmdb_facade/ in a checkout (an editable install puts both folders on the path):
# one package, one top-level name. Only a checkout needs the path joined, and pkgutil costs
# a wheel's users ~20 ms of import time (BENCHMARKS.md), so it is imported only then.
if not os.path.isdir(os.path.join(os.path.dirname(__file__), "_generated")):
    import pkgutil

    __path__ = pkgutil.extend_path(__path__, __name__)

if TYPE_CHECKING:
    from tmdb_facade._generated.types import UNSET, Unset

    from ._async_client import AsyncRawResponses, AsyncTmdb
    from ._cache import CacheStatus, HttpCache, cache_status
    from ._options import CallOptions, RawResponse
    from ._sync_client import RawResponses, Tmdb
    from .credits import (
        CrewMember,
        cast_in_billing_order,
        crew_by_department,
        crew_by_job,
        merge_aggregate_crew,
        most_episodes_first,
    )
    from .images import (
        IMAGE_SIZES,
        ImageKind,
        ImageSizes,
        best_image,
        image_sizes,
        image_url,
        rank_images,
    )
    from .ratelimit import RateLimiter
    from .retry import RetryPolicy
    from .series import SeriesSeason, WholeSeries, fetch_series, fetch_series_async

# The clients and helpers are imported on first use (PEP 562): they bring in httpx, attrs and
# the generated models, which `import tmdb_facade` alone (or `tmdb_facade.testing`, or an
# `except tmdb_facade.TmdbError`) does not need. BENCHMARKS.md has the import times.
_LAZY = {
    # Each client from its own module (not `client`, which holds both): `Tmdb` users need
    # neither anyio nor asyncio.
    "AsyncTmdb": "_async_client",
    "Tmdb": "_sync_client",
    "AsyncRawResponses": "_async_client",
    "RawResponses": "_sync_client",
    "CallOptions": "_options",
    "RawResponse": "_options",
    "CrewMember": "credits",
    "cast_in_billing_order": "credits",
    "crew_by_department": "credits",
    "crew_by_job": "credits",
    "merge_aggregate_crew": "credits",
    "most_episodes_first": "credits",
    "IMAGE_SIZES": "images",
    "ImageKind": "images",
    "ImageSizes": "images",
    "image_sizes": "images",
    "best_image": "images",
    "image_url": "images",
    "rank_images": "images",
    "RateLimiter": "ratelimit",
    "RetryPolicy": "retry",
    "CacheStatus": "_cache",
    "HttpCache": "_cache",
    "cache_status": "_cache",
    "SeriesSeason": "series",
    "WholeSeries": "series",
    "fetch_series": "series",
    "fetch_series_async": "series",
    # What a model holds for a field TMDB left out (a module outside this package: dotted).
    "UNSET": "tmdb_facade._generated.types",
    "Unset": "tmdb_facade._generated.types",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(
        importlib.import_module(module if "." in module else f"{__name__}.{module}"), name
    )
    globals()[name] = value  # next time, found without calling this
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "IMAGE_SIZES",
    "UNSET",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncRawResponses",
    "AsyncTmdb",
    "AuthenticationError",
    "CacheFileError",
    "CacheStatus",
    "CacheWarning",
    "CallOptions",
    "ClientClosedError",
    "CrewMember",
    "HttpCache",
    "ImageKind",
    "ImageSizes",
    "InvalidArgumentError",
    "InvalidArgumentTypeError",
    "MaxRequestsError",
    "MissingCredentialsError",
    "NotFoundError",
    "RateLimitError",
    "RateLimiter",
    "RateLimiterError",
    "RawResponse",
    "RawResponses",
    "ResponseValidationError",
    "RetryPolicy",
    "SeriesSeason",
    "ServerError",
    "SpecDeviationWarning",
    "Tmdb",
    "TmdbError",
    "Unset",
    "WholeSeries",
    "__version__",
    "best_image",
    "cache_status",
    "cast_in_billing_order",
    "crew_by_department",
    "crew_by_job",
    "fetch_series",
    "fetch_series_async",
    "image_sizes",
    "image_url",
    "merge_aggregate_crew",
    "most_episodes_first",
    "rank_images",
]
