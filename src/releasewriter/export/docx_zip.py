"""Zip archives from entries compressed once: the parts every exported DOCX shares.

A release's DOCX differs from the next one's in a few small parts (the text,
the core properties, the relationships); its styles (350 KB of XML, twice)
and theme are the same for every release of a language. Those are deflated
once per process and their compressed bytes written again as they are.

:func:`write_zip` writes what ``zipfile.ZipFile(…, "w", ZIP_DEFLATED).writestr``
writes for the same entries and time stamp, byte for byte (a test holds it
to that). :func:`raw_entries` reads an archive's entries back without
inflating them.
"""

from __future__ import annotations

import io
import struct
import sys
import threading
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from typing import NamedTuple

__all__ = ["Archive", "Memo", "ZipEntry", "deflate", "payload_of", "raw_entries", "write_zip"]

_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_LOCAL_SIGNATURE = b"PK\x03\x04"
_CENTRAL_SIGNATURE = b"PK\x01\x02"
_END_SIGNATURE = b"PK\x05\x06"
_VERSION = 20  # deflate, as zipfile writes it
_SYSTEM = 0 if sys.platform == "win32" else 3  # zipfile's create_system
_UTF8_NAME = 0x800
_EXTERNAL_ATTR = 0o600 << 16  # what writestr gives a member named by a string
# Past these an archive needs zip64, which zipfile writes and this module leaves to it.
_LIMIT = 0x7FFFFFFF
_MAX_ENTRIES = 0xFFFF


class ZipEntry(NamedTuple):
    """One member: its name, the CRC and size of its content, and the content deflated."""

    name: str
    crc: int
    size: int
    payload: bytes


def deflate(name: str, data: bytes) -> ZipEntry:
    """The entry zipfile would write for ``data`` (raw deflate at zlib's default level)."""
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    payload = compressor.compress(data) + compressor.flush()
    return ZipEntry(name, zlib.crc32(data), len(data), payload)


def _dos_time(date_time: Sequence[int]) -> tuple[int, int]:
    year, month, day, hour, minute, second = date_time[:6]
    date = (year - 1980) << 9 | month << 5 | day
    time = hour << 11 | minute << 5 | (second // 2)
    return time, date


def _name(entry: ZipEntry) -> tuple[bytes, int]:
    try:
        return entry.name.encode("ascii"), 0
    except UnicodeEncodeError:
        return entry.name.encode("utf-8"), _UTF8_NAME


def write_zip(entries: Sequence[ZipEntry], date_time: Sequence[int]) -> bytes:
    """A zip archive of ``entries``, in their order, each stamped ``date_time``."""
    if len(entries) > _MAX_ENTRIES or any(
        entry.size > _LIMIT or len(entry.payload) > _LIMIT for entry in entries
    ):
        return _write_with_zipfile(entries, date_time)
    time, date = _dos_time(date_time)
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for entry in entries:
        name, flags = _name(entry)
        size = len(entry.payload)
        header = _LOCAL.pack(
            _LOCAL_SIGNATURE, _VERSION, 0, flags, zipfile.ZIP_DEFLATED, time, date,
            entry.crc, size, entry.size, len(name), 0,
        )  # fmt: skip
        directory_entry = _CENTRAL.pack(
            _CENTRAL_SIGNATURE, _VERSION, _SYSTEM, _VERSION, 0, flags, zipfile.ZIP_DEFLATED,
            time, date, entry.crc, size, entry.size, len(name), 0, 0, 0, 0,
            _EXTERNAL_ATTR, offset,
        )  # fmt: skip
        central.append(directory_entry + name)
        chunks += (header, name, entry.payload)
        offset += len(header) + len(name) + size
    directory = b"".join(central)
    if offset > _LIMIT or offset + len(directory) > _LIMIT:
        return _write_with_zipfile(entries, date_time)
    end = _END.pack(_END_SIGNATURE, 0, 0, len(entries), len(entries), len(directory), offset, 0)
    return b"".join((*chunks, directory, end))


def _write_with_zipfile(entries: Iterable[ZipEntry], date_time: Sequence[int]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry in entries:
            info = zipfile.ZipInfo(entry.name, tuple(date_time[:6]))  # type: ignore[arg-type]
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = _EXTERNAL_ATTR
            archive.writestr(info, zlib.decompress(entry.payload, -15))
    return out.getvalue()


def payload_of(data: bytes, info: zipfile.ZipInfo) -> bytes | None:
    """The member's bytes as stored (compressed) in the archive ``data``; None where unexpected."""
    at = info.header_offset
    if data[at : at + 4] != _LOCAL_SIGNATURE or info.flag_bits & 0x1:
        return None
    name_length, extra_length = struct.unpack_from("<HH", data, at + 26)
    start = at + _LOCAL.size + name_length + extra_length
    return data[start : start + info.compress_size]


class Archive(zipfile.ZipFile):
    """A zip archive in memory whose members are inflated once, however often they are read."""

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data))
        self.data = data
        self._contents: dict[str, bytes] = {}

    def read(self, name: str | zipfile.ZipInfo, pwd: bytes | None = None) -> bytes:
        key = name.filename if isinstance(name, zipfile.ZipInfo) else name
        content = self._contents.get(key)
        if content is None:
            content = self._contents[key] = super().read(name, pwd)
        return content


class Memo:
    """Results of a check of one member's content, by its compressed bytes.

    A member whose stored bytes, CRC and size are those of a member already
    checked has the same content: the check's result holds for it as well.
    Only members of at least ``smallest`` bytes are kept (the large parts
    every export shares), ``kept`` of them at most.
    """

    def __init__(self, smallest: int = 16_384, kept: int = 32) -> None:
        self.smallest = smallest
        self.kept = kept
        self.results: dict[tuple[str, int, int, int, bytes], object] = {}
        self.lock = threading.Lock()

    def key(self, data: bytes, info: zipfile.ZipInfo) -> tuple[str, int, int, int, bytes] | None:
        if info.file_size < self.smallest:
            return None
        payload = payload_of(data, info)
        if payload is None:
            return None
        return (info.filename, info.compress_type, info.CRC, info.file_size, payload)

    def get(self, key: tuple[str, int, int, int, bytes] | None) -> object | None:
        if key is None:
            return None
        with self.lock:
            return self.results.get(key)

    def put(self, key: tuple[str, int, int, int, bytes] | None, result: object) -> None:
        if key is None:
            return
        with self.lock:
            while len(self.results) >= self.kept:
                del self.results[next(iter(self.results))]
            self.results[key] = result


def raw_entries(data: bytes) -> dict[str, ZipEntry]:
    """Every deflated member of the archive ``data`` by name, still compressed.

    Members stored another way, or an archive this reading does not expect,
    are left out: the caller compresses those parts itself.
    """
    found: dict[str, ZipEntry] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            payload = None
            if info.compress_type == zipfile.ZIP_DEFLATED:
                payload = payload_of(data, info)
            if payload is not None:
                found[info.filename] = ZipEntry(info.filename, info.CRC, info.file_size, payload)
    return found
