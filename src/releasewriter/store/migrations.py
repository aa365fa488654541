"""Upgrades of older draft files, one schema version at a time.

Each step takes the parsed JSON of version N and returns version N+1, so a
file of any age reaches the current schema by running the steps in order.
Steps work on plain JSON data: they must keep working after the dataclasses
have moved on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from typing import Any

from releasewriter.store.errors import DraftFormatError

Step = Callable[[dict[str, Any]], dict[str, Any]]


def _content_id(data: dict[str, Any]) -> str:
    """The same file always upgrades to the same id, so reading it twice cannot
    make it look like two drafts."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "backslashreplace")).hexdigest()[:32]


def fixed_offset_zone(offset: dt.timedelta | None) -> str:
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
    the quote position "after", and the embargo as one ISO string with an offset.

    Segments get ids by position (``p1``, ``q1``, ``c1``, ``n1``), the same in every
    language version, because that is how a translation finds its source segment.
    """
    versions = []
    for old in data.get("versions") or []:
        new = dict(old)
        new["locale"] = new.pop("language", new.get("locale"))
        new["body"] = [{"id": f"p{i}", "text": t} for i, t in enumerate(new.get("body") or [], 1)]
        new["notes_to_editors"] = [
            {"id": f"n{i}", "text": t} for i, t in enumerate(new.pop("notes", None) or [], 1)
        ]
        new["quotes"] = [
            {
                "id": f"q{i}",
                "text": q.get("text", ""),
                "speaker": q.get("speaker", ""),
                "role": q.get("role", ""),
                "speaker_gender": "",
                "after_paragraph": q.get("after", 0),
            }
            for i, q in enumerate(new.get("quotes") or [], 1)
        ]
        new["contacts"] = [{"id": f"c{i}", **c} for i, c in enumerate(new.get("contacts") or [], 1)]
        embargo = new.pop("embargo_until", None)
        if embargo:
            until = dt.datetime.fromisoformat(embargo)
            new["embargo"] = {
                "until": until.replace(tzinfo=None).isoformat(),
                "timezone": fixed_offset_zone(until.utcoffset()),
            }
        else:
            new["embargo"] = None
        versions.append(new)
    upgraded = dict(data)
    upgraded["versions"] = versions
    upgraded["source_locale"] = upgraded.pop("source_language", upgraded.get("source_locale"))
    upgraded["id"] = upgraded.get("id") or _content_id(data)
    upgraded["schema_version"] = 2
    return upgraded


def _v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 added the state of each translated segment and the time of the last export."""
    upgraded = dict(data)
    upgraded["versions"] = [
        {**v, "segments": {}} if isinstance(v, dict) else v for v in data.get("versions") or []
    ]
    upgraded["last_exported"] = None
    upgraded["schema_version"] = 3
    return upgraded


def _v3_to_v4(data: dict[str, Any]) -> dict[str, Any]:
    """Version 4 keeps one dateline country and date for the release; each version keeps
    only its city's name. Where versions disagreed, the source version's country and date win
    (the cross-language checks reported the difference)."""
    upgraded = dict(data)
    versions = [v for v in data.get("versions") or [] if isinstance(v, dict)]
    source = next(
        (v for v in versions if v.get("locale") == data.get("source_locale")),
        versions[0] if versions else {},
    )
    dateline = source.get("dateline")
    shared: dict[str, Any] = dateline if isinstance(dateline, dict) else {}
    upgraded["dateline"] = {"country": shared.get("country", ""), "date": shared.get("date")}
    upgraded["versions"] = [
        _without_dateline(v) if isinstance(v, dict) else v for v in data.get("versions") or []
    ]
    upgraded["schema_version"] = 4
    return upgraded


def _without_dateline(version: dict[str, Any]) -> dict[str, Any]:
    dateline = version.get("dateline")
    upgraded = {k: v for k, v in version.items() if k != "dateline"}
    upgraded["city"] = dateline.get("city", "") if isinstance(dateline, dict) else ""
    return upgraded


def _v4_to_v5(data: dict[str, Any]) -> dict[str, Any]:
    """Version 5 adds the segment statuses "copied" and "same_as_source". A version 4
    file has neither, and reads the same: its text equal to the source is untranslated.
    The number changes so that a version 4 ReleaseWriter asks to be updated instead of
    failing on a status it does not know."""
    return {**data, "schema_version": 5}


def _v5_to_v6(data: dict[str, Any]) -> dict[str, Any]:
    """Version 6 carries the letterhead itself instead of a path to the user's file, and
    the id of the organisation profile the release follows. A version 5 draft follows
    this computer's profile (its letterhead included): that is where it was made, and
    its details are the profile's as it was then."""
    organisation = dict(data.get("organisation") or {})
    organisation.pop("docx_template", None)
    organisation.setdefault("id", "")
    organisation.setdefault("letterhead", None)
    return {**data, "schema_version": 6, "organisation": organisation}


def _v6_to_v7(data: dict[str, Any]) -> dict[str, Any]:
    """Version 7 keeps, per version, the lines of an imported document that were not
    placed in a field. A version 6 draft has none. The number changes so that a
    version 6 ReleaseWriter asks to be updated instead of dropping them on save."""
    versions = [
        {**version, "not_placed": []} if isinstance(version, dict) else version
        for version in data.get("versions") or []
    ]
    return {**data, "schema_version": 7, "versions": versions}


STEPS: dict[int, Step] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
    4: _v4_to_v5,
    5: _v5_to_v6,
    6: _v6_to_v7,
}


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
