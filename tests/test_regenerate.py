"""Golden-record check: the committed openapi/tmdb.yaml and generated/ are exactly what TMDB's
document and our corrections produce; a new TMDB document is reported; a stale correction fails."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ROOT

SEASON_IMAGES = "/3/tv/{series_id}/season/{season_number}/images"


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A copy of the parts of the repository that scripts/regenerate reads and writes."""
    for part in ("scripts", "openapi", "generated"):
        shutil.copytree(ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def regenerate(root: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(root / "scripts" / "regenerate"), *options],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def check(root: Path) -> subprocess.CompletedProcess[str]:
    return regenerate(root, "--check")


def upstream(root: Path) -> Path:
    return root / "openapi" / "upstream" / "tmdb-api.openapi.json"


def load(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def test_committed_code_matches_the_spec(checkout: Path) -> None:
    result = check(checkout)
    assert result.returncode == 0, result.stdout + result.stderr


def test_hand_edited_generated_file_is_named(checkout: Path) -> None:
    edited = checkout / "generated" / "tmdb_facade" / "_generated" / "models" / "image.py"
    edited.write_text(edited.read_text() + "\n# edited by hand\n")
    result = check(checkout)
    assert result.returncode == 1
    assert "differs: generated/tmdb_facade/_generated/models/image.py" in result.stdout


def test_extra_and_missing_files_are_named(checkout: Path) -> None:
    (checkout / "generated" / "tmdb_facade" / "_generated" / "models" / "role.py").unlink()
    (checkout / "generated" / "tmdb_facade" / "_generated" / "stray.py").write_text("x = 1\n")
    result = check(checkout)
    assert result.returncode == 1
    assert "missing from generated/tmdb_facade/_generated: models/role.py" in result.stdout
    assert "not produced by the spec: generated/tmdb_facade/_generated/stray.py" in result.stdout


def test_correction_edit_without_regenerating_is_caught(checkout: Path) -> None:
    corrections = checkout / "openapi" / "corrections.overlay.yaml"
    corrections.write_text(corrections.read_text().replace("Number of user votes.", "How many."))
    result = check(checkout)
    assert result.returncode == 1
    assert "differs: openapi/tmdb.yaml" in result.stdout
    assert "differs: generated/tmdb_facade/_generated/models/image.py" in result.stdout
    assert "differs: generated/tmdb_facade/_generated/openapi.json" in result.stdout


def test_hand_edited_spec_is_caught(checkout: Path) -> None:
    spec = checkout / "openapi" / "tmdb.yaml"
    spec.write_text(spec.read_text().replace("Number of user votes.", "How many voted."))
    result = check(checkout)
    assert result.returncode == 1
    assert "differs: openapi/tmdb.yaml (generated: do not edit it)" in result.stdout
    # The generated code comes from TMDB's document and the corrections, not from the edit.
    assert "generated/tmdb_facade/_generated/" not in result.stdout


def test_a_correction_that_no_longer_applies_fails_naming_it(checkout: Path) -> None:
    # TMDB renames its one security scheme: our correction removing it matches nothing.
    document = load(upstream(checkout))
    schemes = document["components"]["securitySchemes"]
    schemes["bearer"] = schemes.pop("sec0")
    upstream(checkout).write_text(json.dumps(document), encoding="utf-8")
    spec_before = (checkout / "openapi" / "tmdb.yaml").read_bytes()
    result = regenerate(checkout)
    assert result.returncode == 1
    assert "correction #4 no longer applies" in result.stderr
    assert "$.components.securitySchemes.sec0 matches nothing" in result.stderr
    assert "Its reason: Row 5: the one scheme TMDB documents" in result.stderr
    assert (checkout / "openapi" / "tmdb.yaml").read_bytes() == spec_before


def test_an_operation_we_serve_gone_from_tmdbs_document_fails(checkout: Path) -> None:
    document = load(upstream(checkout))
    del document["paths"]["/3/person/{person_id}/images"]
    upstream(checkout).write_text(json.dumps(document), encoding="utf-8")
    result = regenerate(checkout)
    assert result.returncode == 1
    assert "x-operations names person-images, which TMDB's document no longer has" in (
        result.stderr
    )


def test_a_new_tmdb_document_is_reported_then_applied(checkout: Path, tmp_path: Path) -> None:
    document = load(upstream(checkout))
    paths = document["paths"]
    added = json.loads(json.dumps(paths["/3/tv/{series_id}/images"]))
    added["get"]["operationId"] = "tv-series-fan-art"
    paths["/3/tv/{series_id}/fan_art"] = added
    del paths["/3/movie/{movie_id}/images"]
    posters = paths[SEASON_IMAGES]["get"]["responses"]["200"]["content"]["application/json"]
    posters["schema"]["properties"]["posters"]["items"]["properties"]["vote_count"]["type"] = (
        "number"
    )
    paths["/3/tv/{series_id}"]["get"]["parameters"].pop()  # its last: `language`
    new = tmp_path / "new.json"
    new.write_text(json.dumps(document), encoding="utf-8")

    result = regenerate(checkout, "--upstream", str(new))
    assert result.returncode == 0, result.stdout + result.stderr
    report = result.stdout.splitlines()
    assert "  operation added: tv-series-fan-art, GET /3/tv/{series_id}/fan_art" in report
    assert "  operation removed: movie-images, GET /3/movie/{movie_id}/images" in report
    assert (
        "  field changed: tv-season-images (ours) 200 $.posters[].vote_count: integer -> number"
        in report
    )
    assert "  field removed: tv-series-details (ours) query parameter language: string" in report
    assert len([line for line in report if line.startswith("  ")]) == 4, report
    assert upstream(checkout).read_bytes() == new.read_bytes()
    # Our corrections replace both changed parts of the operations we serve.
    assert check(checkout).returncode == 0


def test_the_same_tmdb_document_reports_nothing(checkout: Path) -> None:
    result = regenerate(
        checkout, "--upstream", str(ROOT / "openapi" / "upstream" / "tmdb-api.openapi.json")
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(no operation or field changed)" in result.stdout


def test_regenerating_twice_is_byte_identical(checkout: Path) -> None:
    script = str(checkout / "scripts" / "regenerate")
    subprocess.run([sys.executable, script], check=True, capture_output=True, timeout=120)
    first = {p: p.read_bytes() for p in sorted((checkout / "generated").rglob("*.py"))}
    subprocess.run([sys.executable, script], check=True, capture_output=True, timeout=120)
    second = {p: p.read_bytes() for p in sorted((checkout / "generated").rglob("*.py"))}
    assert first == second
    assert check(checkout).returncode == 0


def test_a_new_tmdb_document_that_is_not_one_is_refused(checkout: Path, tmp_path: Path) -> None:
    before = upstream(checkout).read_bytes()
    for name, text in [("broken.json", '{"paths": '), ("other.json", '{"openapi": "3.1.0"}')]:
        (tmp_path / name).write_text(text, encoding="utf-8")
        result = regenerate(checkout, "--upstream", str(tmp_path / name))
        assert result.returncode == 1
        assert result.stderr.startswith(f"error: {tmp_path / name}: not a"), result.stderr
        assert "Traceback" not in result.stderr
    assert upstream(checkout).read_bytes() == before
