"""The draft file: one UTF-8 JSON document per release.

JSON because it is human-readable, diffs line by line with the indentation
used here, and has a schema language (``resources/schemas``). The mapping is
written out by hand rather than by reflection so that renaming a dataclass
field can never silently change the file format. See ``docs/draft-format.md``.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import json
import re
from collections.abc import Callable
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale, UnknownLocaleError

from releasewriter.model import (
    Contact,
    Dateline,
    Embargo,
    HouseStyle,
    LanguageVersion,
    Letterhead,
    Logo,
    Organisation,
    Paragraph,
    Quote,
    Release,
    SegmentState,
    SegmentStatus,
    SpeakerGender,
    new_id,
)
from releasewriter.model.one_line import one_line_version
from releasewriter.store.errors import DraftFormatError
from releasewriter.store.migrations import fixed_offset_zone, migrate
from releasewriter.store.reading import parse_json

SCHEMA_VERSION = 7
_SAFE_ID = re.compile(r"[0-9A-Za-z_-]{1,128}")
# The shape of a BCP 47 tag (``fr-CA``) or of the CLDR identifiers drafts use
# (``fr_CA``, ``zh_Hans``, ``es_419``): letters and digits between ``_`` or ``-``.
# Locales name exported files; a ``/``, ``..`` or ``:`` would reach elsewhere.
_LOCALE_SHAPE = re.compile(r"[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{1,8}){0,4}")
FORMAT_NAME = "releasewriter-draft"

T = TypeVar("T")


# --- writing ---------------------------------------------------------------


def _paragraphs(items: list[Paragraph]) -> list[dict[str, Any]]:
    return [{"id": p.id, "text": p.text} for p in items]


def _contact(c: Contact) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name,
        "role": c.role,
        "office": c.office,
        "email": c.email,
        "phone": c.phone,
    }


def _version(v: LanguageVersion) -> dict[str, Any]:
    return {
        "locale": v.locale,
        "headline": v.headline,
        "subheadline": v.subheadline,
        "city": v.city,
        "embargo": (
            {"until": v.embargo.until.isoformat(), "timezone": v.embargo.timezone}
            if v.embargo
            else None
        ),
        "body": _paragraphs(v.body),
        "quotes": [
            {
                "id": q.id,
                "text": q.text,
                "speaker": q.speaker,
                "role": q.role,
                "speaker_gender": q.speaker_gender.value,
                "after_paragraph": q.after_paragraph,
            }
            for q in v.quotes
        ],
        "contacts": [_contact(c) for c in v.contacts],
        "notes_to_editors": _paragraphs(v.notes_to_editors),
        "boilerplate": v.boilerplate,
        "end_mark": v.end_mark,
        "segments": {
            key: {"status": state.status.value, "source": state.source}
            for key, state in sorted(v.segments.items())
        },
        "not_placed": list(v.not_placed),
    }


def organisation_to_dict(o: Organisation) -> dict[str, Any]:
    return {
        "id": o.id,
        "name": o.name,
        "names": dict(o.names),
        "boilerplate": dict(o.boilerplate),
        "contacts": [_contact(c) for c in o.contacts],
        "house_style": {
            "dateline_pattern": dict(o.house_style.dateline_pattern),
            "end_mark": dict(o.house_style.end_mark),
            "about_heading": dict(o.house_style.about_heading),
        },
        "logo": (
            {
                "media_type": o.logo.media_type,
                "data": base64.b64encode(o.logo.data).decode("ascii"),
            }
            if o.logo
            else None
        ),
        "letterhead": (
            {"name": o.letterhead.name, "data": base64.b64encode(o.letterhead.data).decode("ascii")}
            if o.letterhead
            else None
        ),
    }


def release_to_dict(release: Release) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "schema_version": SCHEMA_VERSION,
        "id": release.id,
        "created": release.created.isoformat(),
        "modified": release.modified.isoformat(),
        "last_exported": release.last_exported.isoformat() if release.last_exported else None,
        "source_locale": release.source_locale,
        "dateline": {
            "country": release.dateline.country,
            "date": release.dateline.date.isoformat() if release.dateline.date else None,
        },
        "organisation": organisation_to_dict(release.organisation),
        "versions": [_version(v) for v in release.versions],
    }


def dumps_release(release: Release) -> str:
    return _dumps(release_to_dict(release))


def _dumps(snapshot: dict[str, Any]) -> str:
    # ensure_ascii=False keeps Arabic and Chinese readable in the file and in diffs.
    return json.dumps(snapshot, ensure_ascii=False, indent=2) + "\n"


def encode_release(release: Release) -> bytes:
    """The bytes of a draft file."""
    return encode_snapshot(release_to_dict(release))


def encode_snapshot(snapshot: dict[str, Any]) -> bytes:
    """The bytes of a draft file from :func:`release_to_dict`'s snapshot.

    The snapshot holds only new containers and immutable values, so it may be
    encoded on another thread while the release goes on changing: autosave
    takes it on the GUI thread (a millisecond at 20,000 words in six
    languages) and leaves the encoding (15 ms) to its writer.

    A lone surrogate (pasted from a broken source) cannot be UTF-8; written
    as a JSON ``\\udXXX`` escape it still reads back exactly.
    """
    return _dumps(snapshot).encode("utf-8", "backslashreplace")


# --- reading ---------------------------------------------------------------


class _Reader:
    """Typed access to a JSON object that reports the path of whatever is wrong."""

    def __init__(self, data: Any, path: str) -> None:
        if not isinstance(data, dict):
            raise DraftFormatError(f"{path or 'the file'}: expected an object")
        self.data: dict[str, Any] = data
        self.path = path

    def _where(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def _get(self, key: str, kind: type[T], default: T | None, label: str) -> T:
        if key not in self.data or self.data[key] is None:
            if default is None:
                raise DraftFormatError(f"{self._where(key)}: missing")
            return default
        value = self.data[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise DraftFormatError(f"{self._where(key)}: expected {label}")
        return value

    def text(self, key: str, default: str | None = "") -> str:
        return self._get(key, str, default, "text")

    def optional_text(self, key: str) -> str | None:
        if self.data.get(key) is None:
            return None
        return self.text(key)

    def integer(self, key: str, default: int | None = 0) -> int:
        return self._get(key, int, default, "a whole number")

    def mapping_of_text(self, key: str) -> dict[str, str]:
        value = self._get(key, dict, {}, "an object")
        for k, v in value.items():
            if not isinstance(v, str):
                raise DraftFormatError(f"{self._where(key)}.{k}: expected text")
        return dict(value)

    def list_of_text(self, key: str) -> list[str]:
        value = self._get(key, list, [], "a list")
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise DraftFormatError(f"{self._where(key)}[{i}]: expected text")
        return list(value)

    def child(self, key: str) -> _Reader | None:
        if self.data.get(key) is None:
            return None
        return _Reader(self.data[key], self._where(key))

    def items(self, key: str, build: Callable[[_Reader], T]) -> list[T]:
        value = self._get(key, list, [], "a list")
        return [build(_Reader(item, f"{self._where(key)}[{i}]")) for i, item in enumerate(value)]

    def parse(self, key: str, convert: Callable[[str], T], label: str) -> T | None:
        raw = self.optional_text(key)
        if raw is None or raw == "":
            return None
        try:
            return convert(raw)
        except ValueError:
            raise DraftFormatError(f"{self._where(key)}: {raw!r} is not {label}") from None


@functools.cache
def is_known_locale(code: str) -> bool:
    """A language code Babel (CLDR) knows, in the shape of an identifier: never a path."""
    if not _LOCALE_SHAPE.fullmatch(code):
        return False
    try:
        Locale.parse(code, sep="-" if "-" in code else "_")
    except (UnknownLocaleError, ValueError):
        return False
    return True


def _locale(r: _Reader, key: str, default: str | None = "") -> str:
    code = r.text(key, default=default)
    if not is_known_locale(code):
        raise DraftFormatError(f"{r._where(key)}: {code!r} is not a known language code")
    return code


def _item_id(r: _Reader) -> str:
    """A segment's id, or a new one; ids become XLIFF and segment keys, so only safe ones."""
    value = r.text("id")
    if not value:
        return new_id()
    if not _SAFE_ID.fullmatch(value):
        raise DraftFormatError(f"{r._where('id')}: {value!r} is not a valid id")
    return value


def _read_paragraph(r: _Reader) -> Paragraph:
    return Paragraph(text=r.text("text"), id=_item_id(r))


def _read_contact(r: _Reader) -> Contact:
    return Contact(
        name=r.text("name"),
        role=r.text("role"),
        office=r.text("office"),
        email=r.text("email"),
        phone=r.text("phone"),
        id=_item_id(r),
    )


def _read_quote(r: _Reader) -> Quote:
    gender = r.text("speaker_gender")
    try:
        speaker_gender = SpeakerGender(gender)
    except ValueError:
        raise DraftFormatError(f"{r.path}.speaker_gender: unknown value {gender!r}") from None
    return Quote(
        text=r.text("text"),
        speaker=r.text("speaker"),
        role=r.text("role"),
        after_paragraph=max(0, r.integer("after_paragraph")),
        speaker_gender=speaker_gender,
        id=_item_id(r),
    )


def _read_dateline(r: _Reader | None) -> Dateline:
    if r is None:
        return Dateline()
    return Dateline(
        country=r.text("country"),
        date=r.parse("date", dt.date.fromisoformat, "a date (YYYY-MM-DD)"),
    )


def _read_version(r: _Reader) -> LanguageVersion:
    embargo = r.child("embargo")
    return LanguageVersion(
        locale=_locale(r, "locale", default=None),
        headline=r.text("headline"),
        subheadline=r.text("subheadline"),
        city=r.text("city"),
        embargo=_read_embargo(embargo) if embargo else None,
        body=r.items("body", _read_paragraph),
        quotes=r.items("quotes", _read_quote),
        contacts=r.items("contacts", _read_contact),
        notes_to_editors=r.items("notes_to_editors", _read_paragraph),
        boilerplate=r.optional_text("boilerplate"),
        end_mark=r.optional_text("end_mark"),
        segments=_read_segments(r.child("segments")),
        not_placed=r.list_of_text("not_placed"),
    )


def _read_segments(r: _Reader | None) -> dict[str, SegmentState]:
    if r is None:
        return {}
    segments = {}
    for key in r.data:
        state = r.child(key)
        if state is None:
            continue
        status = state.text("status", default=None)
        try:
            segments[key] = SegmentState(SegmentStatus(status), state.text("source"))
        except ValueError:
            raise DraftFormatError(f"{state.path}.status: unknown value {status!r}") from None
    return segments


def _read_embargo(r: _Reader) -> Embargo:
    until = r.parse("until", dt.datetime.fromisoformat, "a date and time")
    if until is None:
        raise DraftFormatError(f"{r.path}.until: missing")
    zone = r.text("timezone")
    if until.tzinfo is not None:
        # Written by hand with an offset: keep the instant, in the named zone.
        if not zone:
            zone = fixed_offset_zone(until.utcoffset())
        try:
            until = until.astimezone(ZoneInfo(zone)) if zone else until
        except (ZoneInfoNotFoundError, ValueError):
            raise DraftFormatError(f"{r.path}.timezone: unknown time zone {zone!r}") from None
    return Embargo(until=until.replace(tzinfo=None), timezone=zone)


def _read_organisation(r: _Reader) -> Organisation:
    house = r.child("house_style")
    logo = r.child("logo")
    letterhead = r.child("letterhead")
    organisation_id = r.text("id", default="")
    if organisation_id and not _SAFE_ID.fullmatch(organisation_id):
        raise DraftFormatError(f"{r._where('id')}: {organisation_id!r} is not a valid id")
    return Organisation(
        id=organisation_id,
        name=r.text("name"),
        names=r.mapping_of_text("names"),
        boilerplate=r.mapping_of_text("boilerplate"),
        contacts=r.items("contacts", _read_contact),
        house_style=HouseStyle(
            dateline_pattern=house.mapping_of_text("dateline_pattern"),
            end_mark=house.mapping_of_text("end_mark"),
            about_heading=house.mapping_of_text("about_heading"),
        )
        if house
        else HouseStyle(),
        logo=_read_logo(logo) if logo else None,
        letterhead=_read_letterhead(letterhead) if letterhead else None,
    )


def _base64(r: _Reader, key: str) -> bytes:
    encoded = r.text(key, default=None)
    try:
        return base64.b64decode(encoded, validate=True)
    except ValueError:
        raise DraftFormatError(f"{r.path}.{key}: not base64") from None


def _read_logo(r: _Reader) -> Logo:
    return Logo(media_type=r.text("media_type", default=None), data=_base64(r, "data"))


def _read_letterhead(r: _Reader) -> Letterhead:
    return Letterhead(name=r.text("name"), data=_base64(r, "data"))


def organisation_from_dict(data: Any) -> Organisation:
    return _read_organisation(_Reader(data, "organisation"))


def _optional_aware(value: dt.datetime | None) -> dt.datetime | None:
    return _aware(value) if value is not None else None


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def release_from_dict(data: Any) -> Release:
    root = _Reader(data, "")
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise DraftFormatError("schema_version: missing; this is not a ReleaseWriter draft")
    if version > SCHEMA_VERSION:
        raise DraftFormatError(
            f"schema_version {version} is newer than this ReleaseWriter reads "
            f"({SCHEMA_VERSION}); update ReleaseWriter to open it"
        )
    root = _Reader(migrate(data, version, SCHEMA_VERSION), "")
    organisation = root.child("organisation")
    versions = root.items("versions", _read_version)
    source = root.text("source_locale", default=None)
    if versions and source not in {v.locale for v in versions}:
        raise DraftFormatError(f"source_locale: {source!r} is not one of the versions")
    seen: set[str] = set()
    for v in versions:
        # An older draft, or one edited by hand, may hold a pasted line break.
        one_line_version(v)
        if v.locale in seen:
            raise DraftFormatError(f"versions: {v.locale!r} appears twice")
        seen.add(v.locale)
    release_id = root.text("id", default=None)
    if not _SAFE_ID.fullmatch(release_id):
        # The id names the draft's file: it must not reach outside the drafts folder.
        raise DraftFormatError(f"id: {release_id!r} is not a valid draft id")
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    return Release(
        source_locale=source,
        versions=versions,
        organisation=_read_organisation(organisation) if organisation else Organisation(),
        dateline=_read_dateline(root.child("dateline")),
        id=release_id,
        created=_aware(root.parse("created", dt.datetime.fromisoformat, "a date and time") or now),
        modified=_aware(
            root.parse("modified", dt.datetime.fromisoformat, "a date and time") or now
        ),
        last_exported=_optional_aware(
            root.parse("last_exported", dt.datetime.fromisoformat, "a date and time")
        ),
    )


def loads_release(text: str) -> Release:
    # Bounded in depth and number length: the text may be anything (see store/reading.py).
    return release_from_dict(parse_json(text))
