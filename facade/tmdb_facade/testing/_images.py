"""Stand-in image files for TMDB's image CDN: tiny, valid and deterministic, each in the
format its file name says (TMDB's are JPEGs): a `.jpg` holds JPEG data, a `.png` PNG data."""

from __future__ import annotations

import functools
import hashlib
import re
import struct
import zlib
from collections.abc import Iterator

from tmdb_facade.images import IMAGE_SIZES

# The CDN serves any listed size for any file, so the fake server accepts the union.
SERVED_SIZES = frozenset(size for sizes in IMAGE_SIZES.values() for size in sizes)

IMAGE_PATH = re.compile(r"^/t/p/(?P<size>[^/]+)(?P<file_path>/[^/]+)$")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"
SIDE = 16


def _colour(file_path: str) -> bytes:
    """The RGB colour of `file_path`'s placeholder, from a hash: every size of a file looks
    the same, and two files almost never do."""
    return hashlib.sha256(file_path.encode()).digest()[:3]


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


@functools.lru_cache(maxsize=1024)
def png_for(file_path: str) -> bytes:
    """A 16x16 PNG of one colour, taken from a hash of `file_path`.

    >>> png_for("/abc.png") == png_for("/abc.png")
    True
    >>> png_for("/abc.png")[:8] == PNG_SIGNATURE
    True
    """
    # Each scanline starts with filter type 0 (None), then RGB triplets.
    raw = (b"\x00" + _colour(file_path) * SIDE) * SIDE
    header = struct.pack(">IIBBBBB", SIDE, SIDE, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
    return (
        PNG_SIGNATURE
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(raw, 9))
        + _chunk(b"IEND", b"")
    )


# A baseline JPEG (ITU-T T.81) written by hand, as the PNG above: the standard library has
# no encoder, and Pillow would be a dependency of every install for 16 one-colour pixels.
# An image of one colour needs no DCT: each 8x8 block is its DC coefficient alone (8 times
# the level-shifted value, with a quantisation table of ones), then end-of-block.

#: The DC Huffman table of T.81 Annex K.3 (Table K.3): code lengths 1-16, then categories.
_DC_BITS = (0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0)
_DC_VALUES = tuple(range(12))
#: An AC table of one code, "0" for end-of-block (0x00): every AC coefficient is zero.
_AC_BITS = (1, *(0,) * 15)
_AC_VALUES = (0x00,)


def _segment(marker: int, data: bytes) -> bytes:
    return struct.pack(">HH", 0xFF00 | marker, len(data) + 2) + data


def _huffman_codes(bits: tuple[int, ...], values: tuple[int, ...]) -> dict[int, str]:
    """The canonical codes (T.81 Annex C) of a table, as strings of bits."""
    codes: dict[int, str] = {}
    code, symbols = 0, iter(values)
    for length, count in enumerate(bits, start=1):
        for _ in range(count):
            codes[next(symbols)] = format(code, f"0{length}b")
            code += 1
        code <<= 1
    return codes


def _dc_bits(difference: int, codes: dict[int, str]) -> str:
    """A DC difference: its category's code, then its value in that many bits (T.81 F.1.2.1)."""
    category = abs(difference).bit_length()
    if category == 0:
        return codes[0]
    value = difference if difference > 0 else difference + (1 << category) - 1
    return codes[category] + format(value, f"0{category}b")


def _scan(dc: tuple[int, ...]) -> Iterator[str]:
    """The bits of the scan: SIDE/8 x SIDE/8 MCUs of one block per component."""
    dc_codes, eob = _huffman_codes(_DC_BITS, _DC_VALUES), _huffman_codes(_AC_BITS, _AC_VALUES)[0]
    previous = [0] * len(dc)
    for _ in range((SIDE // 8) ** 2):
        for component, value in enumerate(dc):
            yield _dc_bits(value - previous[component], dc_codes) + eob
            previous[component] = value


@functools.lru_cache(maxsize=1024)
def jpeg_for(file_path: str) -> bytes:
    """A 16x16 JPEG of one colour, taken from a hash of `file_path` (as `png_for`).

    >>> jpeg_for("/abc.jpg") == jpeg_for("/abc.jpg")
    True
    >>> jpeg_for("/abc.jpg")[:3] == JPEG_SIGNATURE, jpeg_for("/abc.jpg")[-2:]
    (True, b'\\xff\\xd9')
    """
    r, g, b = _colour(file_path)
    # JFIF's RGB to YCbCr, each level-shifted by 128 and scaled by 8 into a DC coefficient.
    ycbcr = (
        0.299 * r + 0.587 * g + 0.114 * b,
        128 - 0.168736 * r - 0.331264 * g + 0.5 * b,
        128 + 0.5 * r - 0.418688 * g - 0.081312 * b,
    )
    dc = tuple(8 * (min(255, max(0, round(value))) - 128) for value in ycbcr)
    bits = "".join(_scan(dc))
    bits += "1" * (-len(bits) % 8)  # padded with ones to a whole byte (T.81 F.1.2.3)
    scan = bytes(int(bits[i : i + 8], 2) for i in range(0, len(bits), 8))
    components = range(1, 4)
    return b"".join(
        [
            b"\xff\xd8",  # start of image
            _segment(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"),  # JFIF 1.1, no thumbnail
            _segment(0xDB, b"\0" + b"\x01" * 64),  # quantisation table 0: all ones
            # Baseline frame: 8-bit samples, SIDE x SIDE, 3 components, no subsampling.
            _segment(
                0xC0,
                struct.pack(">BHHB", 8, SIDE, SIDE, 3)
                + b"".join(bytes((c, 0x11, 0)) for c in components),
            ),
            _segment(
                0xC4,
                bytes((0x00, *_DC_BITS, *_DC_VALUES)) + bytes((0x10, *_AC_BITS, *_AC_VALUES)),
            ),
            _segment(0xDA, bytes((3, *(x for c in components for x in (c, 0x00)), 0, 63, 0))),
            scan.replace(b"\xff", b"\xff\x00"),  # byte stuffing (T.81 F.1.2.3)
            b"\xff\xd9",  # end of image
        ]
    )


def placeholder_for(file_path: str) -> tuple[bytes, str]:
    """The stand-in for `file_path` and its content type: PNG for a `.png`, else JPEG (as
    TMDB's `.jpg` files)."""
    if file_path.lower().endswith(".png"):
        return png_for(file_path), "image/png"
    return jpeg_for(file_path), "image/jpeg"
