"""Every setting declared once: key, type, default and a translatable title."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def N_(message: str) -> str:
    """Mark a title for extraction; it is translated where it is shown."""
    return message


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    default: T
    title: str

    def coerce(self, value: object) -> T:
        """The stored value if it has the default's type, else the default (hand-edited files)."""
        expected = type(self.default)
        if isinstance(value, expected) and not (expected is int and isinstance(value, bool)):
            if isinstance(value, list) and isinstance(self.default, list):
                kinds = {type(v) for v in self.default} or {str}
                if not all(type(v) in kinds for v in value):
                    return self.default
            return value
        return self.default


UI_LANGUAGE: Option[str] = Option("ui_language", "", N_("Language of ReleaseWriter"))
EXPORT_FOLDER: Option[str] = Option("export_folder", "", N_("Export folder"))
EXPORT_FORMATS: Option[list[str]] = Option("export_formats", ["docx", "html"], N_("Export formats"))
OPEN_FOLDER_AFTER_EXPORT: Option[bool] = Option(
    "open_folder_after_export", True, N_("Open the folder after exporting")
)
AUTOSAVE_DELAY_MS: Option[int] = Option("autosave_delay_ms", 1000, N_("Autosave delay (ms)"))
SAMPLE_INSTALLED: Option[bool] = Option(
    "sample_installed", False, N_("The sample release was put in the library")
)
PROFILE_OFFERED: Option[bool] = Option(
    "profile_offered", False, N_("Setting up the organisation profile was offered")
)
LAST_DRAFT: Option[str] = Option("last_draft", "", N_("The draft open when ReleaseWriter closed"))
SPLITTER_STATE: Option[str] = Option("splitter_state", "", N_("Sizes of the window's panes"))
WINDOW_GEOMETRY: Option[str] = Option("window_geometry", "", N_("Window position and size"))
WINDOW_STATE: Option[str] = Option("window_state", "", N_("Window layout"))
LAST_FOLDERS: Option[dict[str, str]] = Option(
    "last_folders", {}, N_("The folder each kind of file was last opened from or saved to")
)

OPTIONS: tuple[Option[Any], ...] = (
    UI_LANGUAGE,
    EXPORT_FOLDER,
    EXPORT_FORMATS,
    OPEN_FOLDER_AFTER_EXPORT,
    AUTOSAVE_DELAY_MS,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    SAMPLE_INSTALLED,
    PROFILE_OFFERED,
    LAST_DRAFT,
    SPLITTER_STATE,
    LAST_FOLDERS,
)
