"""Is a language version ready to send? What export and email warn about first.

A version is unfinished while segments are untranslated or wait for review
(their source changed), or while the cross-language checks find an error (a
number or a paragraph of the source missing). The export dialog, the email and
``releasewriter export`` ask about, or refuse, the same list.
"""

from __future__ import annotations

import gettext
from collections.abc import Sequence
from dataclasses import dataclass

from babel.lists import format_list

from releasewriter.i18n.locales import display_name
from releasewriter.model import Release
from releasewriter.translation.checks import cross_language_problems
from releasewriter.translation.state import progress
from releasewriter.validation import Problem, Severity


@dataclass(frozen=True)
class Unfinished:
    """What stands between one language version and the press."""

    locale: str
    untranslated: int
    needs_review: int
    errors: tuple[Problem, ...]


def unfinished_versions(release: Release, locales: Sequence[str]) -> list[Unfinished]:
    """The chosen translations that are not finished, in the order chosen.

    The source version is never unfinished here: it is what the others answer to.
    """
    targets = [
        locale
        for locale in locales
        if locale != release.source_locale and locale in release.locales
    ]
    if not targets:
        return []
    errors: dict[str, list[Problem]] = {}
    for problem in cross_language_problems(release):
        if problem.severity is Severity.ERROR:
            errors.setdefault(problem.locale, []).append(problem)
    found = []
    for locale in targets:
        counts = progress(release, locale)
        own = tuple(errors.get(locale, ()))
        if counts.untranslated or counts.needs_review or own:
            found.append(Unfinished(locale, counts.untranslated, counts.needs_review, own))
    return found


def describe_unfinished(
    unfinished: Sequence[Unfinished], t: gettext.NullTranslations, ui_locale: str | None
) -> list[str]:
    """One line per language, in the user's language (whose messages isolate the name)."""
    lines = []
    for version in unfinished:
        parts = []
        if version.untranslated:
            parts.append(
                t.ngettext(
                    "{count} segment not translated",
                    "{count} segments not translated",
                    version.untranslated,
                ).format(count=version.untranslated)
            )
        if version.needs_review:
            parts.append(
                t.ngettext(
                    "{count} segment to review",
                    "{count} segments to review",
                    version.needs_review,
                ).format(count=version.needs_review)
            )
        if version.errors:
            parts.append(
                t.ngettext(
                    "{count} error of the translation checks",
                    "{count} errors of the translation checks",
                    len(version.errors),
                ).format(count=len(version.errors))
            )
        lines.append(
            t.gettext("{language}: {what}").format(
                language=display_name(version.locale, ui_locale),
                what=format_list(parts, locale=ui_locale or "en"),
            )
        )
    return lines
