"""Conflict copies that synchronisation tools leave beside a draft.

A drafts folder inside OneDrive, Dropbox, Google Drive, Nextcloud or
Syncthing gets a second file when the same draft changed on two computers
before they synchronised. Each tool names it after the original, with a mark
before the last extension:

========================  ===================================================
OneDrive                  ``<id>-LAPTOP.rwdraft``, ``<id>-LAPTOP-2.rwdraft``
Dropbox                   ``<id> (conflicted copy 2026-12-05).rwdraft``,
                          ``<id> (Amal's conflicted copy 2026-12-05).rwdraft``
Nextcloud, ownCloud       ``<id> (conflicted copy 2026-12-05 101530).rwdraft``,
                          ``<id>_conflict-20261205-101530.rwdraft``
Syncthing                 ``<id>.sync-conflict-20261205-101530-ABCDEFG.rwdraft``
Google Drive, a file copy ``<id> (1).rwdraft``
========================  ===================================================

Drafts named the older way get the mark before ``.json``:
``<id>.release (conflicted copy 2026-12-05).json``. A name is taken for a
copy only when the original it names is in the folder too: a release id may
itself hold a hyphen, so ``-LAPTOP`` alone proves nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

_SUFFIXES = (".rwdraft", ".release.json")

# Marks that end the name's stem (the name without its last extension).
_MARKS = (
    # Syncthing: .sync-conflict-<date>-<time>-<device id, 7 characters>
    re.compile(r"\.sync-conflict-\d{8}-\d{6}-[0-9A-Za-z]{7}$"),
    # Dropbox (with or without a name), Nextcloud and ownCloud (with a time), and the
    # number Dropbox adds when the same day has several: " (conflicted copy … (1))".
    re.compile(r" \((?:[^()]*'s )?conflicted copy(?: [0-9-]+)?(?: \d{6})?(?: \(\d+\))?\)$"),
    # ownCloud's older clients: _conflict-<date>-<time>
    re.compile(r"_conflict-\d{8}-\d{6}$"),
    # Google Drive, a browser's download, a copy made in a file manager.
    re.compile(r" ?\(\d{1,3}\)$"),
)
# OneDrive: -<computer name>, then -<n> for a second conflict on the same computer.
_ONEDRIVE = re.compile(r"-[0-9A-Za-z][0-9A-Za-z_]{0,62}(?:-\d{1,3})?$")


def _split(name: str) -> tuple[str, str] | None:
    stem, dot, extension = name.rpartition(".")
    if not dot or extension.lower() not in {"rwdraft", "json"}:
        return None
    return stem, "." + extension


def _is_original_name(name: str) -> bool:
    return name.lower().endswith(_SUFFIXES) and not name.startswith(".")


def original_names(name: str) -> list[str]:
    """The draft names this file would be a conflict copy of, the likeliest first.

    Only the shape of the name counts here; :func:`find_originals` checks that
    the original is really there.
    """
    split = _split(name)
    if split is None:
        return []
    stem, extension = split
    found: list[str] = []
    for mark in _MARKS:
        matched = mark.search(stem)
        if matched and matched.start() > 0:
            found.append(stem[: matched.start()] + extension)
    # OneDrive's mark cannot be told from a hyphen of the id: every hyphen is a candidate,
    # the one nearest the end first.
    for position in range(len(stem) - 1, 0, -1):
        if stem[position] == "-" and _ONEDRIVE.fullmatch(stem[position:]):
            found.append(stem[:position] + extension)
    return [candidate for candidate in found if _is_original_name(candidate)]


def may_be_conflict_copy(name: str) -> bool:
    """Whether the name has the shape of a copy of some draft (listed with the drafts)."""
    return bool(original_names(name))


def find_originals(paths: Iterable[Path]) -> dict[Path, Path]:
    """Each conflict copy among ``paths`` → the original draft beside it."""
    listed = list(paths)
    by_name = {path.name: path for path in listed}
    found: dict[Path, Path] = {}
    for path in listed:
        for candidate in original_names(path.name):
            original = by_name.get(candidate)
            if original is not None and original != path:
                found[path] = original
                break
    return found


def release_id_of_name(name: str) -> str:
    """The release id a draft's file name carries (``<id>.rwdraft`` → ``<id>``)."""
    for suffix in _SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name
