"""`import tmdb_facade` is light; every public name still resolves, on first use."""

from __future__ import annotations

import importlib
import json
import pkgutil
import subprocess
import sys

import pytest

import tmdb_facade
import tmdb_facade._generated.models
from tmdb_facade import models


def test_importing_the_package_loads_neither_httpx_nor_the_models() -> None:
    code = (
        "import sys, tmdb_facade; "
        "print(sorted(m for m in ('httpx', 'attrs', 'tmdb_facade._generated', 'anyio')"
        " if m in sys.modules))"
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


def _response_model_modules() -> set[str]:
    """The model modules a `Tmdb` method may need as soon as it exists: each endpoint's
    answer, the error answer, and `Image` (`image_url` checks its argument is one)."""
    import tmdb_facade._generated.api
    from tmdb_facade._generated.models import ErrorResponse, Image

    modules = {ErrorResponse.__module__, Image.__module__}
    for info in pkgutil.walk_packages(
        tmdb_facade._generated.api.__path__, "tmdb_facade._generated.api."
    ):
        endpoint = getattr(importlib.import_module(info.name), "ENDPOINT", None)
        if endpoint is not None:
            modules.add(endpoint.response_model.__module__)
    return modules


def test_a_sync_client_loads_no_async_machinery_and_no_nested_model() -> None:
    # What `Tmdb` users pay for at start-up (BENCHMARKS.md, import time): asyncio and anyio
    # serve only AsyncTmdb, and the nested models (cast, crew, episodes...) only the
    # answers that hold them, so they load when an answer is decoded.
    code = (
        "import json, sys; from tmdb_facade import Tmdb; Tmdb(api_key='x'); "
        "print(json.dumps(sorted(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(json.loads(out.stdout))
    assert sorted(loaded & {"asyncio", "anyio"}) == []
    models = {name for name in loaded if name.startswith("tmdb_facade._generated.models.")}
    assert models, "the check below would pass with no model loaded at all"
    assert sorted(models - _response_model_modules()) == []


def test_models_load_one_by_one_and_all_resolve() -> None:
    code = (
        "import sys; from tmdb_facade.models import SeasonCredits; "
        "print(sorted(m for m in sys.modules if m.startswith('tmdb_facade._generated.models.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # SeasonCredits imports its cast and crew models only when it builds one.
    assert out.stdout.strip() == "['tmdb_facade._generated.models.season_credits']"
    namespace: dict[str, object] = {}
    exec("from tmdb_facade.models import *", namespace)
    for name in tmdb_facade._generated.models.__all__:
        value = getattr(tmdb_facade._generated.models, name)
        assert getattr(models, name) is value is namespace[name], name
    assert set(tmdb_facade._generated.models.__all__) <= set(dir(models)) & set(
        dir(tmdb_facade._generated.models)
    )
    for module in (models, tmdb_facade._generated.models):
        with pytest.raises(AttributeError, match="no attribute 'SeasonCredit'"):
            _ = module.SeasonCredit
