"""The bundled responses: which body answers which path (`data/manifest.json`)."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

JsonObject = dict[str, Any]
_PACKAGE = "tmdb_facade.testing"


@dataclass(frozen=True)
class Recording:
    """One bundled body and where it came from."""

    file: str
    origin: str
    body: JsonObject
    encoded: bytes


def encode(body: object) -> bytes:
    """JSON as TMDB sends it: compact, UTF-8."""
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def _read(entry: dict[str, str]) -> Recording:
    text = files(_PACKAGE).joinpath("data", entry["file"]).read_text(encoding="utf-8")
    document = json.loads(text)
    # A live recording holds the whole exchange; a documentation example is the bare body.
    body = document["response"]["body"] if entry["format"] == "exchange" else document
    return Recording(file=entry["file"], origin=entry["origin"], body=body, encoded=encode(body))


@functools.cache
def manifest() -> JsonObject:
    """`data/manifest.json` as data."""
    text = files(_PACKAGE).joinpath("data", "manifest.json").read_text(encoding="utf-8")
    loaded: JsonObject = json.loads(text)
    return loaded


@functools.cache
def routes() -> dict[str, Recording]:
    """The body served at each request path, such as `/3/person/62/images`: the bundled ones,
    and the images of every episode of a bundled season that has none recorded."""
    served = {path: _read(entry) for path, entry in manifest()["routes"].items()}
    for path, recording in list(served.items()):
        if _SEASON.fullmatch(path):
            for episode in recording.body.get("episodes", []):
                images = f"{path}/episode/{episode['episode_number']}/images"
                served.setdefault(images, _no_stills(episode["id"]))
    return served


#: The path of a season's details, whose episodes' images are answered even where unrecorded.
_SEASON = re.compile(r"/3/tv/\d+/season/\d+")


def _no_stills(episode_id: int) -> Recording:
    # A fetch of a whole recorded season must not fail on an episode nobody recorded: its
    # answer says so honestly, the episode's own id and no stills, rather than borrowed ones.
    body = {"id": episode_id, "stills": []}
    origin = "made by the fake TMDB: no stills were recorded for this episode"
    return Recording(file="", origin=origin, body=body, encoded=encode(body))


@functools.cache
def not_found() -> Recording:
    """TMDB's real 404 body."""
    return _read(manifest()["not_found"])


def _paths_in(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key.endswith("_path") and isinstance(value, str) and value.startswith("/"):
                yield value
            else:
                yield from _paths_in(value)
    elif isinstance(node, list):
        for item in node:
            yield from _paths_in(item)


@functools.cache
def image_file_paths() -> frozenset[str]:
    """Every image file path (`file_path`, `profile_path`) in the served bodies."""
    return frozenset(path for route in routes().values() for path in _paths_in(route.body))
