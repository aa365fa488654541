"""What an export reports besides the file it writes."""

from __future__ import annotations

import gettext
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ExportWarning:
    """Characters a document cannot hold were replaced by U+FFFD in ``field``.

    The words for the user are chosen by whoever shows the warning, in the
    user's language (see ``releasewriter.cli``).
    """

    field: str
    replaced: int

    def __str__(self) -> str:
        return (
            f"{self.field}: {self.replaced} character(s) that a document cannot hold became \ufffd"
        )


class ExportError(Exception):
    """An export that could not be written; any earlier file at the path is untouched."""


class ExportCheckError(ExportError):
    """The file built in memory did not read back as the release it should hold."""


class ExportWriteError(ExportError):
    """A file could not be written: names the file the user chose, never the temporary
    file it was being written through (that name means nothing to them)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"cannot write {path}: {reason}")
        self.path = path
        self.reason = reason

    def describe(self, t: gettext.NullTranslations) -> str:
        return t.gettext("Cannot write {path}: {reason}").format(path=self.path, reason=self.reason)


class ExportExistsError(ExportError):
    """Files of these names exist already and the export was told not to replace them;
    nothing was written."""

    def __init__(self, paths: Sequence[Path]) -> None:
        super().__init__("already exists: " + ", ".join(str(path) for path in paths))
        self.paths = list(paths)

    def describe(self, t: gettext.NullTranslations) -> str:
        return t.ngettext(
            "Nothing was written: {paths} exists already.",
            "Nothing was written: {paths} exist already.",
            len(self.paths),
        ).format(paths=", ".join(str(path) for path in self.paths))


class ExportPathError(ExportWriteError):
    """A file the export would write has a name that must not be written; nothing was.

    ``problem`` is one of "outside" (the name reaches out of the chosen folder),
    "reserved" (a device name Windows keeps: CON, NUL, COM1 …), "colon" (``:``,
    which Windows does not allow in a name) or "too_long" (over 260 characters,
    more than Windows programs open).
    """

    def __init__(self, path: Path, problem: str, folder: Path) -> None:
        super().__init__(path, problem)
        self.problem = problem
        self.folder = folder

    def describe(self, t: gettext.NullTranslations) -> str:
        _ = t.gettext
        name = self.path.name
        if self.problem == "outside":
            text = _("Nothing was written: {name} would be outside the folder {folder}.")
        elif self.problem == "reserved":
            text = _("Nothing was written: {name} is a name Windows keeps for a device.")
        elif self.problem == "colon":
            text = _("Nothing was written: {name} contains “:”, which Windows does not allow.")
        else:
            text = _(
                "Nothing was written: {path} is {length} characters long; "
                "Windows opens paths of up to 260."
            )
        return text.format(
            name=name, folder=self.folder, path=self.path, length=len(str(self.path))
        )
