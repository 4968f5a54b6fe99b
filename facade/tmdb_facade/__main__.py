"""`python -m tmdb_facade`: the `tmdb-facade` command line."""

import sys

from tmdb_facade.cli import main

if __name__ == "__main__":
    sys.exit(main(prog_name="python -m tmdb_facade"))
