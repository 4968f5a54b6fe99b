"""The response models, generated from the spec (`tmdb_api.models`), under a stable name.

Re-exported wholesale, so a model the spec adds appears here after `scripts/regenerate`.
"""

from tmdb_api.models import *  # noqa: F403
from tmdb_api.models import __all__ as __all__
