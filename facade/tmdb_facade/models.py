"""The response models, generated from the spec (`tmdb_facade._generated.models`), under a
stable, public name.

Re-exported wholesale, so a model the spec adds appears here after `scripts/regenerate`; each
is imported on first use (PEP 562), as in the generated package, so importing one model does
not load all of them (BENCHMARKS.md, import time).
"""

from typing import TYPE_CHECKING, Any

import tmdb_facade._generated.models
from tmdb_facade._generated.models import __all__ as __all__

if TYPE_CHECKING:
    from tmdb_facade._generated.models import *  # noqa: F403
else:
    # Hidden from type checkers, which would otherwise take any misspelt name for an `Any`.

    def __getattr__(name: str) -> Any:
        if name not in __all__:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(tmdb_facade._generated.models, name)
        globals()[name] = value  # next time, found without calling this
        return value

    def __dir__() -> list[str]:
        return sorted(set(globals()) | set(__all__))
