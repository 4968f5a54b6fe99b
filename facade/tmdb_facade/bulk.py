"""Many calls at once: `Tmdb.map` (threads) and `AsyncTmdb.map` (tasks) run on these.

The two runners are written by hand: threads and a task group differ in more than `await`.
`AsyncTmdb.map` (`_map_async.py`) is the source of `Tmdb.map` (`_map_sync.py`, written by
`scripts/unasync`).

Both keep the results in the order of the inputs, report progress as `(done, total)` from
the caller's own thread or event loop, and stop at the first error unless asked to return
errors in place. The client's rate limiter and connection pool set the pace, so bulk work
runs at TMDB's ceiling without meeting its 429s.
"""

from __future__ import annotations

import importlib
import itertools
import queue
import threading
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from .errors import InvalidArgumentError, TmdbError

if TYPE_CHECKING:
    import anyio.abc

    from ._map_async import TaskMap as TaskMap
    from ._map_sync import ThreadedMap as ThreadedMap

T = TypeVar("T")

Progress = Callable[[int, int], None]
"""Called with (calls done, calls in all) after each call ends, successful or not."""


def _as_args(item: Any) -> tuple[Any, ...]:
    return item if isinstance(item, tuple) else (item,)


def _check(concurrency: int) -> None:
    if type(concurrency) is not int or concurrency < 1:
        raise InvalidArgumentError(f"concurrency must be an int >= 1, got {concurrency!r}")


def run_threaded(
    function: Callable[..., T],
    items: Iterable[Any],
    *,
    concurrency: int,
    progress: Progress | None,
    return_exceptions: bool,
) -> list[T | TmdbError]:
    """Call `function(*item)` for each item on up to `concurrency` threads."""
    _check(concurrency)
    calls: Sequence[tuple[Any, ...]] = [_as_args(item) for item in items]
    results: list[T | TmdbError] = [None] * len(calls)  # type: ignore[list-item]
    pending = iter(enumerate(calls))
    # One daemon thread per call rather than concurrent.futures: its workers are joined when
    # the interpreter exits, so after Ctrl-C a program would still wait for every transfer in
    # flight. These are left to end on their own (within the client's deadline per attempt).
    finished: queue.SimpleQueue[tuple[int, Any, bool]] = queue.SimpleQueue()

    def work(index: int, args: tuple[Any, ...]) -> None:
        try:
            finished.put((index, function(*args), True))
        except BaseException as error:
            finished.put((index, error, False))

    def start(count: int) -> int:
        started = 0
        for index, args in itertools.islice(pending, count):
            threading.Thread(target=work, args=(index, args), name="tmdb-map", daemon=True).start()
            started += 1
        return started

    # Only `concurrency` calls are ever running, so an error or an interrupt leaves nothing
    # queued behind it. After an error no new call starts, and the calls in flight end before
    # it is raised (their side effects done); an interrupt is raised at once.
    running, done = start(concurrency), 0
    first_error: BaseException | None = None
    while running:
        index, outcome, ok = finished.get()
        running -= 1
        if not ok and not (return_exceptions and isinstance(outcome, TmdbError)):
            first_error = first_error or outcome
            continue
        results[index] = outcome
        done += 1
        if progress is not None:
            progress(done, len(calls))
        if first_error is None:
            running += start(1)
    if first_error is not None:
        raise first_error
    return results


async def run_tasks(
    function: Callable[..., Awaitable[T]],
    items: Iterable[Any],
    *,
    concurrency: int,
    progress: Progress | None,
    return_exceptions: bool,
) -> list[T | TmdbError]:
    """Await `function(*item)` for each item, at most `concurrency` at a time."""
    # Imported here, not at the top: `Tmdb.map` (threads) shares this module and never needs
    # anyio, which would cost every `Tmdb` user ~8 ms at import (BENCHMARKS.md).
    import anyio

    _check(concurrency)
    calls = [_as_args(item) for item in items]
    results: list[T | TmdbError] = [None] * len(calls)  # type: ignore[list-item]
    slots = anyio.Semaphore(concurrency)
    done = 0
    first_error: list[TmdbError] = []

    async def run(index: int, args: tuple[Any, ...], group: anyio.abc.TaskGroup) -> None:
        nonlocal done
        async with slots:
            try:
                results[index] = await function(*args)
            except TmdbError as error:
                if not return_exceptions:
                    first_error.append(error)
                    group.cancel_scope.cancel()
                    return
                results[index] = error
            done += 1
            # Still holding the slot: a cancel from the callback stops the next call starting.
            if progress is not None:
                progress(done, len(calls))

    async with anyio.create_task_group() as group:
        for index, args in enumerate(calls):
            group.start_soon(run, index, args, group)
    if first_error:
        raise first_error[0]
    return results


def __getattr__(name: str) -> Any:
    # On first use, not at import: the two modules import this one's runners.
    twins = {"ThreadedMap": "._map_sync", "TaskMap": "._map_async"}
    if name not in twins:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(twins[name], __package__), name)
    globals()[name] = value
    return value
