"""Which language the application speaks to its user: pure choices, no Qt."""

from __future__ import annotations

from typing import Any

import pytest

from releasewriter.i18n.catalogs import (
    choose_ui_language,
    choose_ui_locale,
    posix_ui_languages,
    system_ui_languages,
    ui_languages,
    user_locale,
    windows_ui_languages,
)
from releasewriter.resources import source_checkout_path

APP = ("ar", "de", "en", "es", "fr", "pt", "ru", "zh")


def no_windows() -> list[str]:
    return []


def test_the_ui_languages_are_english_and_every_locale_with_an_app_catalog() -> None:
    translations = source_checkout_path("translations")
    assert translations is not None
    app_catalogs = {
        p.parent.parent.name for p in translations.glob("*/LC_MESSAGES/releasewriter.po")
    }
    assert ui_languages() == tuple(sorted({"en", *app_catalogs}))
    assert {"en", "fr", "ar", "zh"} <= set(ui_languages())


@pytest.mark.parametrize(
    ("preferences", "language"),
    [
        (["fr-CA", "en-US"], "fr"),
        (["zh-Hans-CN"], "zh"),
        (["zh_CN"], "zh"),
        (["sw"], "en"),
        (["sw-KE", "sw", "de-DE"], "de"),
        (["en-GB", "fr-FR"], "en"),
        (["ar-Arab-EG", "ar-EG", "ar"], "ar"),
        (["pt_BR.UTF-8"], "pt"),
        (["C"], "en"),
        ([], "en"),
        ([None, "", "es-419"], "es"),
    ],
)
def test_the_first_preferred_language_the_app_speaks_is_chosen(
    preferences: list[str | None], language: str
) -> None:
    assert choose_ui_language(preferences, APP) == language


def test_a_regional_catalog_wins_over_the_language_of_its_region() -> None:
    assert choose_ui_language(["pt-BR"], [*APP, "pt_BR"]) == "pt_BR"
    assert choose_ui_language(["pt-PT"], [*APP, "pt_BR"]) == "pt"


def test_english_is_spoken_even_when_the_list_of_catalogs_is_empty() -> None:
    assert choose_ui_language(["en-US", "fr"], []) == "en"
    assert choose_ui_language(["fr"], []) == "en"


@pytest.mark.parametrize(
    ("preferences", "locale"),
    [
        (["fr-Latn-CA", "fr-CA", "fr"], "fr_CA"),
        (["zh-Hans-CN"], "zh_Hans_CN"),
        (["en-GB"], "en_GB"),
        (["ar_EG.UTF-8"], "ar_EG"),
        (["sw-KE", "sw"], "en"),  # never Swahili dates around English words
        (["sw-KE", "fr-FR"], "fr_FR"),
    ],
)
def test_the_ui_locale_keeps_the_region_of_the_preference_that_was_chosen(
    preferences: list[str], locale: str
) -> None:
    assert choose_ui_locale(preferences, APP) == locale


def test_posix_preferences_are_language_then_the_first_locale_variable_set() -> None:
    environ = {
        "LANGUAGE": "pt_BR:fr",
        "LC_ALL": "",
        "LC_MESSAGES": "de_DE.UTF-8",
        "LANG": "es_ES.UTF-8",
    }
    assert posix_ui_languages(environ) == ["pt_BR", "fr", "de_DE.UTF-8"]
    assert posix_ui_languages({"LANG": "C.UTF-8"}) == []
    assert posix_ui_languages({}) == []


def test_the_environment_comes_before_the_windows_settings() -> None:
    environ = {"LANG": "fr_FR.UTF-8"}
    assert system_ui_languages(environ, lambda: ["de-DE", "en-US"]) == [
        "fr_FR.UTF-8",
        "de-DE",
        "en-US",
    ]


def test_a_french_windows_user_without_locale_variables_gets_french() -> None:
    assert user_locale({}, lambda: ["fr-FR", "en-US"]) == "fr_FR"


def test_the_explicit_variable_overrides_the_system() -> None:
    environ = {"RELEASEWRITER_UI_LANG": "ar", "LANG": "fr_FR.UTF-8"}
    assert user_locale(environ, lambda: ["de-DE"]) == "ar"


def test_a_language_the_app_lacks_falls_back_to_the_next_preference_then_english() -> None:
    assert user_locale({"LANG": "sw_KE.UTF-8"}, no_windows) == "en"
    assert user_locale({"LANGUAGE": "sw:ru", "LANG": "sw_KE.UTF-8"}, no_windows) == "ru"
    assert user_locale({"RELEASEWRITER_UI_LANG": "sw", "LANG": "es_MX"}, no_windows) == "es_MX"
    assert user_locale({}, no_windows) == "en"


def test_the_windows_settings_are_read_only_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    assert windows_ui_languages() == []


class FakeKernel32:
    """What Windows answers: preferred UI languages as a double-NUL-ended list."""

    def __init__(self, preferred: str | None, default_langid: int = 0x0409) -> None:
        self.preferred = preferred
        self.default_langid = default_langid

    def GetUserPreferredUILanguages(self, flags: int, count: Any, buffer: Any, size: Any) -> bool:
        assert flags == 0x8  # MUI_LANGUAGE_NAME
        if self.preferred is None:
            return False
        text = self.preferred + "\0"
        count._obj.value = text.count("\0") - 1
        if buffer is not None:
            buffer[: len(text)] = text
        size._obj.value = len(text)
        return True

    def GetUserDefaultUILanguage(self) -> int:
        return self.default_langid


def test_windows_lists_the_preferred_ui_languages_in_order() -> None:
    kernel32 = FakeKernel32("fr-FR\0en-US\0")
    assert windows_ui_languages(kernel32) == ["fr-FR", "en-US"]


def test_windows_without_a_preference_list_gives_its_default_ui_language() -> None:
    assert windows_ui_languages(FakeKernel32(None, default_langid=0x0C0A)) == ["es_ES"]
    assert windows_ui_languages(FakeKernel32(None, default_langid=0x1000)) == []
