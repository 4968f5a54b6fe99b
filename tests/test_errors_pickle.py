"""Every error pickles and copies, whole: raised in a worker process, it arrives as itself."""

from __future__ import annotations

import copy
import inspect
import multiprocessing
import pickle
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import httpx
import pytest

import tmdb_facade._ratelimit_shared  # noqa: F401  (defines RateLimiterError: one more to cover)
from tmdb_facade.errors import NotFoundError, TmdbError

#: A value for each parameter an error's constructor may take; a new parameter without one
#: fails `test_every_error_class_is_covered`, so that no class is left out unnoticed.
VALUES: dict[str, Any] = {
    "message": "GET https://api.themoviedb.org/3/person/0/images returned HTTP 404",
    "request_method": "GET",
    "request_url": "https://api.themoviedb.org/3/person/0/images",
    "http_status": 404,
    "body": {"success": False, "status_code": 34, "status_message": "not found", "x": [1, {}]},
    "json_path": "$.profiles[0].width",
    "retry_after": 2.5,
    "needed": 2001,
    "max_requests": 2000,
    "headers": httpx.Headers([("Retry-After", "2"), ("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")]),
}


def public_error_classes() -> list[type[TmdbError]]:
    """`TmdbError` and every public subclass, at any depth (private ones never leave the
    module that raises them)."""
    found: list[type[TmdbError]] = []
    pending: list[type[TmdbError]] = [TmdbError]
    while pending:
        cls = pending.pop()
        if not cls.__name__.startswith("_") or cls is TmdbError:
            found.append(cls)
        pending.extend(cls.__subclasses__())
    return sorted(set(found), key=lambda cls: cls.__name__)


def keyword_parameters(cls: type[TmdbError]) -> set[str]:
    """The keyword-only parameters of `cls` and of the classes its `__init__` hands on to."""
    names: set[str] = set()
    for klass in cls.__mro__:
        init = klass.__dict__.get("__init__")
        if init is None or klass in (BaseException, Exception, object):
            continue
        for parameter in inspect.signature(init).parameters.values():
            if parameter.kind is inspect.Parameter.KEYWORD_ONLY:
                names.add(parameter.name)
    return names


def make(cls: type[TmdbError]) -> TmdbError:
    error = cls(VALUES["message"], **{name: VALUES[name] for name in keyword_parameters(cls)})
    error.add_note("a note added on the way up")
    error.attempts = 3  # what the client sets on every error a call raises
    return error


def same(a: BaseException, b: BaseException) -> None:
    assert type(a) is type(b)
    assert str(a) == str(b)
    assert a.args == b.args
    assert vars(a) == vars(b)


CLASSES = public_error_classes()


def test_every_error_class_is_covered() -> None:
    assert {"NotFoundError", "RateLimitError", "RateLimiterError", "ResponseValidationError"} <= {
        cls.__name__ for cls in CLASSES
    }
    for cls in CLASSES:
        assert keyword_parameters(cls) <= set(VALUES), cls


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
@pytest.mark.parametrize(
    "duplicate",
    [
        lambda error: pickle.loads(pickle.dumps(error)),
        lambda error: pickle.loads(pickle.dumps(error, protocol=0)),
        copy.copy,
        copy.deepcopy,
    ],
    ids=["pickle", "pickle-protocol-0", "copy", "deepcopy"],
)
def test_an_error_survives_pickling_and_copying(
    cls: type[TmdbError], duplicate: Callable[[TmdbError], TmdbError]
) -> None:
    error = make(cls)
    twin = duplicate(error)
    same(error, twin)
    assert twin is not error
    assert twin.attempts == 3
    for name in keyword_parameters(cls):
        assert getattr(twin, name) == VALUES[name]


def test_a_deep_copy_shares_no_body() -> None:
    error = make(NotFoundError)
    assert isinstance(error, NotFoundError)
    twin = copy.deepcopy(error)
    assert isinstance(twin, NotFoundError)
    twin.body["x"].append(2)
    assert error.body["x"] == [1, {}]


def raise_not_found() -> None:
    """The job of `test_an_error_raised_in_a_worker_process_arrives_as_itself`."""
    raise make(NotFoundError)


@pytest.fixture
def one_worker() -> Iterator[ProcessPoolExecutor]:
    # spawn: the test process may have threads, which fork would copy in a broken state.
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as pool:
        yield pool


def test_an_error_raised_in_a_worker_process_arrives_as_itself(
    one_worker: ProcessPoolExecutor,
) -> None:
    future = one_worker.submit(raise_not_found)
    with pytest.raises(NotFoundError) as caught:
        future.result(timeout=60)
    same(caught.value, make(NotFoundError))
    assert caught.value.status_message == "not found"
