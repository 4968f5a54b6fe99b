"""The figures that need no server: typed parse of big credits, its scaling, import time,
installed size."""

from __future__ import annotations

import gc
import importlib
import importlib.metadata
import json
import re
import subprocess
import sys
import tempfile
import time
import tomllib
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import orjson
from _bench_network import linear_fit
from _bench_util import Figure, median, progress, table
from themoviedb._core.response import normalize_response
from themoviedb.schemas.credits import Credits
from themoviedb.utils import as_dataclass

from tmdb_facade import _spec
from tmdb_facade._calls import api_call
from tmdb_facade._generated.api.tv_seasons import tv_season_aggregate_credits, tv_season_credits
from tmdb_facade._generated.models import SeasonAggregateCredits, SeasonCredits
from tmdb_facade.testing import _data

ROOT = Path(__file__).resolve().parent.parent
Model = type[SeasonCredits] | type[SeasonAggregateCredits]
ROUTES: dict[str, tuple[str, str, Model]] = {
    "credits": ("/3/tv/1396/season/1/credits", "tv-season-credits", SeasonCredits),
    "aggregate credits": (
        "/3/tv/1396/season/1/aggregate_credits",
        "tv-season-aggregate-credits",
        SeasonAggregateCredits,
    ),
}


def big_body(kind: str, people: int) -> bytes:
    """The recorded body of `kind`, its cast and crew repeated to `people` in all (in the
    recorded proportion), each with an id of its own, encoded as TMDB sends JSON."""
    body = _data.routes()[ROUTES[kind][0]].body
    cast, crew = body["cast"], body["crew"]
    in_cast = round(people * len(cast) / (len(cast) + len(crew)))

    def grow(items: list[dict[str, Any]], count: int, first_id: int) -> list[dict[str, Any]]:
        return [dict(items[i % len(items)], id=first_id + i) for i in range(count)]

    grown = dict(body, cast=grow(cast, in_cast, 1), crew=grow(crew, people - in_cast, 10**7))
    return _data.encode(grown)


def decoder(kind: str) -> Callable[[bytes], object]:
    """The facade's own decoding of a 200 answer's body (what `Tmdb.season_credits` runs)."""
    if kind == "credits":
        decode_credits = api_call(tv_season_credits.ENDPOINT, (1396, 1), {}).decode
        return lambda content: decode_credits(content, False)  # the default, tolerant mode
    decode_aggregate = api_call(tv_season_aggregate_credits.ENDPOINT, (1396, 1), {}).decode
    return lambda content: decode_aggregate(content, False)


def _jsonschema_rs_validator(operation: str) -> Any:
    """jsonschema-rs's validator of the operation's 200 body, or None where it is not installed:
    the library validated with it until its checks were generated into the models (it is in
    no dependency of the project any more; `pip install jsonschema-rs` brings its rows back)."""
    try:
        # By name, so that type-checking needs it no more than running does.
        jsonschema_rs = importlib.import_module("jsonschema_rs")
    except ImportError:
        return None
    return jsonschema_rs.validator_for(_spec.response_schema(operation, 200))


def generated_path(kind: str, validator: Any) -> Callable[[bytes], object]:
    """Decoding as the facade first did: json.loads, jsonschema-rs, the generated from_dict."""
    model = ROUTES[kind][2]

    def decode(content: bytes) -> object:
        body = json.loads(content)
        assert validator.is_valid(body)
        return model.from_dict(body)

    return decode


def themoviedb_parse(content: bytes) -> object:
    """themoviedb's typed parse, as its transport and route do it (dacite)."""
    return as_dataclass(Credits, normalize_response(json.loads(content)))


Step = tuple[Callable[[Any], object], Callable[[bytes], Any]]
"""What to time, and how to make its input from the body (not timed)."""


def _same(content: bytes) -> bytes:
    return content


def best_of(step: Callable[[Any], object], content: bytes, repeat: int) -> float:
    """Median seconds of `repeat` calls of `step(content)`."""
    return timed_step((step, _same), content, repeat)


def timed_step(step: Step, content: bytes, repeat: int) -> float:
    """Median seconds of `repeat` calls, each on a fresh input."""
    function, prepare = step
    times = []
    for _ in range(repeat):
        argument = prepare(content)
        start = time.perf_counter()
        function(argument)
        times.append(time.perf_counter() - start)
    return median(times)


def parse(rounds: int, people: int = 5000) -> Figure:
    rows, ratios, metrics = [], {}, {}
    for kind, (_, operation, model) in ROUTES.items():
        progress(f"parse: {people:,}-person {kind}")
        content = big_body(kind, people)
        validator = _jsonschema_rs_validator(operation)
        steps: dict[str, Step] = {
            "json.loads": (json.loads, _same),
            "orjson.loads": (orjson.loads, _same),
            # The generated from_decoded checks the body against the spec as it builds.
            "generated from_dict (on parsed JSON)": (model.from_dict, orjson.loads),
            "generated from_decoded (on parsed JSON)": (model.from_decoded, orjson.loads),
            "tmdb_facade decode (typed, validated)": (decoder(kind), _same),
            "themoviedb (json.loads + dacite)": (themoviedb_parse, _same),
        }
        if validator is not None:
            steps["jsonschema-rs is_valid (on parsed JSON)"] = (validator.is_valid, orjson.loads)
            steps["before: json.loads + jsonschema-rs + from_dict"] = (
                generated_path(kind, validator),
                _same,
            )
        seconds: dict[str, list[float]] = defaultdict(list)
        kind_ratios: dict[str, list[float]] = defaultdict(list)
        for _ in range(rounds):
            this_round = {name: timed_step(step, content, 5) for name, step in steps.items()}
            for name, value in this_round.items():
                seconds[name].append(value)
                kind_ratios[name].append(value / this_round["json.loads"])
        for name in steps:
            rows.append(
                [
                    kind,
                    name,
                    f"{median(seconds[name]) * 1e3:.1f}",
                    f"{median(kind_ratios[name]):.2f}x",
                ]
            )
            metrics[f"parse_ms:{kind}:{name}"] = median(seconds[name]) * 1e3
        ratios[kind] = median(kind_ratios["tmdb_facade decode (typed, validated)"])
        metrics[f"parse_ratio:{kind}"] = ratios[kind]
        metrics[f"parse_ratio_themoviedb:{kind}"] = median(
            kind_ratios["themoviedb (json.loads + dacite)"]
        )
    return Figure(
        f"Typed parse of a {people:,}-person response",
        "≤ 2x json.loads",
        ", ".join(f"{kind} {ratio:.2f}x" for kind, ratio in ratios.items())
        + " (themoviedb "
        + ", ".join(f"{metrics[f'parse_ratio_themoviedb:{kind}']:.0f}x" for kind in ROUTES)
        + ")",
        max(ratios.values()) <= 2.0,
        table(["response", "step", "ms", "vs json.loads"], rows),
        metrics,
    )


def _gc_paused(function: Callable[[bytes], object]) -> Callable[[bytes], object]:
    """`function` with CPython's cyclic garbage collector paused: a diagnostic, to show how much
    of the growth per person is the collector walking an ever bigger heap."""

    def paused(content: bytes) -> object:
        gc.disable()
        try:
            return function(content)
        finally:
            gc.enable()

    return paused


def parse_scaling(sizes: Sequence[int] = (100, 500, 1000, 2000, 5000, 10000, 20000)) -> Figure:
    rows, r2s, paused_r2s = [], [], []
    for kind in ROUTES:
        progress(f"parse scaling: {kind}")
        decode = decoder(kind)
        points, paused_points = [], []
        for people in sizes:
            content = big_body(kind, people)
            repeat = max(5, min(50, 200_000 // people))
            seconds = best_of(decode, content, repeat)
            paused = best_of(_gc_paused(decode), content, repeat)
            loads = best_of(json.loads, content, repeat)
            fast_loads = best_of(orjson.loads, content, repeat)
            points.append((people, seconds))
            paused_points.append((people, paused))
            per_person, paused_per_person = seconds / people * 1e6, paused / people * 1e6
            rows.append(
                [
                    kind,
                    f"{people:,}",
                    f"{seconds * 1e3:.2f}",
                    f"{per_person:.2f}",
                    f"{paused_per_person:.2f}",
                    f"{fast_loads / people * 1e6:.2f}",
                    f"{loads / people * 1e6:.2f}",
                    f"{seconds / loads:.2f}x",
                ]
            )
        slope, _, r2 = linear_fit(points)
        paused_slope, _, paused_r2 = linear_fit(paused_points)
        r2s.append(r2)
        paused_r2s.append(paused_r2)
        paused_fit = f"{paused_slope * 1e6:.2f} µs/person, R² {paused_r2:.4f}"
        fit = [kind, "fit", f"{slope * 1e6:.2f} µs/person", f"R² {r2:.4f}", paused_fit]
        rows.append([*fit, "", "", ""])
    return Figure(
        "Scaling: typed parse time against people, 100 to 20,000",
        "linear",
        f"R² {min(r2s):.4f} (worst of the two); {min(paused_r2s):.4f} with the cyclic GC paused",
        min(r2s) >= 0.99,
        table(
            [
                "response",
                "people",
                "ms",
                "µs per person",
                "µs per person, GC paused",
                "of which orjson.loads, µs per person",
                "json.loads, µs per person",
                "vs json.loads",
            ],
            rows,
        ),
    )


IMPORTS = {
    "import httpx": "import httpx",
    "import tmdbsimple": "import tmdbsimple",
    "import themoviedb": "import themoviedb",
    "import tmdb_facade": "import tmdb_facade",
    "from tmdb_facade import Tmdb": 'from tmdb_facade import Tmdb; Tmdb(api_key="x")',
    "from tmdb_facade import AsyncTmdb": (
        'from tmdb_facade import AsyncTmdb; AsyncTmdb(api_key="x")'
    ),
}
TMDB = "from tmdb_facade import Tmdb"
#: The peers measured beside the facade, as the `bench` group of pyproject.toml pins them.
PEERS = ("tmdbsimple", "themoviedb")


def _peer_requirements() -> list[str]:
    with (ROOT / "pyproject.toml").open("rb") as file:
        bench = tomllib.load(file)["dependency-groups"]["bench"]
    return [r for r in bench if isinstance(r, str) and re.split(r"[<>=!~\[; ]", r)[0] in PEERS]


def _import_venv(where: Path) -> Path:
    """A venv with tmdb-facade (built from this checkout, no extras) and the peers, and nothing
    of the dev group: there click, when installed, makes `import httpx` also import httpx's
    command line (about 30 ms), which users of the library alone never pay."""
    subprocess.run([sys.executable, "-m", "venv", str(where)], check=True)
    python = where / "bin" / "python"
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, str(ROOT), *_peer_requirements()], check=True)
    probe = "import importlib.util as u; print(u.find_spec('click') is None)"
    out = subprocess.run([python, "-c", probe], capture_output=True, text=True, check=True)
    if out.stdout.strip() != "True":
        raise RuntimeError("click is installed in the import benchmark's venv")
    return python


def _import_seconds(python: Path, statement: str) -> float:
    code = (
        f"import time; start = time.perf_counter(); {statement}; print(time.perf_counter() - start)"
    )
    out = subprocess.run([python, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout)


def import_time(rounds: int) -> Figure:
    with tempfile.TemporaryDirectory(prefix="tmdb-bench-import-") as tmp:
        progress("import: a venv with the library alone and the peers (pip install)")
        python = _import_venv(Path(tmp) / "venv")
        seconds: dict[str, list[float]] = defaultdict(list)
        for statement in IMPORTS.values():
            _import_seconds(python, statement)  # bytecode caches written, files in the page cache
        for _ in range(rounds):
            for name, statement in IMPORTS.items():
                seconds[name].append(_import_seconds(python, statement))
    ms = {name: median(values) * 1e3 for name, values in seconds.items()}
    httpx_ratio = ms[TMDB] / ms["import httpx"]
    rows = [
        [IMPORTS[name], f"{value:.1f}", f"{value / ms['import httpx']:.2f}x"]
        for name, value in ms.items()
    ]
    return Figure(
        f"python -c '{IMPORTS[TMDB]}'",
        "≤ import tmdbsimple, ≤ 1.3x import httpx (a venv without click)",
        f"{ms[TMDB]:.0f} ms: {httpx_ratio:.2f}x httpx, tmdbsimple {ms['import tmdbsimple']:.0f} ms",
        ms[TMDB] <= ms["import tmdbsimple"] and httpx_ratio <= 1.3,
        table(["statement (fresh interpreter)", "ms (median)", "vs import httpx"], rows),
        {f"import_ms:{name}": value for name, value in ms.items()},
    )


#: What every virtual environment holds before anything is installed into it.
VENV_OWN = {"pip", "setuptools"}


def installed_size(root: Path = ROOT) -> Figure:
    """What `pip install tmdb-facade` (no extra) puts on disk, by distribution: the project at
    `root` is built and installed, with its requirements from the package index, into an empty
    folder."""
    progress(f"install size: pip install {root} into an empty folder")
    with tempfile.TemporaryDirectory(prefix="tmdb-facade-size-") as folder:
        target = Path(folder) / "site-packages"
        pip = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        pip.append("--no-warn-conflicts")  # with the running environment, which is not the target
        subprocess.run([*pip, "--target", str(target), str(root)], check=True)
        sizes = {}
        for dist in importlib.metadata.distributions(path=[str(target)]):
            name = dist.metadata["Name"]
            # Disk use, as `du` counts it: whole blocks.
            files = {Path(str(dist.locate_file(f))).resolve() for f in dist.files or []}
            used = sum(p.stat().st_blocks * 512 for p in files if p.is_file())
            sizes[name] = (dist.version, used)
        everything = sum(p.stat().st_blocks * 512 for p in target.rglob("*") if p.is_file())
    total = sum(used for name, (_, used) in sizes.items() if name not in VENV_OWN)
    rows = [
        [name, version, f"{used / 1e6:.2f}", f"{used / total:.0%}"]
        for name, (version, used) in sorted(sizes.items(), key=lambda item: -item[1][1])
        if name not in VENV_OWN
    ]
    rows.append(["all of them", "", f"{total / 1e6:.2f}", "100%"])
    unlisted = everything - sum(used for _, used in sizes.values())
    return Figure(
        "Installed size without the command line",
        "≤ 15 MB",
        f"{total / 1e6:.1f} MB in {len(rows) - 1} distributions",
        total <= 15e6,
        table(["distribution", "version", "MB on disk", "share"], rows)
        + f"\n\nFiles outside every distribution's RECORD: {unlisted / 1e6:.2f} MB.",
        {"install_mb": total / 1e6},
    )
