"""Every Python block of the docs runs as written, against the fake TMDB (issue 19).

`DOC_FILES` lists the files checked; a file in it that does not exist yet is skipped. The
blocks of one file run top to bottom in one namespace (`tests/docs_blocks.py`), with
TMDB_BASE_URL, TMDB_IMAGE_BASE_URL and TMDB_ACCESS_TOKEN pointing at a `FakeTmdb`, and in a
folder of their own (the current directory, and the cache's home). A block that needs the
live API is marked in its fence: ```` ```python skip WHY ````.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli import CLI_ENVIRONMENT, cache_home
from tests.docs_blocks import failures, python_blocks, run_markdown
from tests.helpers import ROOT
from tmdb_facade.testing import FakeTmdb

#: The docs whose blocks must run. Empty until README.md is rewritten to run as written.
DOC_FILES: list[str] = ["README.md", "CONTRIBUTING.md"]

SAMPLE = Path(__file__).parent / "data" / "docs" / "runner_sample.md"


@pytest.fixture
def against_the_fake(
    fake_tmdb: FakeTmdb, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> FakeTmdb:
    """The environment the docs' blocks run in: the fake TMDB, a folder of their own."""
    for name in CLI_ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TMDB_BASE_URL", fake_tmdb.url)
    monkeypatch.setenv("TMDB_IMAGE_BASE_URL", fake_tmdb.image_base_url)
    monkeypatch.setenv("TMDB_ACCESS_TOKEN", fake_tmdb.access_token)
    for name, value in cache_home(tmp_path / "cache-home").items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)
    return fake_tmdb


@pytest.mark.parametrize("name", DOC_FILES)
@pytest.mark.usefixtures("against_the_fake")
def test_every_python_block_of_the_docs_runs(name: str) -> None:
    path = ROOT / name
    if not path.exists():
        pytest.skip(f"{name} does not exist yet")
    assert python_blocks(path), f"{name} has no Python block"
    assert failures(run_markdown(path)) == []


def test_the_runner_finds_python_blocks_only_and_their_lines() -> None:
    blocks = python_blocks(SAMPLE)
    assert [block.line for block in blocks] == [10, 19, 28, 32, 38]
    assert [block.skip for block in blocks] == [
        None,
        None,
        "needs a live TMDB account",
        None,
        None,
    ]
    assert blocks[0].code.startswith("from tmdb_facade import Tmdb\n")
    assert all("not Python" not in block.code for block in blocks)


def test_the_runner_passes_skips_and_stops_at_the_first_failure(
    against_the_fake: FakeTmdb,
) -> None:
    outcomes = run_markdown(SAMPLE)
    assert [o.result.partition(":")[0] for o in outcomes] == [
        "passed",
        "passed",
        "skipped",
        "failed",
    ]
    # The failure names the Markdown file's line, not the block's.
    assert failures(outcomes) == [
        "runner_sample.md:33: NameError: name 'undefined_name' is not defined"
    ]
    assert len(against_the_fake.requests) == 2  # the two passing blocks did run


def test_a_missing_name_fails_in_a_block_of_its_own(tmp_path: Path) -> None:
    doc = tmp_path / "doc.md"
    doc.write_text("```python\nprint(tmdb)\n```\n")
    assert failures(run_markdown(doc)) == ["doc.md:2: NameError: name 'tmdb' is not defined"]
