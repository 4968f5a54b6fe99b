# Written by scripts/unasync from _map_async.py: edit that file, then run it.
"""`Tmdb.map`, on the thread runner of `bulk`, written by `scripts/unasync` from
`_map_async.py`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Literal, TypeVar, overload

from ._constants import MAX_CONNECTIONS
from .bulk import Progress, run_threaded
from .errors import TmdbError

T = TypeVar("T")


class ThreadedMap:
    """`map` for the sync client."""

    @overload
    def map(
        self,
        function: Callable[..., T],
        items: Iterable[Any],
        *,
        concurrency: int = ...,
        progress: Progress | None = ...,
        return_exceptions: Literal[False] = ...,
    ) -> list[T]: ...

    @overload
    def map(
        self,
        function: Callable[..., T],
        items: Iterable[Any],
        *,
        concurrency: int = ...,
        progress: Progress | None = ...,
        return_exceptions: Literal[True],
    ) -> list[T | TmdbError]: ...

    @overload
    def map(
        self,
        function: Callable[..., T],
        items: Iterable[Any],
        *,
        concurrency: int = ...,
        progress: Progress | None = ...,
        return_exceptions: bool,
    ) -> list[T | TmdbError]: ...

    def map(
        self,
        function: Callable[..., T],
        items: Iterable[Any],
        *,
        concurrency: int = MAX_CONNECTIONS,
        progress: Progress | None = None,
        return_exceptions: bool = False,
    ) -> list[T] | list[T | TmdbError]:
        """Call `function(*item)` for every item on `concurrency` threads; results in order.

        >>> [images.id for images in tmdb.map(tmdb.person_images, [62, 976])]
        [62, 976]
        >>> seasons = tmdb.map(tmdb.season_credits, [(1396, n) for n in (1, 2, 3)])
        ... # doctest: +SKIP

        A non-tuple item is the one argument. The rate limiter paces the calls. The first
        `TmdbError` stops the rest and is raised, unless `return_exceptions=True` puts each
        error in its item's place. `progress(done, total)` runs in the caller's thread.
        """
        return run_threaded(
            function,
            items,
            concurrency=concurrency,
            progress=progress,
            return_exceptions=return_exceptions,
        )
