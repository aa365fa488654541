"""Giving back memory that start-up and loading a word list used only for a moment."""

from __future__ import annotations

import contextlib
import ctypes
import linecache
import sys

# After start-up, when the first imports and the first paint are done.
SETTLE_MS = 1000


def give_back_memory() -> None:
    """Drop caches nothing needs any more and return freed heap to the system.

    ``linecache`` keeps the whole source of any module a traceback or a
    warning has quoted (see also ``releasewriter.ui.import_hook``); glibc
    keeps freed heap for the process unless asked to give it back.
    """
    linecache.clearcache()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)
