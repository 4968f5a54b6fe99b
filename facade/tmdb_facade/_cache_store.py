"""The cache's SQLite file: opened only if it is ours, and given up on when it breaks.

- A file that is not the library's own (`_sqlite_files`) is refused, left as it was:
  `CacheFileError`.
- A file of ours that breaks (damaged, read-only, locked by another program, a full disk)
  turns the cache off for the rest of the client's life, with one `CacheWarning`. hishel
  treats a failing storage as a miss and logs an ERROR with a traceback, every call; here
  its log records are caught while the client uses the cache (`watching`), and the first
  one turns the cache off instead. SQLite waits `BUSY_SECONDS` for a lock, not hishel's 5 s.
- Processes sharing a file keep one entry per URL: a trigger (`_ONE_ENTRY`) hides the older
  entries of a key in the same transaction that completes a new one. Hidden, not deleted,
  as hishel's own `remove_entry` does: a reader may still be streaming one; hishel deletes
  hidden entries later.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
import warnings
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from ._constants import default_cache_file
from ._sqlite_files import CACHE_ID, NotOursError, claim
from .errors import CacheFileError, CacheWarning, InvalidArgumentTypeError, TmdbError

#: How long SQLite waits for another connection's lock before the write fails: long enough
#: for the short writes of processes sharing the file, short enough that a file locked by
#: another program costs one short wait (then the cache is off), not 5 s a call.
BUSY_SECONDS: Final = 1.0
#: The tables hishel 2 makes in the file (its `TABLE_COLUMNS`): exactly what a file of ours
#: from before the mark holds.
_TABLES: Final = {
    "entries": frozenset(
        [
            "id",
            "cache_key",
            "data",
            "expires_at",
            "last_accessed_at",
            "chunk_count",
            "ttl_deadline",
            "tti",
        ]
    ),
    "streams": frozenset(["entry_id", "chunk_number", "chunk_data"]),
}
_ONE_ENTRY: Final = """
CREATE TRIGGER IF NOT EXISTS tmdb_facade_one_entry_per_key
AFTER UPDATE OF chunk_count ON entries
WHEN NEW.chunk_count IS NOT NULL AND OLD.chunk_count IS NULL
BEGIN
    UPDATE entries SET expires_at = 0.0
    WHERE cache_key = NEW.cache_key AND id != NEW.id AND chunk_count IS NOT NULL;
END
"""
_HISHEL_LOGGERS: Final = (
    "hishel._core._storages._sync_sqlite",
    "hishel._core._storages._async_sqlite",
)


class Health:
    """Whether a client's cache still works. The first failure warns, once, and turns the
    cache off: every later call goes to the network as without a cache."""

    def __init__(self, where: str) -> None:
        self.broken = False
        self._where = where
        self._lock = threading.Lock()

    def fail(self, why: object) -> None:
        """Turn the cache off, warning the first time."""
        with self._lock:
            if self.broken:
                return
            self.broken = True
        warnings.warn(
            f"the cache {self._where} failed ({why}); this client goes on without it",
            CacheWarning,
            stacklevel=2,
        )


_watching: ContextVar[Health | None] = ContextVar("tmdb_facade_cache_health", default=None)


class _CatchFailures(logging.Filter):
    """hishel's log records about a storage a client is using (`watching`), turned into
    that client's `Health.fail` instead of an ERROR with a traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        health = _watching.get()
        if health is None:  # someone else's hishel storage: hishel's own logging
            return True
        error = record.exc_info[1] if record.exc_info else None
        health.fail(error if error is not None else record.getMessage())
        return False


_FILTER: Final = _CatchFailures()
for _name in _HISHEL_LOGGERS:
    logging.getLogger(_name).addFilter(_FILTER)


@contextlib.contextmanager
def watching(health: Health) -> Iterator[None]:
    """While inside, hishel's failures are `health`'s (see `_CatchFailures`)."""
    token = _watching.set(health)
    try:
        yield
    finally:
        _watching.reset(token)


#: What using a storage can raise besides what hishel logs: SQLite errors reading a stored
#: body, hishel's RuntimeError for a closed storage or an entry deleted while read.
STORAGE_ERRORS: Final = (sqlite3.Error, OSError, RuntimeError)


def is_storage_error(error: BaseException) -> bool:
    """Whether `error` is the storage's, not the request's (the client's own errors, such as
    `ClientClosedError`, are RuntimeErrors too)."""
    return isinstance(error, STORAGE_ERRORS) and not isinstance(error, TmdbError)


@dataclass(frozen=True)
class Stores:
    storage: Any
    """What hishel's transport keeps answers in."""
    reader: Any
    """What fresh hits are read from before httpx: `storage`, or for `AsyncTmdb` on a file
    of its own a sync storage on a second connection (no worker thread per SQLite call)."""
    owned: tuple[Any, ...]
    """What the client made, and so closes."""
    health: Health
    """Whether the cache still works."""


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(
        path, check_same_thread=False, isolation_level=None, timeout=BUSY_SECONDS
    )


def _short_waits(storage_class: Any) -> Any:
    """hishel's SQLite storage, waiting `BUSY_SECONDS` for a lock instead of its 5 s.

    hishel sets its busy timeout when it first uses the connection; this sets ours after."""

    class ShortWaits(storage_class):  # type: ignore[misc]
        def _initialize_database(self) -> Any:
            done = super()._initialize_database()
            if hasattr(done, "__await__"):
                return _then_short(self, done)
            self.connection.execute(f"PRAGMA busy_timeout={int(BUSY_SECONDS * 1000)}")
            return done

    ShortWaits.__name__ = ShortWaits.__qualname__ = f"ShortWaits{storage_class.__name__}"
    return ShortWaits


async def _then_short(storage: Any, initializing: Any) -> None:
    await initializing
    await storage.connection.execute(f"PRAGMA busy_timeout={int(BUSY_SECONDS * 1000)}")


def open_stores(where: object, client: str, hishel: Any) -> Stores:
    """The hishel storages for `where` (a path, None for the default file, or a storage);
    with `health.broken` (and a warning given) if the file is ours but failed at once."""
    is_async = client == "AsyncTmdb"
    wanted = hishel.AsyncBaseStorage if is_async else hishel.BaseStorage
    if isinstance(where, hishel.BaseStorage | hishel.AsyncBaseStorage):
        if not isinstance(where, wanted):
            raise InvalidArgumentTypeError(
                f"{client} needs a hishel {wanted.__name__}, got {type(where).__name__}"
            )
        return Stores(where, where, (), Health(f"storage {type(where).__name__}"))
    if where is not None and not isinstance(where, str | os.PathLike):
        raise InvalidArgumentTypeError(
            f"cache must be True, a path, a hishel storage or HttpCache, got {type(where).__name__}"
        )
    path = default_cache_file() if where is None else Path(os.fspath(where)).expanduser()
    # Our own connection: given only a path, hishel writes a `.gitignore` of `*` next to the
    # file (in a project folder that would hide the whole project from git) and puts a bare
    # file name under `.cache/hishel/` instead of where it was asked.
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        adopted = claim(path, CACHE_ID, _TABLES, timeout=BUSY_SECONDS).adopted
    except (OSError, NotOursError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise CacheFileError(
            f"cannot use the cache file {str(path)!r}: {reason}; it was left as it is"
        ) from None
    health = Health(f"file {str(path)!r}")
    connection = _connect(path)
    reader = _short_waits(hishel.SqliteStorage)(connection=connection)
    with watching(health):
        try:
            reader.get_entries("")  # hishel makes its tables on first use
            connection.execute(_ONE_ENTRY)
            if adopted:  # stored by a version with other rules (what it stored, for how long)
                connection.execute("DELETE FROM entries")
        except STORAGE_ERRORS as error:
            health.fail(error)
    if health.broken:
        reader.close()
        return Stores(None, None, (), health)
    if not is_async:
        return Stores(reader, reader, (reader,), health)
    import anysqlite

    # anysqlite runs each SQLite call in a worker thread, which made an async hit cost 3 to 4
    # times a sync one (BENCHMARKS.md). Hits are read on the event loop instead, like the
    # decoding that follows them: a read in SQLite's WAL mode never waits for a writer.
    second = _connect(path)
    storage = _short_waits(hishel.AsyncSqliteStorage)(connection=anysqlite.Connection(second))
    return Stores(storage, reader, (storage, reader), health)
