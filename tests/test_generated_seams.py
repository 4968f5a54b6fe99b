"""The facade reaches the generated package only through its public names, and the custom
templates that add those names stay the generator's own templates plus marked blocks."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import openapi_python_client
import pytest

from tests.helpers import ROOT

TEMPLATES = ROOT / "openapi" / "templates"
UPSTREAM = Path(openapi_python_client.__file__).parent / "templates"
OUR_BLOCK = re.compile(r"\{# tmdb-facade: begin #\}.*?\{# tmdb-facade: end #\}\n?", re.DOTALL)
#: The generated endpoint modules' private helpers, which a module alias could still reach.
GENERATED_PRIVATE_HELPERS = {"_get_kwargs", "_parse_response", "_build_response"}
HAND_WRITTEN = [
    path
    for folder in ("facade", "tests", "scripts")
    for path in sorted((ROOT / folder).rglob("*"))
    if path.is_file()
    and (path.suffix == ".py" or path.read_bytes().startswith(b"#!/usr/bin/env python3"))
    and "__pycache__" not in path.parts
]


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def private_generated_imports(source: str) -> list[str]:
    """Private names imported from `tmdb_facade._generated`, and generated private helpers
    called anywhere."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            "tmdb_facade._generated"
        ):
            for alias in node.names:
                name = f"{node.module}.{alias.name}"
                # `_generated` is the package's own name: what it holds is public there.
                inside = name.removeprefix("tmdb_facade._generated.")
                if any(_private(part) for part in inside.split(".")):
                    found.append(name)
        elif isinstance(node, ast.Attribute) and node.attr in GENERATED_PRIVATE_HELPERS:
            found.append(node.attr)
    return found


def test_no_private_generated_name_is_used_outside_generated() -> None:
    offenders = {
        str(path.relative_to(ROOT)): names
        for path in HAND_WRITTEN
        if (names := private_generated_imports(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def test_the_private_name_check_catches_one() -> None:
    source = "from tmdb_facade._generated.api.people.person_images import _get_kwargs\n"
    assert private_generated_imports(source) == [
        "tmdb_facade._generated.api.people.person_images._get_kwargs"
    ]
    assert private_generated_imports("x = person_images._get_kwargs(1)\n") == ["_get_kwargs"]


@pytest.mark.parametrize("template", sorted(p.name for p in TEMPLATES.glob("*.jinja")))
def test_templates_are_the_generators_own_plus_marked_blocks(template: str) -> None:
    ours = (TEMPLATES / template).read_text(encoding="utf-8")
    upstream = (UPSTREAM / template).read_text(encoding="utf-8")
    assert OUR_BLOCK.search(ours), "a custom template without a tmdb-facade block"
    # Blank lines aside: ruff formats the generated code, so they never reach it.
    assert without_blank_lines(OUR_BLOCK.sub("", ours)) == without_blank_lines(upstream), (
        f"{template} no longer matches openapi-python-client {version('openapi-python-client')}'s "
        "own outside the tmdb-facade blocks: copy the new upstream template and add the blocks"
    )


def without_blank_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def test_the_sync_client_is_what_unasync_writes() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "unasync"), "--check"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
