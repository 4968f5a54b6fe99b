"""`import tmdb_facade` is light; every public name still resolves, on first use."""

from __future__ import annotations

import subprocess
import sys

import pytest

import tmdb_facade


def test_importing_the_package_loads_neither_httpx_nor_the_models() -> None:
    code = (
        "import sys, tmdb_facade; "
        "print(sorted(m for m in ('httpx', 'attrs', 'tmdb_api', 'anyio') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_public_name_resolves() -> None:
    for name in tmdb_facade.__all__:
        assert getattr(tmdb_facade, name) is not None, name
    assert set(tmdb_facade.__all__) <= set(dir(tmdb_facade))


def test_star_import_gives_the_clients() -> None:
    namespace: dict[str, object] = {}
    exec("from tmdb_facade import *", namespace)
    assert namespace["Tmdb"] is tmdb_facade.Tmdb
    assert namespace["RetryPolicy"] is tmdb_facade.RetryPolicy


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Tmbd'"):
        _ = tmdb_facade.Tmbd
