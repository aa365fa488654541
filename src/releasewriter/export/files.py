"""Exports to files: sanitize, render, build in memory, read back, then write atomically.

Building the whole file in memory and checking it before touching the disk
means a failed export (bad input, a bug, a full disk) never leaves a broken
file, and never destroys an earlier export at the same path.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import threading
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from releasewriter.export.errors import ExportError, ExportWarning
from releasewriter.export.filenames import ascii_export_filename, export_filename
from releasewriter.export.html_check import check_html
from releasewriter.export.sanitize import sanitize_release
from releasewriter.model import Release
from releasewriter.render import render_html, render_release, render_text
from releasewriter.render.document import RenderedRelease
from releasewriter.store.atomic import atomic_write_bytes

Format = Literal["docx", "html"]
FORMATS: tuple[Format, ...] = ("docx", "html")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    locale: str
    format: Format


@dataclass
class ExportReport:
    written: list[ExportResult]
    warnings: list[ExportWarning]


def html_bytes(rendered: RenderedRelease) -> bytes:
    page = render_html(rendered, profile="email")
    check_html(page, rendered)
    return page.encode("utf-8")


def docx_bytes(rendered: RenderedRelease, template: bytes | None) -> bytes:
    # python-docx and lxml take a noticeable part of start-up; load them on first export.
    from releasewriter.export.docx_build import build_docx  # noqa: PLC0415
    from releasewriter.export.docx_check import check_docx  # noqa: PLC0415

    data = build_docx(rendered, template=template)
    check_docx(data, rendered)
    return data


def build_export(rendered: RenderedRelease, fmt: Format, template: bytes | None = None) -> bytes:
    if fmt == "html":
        return html_bytes(rendered)
    if fmt == "docx":
        return docx_bytes(rendered, template)
    raise ExportError(f"unknown export format {fmt!r}")


def prepare_email(
    release: Release,
    locales: Iterable[str],
    formats: Iterable[Format],
    path: Path,
) -> tuple[Path, list[ExportWarning]]:
    """Write an unsent .eml: the first language as the body, every file attached."""
    # The email package is needed here only: keep it out of every start-up.
    from releasewriter.export.email_draft import Attachment, build_email  # noqa: PLC0415

    cleaned, warnings = sanitize_release(release)
    template = _template_of(cleaned)
    chosen = list(dict.fromkeys(locales))
    if not chosen:
        raise ExportError("no language chosen for the email")
    attachments = []
    for locale in chosen:
        rendered = render_release(cleaned, locale)
        for fmt in dict.fromkeys(formats):
            data = build_export(rendered, fmt, template)
            name = export_filename(cleaned, locale, fmt)
            ascii_name = ascii_export_filename(cleaned, locale, fmt)
            attachments.append(Attachment(name, data, fmt, ascii_name))
    body = render_release(cleaned, chosen[0])
    message = build_email(
        subject=email_subject(body),
        html_body=render_html(body, profile="email"),
        text_body=render_text(body),
        attachments=attachments,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, message)
    return path, warnings


def email_subject(body: RenderedRelease) -> str:
    """The headline; an embargoed release's starts with its embargo, in the body's language
    and date format, so that no one forwards it unread."""
    if body.embargoed and body.status:
        return f"{body.status} – {body.headline}"
    return body.headline


def _template_of(release: Release) -> bytes | None:
    """The letterhead's bytes, as the profile or draft holds them; cleaned when the base is
    prepared (see ``docx_package.prepared_base``)."""
    if release.organisation.letterhead is not None:
        return release.organisation.letterhead.data
    # Profiles saved before letterheads were held in full name a file.
    if not release.organisation.docx_template:
        return None
    template = Path(release.organisation.docx_template)
    if not template.is_file():
        raise ExportError(f"the organisation's Word template is missing: {template}")
    try:
        return template.read_bytes()
    except OSError as error:
        raise ExportError(f"cannot read the template {template}: {error.strerror}") from error


def _build_language(
    job: tuple[Release, str, list[Format], bytes | None],
) -> list[tuple[str, Format, bytes]]:
    """Every file of one language version, in memory (in a worker process, or not)."""
    release, locale, formats, template = job
    rendered = render_release(release, locale)
    return [(locale, fmt, build_export(rendered, fmt, template)) for fmt in formats]


def _fork_context() -> multiprocessing.context.BaseContext | None:
    # Only fork: workers then inherit the imported modules instead of importing
    # them again. Never from a process with threads of its own (the editor).
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return None
    return multiprocessing.get_context("fork")


def export_release(
    release: Release,
    locales: Iterable[str],
    formats: Iterable[Format],
    out_dir: Path,
    *,
    processes: int = 1,
) -> ExportReport:
    """Write one file per language and format into ``out_dir``.

    ``processes`` > 1 builds languages side by side in forked worker processes
    where the system allows it (the command line on Linux and macOS); files
    are written by this process, in order, either way.
    """
    cleaned, warnings = sanitize_release(release)
    template = _template_of(cleaned)
    out_dir.mkdir(parents=True, exist_ok=True)
    wanted = list(dict.fromkeys(formats))
    jobs = [(cleaned, locale, wanted, template) for locale in dict.fromkeys(locales)]
    context = _fork_context() if processes > 1 and len(jobs) > 1 else None
    if context is None:
        built = [_build_language(job) for job in jobs]
    else:
        if "docx" in wanted:
            # Load python-docx here once, so that every worker starts with it.
            import releasewriter.export.docx_build  # noqa: F401, PLC0415
        with ProcessPoolExecutor(min(processes, len(jobs)), mp_context=context) as pool:
            built = list(pool.map(_build_language, jobs))
    written: list[ExportResult] = []
    for files in built:
        for locale, fmt, data in files:
            path = out_dir / export_filename(cleaned, locale, fmt)
            atomic_write_bytes(path, data)
            written.append(ExportResult(path, locale, fmt))
    return ExportReport(written, warnings)
