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
from collections.abc import Iterable
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


def _tables(connection: sqlite3.Connection) -> set[str]:
    rows = connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return {str(name) for (name,) in rows}


def _verdict(application_id: int, tables: set[str], mark: int, ours: frozenset[str]) -> str:
    """ "ours", "adopt" (no mark yet, nothing but our tables), or why the file is not ours."""
    if application_id == mark:
        return "ours"
    if application_id != 0:
        return f"it belongs to another program (SQLite application_id {application_id:#x})"
    if not tables:
        return "adopt"
    if tables == ours:
        return "adopt"
    foreign = ", ".join(sorted(tables - ours)) or ", ".join(sorted(tables))
    return f"it is another program's SQLite database (tables: {foreign})"


def claim(path: Path, mark: int, ours: Iterable[str], *, timeout: float) -> Claim:
    """Make sure `path` is ours to use, marking it if it is new; else raise `NotOursError`,
    the file left exactly as it was. `ours` are the tables our library makes in it."""
    tables_ours = frozenset(ours)
    if path.exists() and path.stat().st_size > 0:
        # Read-only: deciding must not change the file (its journal mode included).
        uri = f"{path.absolute().as_uri()}?mode=ro"
        try:
            with closing(sqlite3.connect(uri, uri=True, timeout=timeout)) as reader:
                (application_id,) = reader.execute("PRAGMA application_id").fetchone()
                tables = _tables(reader)
        except sqlite3.Error as error:
            raise NotOursError(str(error)) from None
        verdict = _verdict(application_id, tables, mark, tables_ours)
        if verdict == "ours":
            return Claim(adopted=False)
        if verdict != "adopt":
            raise NotOursError(verdict)
    # New, empty, or ours from before the mark: mark it, in a transaction, so that processes
    # opening it at once agree (the second sees the first one's mark).
    try:
        with closing(sqlite3.connect(path, timeout=timeout, isolation_level=None)) as writer:
            writer.execute("BEGIN IMMEDIATE")
            try:
                (application_id,) = writer.execute("PRAGMA application_id").fetchone()
                tables = _tables(writer)
                verdict = _verdict(application_id, tables, mark, tables_ours)
                if verdict not in ("ours", "adopt"):
                    raise NotOursError(verdict)
                if verdict == "adopt":
                    writer.execute(f"PRAGMA application_id = {int(mark)}")
                writer.execute("COMMIT")
            except BaseException:
                writer.execute("ROLLBACK")
                raise
    except sqlite3.Error as error:
        raise NotOursError(str(error)) from None
    return Claim(adopted=verdict == "adopt" and bool(tables))
