"""What an export reports besides the file it writes."""

from __future__ import annotations

from dataclasses import dataclass


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
