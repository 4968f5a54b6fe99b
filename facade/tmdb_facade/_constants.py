"""Every default of the library in one place: addresses, limits, timeouts, environment names.

The command line and the fake server read their defaults from here too.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Final

from ._version import __version__

DEFAULT_BASE_URL: Final = "https://api.themoviedb.org"
#: TMDB's image server. It needs no credential, so the client never sends one there.
DEFAULT_IMAGE_BASE_URL: Final = "https://image.tmdb.org/t/p/"

#: Seconds for a whole attempt (connecting, any 1xx answers, the headers and the body: one
#: deadline from the attempt's start), and at most this much of it to open a connection.
DEFAULT_TIMEOUT: Final = 10.0
DEFAULT_CONNECT_TIMEOUT: Final = 5.0
DEFAULT_MAX_RETRIES: Final = 3

#: The largest answer read: the biggest real one (a long series' aggregate credits) is a few MB.
MAX_BODY_BYTES: Final = 64 * 1024 * 1024

#: TMDB allows 20 simultaneous connections per address.
MAX_CONNECTIONS: Final = 20

#: TMDB answers about 50 requests a second per address; stay just under it. The slack absorbs
#: some network jitter before a 429 (BENCHMARKS.md has the runs that chose these: no 429 and
#: the fastest 300 calls).
DEFAULT_RATE: Final = 49.0
#: Requests that may go out at once before the rate applies.
DEFAULT_BURST: Final = 45

USER_AGENT: Final = f"tmdb-facade/{__version__}"

ACCESS_TOKEN_ENV: Final = "TMDB_ACCESS_TOKEN"
API_KEY_ENV: Final = "TMDB_API_KEY"
BASE_URL_ENV: Final = "TMDB_BASE_URL"
IMAGE_BASE_URL_ENV: Final = "TMDB_IMAGE_BASE_URL"
STRICT_ENV: Final = "TMDB_STRICT"
#: `TMDB_LOG=info` (each retry) or `debug` (also each request) logs to stderr without code.
LOG_ENV: Final = "TMDB_LOG"

#: A wait between attempts at least this long is logged at WARNING before it starts: a caller
#: blocked that long without a word thinks the program hangs.
LONG_WAIT: Final = 5.0

#: The command line's patience, shorter than the library's: a person waits at the prompt. One
#: call gives up after 3 x 5 s + 2 x 10 s at the very worst (README: Command line).
CLI_TIMEOUT: Final = 5.0
CLI_MAX_RETRIES: Final = 2
CLI_MAX_BACKOFF: Final = 2.0
#: The longest `Retry-After` the command line waits for; TMDB asking for more fails at once.
CLI_MAX_RETRY_AFTER: Final = 10.0

#: Seconds `Tmdb(cache=...)` keeps an answer that carries no freshness of its own (no
#: `Cache-Control: max-age`, no `Expires`): 8 hours, how long TMDB itself keeps an answer (its
#: `max-age` counts down what is left of 28,800 s).
DEFAULT_CACHE_TTL: Final = 8 * 3600.0
#: The cache file of `cache=True`, under the platform's cache folder (`default_cache_file`).
CACHE_FILE: Final = ("tmdb-facade", "http-cache.sqlite")


def default_cache_file() -> Path:
    """Where `cache=True` keeps its SQLite file: the platform's folder for caches.

    Hand-written rather than taken from platformdirs: one folder on three systems is these few
    lines, the ones platformdirs would pick, without a dependency for every install.
    """
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        # The XDG base directory spec says to ignore a relative XDG_CACHE_HOME.
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"
    return base.joinpath(*CACHE_FILE)
