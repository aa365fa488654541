"""What the export dialog runs on its worker thread, and how results are put in words.

The jobs take a snapshot of the release, so the editor may go on changing its own
copy; they return an :class:`Outcome` or raise, and the dialog turns the exception
into a message with :func:`error_text` (never a traceback).
"""

from __future__ import annotations

import copy
import gettext
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from releasewriter.export.errors import (
    ExportError,
    ExportExistsError,
    ExportWarning,
    ExportWriteError,
)
from releasewriter.export.filenames import export_filename
from releasewriter.export.files import (
    AttachedFile,
    Format,
    OnConflict,
    export_email,
    export_release,
)
from releasewriter.export.sanitize import sanitize_release
from releasewriter.i18n.locales import display_name
from releasewriter.model import Release
from releasewriter.render import render_html, render_release, render_text

_VERSION_FIELD = re.compile(r"versions\[(?P<locale>[^\]]+)\]\.(?P<path>.+)")


@dataclass(frozen=True)
class Outcome:
    paths: list[Path]
    warnings: list[ExportWarning] = field(default_factory=list)
    attachments: list[AttachedFile] | None = None  # an email's; None for plain files


Job = Callable[[], Outcome]


def export_job(
    release: Release,
    locales: Sequence[str],
    formats: Sequence[Format],
    folder: Path,
    on_conflict: OnConflict = "replace",
) -> Job:
    snapshot = copy.deepcopy(release)

    def run() -> Outcome:
        report = export_release(snapshot, locales, formats, folder, on_conflict=on_conflict)
        return Outcome([result.path for result in report.written], report.warnings)

    return run


def email_path(release: Release, locale: str, folder: Path) -> Path:
    """Beside the exports, named like them: ``2013-07-16_headline_fr.eml``."""
    cleaned, _ = sanitize_release(release)
    return folder / export_filename(cleaned, locale, "eml")


def email_job(
    release: Release,
    locales: Sequence[str],
    formats: Sequence[Format],
    folder: Path,
    on_conflict: OnConflict = "replace",
) -> Job:
    snapshot = copy.deepcopy(release)
    path = email_path(snapshot, locales[0], folder)

    def run() -> Outcome:
        report = export_email(snapshot, locales, formats, path, on_conflict=on_conflict)
        return Outcome([report.path], report.warnings, report.attachments)

    return run


@dataclass(frozen=True)
class ClipboardText:
    html: str
    text: str
    warnings: list[ExportWarning]


def clipboard_text(release: Release, locale: str) -> ClipboardText:
    """The version as an email-safe HTML page and as plain text, for pasting into webmail."""
    cleaned, warnings = sanitize_release(release)
    rendered = render_release(cleaned, locale)
    return ClipboardText(render_html(rendered, profile="email"), render_text(rendered), warnings)


def field_name(field: str, ui_locale: str) -> str:
    """ "versions[fr].headline" → "headline (French)": the field and the version's language."""
    match = _VERSION_FIELD.fullmatch(field)
    if match is None:
        return field
    return f"{match['path']} ({display_name(match['locale'], ui_locale)})"


def warning_text(
    warnings: Sequence[ExportWarning], translations: gettext.NullTranslations, ui_locale: str
) -> str:
    lines = [
        translations.ngettext(
            "In {field}, {count} character that a document cannot hold was replaced by �.",
            "In {field}, {count} characters that a document cannot hold were replaced by �.",
            warning.replaced,
        ).format(field=field_name(warning.field, ui_locale), count=warning.replaced)
        for warning in warnings
    ]
    return "\n".join(lines)


def error_text(error: BaseException, folder: Path, translations: gettext.NullTranslations) -> str:
    """One or two sentences naming the path; the details of a bug stay in the log."""
    _ = translations.gettext
    if isinstance(error, ExportWriteError | ExportExistsError):
        return error.describe(translations)  # already names the user's file
    if isinstance(error, OSError):
        path = error.filename if error.filename else folder
        reason = error.strerror or str(error)
        return _("Could not write to {path}: {reason}.").format(path=path, reason=reason)
    if isinstance(error, ExportError):
        return _("The release could not be exported to {folder}: {reason}").format(
            folder=folder, reason=error
        )
    return _("The export to {folder} stopped because of an unexpected error: {reason}").format(
        folder=folder, reason=f"{type(error).__name__}: {error}"
    )
