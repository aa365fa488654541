"""A bundled extract of babel's CLDR data: the few keys a release's rendering reads.

babel loads a locale's data whole at its first use: three or four pickles
merged key by key, 3 to 5 ms a language, 20 ms for a six-language export that
reads nine of the forty-odd keys (dates, number symbols, country names). Its
likely subtags come with global.dat, another 8 ms, for a dozen entries. A
command-line export pays all of it at every start.

The extract (``resources/cldr/``) holds, for the languages releases are
written in, those keys exactly as babel merges them, and the likely subtags
of those languages. It is written from babel at build time
(``python -m releasewriter.i18n.cldr``); a test holds it equal to what the
installed babel says. At run time it is used only with the babel version it
was written from; anything it lacks (another key, another language, another
babel) is read from babel as before, so what it changes is the time, never
the text.
"""

from __future__ import annotations

import functools
import pickle
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import babel
from babel import Locale, localedata
from babel.core import get_global

from releasewriter.resources import resource_path

# The locales releases are usually written in: the UN's six, the languages of the
# add-a-version dialog's first rows and their common regional forms.
LOCALES: tuple[str, ...] = (
    "ar",
    "zh",
    "zh_Hans",
    "zh_Hans_CN",
    "zh_Hant",
    "zh_Hant_TW",
    "zh_Hant_HK",
    "en",
    "en_GB",
    "en_US",
    "fr",
    "fr_CA",
    "ru",
    "es",
    "es_419",
    "pt",
    "pt_BR",
    "pt_PT",
    "de",
    "sw",
    "fa",
    "ur",
    "tr",
    "uk",
    "sr_Latn",
    "ja",
    "ko",
)

# What rendering, the DOCX and HTML export and the translation checks' number
# marks read of a locale (long dates, embargo times, country names, direction,
# decimal and group marks, scale words).
KEYS: tuple[str, ...] = (
    "character_order",
    "compact_decimal_formats",
    "date_formats",
    "datetime_formats",
    "days",
    "decimal_formats",
    "default_numbering_system",
    "months",
    "number_symbols",
    "numbering_systems",
    "periods",
    "territories",
    "time_formats",
)

FOLDER = ("cldr",)
_LIKELY = "likely_subtags.pickle"


def _folder() -> Path:
    return resource_path(*FOLDER)


def _load(path: Path) -> dict[str, Any] | None:
    """A file of the extract, if there is one and it was written from this babel."""
    try:
        with path.open("rb") as stream:
            stored = pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    if not isinstance(stored, dict) or stored.get("babel") != babel.__version__:
        return None
    data = stored.get("data")
    return data if isinstance(data, dict) else None


class _Extract(dict[str, Any]):
    """A locale's data: the extract's keys at once, babel's whole data at the first
    other key asked for (or at any look at the whole, as iterating it)."""

    def __init__(self, identifier: str, extract: dict[str, Any]) -> None:
        super().__init__(extract)
        self._identifier = identifier
        self._whole = False

    def _complete(self) -> None:
        if not self._whole:
            self._whole = True
            self.update(localedata.load(self._identifier))

    def __missing__(self, key: str) -> Any:
        if self._whole:
            raise KeyError(key)
        self._complete()
        return self[key]

    def __iter__(self) -> Iterator[str]:
        self._complete()
        return super().__iter__()

    def __len__(self) -> int:
        self._complete()
        return super().__len__()

    def copy(self) -> dict[str, Any]:
        self._complete()
        return dict(self)


def _data_identifier(locale: Locale) -> str | None:
    # The name of the data babel would load: set by Locale.__init__ (babel 2.x).
    identifier = getattr(locale, "_Locale__data_identifier", None)
    return identifier if isinstance(identifier, str) else None


def attach_extract(locale: Locale) -> Locale:
    """Give a freshly parsed Locale the extract's data, if the extract has its language."""
    identifier = _data_identifier(locale)
    if identifier is None or getattr(locale, "_Locale__data", False) is not None:
        return locale  # a babel without this attribute, or data already loaded
    extract = _load(_folder() / f"{identifier}.pickle")
    if extract is not None:
        data = localedata.LocaleDataDict(cast("dict[Any, Any]", _Extract(identifier, extract)))
        locale._Locale__data = data  # type: ignore[attr-defined]
    return locale


@functools.cache
def _likely_extract() -> dict[str, Any]:
    return _load(_folder() / _LIKELY) or {}


def likely_subtag(key: str) -> str | None:
    """CLDR's likely subtags for ``key`` ("ar" → "ar_Arab_EG"), as babel's global data."""
    extract = _likely_extract()
    if key in extract:
        found = extract[key]
        return found if isinstance(found, str) else None
    found = get_global("likely_subtags").get(key)
    return found if isinstance(found, str) else None


# --- writing the extract (at build time) ------------------------------------------


def locale_extract(identifier: str) -> dict[str, Any]:
    """What the extract holds for a locale, read from the installed babel."""
    whole = localedata.load(identifier)
    return {key: whole[key] for key in KEYS if key in whole}


def likely_extract() -> dict[str, str]:
    """The likely subtags of the extract's languages, and of their language_Script forms."""
    likely = get_global("likely_subtags")
    keys = set()
    for code in LOCALES:
        parts = code.split("_")
        keys.add(parts[0])
        if len(parts) > 1 and len(parts[1]) == 4:
            keys.add(f"{parts[0]}_{parts[1]}")
    return {key: likely[key] for key in sorted(keys) if key in likely}


def identifiers() -> list[str]:
    """The data identifiers of LOCALES, as babel names them."""
    found = []
    for code in LOCALES:
        identifier = _data_identifier(Locale.parse(code))
        if identifier is not None and identifier not in found:
            found.append(identifier)
    return found


def _dump(path: Path, data: dict[str, Any]) -> None:
    # Protocol 4 reads on every Python the app supports.
    path.write_bytes(pickle.dumps({"babel": babel.__version__, "data": data}, protocol=4))


def write_extract(folder: Path) -> list[Path]:
    """Write the extract into ``folder`` (emptied of older files); the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.pickle"):
        old.unlink()
    written = []
    for identifier in identifiers():
        path = folder / f"{identifier}.pickle"
        _dump(path, locale_extract(identifier))
        written.append(path)
    path = folder / _LIKELY
    _dump(path, likely_extract())
    written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else _folder()
    for path in write_extract(folder):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
