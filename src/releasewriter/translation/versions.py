"""Adding, removing and re-rooting language versions of a release."""

from __future__ import annotations

import copy

from releasewriter.i18n.locales import parse_locale
from releasewriter.i18n.places import city_in
from releasewriter.model import (
    Contact,
    LanguageVersion,
    Organisation,
    Paragraph,
    Quote,
    Release,
    SegmentState,
    SegmentStatus,
)
from releasewriter.translation.segments import segments_of


class VersionError(ValueError):
    pass


def normalise_locale(code: str) -> str:
    """A babel locale identifier (``zh-Hans-CN`` → ``zh_Hans_CN``), refusing unknown codes."""
    normalised = code.strip().replace("-", "_")
    parsed = parse_locale(normalised)
    if parsed.language != normalised.split("_", 1)[0]:
        raise VersionError(f"{code!r} is not a known language")
    return normalised


def new_version(source: LanguageVersion, locale: str, *, copy_text: bool) -> LanguageVersion:
    """A version with the source's structure and the same segment ids.

    Names, emails, phone numbers and the embargo carry over as they are
    (the dateline's country and date are the release's); text is copied for
    reference, or left empty to write. The dateline's city comes in the new
    language's spelling when CLDR has it (see :mod:`releasewriter.i18n.places`),
    recorded as translated from the source's city. Copied text is recorded as
    a copy: untranslated until the translator changes or confirms it.
    """

    def text(value: str) -> str:
        return value if copy_text else ""

    city = city_in(source.city, source.locale, locale)
    version = LanguageVersion(
        locale=locale,
        headline=text(source.headline),
        subheadline=text(source.subheadline),
        city=city if city is not None else text(source.city),
        embargo=copy.deepcopy(source.embargo),
        body=[Paragraph(text(p.text), p.id) for p in source.body],
        quotes=[
            Quote(text(q.text), q.speaker, text(q.role), q.after_paragraph, q.speaker_gender, q.id)
            for q in source.quotes
        ],
        contacts=[
            Contact(c.name, text(c.role), text(c.office), c.email, c.phone, c.id)
            for c in source.contacts
        ],
        notes_to_editors=[Paragraph(text(n.text), n.id) for n in source.notes_to_editors],
        boilerplate=None,
        end_mark=None,
    )
    if copy_text:
        # A copy is not a translation, even once the source has moved on from it.
        for segment in segments_of(version, Organisation()):
            if segment.path is not None and segment.text.strip():
                version.segments[segment.key] = SegmentState(SegmentStatus.COPIED, segment.text)
    if city:
        # CLDR's spelling is a translation, even where it is the source's ("Paris").
        same = city == source.city
        status = SegmentStatus.SAME_AS_SOURCE if same else SegmentStatus.TRANSLATED
        version.segments["city"] = SegmentState(status, source.city)
    return version


def add_version(release: Release, locale: str, *, copy_text: bool = False) -> LanguageVersion:
    code = normalise_locale(locale)
    if code in release.locales:
        raise VersionError(f"the release already has a {code} version")
    version = new_version(release.source, code, copy_text=copy_text)
    release.versions.append(version)
    release.touch()
    return version


def remove_version(release: Release, locale: str) -> None:
    if locale == release.source_locale:
        raise VersionError("the source version cannot be removed; choose another source first")
    release.versions.remove(release.version(locale))
    release.touch()


def set_source(release: Release, locale: str) -> None:
    """Make another version the one translations answer to.

    Each translation's record of "the source it was translated from" referred
    to the old source, so it no longer applies: states are cleared.
    """
    release.version(locale)
    if locale == release.source_locale:
        return
    release.source_locale = locale
    for version in release.versions:
        version.segments.clear()
    release.touch()
