"""`AsyncTmdb.map`, on the task runner of `bulk`; `scripts/unasync` writes `Tmdb.map`
(`_map_sync.py`) from this module."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import Any, Literal, TypeVar, overload

from ._constants import MAX_CONNECTIONS
from .bulk import Progress, run_tasks
from .errors import TmdbError

T = TypeVar("T")


class TaskMap:
    """`map` for the async client."""

    @overload
    async def map(
        self,
        function: Callable[..., Awaitable[T]],
        items: Iterable[Any],
        *,
        concurrency: int = ...,
        progress: Progress | None = ...,
        return_exceptions: Literal[False] = ...,
    ) -> list[T]: ...

    @overload
    async def map(
        self,
        function: Callable[..., Awaitable[T]],
        items: Iterable[Any],
        *,
        concurrency: int = ...,
        progress: Progress | None = ...,
        return_exceptions: Literal[True],
    ) -> list[T | TmdbError]: ...

    @overload
    async def map(
        self,
        function: Callable[..., Awaitable[T]],
        items: Iterable[Any],
        *,
        concurrency: int = ...,
        progress: Progress | None = ...,
        return_exceptions: bool,
    ) -> list[T | TmdbError]: ...

    async def map(
        self,
        function: Callable[..., Awaitable[T]],
        items: Iterable[Any],
        *,
        concurrency: int = MAX_CONNECTIONS,
        progress: Progress | None = None,
        return_exceptions: bool = False,
    ) -> list[T] | list[T | TmdbError]:
        """Call `function(*item)` for every item with `concurrency` at a time; results in order.

        >>> [images.id for images in await tmdb.map(tmdb.person_images, [62, 976])]
        ... # doctest: +SKIP
        [62, 976]
        >>> seasons = await tmdb.map(tmdb.season_credits, [(1396, n) for n in (1, 2, 3)])
        ... # doctest: +SKIP

        A non-tuple item is the one argument. The rate limiter paces the calls. The first
        `TmdbError` stops the rest and is raised, unless `return_exceptions=True` puts each
        error in its item's place. `progress(done, total)` runs in the event loop.
        """
        return await run_tasks(
            function,
            items,
            concurrency=concurrency,
            progress=progress,
            return_exceptions=return_exceptions,
        )
