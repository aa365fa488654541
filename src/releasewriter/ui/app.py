"""Start the editor: settings, translations, the drafts folder, the main window.

``python -m releasewriter.ui [DRAFT] [--sample]``. Without a screen (or
without Qt's system libraries) it says why and prints the release as text
instead, so the command is never a dead end.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from releasewriter.i18n import app_translations, user_locale
from releasewriter.settings import LAST_DRAFT, UI_LANGUAGE, Settings, default_config_dir
from releasewriter.store import DraftStore, default_drafts_dir, read_release


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="releasewriter-gui")
    parser.add_argument("draft", nargs="?", type=Path, help="a draft file to open")
    parser.add_argument("--sample", action="store_true", help="open the sample release")
    parser.add_argument("--drafts-dir", type=Path, help="the drafts folder")
    parser.add_argument("--config-dir", type=Path, help="the settings folder")
    parser.add_argument("--ui-lang", help="the language of the application (e.g. fr, ar)")
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

    config_dir = args.config_dir or default_config_dir()
    settings = Settings.load(config_dir)
    ui_locale = args.ui_lang or settings.get(UI_LANGUAGE) or user_locale()
    store = DraftStore(args.drafts_dir or default_drafts_dir())
    return run(
        store=store,
        settings=settings,
        config_dir=config_dir,
        translations=app_translations(ui_locale),
        ui_locale=ui_locale,
        draft=args.draft,
        sample=args.sample,
        last_draft=settings.get(LAST_DRAFT),
        window_size=_size(args.window_size),
        report_startup=args.report_startup,
    )


def _size(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    width, _, height = text.lower().partition("x")
    return int(width), int(height)
