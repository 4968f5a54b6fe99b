"""Where the library's log and warnings go: `TMDB_LOG` switches logging on without code, and a
warning names the caller's line, not the library's."""

from __future__ import annotations

import logging
import os
import sys

import tmdb_facade._generated.types as generated_types

from ._constants import LOG_ENV
from .errors import InvalidArgumentError, quoted

#: The folders of the library's own code (the facade and the generated client): a warning
#: names the first line outside them, the caller's.
_OWN_CODE = tuple(
    os.path.dirname(os.path.abspath(path)) + os.sep for path in (__file__, generated_types.__file__)
)


def caller_stacklevel() -> int:
    """The `stacklevel` that makes a warning raised by its caller name the first line outside
    the library: the user's call, sync or async (awaiting coroutines chain their frames)."""
    frame, level = sys._getframe(1), 1
    while frame.f_back is not None and frame.f_code.co_filename.startswith(_OWN_CODE):
        frame, level = frame.f_back, level + 1
    return level


def log_from_environment() -> None:
    """`TMDB_LOG=info|debug` sends the library's log (and httpx's request lines, at debug) to
    stderr, once per process; unset, logging is the application's to set up."""
    wanted = os.environ.get(LOG_ENV, "").strip().lower()
    if not wanted:
        return
    if wanted not in ("info", "debug"):
        raise InvalidArgumentError(f"{LOG_ENV} must be info or debug, got {quoted(wanted)}")
    level = logging.DEBUG if wanted == "debug" else logging.INFO
    names = ["tmdb_facade", "httpx"] if level == logging.DEBUG else ["tmdb_facade"]
    for name in names:
        named = logging.getLogger(name)
        if not named.handlers:
            handler = logging.StreamHandler()
            handler.setFormatter(
                logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s")
            )
            named.addHandler(handler)
        named.setLevel(level)
