from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from releasewriter.settings import (
    EXPORT_FOLDER,
    EXPORT_FORMATS,
    OPEN_FOLDER_AFTER_EXPORT,
    OPTIONS,
    Settings,
    default_config_dir,
    load_organisation,
    save_organisation,
)
from tests.releases import sample_release


def test_config_folder_follows_the_environment_variable(tmp_path: Path) -> None:
    assert default_config_dir({"RELEASEWRITER_CONFIG_DIR": str(tmp_path)}) == tmp_path


def test_unset_options_have_their_declared_defaults(tmp_path: Path) -> None:
    settings = Settings.load(tmp_path)
    assert settings.get(EXPORT_FORMATS) == ["docx", "html"]
    assert settings.get(OPEN_FOLDER_AFTER_EXPORT) is True
    assert len({o.key for o in OPTIONS}) == len(OPTIONS)


def test_settings_survive_a_save_and_load(tmp_path: Path) -> None:
    settings = Settings.load(tmp_path)
    settings.set(EXPORT_FOLDER, "C:/Users/amina/Desktop")
    settings.set(OPEN_FOLDER_AFTER_EXPORT, False)
    settings.save()
    again = Settings.load(tmp_path)
    assert again.get(EXPORT_FOLDER) == "C:/Users/amina/Desktop"
    assert again.get(OPEN_FOLDER_AFTER_EXPORT) is False


def test_version_one_settings_are_migrated(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(
        json.dumps({"version": 1, "values": {"export_format": "docx"}})
    )
    assert Settings.load(tmp_path).get(EXPORT_FORMATS) == ["docx"]


def test_a_damaged_or_mistyped_settings_file_falls_back_to_defaults(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(
        '{"version": 2, "values": {"open_folder_after_export": "yes"}}'
    )
    assert Settings.load(tmp_path).get(OPEN_FOLDER_AFTER_EXPORT) is True
    (tmp_path / "settings.json").write_text("{")
    assert Settings.load(tmp_path).get(EXPORT_FORMATS) == ["docx", "html"]


def test_organisation_profile_round_trips(tmp_path: Path) -> None:
    organisation = sample_release().organisation
    save_organisation(tmp_path, organisation)
    loaded = load_organisation(tmp_path)
    assert loaded is not None
    assert loaded.id  # a profile saved for the first time gets its id
    assert loaded == dataclasses.replace(organisation, id=loaded.id)
    assert load_organisation(tmp_path) == loaded
    assert load_organisation(tmp_path / "nowhere") is None
