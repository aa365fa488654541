"""The user's settings and organisation profile, as files in the config folder."""

from releasewriter.settings.options import (
    AUTOSAVE_DELAY_MS,
    EXPORT_FOLDER,
    EXPORT_FORMATS,
    LAST_DRAFT,
    OPEN_FOLDER_AFTER_EXPORT,
    OPTIONS,
    SAMPLE_INSTALLED,
    SPLITTER_STATE,
    UI_LANGUAGE,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    Option,
)
from releasewriter.settings.profile import load_organisation, save_organisation
from releasewriter.settings.store import Settings, default_config_dir

__all__ = [
    "AUTOSAVE_DELAY_MS",
    "EXPORT_FOLDER",
    "EXPORT_FORMATS",
    "LAST_DRAFT",
    "OPEN_FOLDER_AFTER_EXPORT",
    "OPTIONS",
    "SAMPLE_INSTALLED",
    "SPLITTER_STATE",
    "UI_LANGUAGE",
    "WINDOW_GEOMETRY",
    "WINDOW_STATE",
    "Option",
    "Settings",
    "default_config_dir",
    "load_organisation",
    "save_organisation",
]
