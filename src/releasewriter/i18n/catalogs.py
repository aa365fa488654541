"""Loading gettext catalogs for a domain and a locale, and choosing the UI's language.

An installed package carries compiled ``.mo`` files (the build compiles them,
see ``packaging/hatch_build.py``); a source checkout has only the ``.po``
sources under ``translations/``, which are compiled in memory on first use so
that no compiled binary ever needs to be committed.

The languages the application speaks are English (the source) and every
locale with a catalog of its own words; the UI speaks the first of the user's
preferred languages among them, else English.
"""

from __future__ import annotations

import functools
import gettext
import hashlib
import io
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError

from releasewriter.i18n.bidi import IsolatingTranslations
from releasewriter.locations import cache_dir
from releasewriter.resources import resource_path, source_checkout_path

APP_DOMAIN = "releasewriter"
LABELS_DOMAIN = "release-labels"
SOURCE_LANGUAGE = "en"
# An explicit choice of the UI language for one user or one run (tests, support).
UI_LANGUAGE_ENV = "RELEASEWRITER_UI_LANG"
_MUI_LANGUAGE_NAME = 0x8  # Windows: languages as names ("fr-FR"), not numbers


def locale_candidates(locale: str) -> list[str]:
    """``zh_Hans_CN`` → ``zh_Hans_CN, zh_Hans, zh_CN, zh``: most specific first."""
    normalised = locale.replace("-", "_")
    try:
        parsed = Locale.parse(normalised)
    except (UnknownLocaleError, ValueError):
        return [normalised, normalised.split("_", 1)[0]]
    language = parsed.language
    found = [normalised]
    if parsed.script:
        found.append(f"{language}_{parsed.script}")
    if parsed.territory:
        found.append(f"{language}_{parsed.territory}")
    found.append(language)
    return list(dict.fromkeys(found))


def _catalog_file(domain: str, candidate: str) -> tuple[Path, bool] | None:
    compiled = resource_path("locale", candidate, "LC_MESSAGES", f"{domain}.mo")
    if compiled.is_file():
        return compiled, True
    checkout = source_checkout_path("translations")
    if checkout is not None:
        source = checkout / candidate / "LC_MESSAGES" / f"{domain}.po"
        if source.is_file():
            return source, False
    return None


def _compiled_source(path: Path, locale: str) -> bytes:
    """The .mo bytes of a .po source, kept in the user cache between runs
    (compiling with babel costs more than everything else a start does)."""
    stat = path.stat()
    key = hashlib.sha256(f"{path.resolve()}|{stat.st_mtime_ns}|{stat.st_size}".encode()).hexdigest()
    cached = cache_dir("catalogs", f"{key}.mo")
    try:
        return cached.read_bytes()
    except OSError:
        pass
    from babel.messages.mofile import write_mo  # noqa: PLC0415
    from babel.messages.pofile import read_po  # noqa: PLC0415

    with path.open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    data = buffer.getvalue()
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        temporary = cached.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, cached)
    except OSError:
        pass  # a read-only cache only costs time
    return data


def _load(path: Path, compiled: bool, locale: str) -> gettext.GNUTranslations:
    if compiled:
        with path.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    return gettext.GNUTranslations(io.BytesIO(_compiled_source(path, locale)))


@functools.cache
def translations(domain: str, locale: str) -> gettext.NullTranslations:
    """The catalog for the most specific form of the locale that has one.

    English is the source language of every msgid, so a locale with no
    catalog gets the English text rather than an error.
    """
    chain: gettext.NullTranslations | None = None
    for candidate in reversed(locale_candidates(locale)):
        found = _catalog_file(domain, candidate)
        if found is None:
            continue
        loaded = _load(*found, candidate)
        if chain is not None:
            loaded.add_fallback(chain)
        chain = loaded
    return chain or gettext.NullTranslations()


def label_translations(locale: str) -> gettext.NullTranslations:
    """Words printed in a release, in the release version's language."""
    return translations(LABELS_DOMAIN, locale)


@functools.cache
def app_translations(locale: str) -> gettext.NullTranslations:
    """The application's own words, in the user's language; values put into them are isolated."""
    return IsolatingTranslations(translations(APP_DOMAIN, locale))


@functools.cache
def catalog_locales(domain: str) -> frozenset[str]:
    """The locales that have a catalog of ``domain``, compiled or as a source."""
    found: set[str] = set()
    compiled = resource_path("locale")
    if compiled.is_dir():
        found.update(p.parent.parent.name for p in compiled.glob(f"*/LC_MESSAGES/{domain}.mo"))
    checkout = source_checkout_path("translations")
    if checkout is not None:
        found.update(p.parent.parent.name for p in checkout.glob(f"*/LC_MESSAGES/{domain}.po"))
    return frozenset(found)


def ui_languages() -> tuple[str, ...]:
    """The languages ReleaseWriter's own words can be shown in: English and every catalog."""
    return tuple(sorted({SOURCE_LANGUAGE, *catalog_locales(APP_DOMAIN)}))


def _tag(preference: str) -> str:
    """``fr_FR.UTF-8@euro`` → ``fr_FR``; ``C`` and ``POSIX`` (no preference) → empty."""
    tag = preference.strip().split(".", 1)[0].split("@", 1)[0].replace("-", "_")
    return "" if tag in ("C", "POSIX") else tag


def _first_available(
    preferences: Iterable[str | None], available: Iterable[str] | None
) -> tuple[str, str] | None:
    """The first preference the application speaks, and the catalog that speaks it."""
    languages = set(ui_languages() if available is None else available) | {SOURCE_LANGUAGE}
    for preference in preferences:
        tag = _tag(preference or "")
        if not tag:
            continue
        for candidate in locale_candidates(tag):
            if candidate in languages:
                return tag, candidate
    return None


def choose_ui_language(
    preferences: Iterable[str | None], available: Iterable[str] | None = None
) -> str:
    """The UI language for a user's preferred languages, most preferred first.

    ``["fr-CA", "en-US"]`` → ``fr``; ``["zh-Hans-CN"]`` → ``zh``; ``["sw"]`` →
    ``en``: the first preference ReleaseWriter has a catalog for, else English.
    Empty entries (an option not given) are skipped.
    """
    found = _first_available(preferences, available)
    return found[1] if found else SOURCE_LANGUAGE


def choose_ui_locale(
    preferences: Iterable[str | None], available: Iterable[str] | None = None
) -> str:
    """Like :func:`choose_ui_language`, but keeping the preference's region and script.

    ``["fr-Latn-CA"]`` → ``fr_CA``: the words come from the ``fr`` catalog and
    dates follow Canadian French. A language the application does not speak
    gives ``en``, so that the dates never follow a language the UI is not in.
    """
    found = _first_available(preferences, available)
    if found is None:
        return SOURCE_LANGUAGE
    tag, language = found
    try:
        return str(Locale.parse(tag))
    except (UnknownLocaleError, ValueError):
        return language


def posix_ui_languages(environ: Mapping[str, str] = os.environ) -> list[str]:
    """The preferences in the environment, as gettext reads them.

    ``LANGUAGE`` (a colon-separated list) first, then the first of ``LC_ALL``,
    ``LC_MESSAGES`` and ``LANG`` that is set.
    """
    found = environ.get("LANGUAGE", "").split(":")
    found += [v for v in map(environ.get, ("LC_ALL", "LC_MESSAGES", "LANG")) if v][:1]
    return [tag for tag in found if _tag(tag)]


def windows_ui_languages(kernel32: Any = None) -> list[str]:
    """The Windows display languages of the user, most preferred first (empty elsewhere).

    ``GetUserPreferredUILanguages`` (Vista and later), else the one language of
    ``GetUserDefaultUILanguage``. Tests pass a stand-in for ``kernel32``.
    """
    import ctypes  # noqa: PLC0415
    import locale  # noqa: PLC0415

    if kernel32 is None:
        if sys.platform != "win32":
            return []
        kernel32 = ctypes.windll.kernel32
    count, size = ctypes.c_ulong(0), ctypes.c_ulong(0)
    flags = _MUI_LANGUAGE_NAME
    if kernel32.GetUserPreferredUILanguages(flags, ctypes.byref(count), None, ctypes.byref(size)):
        buffer = ctypes.create_unicode_buffer(size.value)
        if kernel32.GetUserPreferredUILanguages(
            flags, ctypes.byref(count), buffer, ctypes.byref(size)
        ):
            # A list of NUL-terminated names, ended by an empty one.
            names = [n for n in ctypes.wstring_at(buffer, size.value).split("\0") if n]
            if names:
                return names
    name = locale.windows_locale.get(int(kernel32.GetUserDefaultUILanguage()))
    return [name] if name else []


def system_ui_languages(
    environ: Mapping[str, str] = os.environ,
    windows: Callable[[], list[str]] = windows_ui_languages,
) -> list[str]:
    """The user's preferred languages as the system states them, without Qt.

    The environment first (it is how a POSIX session states them, and a
    Windows user who sets ``LANG`` means it), then Windows' own settings.
    """
    return [*posix_ui_languages(environ), *windows()]


def user_locale(
    environ: Mapping[str, str] = os.environ,
    windows: Callable[[], list[str]] = windows_ui_languages,
) -> str:
    """The UI locale where Qt is not at hand (the command line, a dialog's default).

    ``RELEASEWRITER_UI_LANG``, then the system's preferences, among the
    languages the application speaks; else English. See :func:`choose_ui_locale`.
    """
    return choose_ui_locale([environ.get(UI_LANGUAGE_ENV), *system_ui_languages(environ, windows)])
