"""Test settings: the sync/async client driver, and the cassette modes.

- By default cassette tests replay `tests/cassettes/` with the network blocked (only 127.0.0.1
  is reachable, for the fake server).
- `scripts/record` records them anew from the fake server (or, with `--live`, from TMDB).
- `pytest --live` runs them against the live API instead, with TMDB_ACCESS_TOKEN or
  TMDB_API_KEY, and skips them with the reason when neither is set.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests import cassette_config
from tests.cli import run_cli
from tests.clients import make_driver
from tmdb_facade._auth import resolve_credentials
from tmdb_facade.errors import MissingCredentialsError

__all__ = ["make_driver", "run_cli"]

LOOPBACK_HOSTS = "127.0.0.1,localhost,::1"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--live",
        action="store_true",
        default=False,
        help="run the cassette tests against the live TMDB API (needs TMDB_ACCESS_TOKEN or "
        "TMDB_API_KEY) instead of replaying tests/cassettes",
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--live"):
        config.option.disable_recording = True
    elif not config.getoption("--record-mode") or config.getoption("--record-mode") == "none":
        config.option.block_network = True
        config.option.allowed_hosts = config.option.allowed_hosts or LOOPBACK_HOSTS


def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    vcr.register_serializer(cassette_config.SERIALIZER, cassette_config.CassetteSerializer())


@pytest.fixture(autouse=True)
def no_proxy_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    """The clients honour HTTP_PROXY and the like (`trust_env`): a proxy set where the tests
    run must not stand between them and their servers on 127.0.0.1."""
    import os

    for name in list(os.environ):
        if name.lower().endswith("_proxy"):
            monkeypatch.delenv(name)


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return cassette_config.vcr_config()


def live_credentials() -> dict[str, str]:
    """The environment's credential as client keyword arguments, by the client's own rules."""
    try:
        credentials = resolve_credentials(None, None)
    except MissingCredentialsError:
        return {}
    return {credentials.kind: credentials.secret}
