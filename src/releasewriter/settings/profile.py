"""The organisation profile on disk: ``organisation.json`` and its letterheads.

The profile names its letterhead by content (``letterheads/<sha256>.docx`` beside
``organisation.json``, in the portable copy's data folder too): a letterhead is the
app's own copy, made when the user chose it, so moving or renaming the user's file
changes nothing. Drafts carry the letterhead's bytes themselves (see draft_format).

A profile gets its id when first saved; releases made from it follow it (see
``releasewriter.model.following``).
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from releasewriter.model import Letterhead, Organisation
from releasewriter.model.ids import new_release_id
from releasewriter.store.atomic import atomic_write_bytes
from releasewriter.store.draft_format import organisation_from_dict, organisation_to_dict
from releasewriter.store.errors import DraftFormatError

log = logging.getLogger(__name__)

ORGANISATION_FILE = "organisation.json"
LETTERHEADS_FOLDER = "letterheads"


def letterhead_path(folder: Path, sha256: str) -> Path:
    return folder / LETTERHEADS_FOLDER / f"{sha256}.docx"


def _letterhead_from_disk(folder: Path, entry: dict[str, Any]) -> dict[str, Any]:
    """The profile's letterhead entry as a draft writes it (with its bytes).

    A letterhead file gone from the app's data, or altered, reads as empty: Before
    sending and the export then say it is missing, rather than the release quietly
    going out without it.
    """
    name, digest = str(entry.get("name", "")), str(entry.get("sha256", ""))
    data = b""
    if digest.isalnum():
        try:
            data = letterhead_path(folder, digest).read_bytes()
        except OSError:
            log.warning("the profile's letterhead %s is missing", digest)
        if hashlib.sha256(data).hexdigest() != digest:
            data = b""
    return {"name": name, "data": data}


def _from_old_path(path: str) -> dict[str, Any]:
    """A profile written before letterheads were the app's own named the user's file."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        data = b""
    return {"name": Path(path).name, "data": data}


def load_organisation(folder: Path) -> Organisation | None:
    """The organisation profile, or None when there is none (or it cannot be read)."""
    try:
        raw = json.loads((folder / ORGANISATION_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict):
        return None
    letterhead: dict[str, Any] | None = None
    if isinstance(raw.get("letterhead"), dict):
        letterhead = _letterhead_from_disk(folder, raw["letterhead"])
    elif isinstance(raw.get("docx_template"), str) and raw["docx_template"]:
        letterhead = _from_old_path(raw["docx_template"])
    raw = {k: v for k, v in raw.items() if k not in ("letterhead", "docx_template")}
    try:
        organisation = organisation_from_dict(raw)
    except DraftFormatError:
        return None
    if letterhead is not None:
        organisation.letterhead = Letterhead(letterhead["name"], letterhead["data"])
    if not organisation.id:
        # Saved before profiles had ids: it is this computer's profile all the same,
        # and the releases made here follow it.
        organisation.id = new_release_id()
        try:
            save_organisation(folder, organisation)
        except OSError:
            log.warning("could not give the organisation profile its id", exc_info=True)
    return organisation


class ProfileReader:
    """The profile as saved now, read again only when ``organisation.json`` changed.

    The editor asks for it whenever a draft opens or the form reloads (each switch of
    language version); the letterhead it brings can weigh megabytes. The letterhead's
    file is named by its content, so any change to the profile changes the JSON file.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._stamp: tuple[int, int] | None = None
        self._profile: Organisation | None = None

    def __call__(self) -> Organisation | None:
        stamp = self._stamp_now()
        if stamp is None or stamp != self._stamp:
            self._profile = load_organisation(self.folder)
            # Stamped after reading: a profile given its id as it was read was just written.
            self._stamp = self._stamp_now()
        return copy.deepcopy(self._profile)

    def _stamp_now(self) -> tuple[int, int] | None:
        try:
            info = (self.folder / ORGANISATION_FILE).stat()
        except OSError:
            return None
        return (info.st_mtime_ns, info.st_size)


def save_organisation(folder: Path, organisation: Organisation) -> Path:
    """Write the profile, its letterhead into the app's data; a profile without an id
    (never saved before) is written with a new one."""
    folder.mkdir(parents=True, exist_ok=True)
    data = organisation_to_dict(organisation)
    data["id"] = organisation.id or new_release_id()
    letterhead = organisation.letterhead
    if letterhead is not None:
        digest = letterhead.sha256
        target = letterhead_path(folder, digest)
        if letterhead.data and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(target, letterhead.data)
        data["letterhead"] = {"name": letterhead.name, "sha256": digest}
    path = folder / ORGANISATION_FILE
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    atomic_write_bytes(path, text.encode("utf-8"))
    return path
