"""Keep PySide6 from reading the source of every module imported after it.

PySide6's import hook (``shibokensupport.feature``) asks of each module
imported once Qt is loaded whether its source mentions "PySide6", so that a
``from __feature__ import snake_case`` in it takes effect; it finds out with
``inspect.getsource``, which reads the whole file into ``linecache`` and
leaves it there. For the editor's imports that is 7-8 MiB of source lines
held for nothing (bench/bench_editor.py measures the peak). The editor uses
no ``__feature__``, so the question is answered "no" without reading.
"""

from __future__ import annotations

import types

import PySide6  # noqa: F401  (installs the hook this module disarms)


def _uses_pyside(_module: types.ModuleType) -> bool:
    return False


def stop_reading_module_sources() -> bool:
    """Disarm the hook's source reading; False if this PySide6 has no such hook."""
    try:
        from shibokensupport import feature  # type: ignore[import-not-found]  # noqa: PLC0415
    except ImportError:
        return False
    if not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _uses_pyside
    return True
