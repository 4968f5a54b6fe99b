"""Stand-in image files for TMDB's image CDN: tiny, valid and deterministic PNGs."""

from __future__ import annotations

import functools
import hashlib
import re
import struct
import zlib

from tmdb_facade.images import IMAGE_SIZES

# The CDN serves any listed size for any file, so the fake server accepts the union.
SERVED_SIZES = frozenset(size for sizes in IMAGE_SIZES.values() for size in sizes)

IMAGE_PATH = re.compile(r"^/t/p/(?P<size>[^/]+)(?P<file_path>/[^/]+)$")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SIDE = 16


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


@functools.lru_cache(maxsize=1024)
def png_for(file_path: str) -> bytes:
    """A 16x16 PNG of one colour, taken from a hash of `file_path`, so every size of a file
    looks the same and two files almost never do.

    >>> png_for("/abc.jpg") == png_for("/abc.jpg")
    True
    >>> png_for("/abc.jpg")[:8] == PNG_SIGNATURE
    True
    """
    rgb = hashlib.sha256(file_path.encode()).digest()[:3]
    # Each scanline starts with filter type 0 (None), then RGB triplets.
    raw = (b"\x00" + rgb * SIDE) * SIDE
    header = struct.pack(">IIBBBBB", SIDE, SIDE, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
    return (
        PNG_SIGNATURE
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(raw, 9))
        + _chunk(b"IEND", b"")
    )
