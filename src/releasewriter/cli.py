"""The ``releasewriter`` command: export, validate, list and show drafts.

Every failure the user can cause ends in one line on stderr and a non-zero
exit status, never a traceback: 1 when the command ran and found problems,
2 for bad input (a missing or unreadable draft, an unknown language).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import gc
import gettext
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from releasewriter import __version__
from releasewriter.i18n import app_translations, user_locale

# Each command imports what it uses, in its own body: a command runs in a fresh
# process, and everything imported here would be paid by every command (the
# export does not need the drafts folder's machinery, the checks of ``validate``
# or the library's cache). tests/test_cli_imports.py holds the export to it.
if TYPE_CHECKING:
    from releasewriter.model import Release
    from releasewriter.store import DraftStore
    from releasewriter.validation import Problem

# The choices of --format, as releasewriter.export.files.FORMATS (a test holds them
# equal): importing that module for its help text would load the renderer.
FORMATS = ("docx", "html")

SAMPLE_NAME = "sample"
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """Bad input from the user; the message is already in the user's language."""


def sample_path() -> Path:
    from releasewriter.resources import resource_path  # noqa: PLC0415

    return resource_path("samples", "iom-china-trafficking.release.json")


class Cli:
    def __init__(self, translations: gettext.NullTranslations, out: TextIO, err: TextIO) -> None:
        self.t = translations
        self.out = out
        self.err = err

    # -- arguments ---------------------------------------------------------

    def parser(self) -> argparse.ArgumentParser:
        _ = self.t.gettext
        parser = argparse.ArgumentParser(
            prog="releasewriter",
            description=_("Write, check and export multilingual press releases."),
        )
        parser.add_argument("--version", action="version", version=f"ReleaseWriter {__version__}")
        parser.add_argument(
            "--drafts-dir",
            type=Path,
            metavar=_("DIR"),
            help=_(
                "the drafts folder (default: the user data folder, or $RELEASEWRITER_DRAFTS_DIR)"
            ),
        )
        parser.add_argument(
            "--config-dir",
            type=Path,
            metavar=_("DIR"),
            help=_(
                "the settings folder, with the organisation profile (default: the user "
                "config folder, or $RELEASEWRITER_CONFIG_DIR)"
            ),
        )
        commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"))
        draft_help = _("a draft file, the id of a draft in the drafts folder, or “sample”")

        export = commands.add_parser("export", help=_("write DOCX and HTML files"))
        export.add_argument("draft", metavar="DRAFT", help=draft_help)
        languages = export.add_mutually_exclusive_group()
        languages.add_argument(
            "--lang", action="append", metavar=_("CODE"), help=_("a language version (repeatable)")
        )
        languages.add_argument(
            "--all-languages", action="store_true", help=_("every language version")
        )
        export.add_argument(
            "--format",
            action="append",
            choices=FORMATS,
            help=_("docx or html (repeatable; default both)"),
        )
        export.add_argument(
            "--out",
            type=Path,
            default=Path.cwd(),
            metavar=_("DIR"),
            help=_("where to write the files"),
        )
        export.add_argument(
            "--strict",
            action="store_true",
            help=_(
                "write nothing and exit 1 if a chosen translation is unfinished "
                "(untranslated, to review, or with errors of the translation checks)"
            ),
        )

        validate = commands.add_parser("validate", help=_("list what to fix before sending"))
        validate.add_argument("draft", metavar="DRAFT", help=draft_help)

        check = commands.add_parser(
            "check", help=_("compare every translation with its source (numbers, names, staleness)")
        )
        check.add_argument("draft", metavar="DRAFT", help=draft_help)

        xliff = commands.add_parser(
            "xliff", help=_("exchange translations with CAT tools (XLIFF 1.2)")
        )
        xliff_commands = xliff.add_subparsers(
            dest="xliff_command", metavar=_("COMMAND"), required=True
        )
        xliff_export = xliff_commands.add_parser(
            "export", help=_("write an XLIFF file to translate")
        )
        xliff_export.add_argument("draft", metavar="DRAFT", help=draft_help)
        xliff_export.add_argument(
            "--source", metavar=_("CODE"), help=_("translate from (default: the source)")
        )
        xliff_export.add_argument(
            "--target", metavar=_("CODE"), required=True, help=_("translate into")
        )
        xliff_export.add_argument("-o", "--output", type=Path, required=True, metavar=_("FILE"))
        xliff_import = xliff_commands.add_parser(
            "import", help=_("bring the translations of an XLIFF file into the draft")
        )
        xliff_import.add_argument("draft", metavar="DRAFT", help=draft_help)
        xliff_import.add_argument("file", type=Path, metavar=_("FILE"))

        review = commands.add_parser(
            "review", help=_("write a bilingual review document (DOCX, source beside translation)")
        )
        review.add_argument("draft", metavar="DRAFT", help=draft_help)
        review.add_argument("--target", metavar=_("CODE"), required=True, help=_("the translation"))
        review.add_argument("-o", "--output", type=Path, required=True, metavar=_("FILE"))

        imported = commands.add_parser(
            "import",
            help=_("make a draft of a release in a Word document, a web page or a text file"),
        )
        imported.add_argument("file", type=Path, metavar=_("FILE"))
        imported.add_argument(
            "--lang", metavar=_("CODE"), help=_("the document's language (default: detected)")
        )
        imported.add_argument(
            "-o",
            "--output",
            type=Path,
            metavar=_("DRAFT"),
            help=_("where to write the draft (default: a new draft in the drafts folder)"),
        )
        translated = commands.add_parser(
            "import-translation",
            help=_("bring a translated Word document, web page or text into a draft"),
        )
        translated.add_argument("draft", metavar="DRAFT", help=draft_help)
        translated.add_argument("file", type=Path, metavar=_("FILE"))
        translated.add_argument(
            "--lang", metavar=_("CODE"), required=True, help=_("the translation's language")
        )

        commands.add_parser("list", help=_("list the drafts in the drafts folder"))
        commands.add_parser(
            "self-test",
            help=_("check that this installation is whole (catalogs, spelling, export)"),
        )

        show = commands.add_parser("show", help=_("print a language version as plain text"))
        show.add_argument("draft", metavar="DRAFT", help=draft_help)
        show.add_argument(
            "--lang", metavar=_("CODE"), help=_("the language version (default: the source)")
        )

        return parser

    # -- helpers -----------------------------------------------------------

    def store(self, args: argparse.Namespace) -> DraftStore:
        from releasewriter.store import DraftStore, default_drafts_dir  # noqa: PLC0415

        return DraftStore(args.drafts_dir or default_drafts_dir())

    def resolve(self, args: argparse.Namespace, draft: str) -> Release:
        """The draft as the editor would show it: brought up to date with the
        organisation profile it follows (see releasewriter.model.following)."""
        release = self._read(args, draft)
        from releasewriter.model.following import Relation, follow_profile, relation  # noqa: PLC0415
        from releasewriter.settings import default_config_dir, load_organisation  # noqa: PLC0415

        profile = load_organisation(args.config_dir or default_config_dir())
        if relation(release, profile) is Relation.OTHER_PROFILE:
            assert profile is not None
            self.err.write(
                self.t.gettext(
                    "note: this draft came with the organisation details of {organisation}, "
                    "not those of your profile ({profile}); it is used with them."
                ).format(organisation=release.organisation.name or "?", profile=profile.name or "?")
                + "\n"
            )
        follow_profile(release, profile)
        return release

    def _read(self, args: argparse.Namespace, draft: str) -> Release:
        from releasewriter.store import read_release  # noqa: PLC0415

        _ = self.t.gettext
        if draft == SAMPLE_NAME:
            return read_release(sample_path())
        path = Path(draft).expanduser()
        # lexists: a named pipe, a folder or a looping link given as the draft is read,
        # and refused with its reason, rather than taken for an id.
        if os.path.lexists(path):
            return read_release(path)
        store = self.store(args)
        matches = self.matches(store, draft)
        if len(matches) == 1:
            return store.load(matches[0])
        if len(matches) > 1:
            raise UsageError(
                _("“{draft}” matches more than one draft; give more of its id.").format(draft=draft)
            )
        raise UsageError(_("No draft file or draft id “{draft}”.").format(draft=draft))

    @staticmethod
    def matches(store: DraftStore, draft: str) -> list[Path]:
        """The drafts whose file name starts with ``draft`` (an id, or its beginning).

        A conflict copy starts with its original's id too: the id names the original,
        and the copy is given by its file name.
        """
        from releasewriter.store.conflicts import find_originals  # noqa: PLC0415

        if not draft:
            return []
        paths = store.draft_paths()
        copies = find_originals(paths)
        found = [p for p in paths if p.name.startswith(draft)]
        originals = [p for p in found if p not in copies]
        return originals or found

    def locales(self, release: Release, wanted: Sequence[str] | None, every: bool) -> list[str]:
        _ = self.t.gettext
        if every:
            return release.locales
        if not wanted:
            return [release.source_locale]
        unknown = [code for code in wanted if code not in release.locales]
        if unknown:
            raise UsageError(
                _("The release has no “{code}” version; it has: {available}.").format(
                    code=unknown[0], available=", ".join(release.locales)
                )
            )
        return list(wanted)

    # -- commands ----------------------------------------------------------

    def cmd_export(self, args: argparse.Namespace) -> int:
        from releasewriter.export.files import Format, export_release  # noqa: PLC0415

        release = self.resolve(args, args.draft)
        locales = self.locales(release, args.lang, args.all_languages)
        formats: list[Format] = args.format or list(FORMATS)
        if not self.warn_unfinished(release, locales) and args.strict:
            self.err.write(
                self.t.gettext("Nothing was written: the translations above are unfinished.") + "\n"
            )
            return EXIT_PROBLEMS
        report = export_release(release, locales, formats, args.out)
        for warning in report.warnings:
            self.err.write(
                self.t.ngettext(
                    "warning: {field}: {count} character that a document cannot hold became �",
                    "warning: {field}: {count} characters that a document cannot hold became �",
                    warning.replaced,
                ).format(field=warning.field, count=warning.replaced)
                + "\n"
            )
        for result in report.written:
            self.out.write(f"{result.path}\n")
        return 0

    def warn_unfinished(self, release: Release, locales: list[str]) -> bool:
        """Print a warning per unfinished translation among ``locales``; True if none is."""
        from releasewriter.translation.readiness import (  # noqa: PLC0415
            describe_unfinished,
            unfinished_versions,
        )

        unfinished = unfinished_versions(release, locales)
        for line in describe_unfinished(unfinished, self.t, user_locale()):
            self.err.write(self.t.gettext("warning: {problem}").format(problem=line) + "\n")
        return not unfinished

    def cmd_validate(self, args: argparse.Namespace) -> int:
        from releasewriter.validation import validate_release  # noqa: PLC0415

        release = self.resolve(args, args.draft)
        return self.report(validate_release(release, self.t))

    def cmd_check(self, args: argparse.Namespace) -> int:
        from releasewriter.translation.checks import cross_language_problems  # noqa: PLC0415

        release = self.resolve(args, args.draft)
        return self.report(cross_language_problems(release, self.t))

    def cmd_xliff(self, args: argparse.Namespace) -> int:
        # Each command loads only what it uses: a CLI start pays for every import.
        from releasewriter.i18n.locales import display_name  # noqa: PLC0415
        from releasewriter.store import DraftStore, read_release  # noqa: PLC0415
        from releasewriter.translation.xliff import XliffError, import_xliff, write_xliff  # noqa: PLC0415
        from releasewriter.translation.xliff_read import describe_import  # noqa: PLC0415

        _ = self.t.gettext
        if args.xliff_command == "export":
            release = self.resolve(args, args.draft)
            source = args.source or release.source_locale
            self.locales(release, [source, args.target], False)
            try:
                path = write_xliff(args.output, release, source, args.target)
            except XliffError as error:
                raise UsageError(str(error)) from None
            self.out.write(f"{path}\n")
            return 0
        path = self.draft_path(args, args.draft)
        self.refuse_if_open(path)
        release = read_release(path)
        try:
            result = import_xliff(release, args.file.read_bytes())
        except XliffError as error:
            raise UsageError(str(error)) from None
        language = display_name(result.target, user_locale())
        if result.changed:
            try:
                DraftStore(path.parent).save(release, path)
            except OSError as error:
                # A read-only folder (a CD, a share without write access): say plainly that
                # the translations went nowhere, not just which file refused.
                where = f" ({error.filename})" if error.filename else ""
                self.err.write(
                    _(
                        "releasewriter: the import was not saved: {path} cannot be written: "
                        "{problem}"
                    ).format(path=path, problem=f"{error.strerror or error}{where}")
                    + "\n"
                )
                return EXIT_PROBLEMS
        for line in describe_import(result, self.t, language):
            self.out.write(line + "\n")
        return EXIT_PROBLEMS if (result.problems or result.unknown) else 0

    def language_code(self, code: str) -> str:
        from releasewriter.translation.versions import VersionError, normalise_locale  # noqa: PLC0415

        try:
            return normalise_locale(code)
        except VersionError:
            raise UsageError(
                self.t.gettext("“{code}” is not a language code (such as fr, ar or zh).").format(
                    code=code
                )
            ) from None

    def cmd_import(self, args: argparse.Namespace) -> int:
        from releasewriter.importing.blocks import ImportRefused  # noqa: PLC0415
        from releasewriter.importing.operation import (  # noqa: PLC0415
            describe_reading,
            finish_release,
            read_document,
        )
        from releasewriter.settings import default_config_dir, load_organisation  # noqa: PLC0415

        locale = self.language_code(args.lang) if args.lang else None
        try:
            reading = read_document(args.file, locale, self.t)
        except ImportRefused as refused:
            raise UsageError(str(refused)) from None
        profile = load_organisation(args.config_dir or default_config_dir())
        release = finish_release(reading, profile)
        # Written atomically, like every save: a failed import leaves nothing behind.
        if args.output is not None:
            output = args.output.expanduser()
            from releasewriter.store import DraftStore  # noqa: PLC0415

            path = DraftStore(output.parent).save(release, output, backup=False)
        else:
            path = self.store(args).save(release, backup=False)
        for line in describe_reading(reading, self.t):
            self.err.write(line + "\n")
        self.out.write(f"{path}\n")
        return 0

    def cmd_import_translation(self, args: argparse.Namespace) -> int:
        from releasewriter.importing.align import align_translation  # noqa: PLC0415
        from releasewriter.importing.align_apply import apply_alignment  # noqa: PLC0415
        from releasewriter.importing.blocks import ImportRefused  # noqa: PLC0415
        from releasewriter.importing.reading import read_blocks  # noqa: PLC0415
        from releasewriter.store import DraftStore, read_release  # noqa: PLC0415

        _ = self.t.gettext
        locale = self.language_code(args.lang)
        path = self.draft_path(args, args.draft)
        self.refuse_if_open(path)
        release = read_release(path)
        if locale == release.source_locale:
            raise UsageError(
                _("“{code}” is the source; import a translation into another language.").format(
                    code=locale
                )
            )
        try:
            read = read_blocks(args.file, self.t)
        except ImportRefused as refused:
            raise UsageError(str(refused)) from None
        alignment = align_translation(release, locale, read.blocks)
        report = apply_alignment(release, locale, alignment)
        # What matched no segment stays with the version, as an import's unplaced lines do.
        release.version(locale).not_placed = [block.text for block in alignment.unmatched]
        DraftStore(path.parent).save(release, path)
        for note in read.notes:
            self.err.write(note + "\n")
        self.out.write(
            _(
                "{language}: {aligned} segments translated, {uncertain} to review, "
                "{missing} not found; {unmatched} lines of the document matched nothing"
            ).format(
                language=locale,
                aligned=len(report.aligned),
                uncertain=len(report.uncertain),
                missing=len(report.missing),
                unmatched=len(report.unmatched),
            )
            + "\n"
        )
        return EXIT_PROBLEMS if report.uncertain or report.missing else 0

    def refuse_if_open(self, path: Path) -> None:
        """Writing a draft that ReleaseWriter has open would be undone by its next autosave."""
        from releasewriter.store.locks import is_stale, lock_path_for, read_holder  # noqa: PLC0415

        holder = read_holder(lock_path_for(path))
        if holder is not None and not is_stale(holder):
            raise UsageError(
                self.t.gettext(
                    "{path} is open in ReleaseWriter; import the file there, or close it first."
                ).format(path=path)
            )

    def cmd_review(self, args: argparse.Namespace) -> int:
        # python-docx loads on first use, not at every start of the command.
        from releasewriter.export.review_docx import write_review_docx  # noqa: PLC0415

        release = self.resolve(args, args.draft)
        (target,) = self.locales(release, [args.target], False)
        if target == release.source_locale:
            raise UsageError(
                self.t.gettext("“{code}” is the source; review a translation.").format(code=target)
            )
        path = write_review_docx(release, target, args.output, self.t, ui_locale=user_locale())
        self.out.write(f"{path}\n")
        return 0

    def draft_path(self, args: argparse.Namespace, draft: str) -> Path:
        """The file of a draft (the bundled sample cannot be written to)."""
        _ = self.t.gettext
        path = Path(draft).expanduser()
        if os.path.lexists(path):
            return path  # reading it says what is wrong with it, if anything
        matches = self.matches(self.store(args), draft)
        if len(matches) == 1:
            return matches[0]
        raise UsageError(_("No draft file or draft id “{draft}”.").format(draft=draft))

    def report(self, problems: list[Problem]) -> int:
        from releasewriter.validation import Severity  # noqa: PLC0415

        _ = self.t.gettext
        for problem in problems:
            severity = _("error") if problem.severity is Severity.ERROR else _("warning")
            line = _("{severity}: {problem}").format(severity=severity, problem=problem.message)
            self.out.write(f"{problem.locale}\t{problem.field}\t{line}\n")
        if not problems:
            self.out.write(_("No problems found.") + "\n")
            return 0
        return EXIT_PROBLEMS

    def cmd_list(self, args: argparse.Namespace) -> int:
        """Print the drafts; never writes (the folder may be read-only, or another
        ReleaseWriter may be saving in it): finishing an interrupted save and renaming
        older drafts are left to the app's start, with a note."""
        from releasewriter.store.library_cache import LibraryCache, list_drafts  # noqa: PLC0415

        _ = self.t.gettext
        store = self.store(args)
        # The library's cache (in the cache folder, never the drafts folder): unchanged
        # files are not read again.
        entries, problems = list_drafts(store, LibraryCache.for_folder(store.folder))
        for entry in entries:
            line = (
                f"{entry.release_id[:8]}\t{entry.modified:%Y-%m-%d %H:%M}\t"
                f"{','.join(entry.locales)}\t{entry.headline or _('(no headline)')}"
            )
            if entry.conflict_of is not None:
                line += "\t" + self.conflict_note(entry.conflict_of)
            self.out.write(line + "\n")
        for problem in problems:
            message = _("cannot read draft {path}: {problem}").format(
                path=problem.path, problem=problem.message
            )
            if problem.conflict_of is not None:
                message += f" ({self.conflict_note(problem.conflict_of)})"
            self.err.write(message + "\n")
        for temp in unfinished_saves(store.folder):
            self.err.write(
                _(
                    "note: {path} is a save that was interrupted; ReleaseWriter finishes "
                    "it when it starts"
                ).format(path=temp)
                + "\n"
            )
        if not entries and not problems:
            self.out.write(_("No drafts in {folder}.").format(folder=store.folder) + "\n")
        return EXIT_PROBLEMS if problems else 0

    def conflict_note(self, original: Path) -> str:
        from releasewriter.store.conflicts import release_id_of_name  # noqa: PLC0415

        return self.t.gettext("conflict copy of {id}").format(id=release_id_of_name(original.name))

    def cmd_self_test(self, args: argparse.Namespace) -> int:
        from releasewriter.locations import locations  # noqa: PLC0415
        from releasewriter.selftest import (  # noqa: PLC0415
            describe_installation,
            format_table,
            run_self_test,
        )

        where = locations()
        if args.drafts_dir:
            where = dataclasses.replace(where, drafts=args.drafts_dir)
        for line in describe_installation(self.t, where):
            self.out.write(line + "\n")
        self.out.write("\n")
        test = run_self_test(self.t, where=where)
        for line in format_table(test):
            self.out.write(line + "\n")
        return 0 if test.ok else EXIT_PROBLEMS

    def cmd_show(self, args: argparse.Namespace) -> int:
        from releasewriter.render import render_release, render_text  # noqa: PLC0415

        release = self.resolve(args, args.draft)
        (locale,) = self.locales(release, [args.lang] if args.lang else None, False)
        self.out.write(render_text(render_release(release, locale)))
        return 0

    def run(self, argv: Sequence[str] | None) -> int:
        _ = self.t.gettext
        parser = self.parser()
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help(self.out)
            return EXIT_USAGE
        try:
            return int(getattr(self, "cmd_" + args.command.replace("-", "_"))(args))
        except UsageError as error:
            self.err.write(f"releasewriter: {error}\n")
        except BrokenPipeError:
            raise  # the reader of our output left: main() ends quietly, this is no error
        except Exception as error:
            code = self.failed(error)
            if code is None:
                raise
            return code
        return EXIT_USAGE

    def failed(self, error: Exception) -> int | None:
        """Tell a failure the user can cause; its exit status, or None for a bug.

        The error classes are imported here, not at the top: a command that
        raised one of them has imported its module already.
        """
        from releasewriter.export.errors import ExportError, ExportWriteError  # noqa: PLC0415
        from releasewriter.store import DraftReadError  # noqa: PLC0415

        _ = self.t.gettext
        if isinstance(error, DraftReadError):
            self.err.write(
                _("releasewriter: cannot read draft {path}: {problem}").format(
                    path=error.path, problem=error.problem
                )
                + "\n"
            )
            return EXIT_USAGE
        if isinstance(error, ExportError):
            # A failed write is told in the user's language, naming their file.
            reason = error.describe(self.t) if isinstance(error, ExportWriteError) else error
            self.err.write(_("releasewriter: export failed: {reason}").format(reason=reason) + "\n")
            return EXIT_PROBLEMS
        if isinstance(error, OSError):
            where = f" ({error.filename})" if error.filename else ""
            self.err.write(f"releasewriter: {error.strerror or error}{where}\n")
            return EXIT_PROBLEMS
        return None


def unfinished_saves(folder: Path) -> list[Path]:
    """Temporary files a crash left in the drafts folder, for ``list`` to mention."""
    from releasewriter.store.atomic import is_temp_name  # noqa: PLC0415

    try:
        return sorted(p for p in folder.iterdir() if is_temp_name(p))
    except OSError:
        return []


# What a shell reports for a command killed by SIGPIPE (128 + 13), which is what
# ``releasewriter list | head`` means to a pipeline: the reader had enough.
EXIT_BROKEN_PIPE = 141


def _quiet_after_broken_pipe() -> int:
    """Point stdout at the null device, so that the interpreter's final flush of what
    is still buffered does not fail again and print "Broken pipe" after all."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return EXIT_BROKEN_PIPE


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # A Windows console in a legacy code page cannot show Arabic or Chinese:
        # print what it can rather than crash on the first headline.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    translations = app_translations(user_locale())
    try:
        try:
            code = Cli(translations, sys.stdout, sys.stderr).run(argv)
        except SystemExit as stop:
            # argparse's --help and --version print, then exit: their output too may
            # meet a closed pipe when flushed below.
            if stop.code is not None and not isinstance(stop.code, int):
                raise
            code = stop.code or 0
        sys.stdout.flush()  # inside the try: the pipe may close on the last buffered lines
        return code
    except BrokenPipeError:
        return _quiet_after_broken_pipe()
    except KeyboardInterrupt:
        return 130


def entry() -> None:
    """The ``releasewriter`` command: run, then leave without tearing the interpreter down.

    Every file has been written and synced by then; unloading hundreds of
    modules and objects one by one would only add a sixth to an export's time.
    A command lives for a fraction of a second and builds a bounded set of
    objects (CLDR data, lxml trees), so it runs without cyclic garbage
    collection, which would cost another sixth and free nothing that matters.
    """
    gc.disable()
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            code = _quiet_after_broken_pipe()
        except (OSError, ValueError):
            pass  # a stream closed under us: nothing more can be said on it
    os._exit(code)
