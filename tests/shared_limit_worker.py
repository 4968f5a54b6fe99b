"""One process of tests/test_shared_ratelimit_processes.py: its own client and 20 threads.

    python -m tests.shared_limit_worker sqlite|redis PATH_OR_URL BASE_URL CALLS

Builds a `Tmdb` (credential from TMDB_ACCESS_TOKEN) limited by a `SQLiteRateLimiter` on
PATH or a `RedisRateLimiter` on URL, prints `ready`, waits for a line on stdin, makes CALLS
calls through `Tmdb.map` (20 at once) and prints `done N`. It imports neither pytest nor the
tests, so that four of them start quickly.
"""

from __future__ import annotations

import sys

from tmdb_facade import Tmdb
from tmdb_facade.ratelimit import RedisRateLimiter, SQLiteRateLimiter


def main(argv: list[str]) -> int:
    kind, where, base_url, calls = argv
    limiter = SQLiteRateLimiter(where) if kind == "sqlite" else RedisRateLimiter(where)
    try:
        with Tmdb(base_url=base_url, rate_limit=limiter) as tmdb:
            print("ready", flush=True)
            sys.stdin.readline()
            done = tmdb.map(tmdb.person_images, [62] * int(calls), concurrency=20)
            print(f"done {len(done)}", flush=True)
    finally:
        limiter.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
