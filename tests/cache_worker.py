"""One process of tests/test_cache_processes.py: its own client and threads, one shared cache.

    python -m tests.cache_worker PATH BASE_URL

Builds a `Tmdb` (credential from TMDB_ACCESS_TOKEN) caching in PATH, with the library's
log records and warnings on stderr (tracebacks included), prints `ready`, waits for a line
on stdin, calls for two persons ten times each, 10 at once, and prints `done N`. It imports
neither pytest nor the tests, so that four of them start quickly.
"""

from __future__ import annotations

import logging
import sys
import warnings

from tmdb_facade import Tmdb


def main(argv: list[str]) -> int:
    path, base_url = argv
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    warnings.simplefilter("always")
    with Tmdb(base_url=base_url, cache=path, rate_limit=None) as tmdb:
        print("ready", flush=True)
        sys.stdin.readline()
        done = tmdb.map(tmdb.person_images, [62, 976] * 10, concurrency=10)
        print(f"done {len(done)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
