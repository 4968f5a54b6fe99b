"""Run the Python blocks of a Markdown file, as a reader would: top to bottom, in one
namespace, so that a block may use what an earlier one defined.

Hand-written rather than with pytest-examples: that tool also formats and lints each block
(black and ruff, with its own settings) and wants its own print-output syntax; the docs need
only "does every block run as written", which is a fence parser and `exec`.

A block is a fence whose info string starts with `python` (or `py`). One that cannot run
here (it needs the live TMDB, say) is marked in its info string, which Markdown renderers
ignore after the language:

    ```python skip needs a live TMDB account
    ...
    ```

Blocks may use top-level `await`: such a block runs in its own event loop.
"""

from __future__ import annotations

import ast
import asyncio
import inspect
import re
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# An opening fence (``` or ~~~, three or more) with its info string; CommonMark, section 4.5.
_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


@dataclass(frozen=True)
class Block:
    """A Python block: where it starts (the line after its fence), its code, and why it is
    skipped (None: it runs)."""

    path: Path
    line: int
    code: str
    skip: str | None

    @property
    def where(self) -> str:
        return f"{self.path.name}:{self.line}"


def python_blocks(path: Path) -> list[Block]:
    """The Python blocks of the Markdown file at `path`, in order."""
    blocks: list[Block] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        index += 1
        if opening is None:
            continue
        fence, indent = opening["fence"], len(opening["indent"])
        words = opening["info"].split()
        body: list[str] = []
        start = index + 1
        # The block runs to a closing fence of the same kind, at least as long, or the end.
        while index < len(lines) and not re.fullmatch(
            rf" {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}\s*", lines[index]
        ):
            body.append(lines[index][indent:] if lines[index][:indent].isspace() else lines[index])
            index += 1
        index += 1
        if words and words[0].lower() in ("python", "py"):
            skip = None
            if len(words) > 1 and words[1] == "skip":
                skip = " ".join(words[2:]) or "marked skip"
            blocks.append(Block(path, start, "\n".join(body) + "\n", skip))
    return blocks


@dataclass(frozen=True)
class Outcome:
    """What became of one block: `passed`, `skipped: WHY` or `failed: ERROR`."""

    block: Block
    result: str


def run_block(block: Block, namespace: dict[str, Any]) -> None:
    """Run `block` in `namespace`; its exceptions go up as they are."""
    code = compile(
        block.code, f"{block.path}:{block.line}", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
    )
    if code.co_flags & inspect.CO_COROUTINE:
        asyncio.run(eval(code, namespace))
    else:
        exec(code, namespace)


def run_markdown(path: Path) -> list[Outcome]:
    """Run the Python blocks of `path` in order, in one namespace, up to the first failure."""
    namespace: dict[str, Any] = {"__name__": "__main__"}
    outcomes: list[Outcome] = []
    for block in python_blocks(path):
        if block.skip is not None:
            outcomes.append(Outcome(block, f"skipped: {block.skip}"))
            continue
        try:
            run_block(block, namespace)
        except Exception as error:
            # The line in the Markdown file where it failed, not only in the block.
            frames = [
                f
                for f in traceback.extract_tb(error.__traceback__)
                if f.filename == f"{block.path}:{block.line}"
            ]
            line = block.line + (frames[-1].lineno or 1) - 1 if frames else block.line
            failure = f"failed: {path.name}:{line}: {type(error).__name__}: {error}"
            outcomes.append(Outcome(block, failure))
            break
        outcomes.append(Outcome(block, "passed"))
    return outcomes


def failures(outcomes: list[Outcome]) -> list[str]:
    """The failed outcomes' messages."""
    return [o.result.removeprefix("failed: ") for o in outcomes if o.result.startswith("failed")]
