"""Start the editor: settings, translations, the drafts folder, the main window.

``python -m releasewriter.ui [DRAFT] [--sample]``. Without a screen (or
without Qt's system libraries) it says why and prints the release as text
instead, so the command is never a dead end.

The UI language is the first of: ``--ui-lang``, the language chosen in the
application, ``RELEASEWRITER_UI_LANG``, the system's preferred languages (as
Qt reads them on Windows, macOS and Linux), that ReleaseWriter has a catalog
for; else English.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from releasewriter import __version__
from releasewriter.i18n.catalogs import UI_LANGUAGE_ENV, choose_ui_locale
from releasewriter.settings import UI_LANGUAGE, Settings, default_config_dir
from releasewriter.store import DraftStore, default_drafts_dir, read_release

if TYPE_CHECKING:
    from releasewriter.ui.startup import StartOptions


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="releasewriter-gui")
    parser.add_argument("draft", nargs="?", type=Path, help="a draft file to open")
    parser.add_argument("--version", action="version", version=f"ReleaseWriter {__version__}")
    parser.add_argument("--sample", action="store_true", help="open the sample release")
    parser.add_argument("--drafts-dir", type=Path, help="the drafts folder")
    parser.add_argument("--config-dir", type=Path, help="the settings folder")
    parser.add_argument("--ui-lang", help="the language of the application (e.g. fr, ar)")
    parser.add_argument(
        "--no-first-run",
        action="store_true",
        help="do not offer to set up the organisation profile (scripted runs, screenshots)",
    )
    parser.add_argument(
        "--report-startup",
        action="store_true",
        help=argparse.SUPPRESS,  # benchmarks: print "shown" once the window is up, then quit
    )
    parser.add_argument(
        "--window-size", metavar="WxH", help="open the window at this size (screenshots, tests)"
    )
    return parser.parse_args(argv)


def _no_screen() -> str | None:
    if os.environ.get("QT_QPA_PLATFORM"):
        return None
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        return "no graphical display (DISPLAY or WAYLAND_DISPLAY is not set)"
    return None


def _print_instead(reason: str, args: argparse.Namespace) -> int:
    from releasewriter.cli import sample_path  # noqa: PLC0415
    from releasewriter.render import render_release, render_text  # noqa: PLC0415

    sys.stderr.write(f"ReleaseWriter cannot open its window here: {reason}.\n")
    sys.stderr.write("The release as a reader will see it:\n\n")
    release = read_release(args.draft if args.draft else sample_path())
    sys.stdout.write(render_text(render_release(release, release.source_locale)))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    reason = _no_screen()
    if reason is None:
        try:
            from PySide6.QtWidgets import QApplication  # noqa: PLC0415, F401
        except ImportError as error:
            reason = f"Qt could not be loaded ({error})"
    if reason is not None:
        return _print_instead(reason, args)
    from releasewriter.ui.startup import run  # noqa: PLC0415

    return run(start_options(args), report_startup=args.report_startup)


def ui_locale_for(
    args: argparse.Namespace,
    settings: Settings,
    system: Sequence[str],
    environ: Mapping[str, str] = os.environ,
) -> str:
    return choose_ui_locale(
        [args.ui_lang, settings.get(UI_LANGUAGE), environ.get(UI_LANGUAGE_ENV), *system]
    )


def start_options(args: argparse.Namespace) -> StartOptions:
    """What the window starts with: settings, drafts folder, language, first-run offer."""
    from releasewriter.ui.startup import StartOptions, system_ui_languages  # noqa: PLC0415

    config_dir = args.config_dir or default_config_dir()
    settings = Settings.load(config_dir)
    return StartOptions(
        store=DraftStore(args.drafts_dir or default_drafts_dir()),
        settings=settings,
        config_dir=config_dir,
        ui_locale=ui_locale_for(args, settings, system_ui_languages()),
        draft=args.draft,
        sample=args.sample,
        window_size=_size(args.window_size),
        # A double-clicked draft, a benchmark or a script is not the moment to ask.
        offer_profile=not (args.draft or args.report_startup or args.no_first_run),
    )


def _size(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    width, _, height = text.lower().partition("x")
    return int(width), int(height)
