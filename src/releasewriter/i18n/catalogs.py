"""Loading gettext catalogs for a domain and a locale.

An installed package carries compiled ``.mo`` files (the build compiles them,
see ``packaging/hatch_build.py``); a source checkout has only the ``.po``
sources under ``translations/``, which are compiled in memory on first use so
that no compiled binary ever needs to be committed.
"""

from __future__ import annotations

import functools
import gettext
import hashlib
import io
import os
from collections.abc import Mapping
from pathlib import Path

from babel import Locale, UnknownLocaleError

from releasewriter.locations import cache_dir
from releasewriter.resources import resource_path, source_checkout_path

APP_DOMAIN = "releasewriter"
LABELS_DOMAIN = "release-labels"


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


def app_translations(locale: str) -> gettext.NullTranslations:
    """The application's own words, in the user's language."""
    return translations(APP_DOMAIN, locale)


def user_locale(environ: Mapping[str, str] = os.environ) -> str:
    """The user's language from the usual environment variables (POSIX order), else English."""
    for variable in ("RELEASEWRITER_UI_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if not value:
            continue
        first = value.split(":", 1)[0].split(".", 1)[0].split("@", 1)[0]
        if first and first not in ("C", "POSIX"):
            return first
    return "en"
