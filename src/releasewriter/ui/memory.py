"""Keep the editor's resident memory close to what it holds.

Two things made a long release's editor grow while nothing new was kept:

* glibc raises its mmap threshold after the first large block is freed, so
  the preview's megabyte-sized pages (one per render of a 20,000-word
  version) then come from the main heap, which fragments and is not given
  back: 8 MiB more after 20 s of typing. A fixed threshold keeps each such
  block mapped on its own, returned whole when freed.
* PySide reads the source of every module imported after it (to see whether
  it asks for its ``__feature__`` options) into ``linecache``: 4 MiB of
  source lines that are of use only to a traceback, which reads them again.

Neither applies on Windows or macOS, whose allocators return large blocks
and where the call is skipped.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import linecache
import sys

# glibc's own default before it adapts (see mallopt(3)); blocks from this
# size on are mapped apart and unmapped when freed.
_MMAP_THRESHOLD = 128 * 1024
_M_MMAP_THRESHOLD = -3


def fix_large_blocks_apart() -> bool:
    """Stop glibc from moving large blocks into the heap; False where that is not glibc."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # musl and others have no mallopt
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD))


def drop_source_lines() -> None:
    """Forget module sources read for nothing; a traceback reads what it needs again."""
    linecache.clearcache()
