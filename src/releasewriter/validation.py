"""What a press officer wants caught before sending a release.

The same checks serve ``releasewriter validate`` and the editor's validation
panel. Each problem names its language version and field path (``headline``,
``quotes[0].speaker``) so that the editor can jump to the field; messages are
in the user's language, chosen by the translations passed in.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from releasewriter.i18n.countries import named_code
from releasewriter.model import LanguageVersion, Release
from releasewriter.model.dateline_pattern import pattern_ok as dateline_pattern_ok
from releasewriter.model.inline import link_targets, safe_href
from releasewriter.model.organisation import pick_for_locale

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


# The organisation dialog's words for the same rule (extracted from there, so in
# every catalog already): the field path says it is the house pattern.
_UNUSABLE_PATTERN = "The pattern must contain {place} and {date}, and nothing else in braces."


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    locale: str
    field: str
    code: str
    severity: Severity
    message: str


def validate_release(
    release: Release,
    translations: gettext.NullTranslations | None = None,
    *,
    now: dt.datetime | None = None,
) -> list[Problem]:
    return [
        problem for step in validation_steps(release, translations, now=now) for problem in step
    ]


def validation_steps(
    release: Release,
    translations: gettext.NullTranslations | None = None,
    *,
    now: dt.datetime | None = None,
) -> Iterator[list[Problem]]:
    """:func:`validate_release` a little at a time: the problems of each step, in order.

    Each step reads a bounded part of the release (the release as a whole, then one
    language version), so the editor can spread a pass over turns of its event loop.
    The release must not change while the steps are taken.
    """
    t = translations or gettext.NullTranslations()
    moment = now or dt.datetime.now(dt.UTC)
    problems: list[Problem] = []
    if not release.versions:
        problems.append(
            Problem(
                "",
                "versions",
                "no-version",
                Severity.ERROR,
                t.gettext("The release has no language version."),
            )
        )
    elif release.dateline.date is None:
        # One date for every version: reported once, on the source.
        problems.append(
            Problem(
                release.source_locale,
                "dateline.date",
                "missing-date",
                Severity.ERROR,
                t.gettext("The dateline has no date."),
            )
        )
    country = release.dateline.country.strip()
    if release.versions and country and named_code(country) is None:
        # Printed as typed, it reads the same in Chinese as in French: worth a look.
        problems.append(
            Problem(
                release.source_locale,
                "dateline.country",
                "unknown-country",
                Severity.WARNING,
                t.gettext(
                    "“{country}” is not a country the app knows; "
                    "it is printed as typed in every language."
                ).format(country=country),
            )
        )
    if release.versions:
        problems.extend(_letterhead_problems(release, t))
        problems.extend(_dateline_pattern_problems(release, t))
    yield problems
    for version in release.versions:
        yield _version_problems(version, release.dateline.country, t, moment)


def _letterhead_problems(release: Release, t: gettext.NullTranslations) -> list[Problem]:
    """A letterhead the draft cannot build Word files on: gone from the app's data (an
    old profile named a file since moved) or damaged. HTML, text and email never use it."""
    letterhead = release.organisation.letterhead
    if letterhead is None:
        return []
    if not letterhead.data:
        code = "letterhead-missing"
        message = t.gettext(
            "The letterhead “{name}” is missing: Word files cannot be made until it is "
            "chosen again in File › Organisation profile. HTML, text and email are not affected."
        )
    elif not _opens_as_word(letterhead.data):
        code = "letterhead-unreadable"
        message = t.gettext(
            "The letterhead “{name}” cannot be read as a Word document: choose it again in "
            "File › Organisation profile. HTML, text and email are not affected."
        )
    else:
        return []
    return [
        Problem(
            release.source_locale,
            "organisation.letterhead",
            code,
            Severity.ERROR,
            message.format(name=letterhead.name),
        )
    ]


def _dateline_pattern_problems(release: Release, t: gettext.NullTranslations) -> list[Problem]:
    """A house dateline pattern the export cannot use (it prints the standard dateline):
    one with other fields than {place} and {date}, a format spec, or too long."""
    problems = []
    for version in release.versions:
        pattern = pick_for_locale(release.organisation.house_style.dateline_pattern, version.locale)
        if pattern is None or dateline_pattern_ok(pattern):
            continue
        message = t.gettext(_UNUSABLE_PATTERN)
        problems.append(
            Problem(
                version.locale,
                "organisation.house_style.dateline_pattern",
                "unusable-dateline-pattern",
                Severity.WARNING,
                message.format(place="{place}", date="{date}"),
            )
        )
    return problems


def _opens_as_word(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return "word/document.xml" in package.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _version_problems(
    version: LanguageVersion, country: str, t: gettext.NullTranslations, now: dt.datetime
) -> list[Problem]:
    _ = t.gettext
    found: list[Problem] = []

    def add(field: str, code: str, message: str, severity: Severity = Severity.ERROR) -> None:
        found.append(Problem(version.locale, field, code, severity, message))

    if not version.headline.strip():
        add("headline", "missing-headline", _("The headline is missing."))
    if not (version.city.strip() or country.strip()):
        add("city", "missing-dateline", _("The dateline has no place."))
    if not any(p.text.strip() for p in version.body):
        add("body", "missing-body", _("The release has no body text."))
    if not any(c.name.strip() or c.email.strip() for c in version.contacts):
        add("contacts", "missing-contact", _("Add a media contact."))
    for i, quote in enumerate(version.quotes):
        if quote.text.strip() and not quote.speaker.strip():
            add(f"quotes[{i}].speaker", "quote-without-speaker", _("A quote has no speaker."))
        if not quote.text.strip():
            add(f"quotes[{i}].text", "empty-quote", _("A quote is empty."), Severity.WARNING)
    for i, contact in enumerate(version.contacts):
        email = contact.email.strip()
        if email and not _EMAIL.fullmatch(email):
            add(
                f"contacts[{i}].email",
                "invalid-email",
                _("“{email}” is not a valid email address.").format(email=email),
            )
        if not email and not contact.phone.strip() and contact.name.strip():
            add(
                f"contacts[{i}].email",
                "contact-unreachable",
                _("The contact {name} has no email address or phone number.").format(
                    name=contact.name.strip()
                ),
                Severity.WARNING,
            )
    if version.embargo is not None:
        found.extend(_embargo_problems(version, t, now))
    if version.not_placed:
        # Not an error: an import that kept a share button's label is not wrong,
        # but each line may be a sentence of the release that belongs somewhere.
        add(
            "not_placed",
            "imported-not-placed",
            t.ngettext(
                "{count} line of the imported document was not placed in the release; "
                "move it to its field or clear it.",
                "{count} lines of the imported document were not placed in the release; "
                "move them to their fields or clear them.",
                len(version.not_placed),
            ).format(count=len(version.not_placed)),
            Severity.WARNING,
        )
    for i, paragraph in enumerate(version.body):
        for target in link_targets(paragraph.text):
            if safe_href(target) is None:
                add(
                    f"body[{i}]",
                    "unsafe-link",
                    _(
                        "The link to “{target}” is not a web or email address; it shows as text."
                    ).format(target=target),
                    Severity.WARNING,
                )
    return found


def _embargo_problems(
    version: LanguageVersion, t: gettext.NullTranslations, now: dt.datetime
) -> list[Problem]:
    _ = t.gettext
    assert version.embargo is not None
    zone = version.embargo.timezone
    if not zone:
        return [
            Problem(
                version.locale,
                "embargo.timezone",
                "embargo-without-zone",
                Severity.ERROR,
                _("The embargo has no time zone."),
            )
        ]
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return [
            Problem(
                version.locale,
                "embargo.timezone",
                "embargo-unknown-zone",
                Severity.ERROR,
                _("“{zone}” is not a known time zone.").format(zone=zone),
            )
        ]
    moment = version.embargo.aware()
    if moment is not None and moment <= now:
        return [
            Problem(
                version.locale,
                "embargo.until",
                "embargo-in-past",
                Severity.ERROR,
                _("The embargo time has already passed."),
            )
        ]
    return []
