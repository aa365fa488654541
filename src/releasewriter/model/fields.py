"""Addressing one field of a language version by a path such as ``quotes[0].speaker``.

The editor's undo commands, the validation panel (jump to a field) and the
translator's segments all name fields this way, so the path is part of the
model rather than of any widget.
"""

from __future__ import annotations

import re
from typing import Any

from releasewriter.model.release import LanguageVersion

_STEP = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")


def _steps(path: str) -> list[tuple[str, int | None]]:
    steps = []
    for part in path.split("."):
        match = _STEP.fullmatch(part)
        if match is None:
            raise KeyError(path)
        steps.append((match.group(1), int(match.group(2)) if match.group(2) else None))
    return steps


def get_field(version: LanguageVersion, path: str) -> Any:
    target: Any = version
    for name, index in _steps(path):
        if not hasattr(target, name):
            raise KeyError(path)
        target = getattr(target, name)
        if index is not None:
            try:
                target = target[index]
            except (IndexError, TypeError):
                raise KeyError(path) from None
    return target


def set_field(version: LanguageVersion, path: str, value: Any) -> None:
    steps = _steps(path)
    parent: Any = version
    for name, index in steps[:-1]:
        parent = getattr(parent, name)
        if index is not None:
            parent = parent[index]
    name, index = steps[-1]
    if not hasattr(parent, name):
        raise KeyError(path)
    if index is None:
        setattr(parent, name, value)
    else:
        getattr(parent, name)[index] = value


def section_of(path: str) -> str:
    """The top-level part of a path: ``quotes[0].speaker`` → ``quotes``."""
    return _steps(path)[0][0]


def index_of(path: str) -> int | None:
    return _steps(path)[0][1]
