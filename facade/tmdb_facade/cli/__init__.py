"""The `tmdb-facade` command line: TMDB series, seasons, credits and images, and downloads.

`tmdb-facade --help` says everything; the console script and `python -m tmdb_facade` call
`main`. `import tmdb_facade` never imports this package, nor rich, which only the command
line needs (`pip install 'tmdb-facade[cli]'`); `--help` and `--version` work without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

__all__ = ["main"]

NEEDS_RICH: Final = "error: the tmdb-facade command line needs rich: pip install 'tmdb-facade[cli]'"


def main(argv: Sequence[str] | None = None, prog_name: str = "tmdb-facade") -> int:
    """Run the command line on `argv` (default: `sys.argv[1:]`) and return its exit code.

    Every expected failure is one line on stderr and its own exit code (see `--help`); only a
    bug shows a traceback.
    """
    from ._main import run

    return run(argv, prog_name)
