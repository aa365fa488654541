"""Addressing one field of a language version by a path such as ``quotes[0].speaker``.

The editor's undo commands, the validation panel (jump to a field) and the
translator's segments all name fields this way, so the path is part of the
model rather than of any widget.

A few paths name what every version shares: ``dateline.country`` and
``dateline.date`` live once on the release (:func:`is_shared`);
:func:`get_in_release` and :func:`set_in_release` find either kind.
"""

from __future__ import annotations

import re
from typing import Any

from releasewriter.model.release import Release

_STEP = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")


def _steps(path: str) -> list[tuple[str, int | None]]:
    steps = []
    for part in path.split("."):
        match = _STEP.fullmatch(part)
        if match is None:
            raise KeyError(path)
        steps.append((match.group(1), int(match.group(2)) if match.group(2) else None))
    return steps


def get_field(version: object, path: str) -> Any:
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


def set_field(version: object, path: str, value: Any) -> None:
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


def is_shared(path: str) -> bool:
    """Whether the path names a field of the release that every version shows."""
    return section_of(path) == "dateline"


def get_in_release(release: Release, locale: str, path: str) -> Any:
    return get_field(release if is_shared(path) else release.version(locale), path)


def set_in_release(release: Release, locale: str, path: str, value: Any) -> None:
    set_field(release if is_shared(path) else release.version(locale), path, value)
