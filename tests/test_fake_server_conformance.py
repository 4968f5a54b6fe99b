"""Schemathesis drives the fake server with inputs made from the spec, valid and invalid, and
checks that every answer is one the spec allows: a documented status, its content type, a body
of its schema and its headers (Retry-After on 429).

The run is bounded (at most 30 generated examples per operation and phase, plus schemathesis'
boundary cases) and derandomised: the same requests on every run.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from schemathesis import GenerationMode

from tests.helpers import ROOT
from tmdb_facade.testing import FakeTmdb

CHECKS = [
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
    "response_headers_conformance",
    # Out-of-spec inputs (ids below 1, `language=EN`, ...) must be refused, valid ones not.
    "negative_data_rejection",
    "positive_data_acceptance",
]

# The type of the operation does not matter here.
Case = schemathesis.Case[Any]

schema = schemathesis.openapi.from_path(ROOT / "openapi" / "tmdb.yaml")
schema.config.generation.update(
    modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
    max_examples=30,
    deterministic=True,
    database="none",
)
schema.config.checks.update(included_check_names=CHECKS)


@pytest.fixture(scope="module")
def server() -> Iterator[FakeTmdb]:
    with FakeTmdb() as server:
        yield server


@pytest.fixture(scope="module")
def limited_server() -> Iterator[FakeTmdb]:
    # Refills so slowly that, after the first few requests, every answer is a 429.
    with FakeTmdb(rate_limit=0.01, burst=3) as server:
        yield server


@schema.parametrize()
def test_every_answer_is_one_the_spec_allows(case: Case, server: FakeTmdb) -> None:
    case.call_and_validate(base_url=server.url, headers=server.auth_headers)


@schema.parametrize()
def test_rate_limited_answers_are_ones_the_spec_allows(
    case: Case, limited_server: FakeTmdb
) -> None:
    case.call_and_validate(base_url=limited_server.url, headers=limited_server.auth_headers)


def test_the_runs_above_reached_every_outcome(server: FakeTmdb, limited_server: FakeTmdb) -> None:
    # So that a broken credential (all 401) cannot pass the runs above vacuously. The servers
    # are module-scoped: when the tests above ran, they have answered their requests.
    if not server.requests or not limited_server.requests:
        pytest.skip("needs the two schemathesis runs above in the same session")
    statuses = {request.status for request in server.requests}
    assert {200, 404, 422} <= statuses
    assert limited_server.rate_limited_count > 100
