"""Releases as the app itself exports them (plain text), so that our own exports read back."""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING

from releasewriter.model import (
    Contact,
    Dateline,
    Embargo,
    LanguageVersion,
    Paragraph,
    Quote,
    Release,
    SpeakerGender,
)
from releasewriter.model.organisation import Organisation
from releasewriter.render.document import render_release
from releasewriter.render.html import render_text

if TYPE_CHECKING:
    from tests.importing.corpus import Expected, Line, _Draft


def app_release(draft: _Draft, rng: random.Random) -> Release:
    embargoed = rng.random() < 0.5
    version = LanguageVersion(
        locale=draft.locale,
        headline=draft.headline,
        subheadline=draft.subheadline,
        city=draft.city,
        embargo=Embargo(dt.datetime.combine(draft.date, dt.time(9)), "Europe/Zurich")
        if embargoed
        else None,
        body=[Paragraph(text) for text in draft.paragraphs],
        quotes=[
            Quote(
                text=text,
                speaker=speaker.name,
                role=role,
                after_paragraph=after,
                speaker_gender=SpeakerGender.FEMALE if speaker.female else SpeakerGender.MALE,
            )
            for after, text, speaker, role in draft.quotes
        ],
        contacts=[
            Contact(name=person.name, role=role, office=office, email=email, phone=phone)
            for person, role, office, email, phone in draft.contacts
        ],
        notes_to_editors=[Paragraph(note) for note in draft.notes],
        boilerplate=draft.about,
    )
    return Release(
        source_locale=draft.locale,
        versions=[version],
        organisation=Organisation(name=draft.acronym, names={draft.locale: draft.acronym}),
        dateline=Dateline(draft.country, draft.date),
    )


def app_lines(draft: _Draft, rng: random.Random) -> tuple[list[Line], Expected]:
    from tests.importing.corpus import Expected, Line  # noqa: PLC0415

    release = app_release(draft, rng)
    version = release.source
    text = render_text(render_release(release, draft.locale))
    lines = [Line(line) for line in text.split("\n") if line.strip()]
    embargo = version.embargo
    expected = Expected(
        locale=draft.locale,
        headline=version.headline,
        subheadline=version.subheadline,
        city=version.city,
        country=draft.country,
        date=draft.date,
        embargo=embargo.until if embargo else None,
        paragraphs=len(version.body),
        quotes=tuple((q.speaker, q.role) for q in version.quotes),
        contacts=tuple((c.email, c.phone) for c in version.contacts),
    )
    return lines, expected
