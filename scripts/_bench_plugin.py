"""What the `fake_tmdb` pytest plugin costs every pytest run of a project that installs us.

pytest loads the plugin (the `pytest11` entry point) in every run, fixture used or not. The
figure times a project with one trivial test and no conftest, in a fresh interpreter each
time, three ways: without the plugin, with it, and with the fake server imported at startup,
which is what the plugin did before it imported the server inside the fixture. Other
installed plugins (the dev group's schemathesis and pytest-recording take seconds) would
drown the figure: entry-point plugins are off (PYTEST_DISABLE_PLUGIN_AUTOLOAD) and ours is
loaded by name, as pytest loads it from its entry point.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from _bench_util import Figure, median, table

# Every variant starts pytest from the same `python -c` line; only what runs before differs.
LAUNCH = "import sys, pytest; sys.exit(pytest.main())"
PLUGIN = ["-p", "tmdb_facade.testing.pytest_plugin"]
SERVER = "import tmdb_facade.testing._server; "
VARIANTS = {
    "without the plugin": ("", []),
    "with the plugin": ("", PLUGIN),
    "with the plugin, fake server imported at startup (before)": (SERVER, PLUGIN),
}
WITHOUT, WITH, BEFORE = VARIANTS
# What each variant imports on top of pytest: the target is judged on this, measured alone,
# since a whole pytest run moves by ±50 ms on this shared machine.
IMPORTS = {
    WITHOUT: "",
    WITH: "import tmdb_facade.testing.pytest_plugin; ",
    BEFORE: "import tmdb_facade.testing.pytest_plugin; " + SERVER,
}
TARGET_MS = 10.0


def _run(project: Path, preload: str, options: list[str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one pytest run in a fresh interpreter."""
    command = [sys.executable, "-c", preload + LAUNCH, "-q", "-p", "no:cacheprovider", *options]
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    environment = {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    subprocess.run(command, cwd=project, env=environment, capture_output=True, check=True)
    wall = time.perf_counter() - start
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    return wall, cpu


def _import_seconds(statements: str) -> float:
    """Seconds `statements` take in a fresh interpreter that has already imported pytest."""
    code = f"import time, pytest; start = time.perf_counter(); {statements}"
    code += "print(time.perf_counter() - start)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout)


def pytest_plugin_cost(rounds: int) -> Figure:
    wall: dict[str, list[float]] = defaultdict(list)
    cpu: dict[str, list[float]] = defaultdict(list)
    imports: dict[str, list[float]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        (project / "test_nothing.py").write_text("def test_nothing():\n    pass\n")
        for preload, options in VARIANTS.values():
            _run(project, preload, options)  # bytecode caches written, files in the page cache
        names = list(VARIANTS)
        for round_number in range(rounds):
            shift = round_number % len(names)  # a rotated order: no variant always runs first
            for name in names[shift:] + names[:shift]:
                seconds, used = _run(project, *VARIANTS[name])
                wall[name].append(seconds)
                cpu[name].append(used)
                imports[name].append(_import_seconds(IMPORTS[name]))
    wall_ms = {name: median(values) * 1e3 for name, values in wall.items()}
    cpu_ms = {name: median(values) * 1e3 for name, values in cpu.items()}
    import_ms = {name: median(values) * 1e3 for name, values in imports.items()}
    rows = [
        [
            name,
            f"{import_ms[name]:.1f}",
            f"{wall_ms[name]:.0f}",
            f"{wall_ms[name] - wall_ms[WITHOUT]:+.0f}",
            f"{cpu_ms[name]:.0f}",
            f"{cpu_ms[name] - cpu_ms[WITHOUT]:+.0f}",
        ]
        for name in VARIANTS
    ]
    return Figure(
        "pytest run of a one-test project, with the fake_tmdb plugin installed",
        f"importing the plugin ≤ {TARGET_MS:.0f} ms",
        f"{import_ms[WITH]:.1f} ms (as before, with the server: {import_ms[BEFORE]:.0f} ms); "
        f"run {wall_ms[WITHOUT]:.0f} → {wall_ms[WITH]:.0f} ms (before: {wall_ms[BEFORE]:.0f} ms)",
        import_ms[WITH] <= TARGET_MS,
        table(
            [
                "pytest run (fresh interpreter)",
                "import ms, pytest already imported",
                "run wall ms",
                "vs without",
                "run CPU ms",
                "vs without",
            ],
            rows,
        ),
        {f"pytest_ms:{name}": value for name, value in wall_ms.items()}
        | {f"plugin_import_ms:{name}": value for name, value in import_ms.items()},
    )
