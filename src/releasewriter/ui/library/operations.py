"""What the library's buttons do to the drafts folder, apart from the widgets.

Kept free of Qt so that the rules (who may trash a draft, what a copy looks
like) read in one place; the panel asks the questions and shows the answers.
Each function returns the messages for the user, one per draft it refused.
"""

from __future__ import annotations

import copy
import datetime as dt
import gettext
import os
import socket
from collections.abc import Callable, Mapping
from pathlib import Path

from releasewriter.model.ids import new_release_id
from releasewriter.store import DraftReadError, DraftStore
from releasewriter.store.locks import LockHolder, is_stale, lock_path_for, read_holder


def duplicate_draft(store: DraftStore, path: Path) -> Path:
    """Save a copy of a draft under a new release id; return the copy's path.

    The text is left exactly as it was: a "Copy of" written into the headline
    would be in the UI's language, not the release's (English words in a
    French headline). The library shows the copy as one instead. The copy has
    not been exported: it starts as a draft.
    """
    release = copy.deepcopy(store.load(path))
    release.id = new_release_id()
    release.created = release.modified = dt.datetime.now(dt.UTC).replace(microsecond=0)
    release.last_exported = None
    return store.save(release, backup=False)


def live_holder(path: Path) -> LockHolder | None:
    """Who is editing the draft now, or None when nobody is (or its holder has gone)."""
    holder = read_holder(lock_path_for(path))
    return None if holder is None or is_stale(holder) else holder


def held_here(holder: LockHolder) -> bool:
    """Whether the holder is this very process (a window of ours can close the draft)."""
    return holder.pid == os.getpid() and holder.host == socket.gethostname()


def trash_drafts(
    store: DraftStore,
    names: Mapping[Path, str],
    before: Callable[[Path], None],
    translations: gettext.NullTranslations,
) -> list[str]:
    """Move drafts (path → the name the user knows it by) to the trash.

    A draft that another process edits stays where it is. One that this
    process holds is offered to ``before`` first, which closes it if it is
    open in a window of ours; if its lock is still held afterwards, it stays.
    """
    _ = translations.gettext
    refused: list[str] = []
    for path, name in names.items():
        holder = live_holder(path)
        if holder is not None and not held_here(holder):
            text = _("“{headline}” is being edited by {user} on {host}.")
            refused.append(text.format(headline=name, user=holder.user or "?", host=holder.host))
            continue
        before(path)
        if live_holder(path) is not None:
            text = _("“{headline}” is still open. Close it, then move it to the trash.")
            refused.append(text.format(headline=name))
            continue
        try:
            store.trash(path)
        except OSError as error:
            text = _("“{headline}” could not be moved to the trash: {problem}")
            refused.append(text.format(headline=name, problem=error.strerror or error))
    return refused


def restore_drafts(
    store: DraftStore, names: Mapping[Path, str], translations: gettext.NullTranslations
) -> list[str]:
    """Bring drafts back from the trash (a draft whose id came back meanwhile gets a new one)."""
    _ = translations.gettext
    problems: list[str] = []
    for path, name in names.items():
        try:
            store.restore(path)
        except DraftReadError as error:
            text = _("“{headline}” could not be restored: {problem}")
            problems.append(text.format(headline=name, problem=error.problem))
        except OSError as error:
            text = _("“{headline}” could not be restored: {problem}")
            problems.append(text.format(headline=name, problem=error.strerror or error))
    return problems
