"""Image file paths from TMDB made safe to print and to save, and images saved into a folder:
concurrently, whole or not at all, skipping those already there whole.

Files go into `FOLDER/SIZE/`, as TMDB's own URLs (`/t/p/w500/...`): a file saved at one size
is never taken for the same image at another.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final

from tmdb_facade._generated.models import Image
from tmdb_facade.bulk import Progress as ProgressCallback
from tmdb_facade.client import AsyncTmdb
from tmdb_facade.errors import InvalidArgumentError, TmdbError, quoted
from tmdb_facade.images import ImageKind, image_url

from ._errors import CliError, ExitCode

if TYPE_CHECKING:  # rich is imported when a bar is drawn: `--help` works without it
    from rich.console import Console

# TMDB's file paths are `/` and a random name such as `ztkUQFLlC19CCMYHW9o1zWhJRNq.jpg`;
# anything else (`/..`, `/.bashrc`, control characters) is refused rather than written. A
# saved name never starts with a dot, so it cannot meet a temporary file.
_SAFE_FILE_NAME: Final = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9_.-]*")
#: The longest file name Linux, macOS and Windows all allow, in bytes.
NAME_MAX: Final = 255


def _bad_file_path(image: Image, why: str) -> CliError:
    return CliError(
        f"TMDB sent an image whose file_path {why}: {quoted(image.file_path)}",
        ExitCode.BAD_RESPONSE,
    )


def image_link(image: Image, size: str, kind: ImageKind, base_url: str) -> str:
    """The image's URL, for a line of output: a file_path that could break the line (control
    characters) or is not a file path at all is TMDB's fault, exit 7."""
    if not isinstance(image.file_path, str) or not image.file_path.isprintable():
        raise _bad_file_path(image, "is not printable")
    try:
        return image_url(image, size, kind=kind, base_url=base_url)
    except InvalidArgumentError:  # the size and kind come checked from argparse
        raise _bad_file_path(image, "is not a file path") from None


def file_name(image: Image) -> str:
    """The name an image is saved under: its `file_path` without the leading `/`."""
    name = image.file_path.removeprefix("/") if isinstance(image.file_path, str) else ""
    if not _SAFE_FILE_NAME.fullmatch(name):
        raise _bad_file_path(image, "is not a plain file name")
    if len(name.encode()) > NAME_MAX:
        raise _bad_file_path(image, f"is longer than a file name can be ({NAME_MAX} bytes)")
    return name


# Hand-written rather than with Pillow: the question is only "is this a whole image file?",
# which the formats' first and last bytes answer; Pillow would add megabytes to the command
# line for it. TMDB serves JPEG, PNG, WebP and SVG, each under its own file name extension.
def whole_image_format(data: bytes) -> str | None:
    """The format of `data` if it is a complete image file (`jpeg`, `png`, `webp`, `svg`);
    None for an HTML error page, an empty or a cut body.

    >>> whole_image_format(b"<html>Bad gateway</html>"), whole_image_format(b"")
    (None, None)
    """
    if data.startswith(b"\xff\xd8\xff"):  # JPEG: start of image ... end of image
        return "jpeg" if data.rstrip(b"\0").endswith(b"\xff\xd9") else None
    if data.startswith(b"\x89PNG\r\n\x1a\n"):  # PNG: signature ... IEND chunk and its CRC
        return "png" if data[-12:] == b"\0\0\0\0IEND\xaeB`\x82" else None
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":  # WebP: RIFF header with the size
        return "webp" if int.from_bytes(data[4:8], "little") + 8 == len(data) else None
    text = data.lstrip()
    if text.startswith((b"<svg", b"<?xml")):
        return "svg" if text.rstrip().endswith(b"</svg>") else None
    return None


def is_whole_image(data: bytes) -> bool:
    """Whether `data` is a complete image file, of any format TMDB serves."""
    return whole_image_format(data) is not None


_FORMAT_OF_SUFFIX: Final = {
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".png": "png",
    ".webp": "webp",
    ".svg": "svg",
}


def is_saved(path: Path) -> bool:
    """Whether `path` already holds a whole image of the format its name says: an empty, cut
    or foreign file (an error page, a JPEG's name on PNG data) is fetched again, not kept."""
    try:
        # Read whole: an image is at most a few MB, and its last bytes say if it is whole.
        data = path.read_bytes()
    except OSError:  # absent, or a folder of that name: fetched, and writing says why not
        return False
    found = whole_image_format(data)
    expected = _FORMAT_OF_SUFFIX.get(path.suffix.lower())
    return found is not None and expected in (None, found)


@dataclass
class DownloadReport:
    """What a download did, file names in TMDB's order."""

    folder: Path
    size: str
    downloaded: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """Files that were already in the folder whole, and were neither fetched nor touched."""

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


class _NotSavedError(TmdbError):
    """A file that could not be saved, carried through `AsyncTmdb.map`, which stops at the
    first `TmdbError` and raises it as it is (other errors would come wrapped in a group)."""

    def __init__(self, failure: CliError) -> None:
        super().__init__(str(failure))
        self.failure = failure


def make_folder(folder: Path) -> None:
    """Create `folder` and its parents, or say plainly why not (exit 8)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        blocker = next(p for p in (folder, *folder.parents) if p.exists() and not p.is_dir())
        raise CliError(
            f"cannot save into {folder}: {blocker} is a file, not a folder", ExitCode.FILES
        ) from None
    except OSError as error:
        raise CliError(f"cannot create {folder}: {error.strerror}", ExitCode.FILES) from None


async def save_images(
    tmdb: AsyncTmdb,
    images: Sequence[Image],
    *,
    kind: ImageKind,
    size: str,
    folder: Path,
    progress_console: Console | None,
    force: bool = False,
) -> DownloadReport:
    """Fetch each image not yet saved whole in `folder` at `size` (every one with `force`)
    and write it there atomically; a bar on `progress_console` if it is a terminal."""
    report = DownloadReport(folder, size)
    wanted = {file_name(image): image for image in images}  # a file listed twice is one file
    make_folder(folder)
    missing = []
    for name, image in wanted.items():
        if not force and is_saved(folder / name):
            report.skipped.append(name)
        else:
            missing.append((name, image))
    mode = _file_mode()

    async def fetch_and_save(name: str, image: Image) -> str:
        data = await tmdb.image_bytes(image, size, kind=kind)
        if not is_whole_image(data):
            raise _NotSavedError(
                CliError(
                    f"TMDB's image server sent no whole image for {name} at {size} "
                    f"({len(data)} bytes starting {data[:16]!r}); nothing saved",
                    ExitCode.BAD_RESPONSE,
                )
            )
        try:
            write_atomically(folder / name, data, mode)
        except OSError as error:
            failure = CliError(
                f"cannot write into {folder}: {error.strerror or error}", ExitCode.FILES
            )
            raise _NotSavedError(failure) from None
        return name

    try:
        with progress_bar(progress_console, len(missing), f"{kind}s at {size}") as progress:
            report.downloaded = await tmdb.map(fetch_and_save, missing, progress=progress)
    except _NotSavedError as not_saved:
        raise not_saved.failure from None
    return report


def _file_mode() -> int:
    """The mode a new file gets here (0o644 under the usual umask), which mkstemp's 0o600 is not.

    Reading the umask means setting it: done once, before any download.
    """
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomically(path: Path, data: bytes, mode: int) -> None:
    """Write to a temporary file beside `path`, then rename: `path` is whole or absent,
    even after Ctrl-C, so the next run's skip-if-whole is always right."""
    # `.tmdb-XXXXXXXX.part` whatever the image's name: never too long where the name is not,
    # hidden from `ls`, and never a saved name (those do not start with a dot).
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmdb-", suffix=".part")
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
def progress_bar(
    console: Console | None, total: int, description: str
) -> Iterator[ProgressCallback | None]:
    """A progress bar on a terminal, fed by `progress(done, total)` as `map` and
    `fetch_series` call it (the total may grow); else nothing (a log file wants no bar)."""
    if total == 0 or console is None or not console.is_terminal:
        yield None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console) as bar:
        task = bar.add_task(description, total=total)
        yield lambda done, total: bar.update(task, completed=done, total=total)
