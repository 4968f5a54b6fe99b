"""Fuzzed answers for every method: a model or a `TmdbError`, and never more waiting or more
attempts than the retry policy allows. Seeded and bounded, so every run tries the same cases."""

from __future__ import annotations

import asyncio
import inspect
import warnings
from typing import Any, get_type_hints

import httpx
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from tmdb_facade import AsyncTmdb, RetryPolicy, SpecDeviationWarning, TmdbError
from tmdb_facade.testing import _data

POLICY = RetryPolicy(max_retries=2, initial_delay=0.5, max_delay=8.0, max_retry_after=60.0)
#: The longest a call may wait in all, by the policy: each retry waits at most the larger cap.
WAIT_BOUND = POLICY.max_retries * max(POLICY.max_delay, POLICY.max_retry_after)

#: Each API method with the smallest valid arguments.
METHODS = [
    name
    for name, member in inspect.getmembers(AsyncTmdb, inspect.iscoroutinefunction)
    if not name.startswith("_") and name not in {"close", "map", "image_bytes"}
]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=30,
)


def mutated(body: Any, data: st.DataObject) -> Any:
    """A real body with one value somewhere replaced by any JSON value."""
    if isinstance(body, dict) and body and data.draw(st.booleans()):
        key = data.draw(st.sampled_from(sorted(body)))
        return {**body, key: mutated(body[key], data)}
    if isinstance(body, list) and body and data.draw(st.booleans()):
        index = data.draw(st.integers(0, len(body) - 1))
        return [*body[:index], mutated(body[index], data), *body[index + 1 :]]
    return data.draw(json_values)


REAL_BODIES = [recording.body for recording in _data.routes().values()]


STATUSES = [200, 200, 200, 204, 301, 304, 400, 401, 404, 422, 429, 500, 503]
RETRY_AFTER = st.sampled_from(
    ["1", "0", "-5", "1e9", "nan", "soon", "Wed, 21 Oct 2015 07:28:00 GMT"]
) | st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=12)


@st.composite
def answers(draw: st.DrawFn) -> httpx.Response:
    """An answer: any status, odd headers, and a real, mutated, random or non-JSON body."""
    status = draw(st.sampled_from(STATUSES))
    headers = {}
    if draw(st.booleans()):
        headers["Retry-After"] = draw(RETRY_AFTER)
    if draw(st.booleans()):
        headers["Content-Type"] = draw(st.sampled_from(["text/html", "application/json", ""]))
    kind = draw(st.sampled_from(["real", "mutated", "json", "bytes"]))
    if kind == "bytes":
        return httpx.Response(status, content=draw(st.binary(max_size=64)), headers=headers)
    body = draw(json_values) if kind == "json" else draw(st.sampled_from(REAL_BODIES))
    if kind == "mutated":
        body = mutated(body, draw(st.data()))
    return httpx.Response(status, json=body, headers=headers)


def arguments(method: str) -> list[int]:
    parameters = list(inspect.signature(getattr(AsyncTmdb, method)).parameters.values())[1:]
    return [1 for p in parameters if p.kind is p.POSITIONAL_OR_KEYWORD]


@seed(20261201)
@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(method=st.sampled_from(METHODS), replies=st.lists(answers(), min_size=3, max_size=3))
def test_any_answer_is_a_model_or_a_tmdb_error(method: str, replies: list[httpx.Response]) -> None:
    attempts: list[httpx.Request] = []
    sleeps: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        attempts.append(request)
        return replies[len(attempts) - 1]

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    async def call() -> Any:
        async with AsyncTmdb(
            "test-token",
            transport=httpx.MockTransport(handler),
            retry_policy=POLICY,
            rate_limit=None,
            sleep=sleep,
            now=lambda: 1_445_412_480.0,  # the date in RETRY_AFTER
        ) as tmdb:
            return await getattr(tmdb, method)(*arguments(method))

    returns = get_type_hints(getattr(AsyncTmdb, method))["return"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SpecDeviationWarning)
        try:
            result = asyncio.run(call())
        except TmdbError:
            pass
        else:
            assert isinstance(result, returns)
    assert len(attempts) <= POLICY.max_retries + 1
    assert sum(sleeps) <= WAIT_BOUND
