"""Every release the app exports (DOCX and HTML, the six UN languages) imports back to
the same fields."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from releasewriter.export.files import export_release
from releasewriter.importing.operation import read_document
from releasewriter.model import LanguageVersion, Release
from tests.releases import faithful_six_languages

RELEASE = faithful_six_languages()


def _fields(release: Release, version: LanguageVersion) -> dict[str, Any]:
    return {
        "headline": version.headline,
        "subheadline": version.subheadline,
        "city": version.city,
        "country": release.dateline.country,
        "date": release.dateline.date,
        "body": [p.text for p in version.body],
        # A quote's full stop gives way to the attribution's comma in print
        # (“…,” said X): the printed page cannot say whether there was one.
        "quotes": [(q.text.rstrip("."), q.speaker, q.role) for q in version.quotes],
        "contacts": [(c.name, c.role, c.office, c.email, c.phone) for c in version.contacts],
        "notes": [p.text for p in version.notes_to_editors],
    }


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("exported")
    report = export_release(RELEASE, RELEASE.locales, ["docx", "html"], folder)
    found: dict[tuple[str, str], Path] = {}
    for result in report.written:
        locale = next(c for c in RELEASE.locales if result.path.stem.endswith(c))
        found[(locale, result.path.suffix)] = result.path
    return found


@pytest.mark.parametrize("suffix", [".docx", ".html"])
@pytest.mark.parametrize("locale", [v.locale for v in RELEASE.versions])
def test_an_exported_release_imports_back_to_the_same_fields(
    exported: dict[tuple[str, str], Path], locale: str, suffix: str
) -> None:
    reading = read_document(exported[(locale, suffix)])
    imported = reading.imported.release
    # The language is told by the text alone (zh_Hans_CN reads as zh).
    assert imported.source_locale == locale.split("_", maxsplit=1)[0]
    assert _fields(imported, imported.source) == _fields(RELEASE, RELEASE.version(locale))
    assert reading.imported.not_placed == []
