"""A press release and its parallel language versions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from zoneinfo import ZoneInfo

from releasewriter.model.ids import new_id, new_release_id
from releasewriter.model.organisation import Organisation
from releasewriter.model.translation import SegmentState


class SpeakerGender(StrEnum):
    """Only used to agree the attribution verb ("сказала", "قالت") in languages that inflect it."""

    UNSPECIFIED = ""
    FEMALE = "female"
    MALE = "male"


@dataclass
class Paragraph:
    """One paragraph of body text or of the notes to editors, in the inline markup
    described in :mod:`releasewriter.model.inline` (stored exactly as typed)."""

    text: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Quote:
    text: str = ""
    speaker: str = ""
    role: str = ""
    # How many body paragraphs come before the quote: 0 puts it first, and a
    # number past the end puts it after the last paragraph.
    after_paragraph: int = 0
    speaker_gender: SpeakerGender = SpeakerGender.UNSPECIFIED
    id: str = field(default_factory=new_id)


@dataclass
class Contact:
    name: str = ""
    role: str = ""
    office: str = ""
    email: str = ""
    phone: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Dateline:
    """Where and when the release is datelined: stored once, shown in each version's language.

    The date is written by babel in each language, the country named in it;
    the city's name is each version's own (``LanguageVersion.city``), since
    it is spelt differently in each language (Pékin, Beijing, 北京).
    """

    # An ISO 3166 code ("CN") is shown in each version's language; anything
    # else is shown as typed.
    country: str = ""
    date: dt.date | None = None


@dataclass
class Embargo:
    """Embargoed until a wall-clock time in a named IANA time zone."""

    until: dt.datetime
    timezone: str = ""

    def aware(self) -> dt.datetime | None:
        """The embargo as an aware datetime, or None when the time zone is missing or unknown."""
        if not self.timezone:
            return None
        try:
            zone = ZoneInfo(self.timezone)
        except (KeyError, ValueError):
            return None
        return self.until.replace(tzinfo=zone)


@dataclass
class LanguageVersion:
    locale: str
    headline: str = ""
    subheadline: str = ""
    # The dateline's city as this language spells it (the country and date are the release's).
    city: str = ""
    # None means "for immediate release".
    embargo: Embargo | None = None
    body: list[Paragraph] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    notes_to_editors: list[Paragraph] = field(default_factory=list)
    # None takes the organisation's boilerplate and the house end mark for
    # this language; a string (even empty) overrides them for this release.
    boilerplate: str | None = None
    end_mark: str | None = None
    # For a translation: each segment's state, by segment key (see releasewriter.translation).
    segments: dict[str, SegmentState] = field(default_factory=dict)
    # Lines of an imported document that the import could not place in a field:
    # kept with the draft, never printed, until the user has dealt with them.
    not_placed: list[str] = field(default_factory=list)


def reading_order(version: LanguageVersion) -> list[Paragraph | Quote]:
    """The body's paragraphs and quotes in the order a reader meets them (empty ones left out)."""
    paragraphs = [p for p in version.body if p.text.strip()]
    placed: dict[int, list[Quote]] = {}
    for quote in version.quotes:
        if quote.text.strip():
            slot = min(max(quote.after_paragraph, 0), len(paragraphs))
            placed.setdefault(slot, []).append(quote)
    items: list[Paragraph | Quote] = []
    for index in range(len(paragraphs) + 1):
        items += placed.get(index, [])
        if index < len(paragraphs):
            items.append(paragraphs[index])
    return items


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


@dataclass
class Release:
    source_locale: str
    versions: list[LanguageVersion] = field(default_factory=list)
    organisation: Organisation = field(default_factory=Organisation)
    dateline: Dateline = field(default_factory=Dateline)
    id: str = field(default_factory=new_release_id)
    created: dt.datetime = field(default_factory=_utcnow)
    modified: dt.datetime = field(default_factory=_utcnow)
    # When files were last exported; "exported" in the library while not modified since.
    last_exported: dt.datetime | None = None

    @property
    def locales(self) -> list[str]:
        return [v.locale for v in self.versions]

    @property
    def source(self) -> LanguageVersion:
        return self.version(self.source_locale)

    def version(self, locale: str) -> LanguageVersion:
        for version in self.versions:
            if version.locale == locale:
                return version
        raise KeyError(locale)

    def touch(self) -> None:
        now = _utcnow()
        if self.last_exported is not None and now <= self.last_exported:
            # Times are kept to the second: an edit in the second of an export
            # must still count as coming after it.
            now = self.last_exported + dt.timedelta(seconds=1)
        self.modified = now

    def mark_exported(self) -> None:
        self.modified = self.last_exported = _utcnow()

    @property
    def exported(self) -> bool:
        return self.last_exported is not None and self.last_exported >= self.modified
