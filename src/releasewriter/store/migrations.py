"""Upgrades of older draft files, one schema version at a time.

Each step takes the parsed JSON of version N and returns version N+1, so a
file of any age reaches the current schema by running the steps in order.
Steps work on plain JSON data: they must keep working after the dataclasses
have moved on.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from releasewriter.store.errors import DraftFormatError

Step = Callable[[dict[str, Any]], dict[str, Any]]


def _id() -> str:
    return uuid.uuid4().hex[:12]


def _fixed_offset_zone(offset: dt.timedelta | None) -> str:
    """An IANA name for a whole-hour UTC offset; POSIX "Etc/GMT" names invert the sign."""
    if offset is None:
        return ""
    hours, remainder = divmod(int(offset.total_seconds()), 3600)
    if remainder:
        return ""
    if hours == 0:
        return "UTC"
    return f"Etc/GMT{-hours:+d}"


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 stored paragraphs as bare strings, called the language "language",
    the quote position "after", and the embargo as one ISO string with an offset."""
    versions = []
    for old in data.get("versions") or []:
        new = dict(old)
        new["locale"] = new.pop("language", new.get("locale"))
        new["body"] = [{"id": _id(), "text": t} for t in new.get("body") or []]
        new["notes_to_editors"] = [{"id": _id(), "text": t} for t in new.pop("notes", None) or []]
        new["quotes"] = [
            {
                "id": _id(),
                "text": q.get("text", ""),
                "speaker": q.get("speaker", ""),
                "role": q.get("role", ""),
                "speaker_gender": "",
                "after_paragraph": q.get("after", 0),
            }
            for q in new.get("quotes") or []
        ]
        new["contacts"] = [{"id": _id(), **c} for c in new.get("contacts") or []]
        embargo = new.pop("embargo_until", None)
        if embargo:
            until = dt.datetime.fromisoformat(embargo)
            new["embargo"] = {
                "until": until.replace(tzinfo=None).isoformat(),
                "timezone": _fixed_offset_zone(until.utcoffset()),
            }
        else:
            new["embargo"] = None
        versions.append(new)
    upgraded = dict(data)
    upgraded["versions"] = versions
    upgraded["source_locale"] = upgraded.pop("source_language", upgraded.get("source_locale"))
    upgraded["id"] = upgraded.get("id") or uuid.uuid4().hex
    upgraded["schema_version"] = 2
    return upgraded


STEPS: dict[int, Step] = {1: _v1_to_v2}


def migrate(data: dict[str, Any], from_version: int, to_version: int) -> dict[str, Any]:
    version = from_version
    while version < to_version:
        step = STEPS.get(version)
        if step is None:
            raise DraftFormatError(f"schema_version {version} is not a known draft format")
        try:
            data = step(data)
        except (TypeError, ValueError, AttributeError) as error:
            raise DraftFormatError(
                f"could not upgrade from schema_version {version}: {error}"
            ) from None
        version += 1
    return data
