"""Scoring what the recogniser found in a corpus release against what the release holds."""

from __future__ import annotations

import unicodedata

from releasewriter.importing.imported import ImportedRelease
from tests.importing.corpus import Expected


def _same(found: object, expected: object) -> bool:
    if isinstance(found, str) and isinstance(expected, str):
        return _normal(found) == _normal(expected)
    return found == expected


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("'", "’")
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def score(result: ImportedRelease, expected: Expected) -> list[tuple[str, bool]]:
    """Each scored field and whether the recogniser found it."""
    version = result.version
    dateline = result.release.dateline
    fields: list[tuple[str, object, object]] = [
        ("headline", version.headline, expected.headline),
        ("subheadline", version.subheadline, expected.subheadline),
        ("city", version.city, expected.city),
        ("country", dateline.country, expected.country),
        ("date", dateline.date, expected.date),
        ("paragraphs", len(version.body), expected.paragraphs),
    ]
    if expected.embargo is not None:
        fields.append(("embargo", version.embargo and version.embargo.until, expected.embargo))
    for number, (speaker, role) in enumerate(expected.quotes):
        found = version.quotes[number] if number < len(version.quotes) else None
        fields.append((f"quote {number} speaker", found and found.speaker, speaker))
        fields.append((f"quote {number} role", found and found.role, role))
    for number, (email, phone) in enumerate(expected.contacts):
        contact = version.contacts[number] if number < len(version.contacts) else None
        fields.append((f"contact {number} email", contact and contact.email, email))
        fields.append((f"contact {number} phone", contact and contact.phone, phone))
    return [(name, _same(found, wanted)) for name, found, wanted in fields]
