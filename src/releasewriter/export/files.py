"""Exports to files: sanitize, render, build in memory, read back, then write atomically.

Building the whole file in memory and checking it before touching the disk
means a failed export (bad input, a bug, a full disk) never leaves a broken
file, and never destroys an earlier export at the same path.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from releasewriter.export.errors import (
    ExportError,
    ExportExistsError,
    ExportPathError,
    ExportWarning,
    ExportWriteError,
)
from releasewriter.export.filenames import (
    RESERVED_NAMES,
    ascii_export_filename,
    export_filename,
    next_free_numbered,
)
from releasewriter.export.html_check import check_html
from releasewriter.export.sanitize import sanitize_release
from releasewriter.model import Release
from releasewriter.render import render_html, render_release, render_text
from releasewriter.render.document import RenderedRelease
from releasewriter.store.atomic import (
    atomic_write_bytes,
    fsync_directory,
    replace_with_retry,
    temp_name_for,
    write_temp,
)

if TYPE_CHECKING:
    import multiprocessing.context

Format = Literal["docx", "html"]
FORMATS: tuple[Format, ...] = ("docx", "html")
# What to do when a file to be written exists already: replace it (what the command
# line always did), write the new files under the next free number ("name (2).docx"),
# or refuse and write nothing (ExportExistsError).
OnConflict = Literal["replace", "keep_both", "refuse"]
# The longest path Windows programs (Word among them) open without the \\?\ prefix.
MAX_WINDOWS_PATH = 260
# Windows' rules apply where the files are written; elsewhere names are still kept
# clear of its device names and ":", since exports are sent on to Windows users.
WINDOWS = sys.platform == "win32"


@dataclass(frozen=True)
class ExportResult:
    path: Path
    locale: str
    format: Format


@dataclass
class ExportReport:
    written: list[ExportResult]
    warnings: list[ExportWarning]


@dataclass(frozen=True)
class AttachedFile:
    name: str
    size: int  # bytes, as built (the email encodes them larger)


@dataclass
class EmailReport:
    path: Path
    warnings: list[ExportWarning]
    attachments: list[AttachedFile]

    @property
    def attached_size(self) -> int:
        return sum(attached.size for attached in self.attachments)


def planned_paths(
    release: Release, locales: Iterable[str], formats: Iterable[Format], out_dir: Path
) -> list[Path]:
    """The files :func:`export_release` writes when nothing is in the way, in its order."""
    cleaned, _ = sanitize_release(release)  # names come from the cleaned headline, as written
    return [
        out_dir / export_filename(cleaned, locale, fmt)
        for locale in dict.fromkeys(locales)
        for fmt in dict.fromkeys(formats)
    ]


def existing_paths(paths: Iterable[Path]) -> list[Path]:
    """Those of ``paths`` that something (a file, a folder, a dangling link) already holds."""
    return [path for path in paths if os.path.lexists(path)]


def resolve_conflicts(paths: Sequence[Path], on_conflict: OnConflict) -> list[Path]:
    """Where to write ``paths`` given what exists now (see :data:`OnConflict`)."""
    if on_conflict == "replace":
        return list(paths)
    taken = existing_paths(paths)
    if not taken:
        return list(paths)
    if on_conflict == "refuse":
        raise ExportExistsError(taken)
    return next_free_numbered(paths)


def write_file(path: Path, data: bytes) -> None:
    """Write atomically; a failure names ``path``, not the temporary file behind it."""
    try:
        atomic_write_bytes(path, data)
    except OSError as error:
        raise ExportWriteError(path, error.strerror or str(error)) from error


def check_export_path(path: Path, folder: Path) -> None:
    """Refuse a path that leaves ``folder`` or that Windows cannot hold (ExportPathError).

    Names are built from the release (headline, language code): the draft reader
    checks those, and this check stands behind it for whatever else builds a name.
    """
    name = path.name
    inside = (
        path.parent == folder
        and name not in {"", ".", ".."}
        and not any(sep in name for sep in ("/", "\\"))
        and os.path.realpath(path.parent) == os.path.realpath(folder)
    )
    if not inside:
        raise ExportPathError(path, "outside", folder)
    if name.split(".", 1)[0].rstrip(" .").lower() in RESERVED_NAMES:
        raise ExportPathError(path, "reserved", folder)
    if ":" in name:
        raise ExportPathError(path, "colon", folder)
    if WINDOWS and len(str(path.absolute())) > MAX_WINDOWS_PATH:
        raise ExportPathError(path, "too_long", folder)


def write_files(files: Sequence[tuple[Path, bytes]], folder: Path) -> None:
    """Write every file or none: each to a temporary name first, then all renamed.

    If a rename fails midway (a full disk, a file held open), the files renamed
    so far are put back as they were (an earlier export restored, a new file
    removed) and every temporary file is deleted.
    """
    for path, _ in files:
        check_export_path(path, folder)
    temps: list[Path] = []
    kept: dict[Path, Path] = {}  # target -> its earlier content, kept until the end
    done: list[Path] = []
    try:
        for path, data in files:
            try:
                temps.append(write_temp(path, data))
            except OSError as error:
                raise ExportWriteError(path, error.strerror or str(error)) from error
        for path, temp in zip((p for p, _ in files), temps, strict=True):
            try:
                if os.path.lexists(path) and not os.path.isdir(path):
                    kept[path] = _keep_earlier(path)
                replace_with_retry(temp, path)
            except OSError as error:
                raise ExportWriteError(path, error.strerror or str(error)) from error
            done.append(path)
    except BaseException:
        _undo(done, kept)
        for temp in temps:
            with contextlib.suppress(OSError):
                temp.unlink()
        for earlier in kept.values():
            with contextlib.suppress(OSError):
                earlier.unlink()
        raise
    for earlier in kept.values():
        with contextlib.suppress(OSError):
            earlier.unlink()
    with contextlib.suppress(OSError):
        fsync_directory(folder)


def _keep_earlier(path: Path) -> Path:
    """A second name for the file at ``path``, so that it can be put back."""
    earlier = temp_name_for(path)
    try:
        os.link(path, earlier, follow_symlinks=False)
    except OSError:
        shutil.copy2(path, earlier, follow_symlinks=False)
    return earlier


def _undo(done: list[Path], kept: dict[Path, Path]) -> None:
    for path in reversed(done):
        with contextlib.suppress(OSError):
            if path in kept:
                os.replace(kept.pop(path), path)
            else:
                path.unlink()


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportWriteError(folder, error.strerror or str(error)) from error


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
    *,
    on_conflict: OnConflict = "replace",
) -> tuple[Path, list[ExportWarning]]:
    """:func:`export_email`, for callers that need only the path written and the warnings."""
    report = export_email(release, locales, formats, path, on_conflict=on_conflict)
    return report.path, report.warnings


def export_email(
    release: Release,
    locales: Iterable[str],
    formats: Iterable[Format],
    path: Path,
    *,
    on_conflict: OnConflict = "replace",
) -> EmailReport:
    """Write an unsent .eml: the first language as the body, every file attached.

    The .eml is written at ``path``, or beside it under a number (``on_conflict``);
    the report says where, and what was attached.
    """
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
    _make_folder(path.parent)
    [target] = resolve_conflicts([path], on_conflict)
    write_files([(target, message)], target.parent)
    attached = [AttachedFile(item.filename, len(item.data)) for item in attachments]
    return EmailReport(target, warnings, attached)


def email_subject(body: RenderedRelease) -> str:
    """The headline; an embargoed release's starts with its embargo, in the body's language
    and date format, so that no one forwards it unread."""
    if body.embargoed and body.status:
        return f"{body.status} – {body.headline}"
    return body.headline


def _template_of(release: Release) -> bytes | None:
    """The letterhead's bytes, as the profile or draft holds them; cleaned when the base is
    prepared (see ``docx_package.prepared_base``)."""
    letterhead = release.organisation.letterhead
    if letterhead is None:
        return None
    if not letterhead.data:
        raise ExportError(
            f"the letterhead {letterhead.name} is missing: choose it again in the profile"
        )
    return letterhead.data


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
    import multiprocessing  # noqa: PLC0415

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
    on_conflict: OnConflict = "replace",
) -> ExportReport:
    """Write one file per language and format into ``out_dir``.

    Files of the same names are replaced unless ``on_conflict`` says otherwise; with
    "refuse", :class:`ExportExistsError` lists them and nothing is written.

    ``processes`` > 1 builds languages side by side in forked worker processes
    where the system allows it (the command line on Linux and macOS); files
    are written by this process, in order, either way.
    """
    cleaned, warnings = sanitize_release(release)
    template = _template_of(cleaned)
    _make_folder(out_dir)
    wanted = list(dict.fromkeys(formats))
    jobs = [(cleaned, locale, wanted, template) for locale in dict.fromkeys(locales)]
    context = _fork_context() if processes > 1 and len(jobs) > 1 else None
    if context is None:
        built = [_build_language(job) for job in jobs]
    else:
        from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

        if "docx" in wanted:
            # Load python-docx here once, so that every worker starts with it.
            import releasewriter.export.docx_build  # noqa: F401, PLC0415
        with ProcessPoolExecutor(min(processes, len(jobs)), mp_context=context) as pool:
            built = list(pool.map(_build_language, jobs))
    files = [item for language in built for item in language]
    # Decided once everything is built, just before writing: the closest moment to the
    # write that the folder's contents can be known.
    targets = resolve_conflicts(
        [out_dir / export_filename(cleaned, locale, fmt) for locale, fmt, _ in files],
        on_conflict,
    )
    placed = list(zip(targets, files, strict=True))
    write_files([(path, data) for path, (_, _, data) in placed], out_dir)
    written = [ExportResult(path, locale, fmt) for path, (locale, fmt, _) in placed]
    return ExportReport(written, warnings)
