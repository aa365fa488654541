"""A version cut into the segments a translator works on, each with a stable key.

Keys come from ids, not positions, so that a translation stays attached to
its source segment when paragraphs are added, moved or reworded:
``headline``, ``subheadline``, ``city`` (the dateline's), ``body:<paragraph id>``,
``quote:<quote id>``, ``quote:<quote id>:role``, ``note:<paragraph id>``, ``boilerplate``,
``contact:<contact id>:role``, ``contact:<contact id>:office``. Names (of
speakers and contacts), emails and phone numbers are not translated: the
cross-language checks compare them instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from releasewriter.model import LanguageVersion, Organisation
from releasewriter.model.organisation import pick_for_locale


class SegmentKind(StrEnum):
    HEADLINE = "headline"
    SUBHEADLINE = "subheadline"
    CITY = "city"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    QUOTE_ROLE = "quote_role"
    NOTE = "note"
    BOILERPLATE = "boilerplate"
    CONTACT_ROLE = "contact_role"
    CONTACT_OFFICE = "contact_office"


# The kinds whose text carries inline markup (bold, italic, links); the others are plain.
MARKUP_KINDS = frozenset(
    {SegmentKind.PARAGRAPH, SegmentKind.QUOTE, SegmentKind.NOTE, SegmentKind.BOILERPLATE}
)


@dataclass(frozen=True)
class Segment:
    key: str
    kind: SegmentKind
    # Where the text lives in this version (a path for releasewriter.model.fields),
    # or None when it is not stored in the version (the organisation's boilerplate).
    path: str | None
    text: str


def boilerplate_text(version: LanguageVersion, organisation: Organisation) -> str:
    if version.boilerplate is not None:
        return version.boilerplate
    return pick_for_locale(organisation.boilerplate, version.locale) or ""


def segments_of(version: LanguageVersion, organisation: Organisation) -> list[Segment]:
    """Every translatable segment of the version, in reading order."""
    found = [
        Segment("headline", SegmentKind.HEADLINE, "headline", version.headline),
        Segment("subheadline", SegmentKind.SUBHEADLINE, "subheadline", version.subheadline),
        Segment("city", SegmentKind.CITY, "city", version.city),
    ]
    for i, paragraph in enumerate(version.body):
        found.append(
            Segment(
                f"body:{paragraph.id}", SegmentKind.PARAGRAPH, f"body[{i}].text", paragraph.text
            )
        )
    for i, quote in enumerate(version.quotes):
        found.append(
            Segment(f"quote:{quote.id}", SegmentKind.QUOTE, f"quotes[{i}].text", quote.text)
        )
        found.append(
            Segment(
                f"quote:{quote.id}:role", SegmentKind.QUOTE_ROLE, f"quotes[{i}].role", quote.role
            )
        )
    for i, contact in enumerate(version.contacts):
        found.append(
            Segment(
                f"contact:{contact.id}:role",
                SegmentKind.CONTACT_ROLE,
                f"contacts[{i}].role",
                contact.role,
            )
        )
        found.append(
            Segment(
                f"contact:{contact.id}:office",
                SegmentKind.CONTACT_OFFICE,
                f"contacts[{i}].office",
                contact.office,
            )
        )
    for i, note in enumerate(version.notes_to_editors):
        found.append(
            Segment(f"note:{note.id}", SegmentKind.NOTE, f"notes_to_editors[{i}].text", note.text)
        )
    found.append(
        Segment(
            "boilerplate",
            SegmentKind.BOILERPLATE,
            "boilerplate" if version.boilerplate is not None else None,
            boilerplate_text(version, organisation),
        )
    )
    return found


def segment_map(version: LanguageVersion, organisation: Organisation) -> dict[str, Segment]:
    return {segment.key: segment for segment in segments_of(version, organisation)}
