"""Opening input files as byte streams, decompressing ``.gz`` and ``.zst`` on the fly (never to disk)."""

from __future__ import annotations

import gzip
import io
from pathlib import Path
from typing import BinaryIO

import zstandard

# What a damaged compressed file raises while it is read.
READ_ERRORS: tuple[type[BaseException], ...] = (OSError, EOFError, zstandard.ZstdError)
_CHUNK = 1 << 20


class _ZstdReader(io.RawIOBase):
    """A zstd stream (one frame or several) decompressed as it is read. Unlike ``stream_reader``, a file that
    ends inside a frame raises ``ZstdError`` instead of ending quietly, so a truncated file is not taken for
    a complete one."""

    def __init__(self, raw: BinaryIO):
        self._raw = raw
        self._dctx = zstandard.ZstdDecompressor()
        self._obj = self._dctx.decompressobj()
        self._fed = False  # the current frame has had input
        self._out = memoryview(b"")
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._out:
            if self._done:
                return 0
            chunk = self._raw.read(_CHUNK)
            if not chunk:
                self._done = True
                if self._fed and not self._obj.eof:
                    raise zstandard.ZstdError("truncated zstd stream: the file ends inside a frame")
                return 0
            self._out = memoryview(self._feed(chunk))
        n = min(len(buffer), len(self._out))
        buffer[:n] = self._out[:n]
        self._out = self._out[n:]
        return n

    def _feed(self, chunk: bytes) -> bytes:
        parts = []
        while chunk:
            self._fed = True
            parts.append(self._obj.decompress(chunk))
            if not self._obj.eof:
                break
            chunk = self._obj.unused_data  # the next frame starts in this chunk
            self._obj = self._dctx.decompressobj()
            self._fed = False
        return b"".join(parts)

    def close(self) -> None:
        self._raw.close()
        super().close()


def open_binary(path: Path) -> BinaryIO:
    """``path`` as a buffered byte stream, decompressed by its suffix (``.gz``, ``.zst``)."""
    name = path.name.lower()
    if name.endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    if name.endswith(".zst"):
        return io.BufferedReader(_ZstdReader(path.open("rb")), buffer_size=_CHUNK)  # type: ignore[return-value]
    return path.open("rb")
