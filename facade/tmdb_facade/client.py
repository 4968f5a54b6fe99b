"""The two public clients: `Tmdb` (sync) and `AsyncTmdb` (async), alike but for `await`.

`AsyncTmdb` is written by hand in `_async_client.py`; `Tmdb` is generated from it by
`scripts/unasync` into `_sync_client.py` (`scripts/test` checks that it is up to date).
"""

from __future__ import annotations

from ._async_client import AsyncTmdb
from ._sync_client import Tmdb

__all__ = ["AsyncTmdb", "Tmdb"]
