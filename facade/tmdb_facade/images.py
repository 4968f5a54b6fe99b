"""Image helpers: full URLs at a checked size, and the best image for a language order."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Final, Literal

from tmdb_facade._generated.models import Configuration, Image

from ._constants import DEFAULT_IMAGE_BASE_URL
from .errors import InvalidArgumentError, InvalidArgumentTypeError, quoted

__all__ = [
    "IMAGE_SIZES",
    "ImageKind",
    "ImageSizes",
    "best_image",
    "checked_file_path",
    "image_sizes",
    "image_url",
    "rank_images",
]

ImageKind = Literal["poster", "still", "profile"]

#: The sizes TMDB's image server renders for each kind of image, as its /configuration lists
#: them: the offline default (`image_sizes` reads the live list).
IMAGE_SIZES: Final[dict[ImageKind, tuple[str, ...]]] = {
    "poster": ("w92", "w154", "w185", "w342", "w500", "w780", "original"),
    "still": ("w92", "w185", "w300", "original"),
    "profile": ("w45", "w185", "h632", "original"),
}


#: A TMDB file path: `/` and a file name of letters, digits and `._-` (never `/`, `%`, `?`,
#: spaces or control characters), within the 255 bytes a file name may have.
_FILE_PATH = re.compile(r"/[A-Za-z0-9._-]{1,254}")


def checked_file_path(image: Image | str) -> str:
    """The `file_path` of an image (a model or the path itself), if it is safe to use in a URL,
    a file name or a printed line; else `InvalidArgumentError` (`InvalidArgumentTypeError`
    when it is no image at all).

    >>> checked_file_path("/ydlY3iPfeOAvu8gVqrxPoMvzNCn.jpg")
    '/ydlY3iPfeOAvu8gVqrxPoMvzNCn.jpg'
    """
    if isinstance(image, str):
        file_path: object = image
    elif isinstance(image, Image):
        file_path = image.file_path
    else:
        raise InvalidArgumentTypeError(
            f"image must be an Image or its file_path (a str), got {type(image).__name__}"
        )
    if not isinstance(file_path, str):
        raise InvalidArgumentTypeError(f"file_path must be a str, got {type(file_path).__name__}")
    if not _FILE_PATH.fullmatch(file_path) or file_path in ("/.", "/.."):
        raise InvalidArgumentError(f"not a TMDB image file path: {quoted(file_path)}")
    return file_path


ImageSizes = Mapping[ImageKind, Sequence[str]]
"""The sizes the image server renders, by kind of image: `IMAGE_SIZES`, or `image_sizes(...)`."""


def image_sizes(config: Configuration) -> dict[ImageKind, tuple[str, ...]]:
    """The sizes TMDB's configuration lists (`tmdb.image_config()`), as `image_url` takes them.

    >>> image_sizes(tmdb.image_config())["still"]
    ('w92', 'w185', 'w300', 'original')
    """
    images = config.images
    return {
        "poster": tuple(images.poster_sizes),
        "still": tuple(images.still_sizes),
        "profile": tuple(images.profile_sizes),
    }


def image_url(
    image: Image | str,
    size: str = "original",
    *,
    kind: ImageKind | None = None,
    base_url: str = DEFAULT_IMAGE_BASE_URL,
    sizes: ImageSizes = IMAGE_SIZES,
) -> str:
    """The URL of an image (a model or its `file_path`) at `size`.

    >>> image_url("/ydlY3iPfeOAvu8gVqrxPoMvzNCn.jpg", "w300", kind="still")
    'https://image.tmdb.org/t/p/w300/ydlY3iPfeOAvu8gVqrxPoMvzNCn.jpg'

    With `kind`, the size must be one TMDB renders for that kind (`sizes`: the built-in
    table, or TMDB's own from `image_sizes(tmdb.image_config())`); without, any of them.
    Pass the client's `image_base_url` as `base_url` to follow a client pointed elsewhere.
    """
    file_path = checked_file_path(image)
    if kind is not None and kind not in sizes:
        raise InvalidArgumentError(f"kind must be one of {sorted(sizes)}, got {kind!r}")
    every_size = {size for listed in sizes.values() for size in listed}
    allowed = list(sizes[kind]) if kind else sorted(every_size)
    if size not in allowed:
        what = f"{kind} " if kind else ""
        raise InvalidArgumentError(f"{what}size must be one of {', '.join(allowed)}; got {size!r}")
    return f"{base_url.rstrip('/')}/{size}{file_path}"


def rank_images(
    images: Iterable[Image], languages: Sequence[str | None] = ("en", None)
) -> list[Image]:
    """The images in one of `languages`, best first.

    Best means: earlier in `languages` (None: no text in the image), then higher average
    vote, then more votes, then more pixels. Images in other languages are left out.
    """
    if isinstance(languages, str):
        raise InvalidArgumentError("languages must be a list such as ['en', None], not a str")
    preference: dict[str | None, int] = {}
    for index, language in enumerate(languages):
        preference.setdefault(language, index)
    eligible = [image for image in images if image.iso_639_1 in preference]
    return sorted(
        eligible,
        key=lambda image: (
            preference[image.iso_639_1],
            -image.vote_average,
            -image.vote_count,
            -(image.width * image.height),
        ),
    )


def best_image(
    images: Iterable[Image], languages: Sequence[str | None] = ("en", None)
) -> Image | None:
    """The best image for the language order (see `rank_images`), or None if none fits.

    >>> poster = best_image(tmdb.season_images(1396, 1).posters, ["en", None])
    >>> poster.iso_639_1, poster.file_path
    ('en', '/1C96KIebESXhEnpeq4BWY0jg4KS.jpg')
    """
    ranked = rank_images(images, languages)
    return ranked[0] if ranked else None
