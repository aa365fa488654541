"""The held-out releases as data: what a person wrote, and what the import should find."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Q:
    """A quote: ``form`` writes it as the release does ({text}, {speaker}, {role})."""

    text: str
    speaker: str
    role: str
    form: str

    def written(self) -> str:
        return self.form.format(text=self.text, speaker=self.speaker, role=self.role)


@dataclass(frozen=True)
class C:
    name: str
    role: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Held:
    """One release. ``body`` holds paragraphs (in the inline markup) and quotes in
    their order; the dateline is written before the first paragraph."""

    key: str
    lang: str
    agency: str
    headline: str
    dateline: str
    city: str
    country: str
    date: dt.date
    body: tuple[str | Q, ...]
    subheadline: str = ""
    # Lines above the headline: "FOR IMMEDIATE RELEASE", an embargo, a date.
    top: tuple[str, ...] = ()
    end: str = ""
    contacts_heading: str = ""
    contacts: tuple[C, ...] = ()
    # "lines" (a line per item), "oneline" (one line per person) or "table".
    contact_style: str = "lines"
    labels: tuple[str, str] = ("Email:", "Tel.:")
    end_after_contacts: bool = False
    notes_heading: str = ""
    notes: tuple[str, ...] = ()
    # In the Word file: the headline in the Title style, or a bold paragraph.
    title_style: bool = True
    letterhead: str = ""

    @property
    def paragraphs(self) -> list[str]:
        return [item for item in self.body if isinstance(item, str)]

    @property
    def quotes(self) -> list[Q]:
        return [item for item in self.body if isinstance(item, Q)]
