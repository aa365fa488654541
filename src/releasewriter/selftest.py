"""Is this installation whole? The checks behind ``releasewriter self-test`` and
Help → Check installation.

A frozen build can lose data files that import analysis does not see (word
lists, catalogs, CLDR data, templates) and then fail quietly: spelling just
switches off, an export stops. Each check here does what the app does with
that data, on a real input, and says what it found; IT support reads the
table, CI runs it inside the bundle.
"""

from __future__ import annotations

import datetime as dt
import gettext
import importlib.util
import platform
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from releasewriter import __version__
from releasewriter.i18n.catalogs import APP_DOMAIN, LABELS_DOMAIN, catalog_locales, translations
from releasewriter.locations import Locations, locations
from releasewriter.resources import resource_path, resources_root

# A misspelling in each language the app checks, and a word its suggestions must hold.
SPELLING_PROBES = {
    "en": ("goverment", "government"),
    "fr": ("gouvernment", "gouvernement"),
    "es": ("gobierrno", "gobierno"),
    "ru": ("правительсвто", "правительство"),
    "pt": ("govenro", "governo"),
    "de": ("Regirung", "Regierung"),
    "ar": ("الحكومت", "الحكومة"),
}
# A file beginning that QTranslator accepts (Qt's .qm magic number).
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")


@dataclass(frozen=True)
class CheckResult:
    area: str
    name: str
    ok: bool
    detail: str


Check = Callable[[], str]


class SelfTest:
    """Runs named checks; each returns what it saw, or raises to fail."""

    def __init__(self, t: gettext.NullTranslations) -> None:
        self.t = t
        self.results: list[CheckResult] = []

    def run(self, area: str, name: str, check: Check) -> None:
        try:
            detail = check()
        except Exception as error:
            self.results.append(CheckResult(area, name, False, f"{type(error).__name__}: {error}"))
        else:
            self.results.append(CheckResult(area, name, True, detail))

    @property
    def ok(self) -> bool:
        return all(result.ok for result in self.results)


def ui_catalog_locales() -> list[str]:
    """The languages the application's own words are translated into (English is the source)."""
    return sorted(catalog_locales(APP_DOMAIN))


def label_catalog_locales() -> list[str]:
    return sorted(catalog_locales(LABELS_DOMAIN))


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


# -- the checks ------------------------------------------------------------------


def check_catalog(domain: str, locale: str, probe: str) -> Check:
    def check() -> str:
        catalog = translations(domain, locale)
        _expect(
            isinstance(catalog, gettext.GNUTranslations),
            f"no {domain} catalog for {locale}",
        )
        translated = catalog.gettext(probe)
        _expect(translated != probe, f"“{probe}” is not translated")
        return translated

    return check


def qt_translations_folder() -> Path | None:
    """Where PySide6 keeps Qt's own catalogs, found without loading Qt (the core never does)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        folder = Path(location) / "Qt" / "translations"
        if folder.is_dir():
            return folder
    return None


def check_qt_catalog(folder: Path, locale: str) -> Check:
    def check() -> str:
        path = folder / f"qtbase_{locale}.qm"
        if not path.is_file():
            # Qt names some catalogs by region (qtbase_zh_CN.qm).
            matches = sorted(folder.glob(f"qtbase_{locale}_*.qm"))
            _expect(bool(matches), f"qtbase_{locale}.qm is missing")
            path = matches[0]
        with path.open("rb") as handle:
            _expect(handle.read(len(QM_MAGIC)) == QM_MAGIC, f"{path.name} is not a Qt catalog")
        return path.name

    return check


def check_locale_data(locale: str) -> Check:
    def check() -> str:
        from releasewriter.render.dates import country_name, long_date  # noqa: PLC0415

        date = long_date(dt.date(2026, 3, 16), locale)
        country = country_name("KE", locale)
        _expect(country != "KE", "CLDR has no country names")
        return f"{date}; {country}"

    return check


def check_time_zones() -> str:
    import zoneinfo  # noqa: PLC0415

    zones = zoneinfo.available_timezones()
    _expect(len(zones) > 300, f"only {len(zones)} time zones")
    moment = dt.datetime(2026, 7, 1, 12, tzinfo=zoneinfo.ZoneInfo("Africa/Nairobi"))
    _expect(moment.utcoffset() == dt.timedelta(hours=3), "Africa/Nairobi is not UTC+3")
    return f"{len(zones)} zones"


def check_spelling(locale: str, word: str, expected: str) -> Check:
    def check() -> str:
        from releasewriter.spelling import checker_for  # noqa: PLC0415

        checker = checker_for(locale)
        _expect(checker is not None, "no word list or dictionary")
        assert checker is not None
        _expect(not checker.knows(word), f"“{word}” is taken as correct")
        suggestions = checker.suggestions(word, limit=5, budget=2.0)
        _expect(expected in suggestions, f"“{word}” → {suggestions}, without “{expected}”")
        return f"{word} → {expected}"

    return check


def check_export(folder: Path) -> Check:
    def check() -> str:
        import docx  # noqa: PLC0415

        from releasewriter.export.files import export_release  # noqa: PLC0415
        from releasewriter.export.html_check import page_text  # noqa: PLC0415
        from releasewriter.store import read_release  # noqa: PLC0415

        release = read_release(resource_path("samples", "iom-china-trafficking.release.json"))
        started = time.perf_counter()
        report = export_release(release, release.locales, ["docx", "html"], folder)
        elapsed = time.perf_counter() - started
        _expect(len(report.written) == 2 * len(release.locales), "files missing")
        for result in report.written:
            headline = release.version(result.locale).headline.strip()
            if result.format == "docx":
                _expect(zipfile.is_zipfile(result.path), f"{result.path.name} is not a DOCX")
                text = "\n".join(p.text for p in docx.Document(str(result.path)).paragraphs)
            else:
                text = page_text(result.path.read_text(encoding="utf-8"))
            _expect(headline[:40] in text, f"{result.path.name} lacks the headline")
        return f"{len(report.written)} files read back ({elapsed:.1f} s)"

    return check


def check_pictures() -> str:
    """Pillow and its PNG and JPEG libraries, as letterheads and logos are shrunk with them."""
    import io  # noqa: PLC0415

    from PIL import Image  # noqa: PLC0415

    from releasewriter.export.letterheads.images import fit_logo  # noqa: PLC0415

    results = []
    for kind, media_type in (("PNG", "image/png"), ("JPEG", "image/jpeg")):
        out = io.BytesIO()
        # Noise does not compress: a 3000-pixel picture of it is a few MB, as a scan is.
        Image.effect_noise((3000, 1500), 64).convert("RGB").save(out, kind)
        _type, small = fit_logo(media_type, out.getvalue())
        _expect(len(small) < len(out.getvalue()), f"{kind} was not made smaller")
        results.append(f"{kind} {len(out.getvalue()) // 1024} → {len(small) // 1024} KB")
    return ", ".join(results)


def check_writable(folder: Path) -> Check:
    def check() -> str:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".self-test-", delete=True):
            pass
        return str(folder)

    return check


# -- running and printing ------------------------------------------------------


def run_self_test(
    t: gettext.NullTranslations,
    *,
    where: Locations | None = None,
    extra: Callable[[SelfTest], None] | None = None,
) -> SelfTest:
    """Every check, in order; ``extra`` adds the GUI's own (Qt's catalogs loaded for real)."""
    _ = t.gettext
    test = SelfTest(t)
    where = where or locations()
    test.run(_("Installation"), _("Resources"), lambda: str(resources_root()))
    for locale in ui_catalog_locales():
        test.run(_("UI catalogs"), locale, check_catalog(APP_DOMAIN, locale, "&File"))
    for locale in label_catalog_locales():
        test.run(
            _("Release labels"),
            locale,
            check_catalog(LABELS_DOMAIN, locale, "For more information, please contact"),
        )
    qt_folder = qt_translations_folder()
    if qt_folder is not None:
        for locale in ui_catalog_locales():
            test.run(_("Qt catalogs"), locale, check_qt_catalog(qt_folder, locale))
    for locale in ["en", *label_catalog_locales()]:
        test.run(_("Locale data"), locale, check_locale_data(locale))
    test.run(_("Locale data"), _("time zones"), check_time_zones)
    for locale, (word, expected) in SPELLING_PROBES.items():
        test.run(_("Spelling"), locale, check_spelling(locale, word, expected))
    with tempfile.TemporaryDirectory(prefix="releasewriter-self-test-") as scratch:
        test.run(_("Export"), _("sample to DOCX and HTML"), check_export(Path(scratch)))
    test.run(_("Export"), _("letterhead pictures"), check_pictures)
    test.run(_("Folders"), _("drafts"), check_writable(where.drafts))
    test.run(_("Folders"), _("settings"), check_writable(where.config))
    if extra is not None:
        extra(test)
    return test


def describe_installation(
    t: gettext.NullTranslations, where: Locations, isolate: Callable[[str], str] = str
) -> list[str]:
    """The lines above the table: what runs, and where it keeps things.

    ``isolate`` wraps each path for a right-to-left window, where a path's
    leading slash would otherwise be drawn at its far end.
    """
    _ = t.gettext
    mode = _("portable") if where.portable else _("installed")
    frozen = _("bundle") if getattr(sys, "frozen", False) else "Python " + platform.python_version()
    return [
        f"ReleaseWriter {__version__} ({frozen}, {mode}), {platform.system()} {platform.machine()}",
        _("Drafts: {path}").format(path=isolate(str(where.drafts))),
        _("Settings: {path}").format(path=isolate(str(where.config))),
        _("Logs: {path}").format(path=isolate(str(where.logs))),
    ]


def format_table(test: SelfTest) -> list[str]:
    _ = test.t.gettext
    rows = [
        (result.area, result.name, _("ok") if result.ok else _("FAILED"), result.detail)
        for result in test.results
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True))
        + "  "
        + row[3]
        for row in rows
    ]
    failed = sum(not result.ok for result in test.results)
    if failed:
        lines.append(
            test.t.ngettext(
                "{count} check of {total} failed.", "{count} checks of {total} failed.", failed
            ).format(count=failed, total=len(test.results))
        )
    else:
        lines.append(_("All {total} checks passed.").format(total=len(test.results)))
    return lines
