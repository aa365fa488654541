"""Keep the editor's resident memory close to what it holds.

A long release's editor grew while it kept nothing new:

* glibc raises its mmap threshold after the first large block is freed, so
  the preview's megabyte-sized pages (one per render of a 20,000-word
  version) then come from the main heap, which fragments and is not given
  back: 8 MiB more after 20 s of typing. A fixed threshold keeps each such
  block mapped on its own, returned whole when freed.

Python's full collection walks every object the process holds: with a
20,000-word release in six languages open, 24 ms on the GUI thread, which a
key typed then waited for. :func:`settle_long_lived` runs that collection
once, when a release has just been opened or a word list loaded, and leaves
what survives it (the release, its widgets, the word lists) out of later
collections, which then walk only what was made since.

And glibc keeps what was freed in its heap for the next allocation, which
after parsing a word list or a few hundred renders and autosaves is many
megabytes it will not need: :func:`return_freed_memory` hands it back.

None of this applies on Windows or macOS, whose allocators return large
blocks; there the calls do nothing.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import functools
import gc
import sys

# glibc's own default before it adapts (see mallopt(3)); blocks from this
# size on are mapped apart and unmapped when freed.
_MMAP_THRESHOLD = 128 * 1024
_M_MMAP_THRESHOLD = -3


@functools.cache
def _glibc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None
    # musl and other C libraries have neither call.
    return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None


def fix_large_blocks_apart() -> bool:
    """Stop glibc from moving large blocks into the heap; False where that is not glibc."""
    libc = _glibc()
    if libc is None:
        return False
    mallopt = libc.mallopt
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD))


def return_freed_memory() -> None:
    """Give back to the system what glibc keeps of freed memory (a millisecond or two)."""
    libc = _glibc()
    if libc is not None:
        with contextlib.suppress(OSError):
            libc.malloc_trim(0)


def settle_long_lived() -> None:
    """Collect once, then keep what survives out of later collections' walks.

    What was set aside before goes back in first, so the previous release's
    leftovers (a closed release's widgets, say) are still collected.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()
