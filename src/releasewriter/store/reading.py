"""Reading a draft file without trusting it: bounded in size, depth and number length.

A drafts folder can hold anything: a file a colleague mailed, a download
gone wrong, a named pipe, a folder that happens to end in ``.rwdraft``. The
library lists every draft beside such a file, so reading one must end in a
draft or in one line saying why not, and never block, crash the interpreter's
stack or eat the memory. The limits below are checked before the JSON parser
sees the text (see docs/draft-format.md, "What the reader accepts"):

* :data:`MAX_DRAFT_BYTES`: a draft holds text and at most a logo and a
  letterhead (base64), a few megabytes at most; anything bigger is refused
  before it is read whole.
* :data:`MAX_NESTING`: a draft nests objects and lists six deep; a file
  nested deeper is not a draft, and a hundred thousand ``[`` would make the
  parser, or the code reading its result, run out of stack.
* :data:`MAX_NUMBER_DIGITS`: the only numbers in a draft are small (the schema
  version, a paragraph position); Python refuses to convert integers of more
  than 4300 digits anyway, with an error of its own.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path
from typing import Any

from releasewriter.store.errors import DraftFormatError

MAX_DRAFT_BYTES = 32 * 1024 * 1024
MAX_NESTING = 64
MAX_NUMBER_DIGITS = 40

# A JSON string, written as an "unrolled loop" so that a megabyte of base64 is
# matched in one sweep rather than one alternative per character.
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


class UnreadableFile(Exception):
    """The file itself cannot be read as a draft (type, size, access); ``str()`` says why."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _refuse_size(size: int) -> None:
    if size > MAX_DRAFT_BYTES:
        raise UnreadableFile(
            f"too large for a draft ({size // (1024 * 1024)} MB; "
            f"the limit is {MAX_DRAFT_BYTES // (1024 * 1024)} MB)"
        )


def read_draft_bytes(path: Path) -> bytes:
    """The bytes of a draft file, refusing whatever is not a regular file of a draft's size.

    The type is checked before opening, since opening a named pipe waits for a
    writer that never comes; the open itself does not wait either (in case the
    file was swapped meanwhile), and the size is checked again on what was read.
    """
    try:
        info = os.stat(path)
    except OSError as error:
        raise UnreadableFile(error.strerror or str(error)) from None
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFile(_kind(info.st_mode))
    _refuse_size(info.st_size)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise UnreadableFile(error.strerror or str(error)) from None
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):
            raise UnreadableFile(_kind(opened.st_mode))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_DRAFT_BYTES + 1)
    except OSError as error:
        raise UnreadableFile(error.strerror or str(error)) from None
    finally:
        os.close(fd)
    _refuse_size(len(data))
    return data


def nesting_depth(text: str, limit: int = MAX_NESTING) -> int:
    """How deep the JSON text nests, counting only up to ``limit + 1``.

    Strings are taken out first (a bracket in a headline does not nest), then
    only the brackets are walked, so the cost is one regular-expression pass
    plus one step per bracket.
    """
    raw = text.encode("utf-8", "surrogatepass")
    brackets = _STRING.sub(b"", raw).translate(None, _NOT_BRACKETS)
    depth = deepest = 0
    for byte in brackets:
        if byte in b"[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
        else:
            depth -= 1
            if depth < 0:
                break  # more closed than opened: not JSON, which the parser says better
    return deepest


def _whole_number(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise DraftFormatError(
            f"a number of {len(digits.lstrip('-'))} digits "
            f"(the limit is {MAX_NUMBER_DIGITS}); this is not a ReleaseWriter draft"
        )
    return int(digits)


def parse_json(text: str) -> Any:
    """The JSON document, within the limits above; any failure is a :class:`DraftFormatError`."""
    depth = nesting_depth(text)
    if depth > MAX_NESTING:
        raise DraftFormatError(
            f"nested more than {MAX_NESTING} levels deep; this is not a ReleaseWriter draft"
        )
    try:
        return json.loads(text, parse_int=_whole_number)
    except json.JSONDecodeError as error:
        raise DraftFormatError(
            f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except DraftFormatError:
        raise
    except (RecursionError, MemoryError):
        # Kept in case the limits above ever let one through: the file is refused, not the app.
        raise DraftFormatError("too deeply nested or too large to read") from None
    except ValueError as error:
        # A number Python cannot convert (a float's exponent, an integer's length).
        raise DraftFormatError(f"not valid JSON ({error})") from None
