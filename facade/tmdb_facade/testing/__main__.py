"""Run the fake TMDB server in the foreground: `python -m tmdb_facade.testing --port 8000`.

It prints its API base URL as the first line of standard output and its image base URL
(`.../t/p/`, for a client's `image_base_url`) as the second, then serves until interrupted
(Ctrl-C, SIGTERM) or for `--duration` seconds. With `--stats` it prints, as its last line, what
it saw as JSON: `{"requests": 300, "rate_limited": 0, "connections": 20}` (for benchmarks,
which run it in a process of its own).
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from types import FrameType

from tmdb_facade.testing import DEFAULT_ACCESS_TOKEN, DEFAULT_API_KEY, FakeTmdb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tmdb_facade.testing", description="Serve a fake TMDB API on 127.0.0.1."
    )
    parser.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    parser.add_argument(
        "--access-token",
        default=DEFAULT_ACCESS_TOKEN,
        metavar="TOKEN",
        help="the v4 read access token it accepts as `Authorization: Bearer TOKEN` "
        "(default: %(default)s)",
    )
    parser.add_argument(
        "--api-key",
        default=DEFAULT_API_KEY,
        metavar="KEY",
        help="the v3 API key it accepts as `?api_key=KEY` (default: %(default)s)",
    )
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added per answer")
    parser.add_argument(
        "--new-connection-delay",
        type=float,
        default=0.0,
        help="seconds added before the first answer on each connection",
    )
    parser.add_argument("--rate-limit", type=float, help="API requests a second before 429s")
    parser.add_argument("--burst", type=int, help="requests allowed at once (with --rate-limit)")
    parser.add_argument("--duration", type=float, help="stop after this many seconds")
    parser.add_argument(
        "--stats", action="store_true", help="on exit, print the counts of requests as JSON"
    )
    args = parser.parse_args(argv)

    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    server = FakeTmdb(
        port=args.port,
        access_token=args.access_token,
        api_key=args.api_key,
        latency=args.latency,
        new_connection_delay=args.new_connection_delay,
        rate_limit=args.rate_limit,
        burst=args.burst,
    )
    with server:
        print(server.url, server.image_base_url, sep="\n", flush=True)
        print(
            f"fake TMDB: API at {server.url}, images at {server.image_base_url}; "
            f"access token {server.access_token!r}, api key {server.api_key!r}",
            file=sys.stderr,
            flush=True,
        )
        stop.wait(args.duration)
    if args.stats:
        counts = {
            "requests": server.request_count,
            "rate_limited": server.rate_limited_count,
            "connections": server.connection_count,
        }
        print(json.dumps(counts), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
