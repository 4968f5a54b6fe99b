"""Everything the README names is importable from `tmdb_facade`, and the package's summary
says what the spec covers."""

from __future__ import annotations

import importlib
import pkgutil
import re
import subprocess
import sys
import tomllib

import yaml

import tmdb_facade
from tests.helpers import ROOT
from tmdb_facade import errors
from tmdb_facade.errors import TmdbError


def test_every_name_in_all_imports_by_name() -> None:
    # `from tmdb_facade import X`, in a fresh process, as a reader of the README types it.
    code = "".join(f"from tmdb_facade import {name}\n" for name in tmdb_facade.__all__)
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def _subclasses(cls: type) -> set[type]:
    direct: set[type] = set(cls.__subclasses__())
    return direct.union(*(_subclasses(sub) for sub in direct))


def test_every_public_error_is_exported() -> None:
    # Every module loaded, so that an error class defined anywhere is found.
    for info in pkgutil.walk_packages(tmdb_facade.__path__, "tmdb_facade."):
        if ".cli." not in info.name and not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    public = {
        cls
        for cls in _subclasses(TmdbError) | {TmdbError}
        if cls.__module__.startswith("tmdb_facade") and not cls.__name__.startswith("_")
    }
    assert {cls.__name__ for cls in public} >= {"RateLimiterError", "NotFoundError"}
    for cls in public:
        assert cls.__name__ in tmdb_facade.__all__, cls
        assert getattr(tmdb_facade, cls.__name__) is cls
    for name in errors.__all__:
        if isinstance(getattr(errors, name), type):
            assert getattr(tmdb_facade, name) is getattr(errors, name)


def test_rate_limiter_error_is_one_class_wherever_it_is_imported() -> None:
    from tmdb_facade import RateLimiterError, ratelimit

    assert ratelimit.RateLimiterError is RateLimiterError
    assert issubclass(RateLimiterError, TmdbError)


def test_unset_is_the_models_own() -> None:
    from tmdb_facade._generated.types import UNSET, Unset

    assert tmdb_facade.UNSET is UNSET
    assert tmdb_facade.Unset is Unset


def test_the_summary_names_what_the_spec_covers_and_no_count() -> None:
    summary = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["description"]
    spec = yaml.safe_load((ROOT / "openapi" / "tmdb.yaml").read_text())
    nouns = {"tv": "TV", "person": "person", "configuration": "configuration"}
    # What each path is about: /3/tv/... -> TV; /3/tv/{id}/season/{n}/credits -> credits...
    for path in spec["paths"]:
        words = [part for part in path.split("/")[2:] if not part.startswith("{")]
        assert nouns[words[0]] in summary, path
        for word in words[1:]:
            assert word.split("_")[-1].rstrip("s") in summary, path
    # A count goes stale whenever an operation is added.
    assert not re.search(
        r"\b(one|two|three|four|five|six|seven|eight|nine|ten|\d+) endpoints?", summary
    )
