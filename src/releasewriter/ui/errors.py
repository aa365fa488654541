"""Exceptions in Qt slots: logged, shown once, and the draft saved.

PySide6 calls ``sys.excepthook`` for an exception raised in a slot and then
carries on, so without this a failed export could pass unnoticed.
"""

from __future__ import annotations

import faulthandler
import gettext
import logging
import sys
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import TextIO

from PySide6.QtWidgets import QMessageBox, QWidget

from releasewriter.locations import locations

log = logging.getLogger("releasewriter")


def log_folder() -> Path:
    return locations().logs


CRASH_LOG = "native-crashes.log"
_crash_log: TextIO | None = None


def configure_logging(folder: Path | None = None) -> Path:
    """Log to a rotated file in the log folder; native crashes (in Qt, in a C library)
    are written by faulthandler beside it, where Python's logging cannot reach."""
    global _crash_log  # noqa: PLW0603 - one crash log for the process, kept open to the end
    folder = folder or log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "releasewriter.log"
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    crash_path = folder / CRASH_LOG
    if crash_path.exists() and crash_path.stat().st_size > 1_000_000:
        crash_path.replace(crash_path.with_suffix(".log.1"))
    if _crash_log is None:
        # faulthandler writes with the file descriptor at the moment of the crash:
        # the file must stay open for the whole life of the process.
        _crash_log = crash_path.open("a", encoding="utf-8")
        faulthandler.enable(_crash_log)
    return path


class ExceptionReporter:
    def __init__(
        self,
        t: gettext.NullTranslations,
        save: Callable[[], None],
        parent: Callable[[], QWidget | None],
        log_path: Path | None = None,
    ) -> None:
        self.t = t
        self.save = save
        self.parent = parent
        self.log_path = log_path
        self.shown: set[str] = set()
        self.show: Callable[[str, str], None] = self._message_box

    def install(self) -> None:
        sys.excepthook = self

    def __call__(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        log.error("unexpected error", exc_info=(kind, error, tb))
        try:
            self.save()
        except Exception:
            log.exception("could not save the draft after an error")
        signature = f"{kind.__name__}: {error}"
        if signature in self.shown:
            return
        self.shown.add(signature)
        details = "".join(traceback.format_exception(kind, error, tb))
        self.show(signature, details)

    def _message_box(self, summary: str, details: str) -> None:
        _ = self.t.gettext
        box = QMessageBox(self.parent())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(_("Something went wrong"))
        where = (
            "\n\n" + _("Details are in {path}.").format(path=self.log_path) if self.log_path else ""
        )
        box.setText(
            _("ReleaseWriter hit an unexpected error. Your draft has been saved.")
            + f"\n\n{summary}{where}"
        )
        box.setDetailedText(details)
        box.exec()
