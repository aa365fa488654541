"""What must agree between the source and every translation.

Numbers (and so dates and phone numbers), email addresses and web addresses
of a source segment must appear in its translation, numbers by value as each
language writes them (see ``numbers``); speakers' and contacts' names must be
written alike, but for style, in versions of the same script (a name in
Arabic or Chinese script is a transliteration, not a typo); no paragraph,
quote or contact may be missing; and stale or untranslated segments are
counted per language.
"""

from __future__ import annotations

import functools
import gettext
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

from releasewriter.model import LanguageVersion, Release
from releasewriter.model.inline import find_emails, parse_inline, to_plain_text
from releasewriter.translation.numbers import Unmatched, ascii_digits, numbers_in, unmatched
from releasewriter.translation.segments import Segment, segment_map, segments_of
from releasewriter.translation.state import TranslationState, pairs
from releasewriter.validation import Problem, Severity

_URL = re.compile(r"https?://[^\s<>\"«»“”)]+")


def _addresses(text: str) -> set[str]:
    found = {email.rstrip(".,;:") for email in find_emails(text)}
    found |= {m.group().rstrip(".,;:") for m in _URL.finditer(text)}
    found |= {s.href.removeprefix("mailto:") for s in parse_inline(text) if s.href}
    return found


def script_of(text: str) -> str:
    """The writing system most letters of the text belong to (LATIN, ARABIC, CJK, CYRILLIC…)."""
    scripts: Counter[str] = Counter()
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "")
            scripts[name.split(" ", 1)[0]] += 1
    return scripts.most_common(1)[0][0] if scripts else ""


# Marks that only house style changes in a name: "Dr Peter" is "Dr. Peter" in
# Spanish, O’Brien is O'Brien, and a no-break hyphen is still a hyphen.
_NAME_STYLE = str.maketrans(
    {".": " ", "’": "'", "‘": "'", "ʼ": "'", "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-"}
)


def _folded_name(name: str) -> str:
    """The name with its style folded away; split() also takes no-break and thin spaces."""
    return " ".join(unicodedata.normalize("NFC", name).translate(_NAME_STYLE).split()).casefold()


class _Reporter:
    def __init__(self, locale: str, t: gettext.NullTranslations) -> None:
        self.locale = locale
        self.t = t
        self.found: list[Problem] = []

    def add(self, field: str, code: str, message: str, severity: Severity = Severity.ERROR) -> None:
        self.found.append(Problem(self.locale, field, code, severity, message))

    def take(self) -> list[Problem]:
        """The problems found since the last take."""
        found, self.found = self.found, []
        return found


@functools.lru_cache(maxsize=16_384)
def _disagreements(
    source: str, target: str, source_locale: str, locale: str
) -> tuple[tuple[Unmatched, ...], tuple[str, ...]]:
    """The source's numbers and addresses missing from the target, by text.

    Before sending runs these over every segment of every language at each
    pause in typing: kept by text, only the segments that changed are read
    again (a 20,000-word release in six languages has 1,400 of them).
    """
    numbers = unmatched(
        numbers_in(to_plain_text(source), source_locale),
        numbers_in(to_plain_text(target), locale),
    )
    return tuple(numbers), tuple(sorted(_addresses(source) - _addresses(target)))


def _segment_problems(
    source: Segment, target: Segment, source_locale: str, report: _Reporter
) -> None:
    _ = report.t.gettext
    field = target.path or "boilerplate"
    numbers, addresses = _disagreements(source.text, target.text, source_locale, report.locale)
    for missing in numbers:
        if missing.certain:
            report.add(
                field,
                "number-missing",
                _("The number {number} of the source is not in this translation.").format(
                    number=missing.number.text
                ),
            )
        else:
            report.add(
                field,
                "number-unsure",
                _(
                    "The number {number} of the source could not be compared with this "
                    "translation; check it."
                ).format(number=missing.number.text),
                Severity.WARNING,
            )
    for address in addresses:
        report.add(
            field,
            "address-missing",
            _("“{address}” of the source is not in this translation.").format(address=address),
        )


def _names(version: LanguageVersion) -> Iterator[tuple[str, str, str]]:
    """(segment id, field path, name) of every speaker and contact."""
    for i, quote in enumerate(version.quotes):
        yield quote.id, f"quotes[{i}].speaker", quote.speaker
    for i, contact in enumerate(version.contacts):
        yield contact.id, f"contacts[{i}].name", contact.name


def _details(version: LanguageVersion) -> Iterator[tuple[str, str, str]]:
    for i, contact in enumerate(version.contacts):
        yield contact.id, f"contacts[{i}].email", contact.email.strip()
        yield contact.id, f"contacts[{i}].phone", re.sub(r"\D", "", ascii_digits(contact.phone))


def _version_steps(
    release: Release, target: LanguageVersion, t: gettext.NullTranslations
) -> Iterator[list[Problem]]:
    """The version's problems, a segment at a time (a segment read for the first time
    costs up to a millisecond), then its names, contact details and counts."""
    _ = t.gettext
    report = _Reporter(target.locale, t)
    source = release.source
    targets = segment_map(target, release.organisation)
    for segment in segments_of(source, release.organisation):
        translated = targets.get(segment.key)
        if translated is None:
            kind = segment.key.split(":", 1)[0]
            message = {
                "body": _("A paragraph of the source is missing from this translation."),
                "quote": _("A quote of the source is missing from this translation."),
                "contact": _("A contact of the source is missing from this translation."),
                "note": _("A note to editors of the source is missing from this translation."),
            }.get(kind, _("A part of the source is missing from this translation."))
            report.add(kind if kind != "note" else "notes_to_editors", "missing-" + kind, message)
        elif translated.text.strip():
            _segment_problems(segment, translated, release.source_locale, report)
        yield report.take()
    source_names = {key: name for key, _path, name in _names(source)}
    for key, path, name in _names(target):
        expected = source_names.get(key, "")
        if not expected.strip():
            continue
        if not name.strip():
            # A quote without its speaker is already an error of the version itself.
            if path.startswith("contacts"):
                report.add(
                    path,
                    "name-missing",
                    _(
                        "The name “{expected}” of the source is missing from this translation."
                    ).format(expected=expected),
                )
            continue
        same_script = script_of(expected) == script_of(name)
        if same_script and _folded_name(expected) != _folded_name(name):
            report.add(
                path,
                "name-differs",
                _("“{name}” is written “{expected}” in the source.").format(
                    name=name, expected=expected
                ),
                Severity.WARNING,
            )
    source_details = {(key, path.rsplit(".", 1)[1]): value for key, path, value in _details(source)}
    for key, path, value in _details(target):
        expected = source_details.get((key, path.rsplit(".", 1)[1]), "")
        if expected and value != expected:
            report.add(
                path,
                "contact-differs",
                _("This differs from the source’s {detail}.").format(
                    detail=_("email address") if path.endswith("email") else _("phone number")
                ),
            )
    states = Counter(pair.state for pair in pairs(release, target.locale))
    if states[TranslationState.NEEDS_REVIEW]:
        count = states[TranslationState.NEEDS_REVIEW]
        report.add(
            "",
            "needs-review",
            t.ngettext(
                "{count} segment needs review (its source changed).",
                "{count} segments need review (their source changed).",
                count,
            ).format(count=count),
            Severity.WARNING,
        )
    if states[TranslationState.UNTRANSLATED]:
        count = states[TranslationState.UNTRANSLATED]
        report.add(
            "",
            "untranslated",
            t.ngettext(
                "{count} segment is not translated yet.",
                "{count} segments are not translated yet.",
                count,
            ).format(count=count),
            Severity.WARNING,
        )
    yield report.take()


def cross_language_problems(
    release: Release, translations: gettext.NullTranslations | None = None
) -> list[Problem]:
    """Every disagreement between the source and each translation."""
    return [problem for step in cross_language_steps(release, translations) for problem in step]


def cross_language_steps(
    release: Release, translations: gettext.NullTranslations | None = None
) -> Iterator[list[Problem]]:
    """:func:`cross_language_problems` a little at a time: the problems of each step, in order.

    A step reads one segment of a translation, or a version's names, details and
    counts: the editor spreads a pass over turns of its event loop. The release must
    not change while the steps are taken.
    """
    t = translations or gettext.NullTranslations()
    for version in release.versions:
        if version.locale != release.source_locale:
            yield from _version_steps(release, version, t)
