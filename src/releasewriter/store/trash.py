"""Deleted drafts go to a trash folder inside the drafts folder, and can come back."""

from __future__ import annotations

import os
from pathlib import Path

TRASH_FOLDER = ".trash"


def trash_folder(drafts_folder: Path) -> Path:
    return drafts_folder / TRASH_FOLDER


def _free_name(folder: Path, name: str) -> Path:
    candidate = folder / name
    n = 1
    while candidate.exists():
        stem, _, suffix = name.partition(".")
        candidate = folder / f"{stem}~{n}.{suffix}"
        n += 1
    return candidate


def move_to_trash(draft: Path) -> Path:
    """Move a draft into the trash (its backups stay where they are); return where it went."""
    folder = trash_folder(draft.parent)
    folder.mkdir(parents=True, exist_ok=True)
    target = _free_name(folder, draft.name)
    os.replace(draft, target)
    return target


def trashed_drafts(drafts_folder: Path) -> list[Path]:
    folder = trash_folder(drafts_folder)
    if not folder.is_dir():
        return []
    # Drafts are *.rwdraft; *.release.json are drafts trashed by versions before 0.1.0.
    return sorted(
        p for p in folder.iterdir() if p.is_file() and p.name.endswith((".rwdraft", ".json"))
    )


def empty_trash(drafts_folder: Path) -> int:
    removed = 0
    for path in trashed_drafts(drafts_folder):
        path.unlink()
        removed += 1
    return removed
