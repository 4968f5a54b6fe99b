"""Bodies decoded (gzip, deflate) a piece at a time, so that a size limit holds on what the
body becomes, not on what crossed the wire: 200 kB of gzip can inflate to 200 MiB.

Written here on `zlib` rather than left to httpx: httpx's decoders inflate each chunk read
whole (`decompress(data)`, no `max_length`), 64 KiB of gzip into up to 64 MiB at once, and
brotli or zstd, which httpx uses when installed, with no bound at all. The client asks for
gzip and deflate only (`Accept-Encoding`), and refuses any other coding rather than decode it
without a bound.
"""

from __future__ import annotations

import itertools
import zlib
from collections.abc import Iterable, Iterator
from typing import Final

#: The most one step of inflating may give back: a caller counting the pieces can stop
#: within this much of its limit.
PIECE: Final = 64 * 1024

#: What the client sends, and so what it can decode (x-gzip: RFC 9110 8.4.1.3).
ACCEPT_ENCODING: Final = "gzip, deflate"
_CODINGS: Final = ("gzip", "x-gzip", "deflate")


class UnsupportedCodingError(ValueError):
    """The answer uses a content coding the client did not ask for."""


class BadCodingError(ValueError):
    """The body is not valid in the coding its headers name."""


def codings(values: Iterable[str]) -> list[str]:
    """The content codings named by `Content-Encoding` header values, in the order applied
    (identity left out); `UnsupportedCodingError` for one that cannot be decoded here."""
    found = [c.strip().lower() for value in values for c in value.split(",")]
    found = [c for c in found if c and c != "identity"]
    for coding in found:
        if coding not in _CODINGS:
            raise UnsupportedCodingError(coding)
    return found


class _Stage:
    """One coding undone, giving back at most `PIECE` bytes per step."""

    def __init__(self, coding: str) -> None:
        self._deflate = coding == "deflate"
        # Servers send "deflate" both as RFC 1950 (zlib) and as bare RFC 1951 data, as httpx
        # accepts: zlib's header first, bare deflate if the first bytes are not one.
        wbits = zlib.MAX_WBITS if self._deflate else zlib.MAX_WBITS | 16
        self._inflater = zlib.decompressobj(wbits)
        self._started = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        while data and not self._inflater.eof:
            try:
                piece = self._inflater.decompress(data, PIECE)
            except zlib.error as error:
                if self._deflate and not self._started:
                    self._started = True
                    self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise BadCodingError(str(error)) from None
            self._started = True
            tail = self._inflater.unconsumed_tail
            if piece:
                yield piece
            elif len(tail) >= len(data):  # no progress: zlib waits for more input
                break
            data = tail

    def flush(self) -> bytes:
        try:
            return self._inflater.flush()
        except zlib.error as error:
            raise BadCodingError(str(error)) from None


class Decoder:
    """The body under `codings` (as `codings()` lists them), decoded in pieces of at most
    `PIECE` bytes."""

    def __init__(self, applied: list[str]) -> None:
        self._stages = [_Stage(coding) for coding in reversed(applied)]

    def feed(self, data: bytes) -> Iterator[bytes]:
        """The decoded pieces of the next `data` of the body."""
        return self._through(0, data)

    def finish(self) -> Iterator[bytes]:
        """What the decoders still hold once the body has ended."""
        for index, stage in enumerate(self._stages):
            rest = stage.flush()
            if rest:
                yield from self._through(index + 1, rest)

    def _through(self, index: int, data: bytes) -> Iterator[bytes]:
        if index == len(self._stages):
            if data:
                yield data
            return
        for piece in self._stages[index].feed(data):
            yield from self._through(index + 1, piece)


def decode_all(raw: bytes, applied: list[str], max_bytes: int) -> bytes | None:
    """`raw` decoded, or None as soon as it would be larger than `max_bytes`."""
    decoder = Decoder(applied)
    pieces: list[bytes] = []
    total = 0
    for piece in itertools.chain(decoder.feed(raw), decoder.finish()):
        total += len(piece)
        if total > max_bytes:
            return None
        pieces.append(piece)
    return b"".join(pieces)
