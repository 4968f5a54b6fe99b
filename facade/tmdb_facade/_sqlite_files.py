"""Which SQLite files are the library's own: the cache's and the shared rate limiter's.

`cache="notes.db"` or `SQLiteRateLimiter("notes.db")` on another program's database must not
add tables to it or switch it to WAL (hishel and pyrate-limiter both would, silently). So a
file is used only if it is new or empty (made ours here, with a mark), carries our mark
(`PRAGMA application_id`, in SQLite's header, made for exactly this), or comes from a
version before the mark and holds exactly the tables we create (then it is marked). Anything
else is refused before a byte of it changes: it is only read, through a read-only connection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Final

#: `PRAGMA application_id` of the cache's file ("TmdC") and of the limiter's ("TmdL").
CACHE_ID: Final = 0x546D6443
LIMITER_ID: Final = 0x546D644C


class NotOursError(Exception):
    """The file is not one this library may use; the message says why (callers wrap it in
    their typed error)."""


@dataclass(frozen=True)
class Claim:
    """What `claim` found."""

    adopted: bool
    """The file came from a version before the mark: what it holds was stored by older rules."""


Schema = Mapping[str, frozenset[str]]
"""Tables by name, each with its column names."""


def _tables(connection: sqlite3.Connection) -> dict[str, frozenset[str]]:
    names = connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return {
        str(name): frozenset(
            str(row[1]) for row in connection.execute("SELECT * FROM pragma_table_info(?)", (name,))
        )
        for (name,) in names
    }


def _verdict(connection: sqlite3.Connection, mark: int, ours: Schema, *, was_empty: bool) -> str:
    """`ours`, `new` (a file that was empty and still holds nothing), `adopt` (no mark,
    and exactly our tables), or why the file is not ours."""
    (application_id,) = connection.execute("PRAGMA application_id").fetchone()
    if application_id == mark:
        return "ours"
    if application_id != 0:
        return f"it belongs to another program (SQLite application_id {application_id:#x})"
    tables = _tables(connection)
    (user_version,) = connection.execute("PRAGMA user_version").fetchone()
    if was_empty and not tables and user_version == 0:
        return "new"
    if tables and tables == dict(ours):
        return "adopt"
    # A database with no tables is no less another program's: ours carry the mark from
    # their very first write.
    return f"it is another program's SQLite database (tables: {', '.join(sorted(tables))})"


def claim(path: Path, mark: int, ours: Schema, *, timeout: float) -> Claim:
    """Make sure `path` is ours to use, marking it if it is new; else raise `NotOursError`,
    the file left exactly as it was. `ours` is what our library makes in it: a file from
    before the mark is adopted only if it holds exactly these tables and columns."""
    if path.exists() and path.stat().st_size > 0:
        # Read-only: deciding must not change the file (its journal mode included).
        uri = f"{path.absolute().as_uri()}?mode=ro"
        try:
            with closing(sqlite3.connect(uri, uri=True, timeout=timeout)) as reader:
                verdict = _verdict(reader, mark, ours, was_empty=False)
        except sqlite3.Error as error:
            raise NotOursError(str(error)) from None
        if verdict == "ours":
            return Claim(adopted=False)
        if verdict != "adopt":
            raise NotOursError(verdict)
    # New, empty, or ours from before the mark: mark it, in a transaction, so that processes
    # opening it at once agree (the second sees the first one's mark).
    was_empty = not path.exists() or path.stat().st_size == 0
    try:
        with closing(sqlite3.connect(path, timeout=timeout, isolation_level=None)) as writer:
            writer.execute("BEGIN IMMEDIATE")
            try:
                verdict = _verdict(writer, mark, ours, was_empty=was_empty)
                if verdict not in ("ours", "new", "adopt"):
                    raise NotOursError(verdict)
                if verdict != "ours":
                    writer.execute(f"PRAGMA application_id = {int(mark)}")
                writer.execute("COMMIT")
            except BaseException:
                writer.execute("ROLLBACK")
                raise
    except sqlite3.Error as error:
        raise NotOursError(str(error)) from None
    return Claim(adopted=verdict == "adopt")
