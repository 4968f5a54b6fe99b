"""Adding an endpoint is a spec edit, `scripts/regenerate`, and one method on `AsyncTmdb`.

This does it for real on a copy of the repository: it adds TMDB's season external ids to the
spec (selected from TMDB's document and corrected in openapi/corrections.overlay.yaml),
regenerates, writes the method below (the whole hand-written change), lets
`scripts/unasync` write the sync twin, and calls the new method on both clients.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

#: The spec edit: TMDB's document has the operation; our corrections select it and give it
#: our shared parameters and a typed answer (openapi/README.md, "Adding an operation").
SELECT = "- tv-season-external-ids\n"
PATH = "/3/tv/{series_id}/season/{season_number}/external_ids"
CORRECTIONS = """\
- target: $.paths['<path>'].get['summary','description','parameters','responses','deprecated']
  description: tv-season-external-ids gets ours (below).
  remove: true
- target: $.paths['<path>'].get
  description: tv-season-external-ids with the shared, bounded parameters and a typed answer.
  update:
    summary: Season external ids
    tags: [tv-seasons]
    parameters:
      - $ref: "#/components/parameters/SeriesId"
      - $ref: "#/components/parameters/SeasonNumber"
    responses:
      "200":
        description: The season's ids in other databases.
        content:
          application/json:
            schema:
              type: object
              title: SeasonExternalIds
              required: [id]
              properties:
                id: {type: integer}
                tvdb_id: {type: ["integer", "null"]}
      "404":
        $ref: "#/components/responses/NotFound"
""".replace("<path>", PATH)

#: The whole hand-written change: an import, a method on AsyncTmdb (after its last one), and
#: its line in `with_raw_response` (the end of the file).
IMPORT = "from tmdb_facade._generated.api.tv_seasons import tv_season_external_ids\n"
METHOD = '''
    async def season_external_ids(
        self, series_id: int, season_number: int, **options: Unpack[CallOptions]
    ) -> SeasonExternalIds:
        """A season's ids in other databases: `tmdb.season_external_ids(1396, 1).tvdb_id`."""
        return await self._request(
            tv_season_external_ids.ENDPOINT, series_id, season_number, options=options
        )
'''
RAW = "    season_external_ids = AsyncRawMethod(AsyncTmdb.season_external_ids)\n"
MODEL_IMPORT = "from tmdb_facade._generated.models import SeasonExternalIds\n"
HAND_WRITTEN_LINES = len((IMPORT + MODEL_IMPORT + METHOD + RAW).strip().splitlines())

CALL_BOTH = """
import asyncio, httpx
from tmdb_facade import AsyncTmdb, Tmdb

def answer(request):
    assert request.url.path == "/3/tv/1396/season/1/external_ids", request.url
    return httpx.Response(200, json={"id": 3572, "tvdb_id": 30272})

with Tmdb("token", transport=httpx.MockTransport(answer)) as tmdb:
    print(tmdb.season_external_ids(1396, 1, max_retries=0).tvdb_id)
    print(tmdb.with_raw_response.season_external_ids(1396, 1).parse().tvdb_id)

async def main():
    async with AsyncTmdb("token", transport=httpx.MockTransport(answer)) as tmdb:
        print((await tmdb.season_external_ids(1396, 1)).tvdb_id)

asyncio.run(main())
"""


def run(*command: str, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, check=False, timeout=180, env=env
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    for part in ("scripts", "openapi", "generated", "facade"):
        shutil.copytree(ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def test_a_new_endpoint_needs_a_spec_edit_and_one_method(checkout: Path) -> None:
    overlay = checkout / "openapi" / "corrections.overlay.yaml"
    text = overlay.read_text(encoding="utf-8").replace(
        "\nactions:\n", "\n" + SELECT + "actions:\n", 1
    )
    overlay.write_text(text + CORRECTIONS, encoding="utf-8")
    run(sys.executable, "scripts/regenerate", cwd=checkout)

    client = checkout / "facade" / "tmdb_facade" / "_async_client.py"
    source = client.read_text(encoding="utf-8")
    anchor = "from tmdb_facade._generated.types import Endpoint\n"
    source = source.replace(anchor, IMPORT + MODEL_IMPORT + anchor, 1)
    last_method = "\n\nclass AsyncRawMethod"
    client.write_text(source.replace(last_method, METHOD + last_method, 1) + RAW)
    run(sys.executable, "scripts/unasync", cwd=checkout)

    path = os.pathsep.join([str(checkout / "facade"), str(checkout / "generated")])
    env = {**os.environ, "PYTHONPATH": path}
    out = run(sys.executable, "-c", CALL_BOTH, cwd=checkout, env=env)
    assert out.split() == ["30272", "30272", "30272"]
    assert HAND_WRITTEN_LINES <= 15
