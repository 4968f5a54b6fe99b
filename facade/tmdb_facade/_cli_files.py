"""Save images into a folder for `tmdb-facade download`: concurrently, atomically, skipping
those already there.

Imported only by the command line, never by `import tmdb_facade`.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)

from tmdb_api.models import Image

from ._cli_session import CliError, ExitCode
from .bulk import Progress as ProgressCallback
from .client import Tmdb
from .images import ImageKind

# TMDB's file paths are `/` and a random name such as `ztkUQFLlC19CCMYHW9o1zWhJRNq.jpg`;
# anything else (`/..`, `/.bashrc`) is refused rather than written.
_SAFE_FILE_NAME = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9_.-]*")


@dataclass
class DownloadReport:
    """What a download did, file names in TMDB's order."""

    folder: Path
    size: str
    downloaded: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """Files that were already in the folder, and were neither fetched nor touched."""

    def summary(self) -> str:
        return (
            f"{self.folder}: {len(self.downloaded)} downloaded, "
            f"{len(self.skipped)} skipped (already there)"
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "folder": str(self.folder),
            "size": self.size,
            "downloaded": self.downloaded,
            "skipped": self.skipped,
        }


def file_name(image: Image) -> str:
    """The name an image is saved under: its `file_path` without the leading `/`."""
    name = image.file_path.removeprefix("/")
    if not _SAFE_FILE_NAME.fullmatch(name):
        raise CliError(
            f"refusing to save an image whose file_path is {image.file_path!r}",
            ExitCode.BAD_RESPONSE,
        )
    return name


def save_images(
    tmdb: Tmdb,
    images: Sequence[Image],
    *,
    kind: ImageKind,
    size: str,
    folder: Path,
    progress_console: Console,
) -> DownloadReport:
    """Fetch each image not yet in `folder` at `size` and write it there atomically."""
    report = DownloadReport(folder, size)
    wanted = {file_name(image): image for image in images}  # a file listed twice is one file
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CliError(f"cannot create {folder}: {error.strerror}", ExitCode.FILES) from None
    missing = []
    for name, image in wanted.items():
        if (folder / name).exists():
            report.skipped.append(name)
        else:
            missing.append((name, image))
    mode = _file_mode()

    def fetch_and_save(name: str, image: Image) -> str:
        data = tmdb.image_bytes(image, size, kind=kind)
        _write_atomically(folder / name, data, mode)
        return name

    try:
        with _progress_bar(progress_console, len(missing), f"{kind}s at {size}") as progress:
            report.downloaded = tmdb.map(fetch_and_save, missing, progress=progress)
    except OSError as error:
        raise CliError(
            f"cannot write into {folder}: {error.strerror or error}", ExitCode.FILES
        ) from None
    return report


def _file_mode() -> int:
    """The mode a new file gets here (0o644 under the usual umask), which mkstemp's 0o600 is not.

    Reading the umask means setting it: done once, in the main thread, before any download.
    """
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _write_atomically(path: Path, data: bytes, mode: int) -> None:
    """Write to a temporary file beside `path`, then rename: `path` is whole or absent,
    even after Ctrl-C, so the next run's skip-if-present is always right."""
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".part"
    )
    try:
        with os.fdopen(descriptor, "wb") as file:
            os.fchmod(file.fileno(), mode)
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise


@contextmanager
def _progress_bar(
    console: Console, total: int, description: str
) -> Iterator[ProgressCallback | None]:
    """A progress bar on a terminal, fed by `Tmdb.map`'s `progress(done, total)`; else nothing
    (a log file wants no bar)."""
    if total == 0 or not console.is_terminal:
        yield None
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console) as bar:
        task = bar.add_task(description, total=total)
        yield lambda done, _total: bar.update(task, completed=done)
