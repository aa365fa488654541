"""Facts about a locale that rendering needs: direction, script, tags, fonts, names."""

from __future__ import annotations

import functools

from babel import Locale, UnknownLocaleError

from releasewriter.i18n.cldr import attach_extract, likely_subtag

CJK_LANGUAGES = frozenset({"zh", "ja", "ko"})


@functools.cache
def parse_locale(locale: str) -> Locale:
    """A babel Locale; an unknown code falls back to its language, then to English."""
    normalised = locale.replace("-", "_")
    for candidate in (normalised, normalised.split("_", 1)[0]):
        try:
            parsed = Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
        return attach_extract(parsed)
    return attach_extract(Locale.parse("en"))


def language_of(locale: str) -> str:
    return parse_locale(locale).language


def text_direction(locale: str) -> str:
    """``"rtl"`` or ``"ltr"``, from CLDR's character order."""
    return "rtl" if parse_locale(locale).character_order == "right-to-left" else "ltr"


def is_rtl(locale: str) -> bool:
    return text_direction(locale) == "rtl"


def is_cjk(locale: str) -> bool:
    return language_of(locale) in CJK_LANGUAGES


def bcp47_tag(locale: str) -> str:
    """``zh_Hans_CN`` → ``zh-Hans-CN``, for HTML ``lang``."""
    parsed = parse_locale(locale)
    parts = [parsed.language, parsed.script, parsed.territory, parsed.variant]
    return "-".join(p for p in parts if p)


def word_language_tag(locale: str) -> str:
    """A language-region tag as Word's ``w:lang`` expects (``ar`` → ``ar-EG``)."""
    parsed = parse_locale(locale)
    territory = parsed.territory
    if not territory:
        key = f"{parsed.language}_{parsed.script}" if parsed.script else parsed.language
        expanded = likely_subtag(key) or likely_subtag(parsed.language) or ""
        territory = expanded.split("_")[-1] if "_" in expanded else ""
    return f"{parsed.language}-{territory}" if territory else parsed.language


def script_of(locale: str) -> str:
    parsed = parse_locale(locale)
    if parsed.script:
        return parsed.script
    likely = likely_subtag(parsed.language) or ""
    parts = likely.split("_")
    return parts[1] if len(parts) > 2 else ""


def display_name(locale: str, in_locale: str | None = None) -> str:
    """The language's name in ``in_locale``, or in itself."""
    parsed = parse_locale(locale)
    return parsed.get_display_name(in_locale or parsed) or locale


# Fonts a recipient on Windows has, followed by what Linux and macOS have.
_CJK_FONTS = {
    "Hans": ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC"),
    "Hant": ("Microsoft JhengHei", "PingFang TC", "Noto Sans CJK TC"),
    "Jpan": ("Yu Gothic", "Hiragino Sans", "Noto Sans CJK JP"),
    "Kore": ("Malgun Gothic", "Apple SD Gothic Neo", "Noto Sans CJK KR"),
}
_LATIN_FONTS = ("Arial", "Liberation Sans", "Helvetica")
_ARABIC_FONTS = ("Arial", "Noto Naskh Arabic", "Geeza Pro")


def east_asian_fonts(locale: str) -> tuple[str, ...]:
    script = script_of(locale)
    if language_of(locale) == "ja":
        script = "Jpan"
    elif language_of(locale) == "ko":
        script = "Kore"
    return _CJK_FONTS.get(script, _CJK_FONTS["Hans"])


def font_stack(locale: str) -> tuple[str, ...]:
    """Fonts to name, best first, for a version in this locale."""
    if is_cjk(locale):
        return (*east_asian_fonts(locale), *_LATIN_FONTS)
    if is_rtl(locale):
        return _ARABIC_FONTS
    return _LATIN_FONTS
