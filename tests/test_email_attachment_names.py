"""The email hand-off: attachment names every mail program can read, and the embargo first
in the subject."""

from __future__ import annotations

import email
import re
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest

from releasewriter.export.filenames import ascii_export_filename, export_filename
from releasewriter.export.files import prepare_email
from releasewriter.model import Release
from tests.releases import arabic_release, chinese_release, embargoed, sample_release


def _parse(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=default)
    assert isinstance(message, EmailMessage)
    return message


def _raw_headers(path: Path, name: str) -> list[str]:
    """Each raw ``name:`` header of the file, unfolded."""
    text = re.sub(r"\r?\n[ \t]+", " ", path.read_bytes().decode("ascii"))
    return [line for line in text.splitlines() if line.lower().startswith(name.lower() + ":")]


@pytest.mark.parametrize(
    "release",
    [arabic_release(), chinese_release()],
    ids=["Arabic", "Chinese"],
)
def test_each_attachment_has_its_unicode_name_and_a_plain_ascii_fallback(
    release: Release, tmp_path: Path
) -> None:
    locale = release.source_locale
    path, _ = prepare_email(release, [locale], ["docx", "html"], tmp_path / "mail.eml")
    message = _parse(path)
    names = sorted(part.get_filename() or "" for part in message.iter_attachments())
    assert names == sorted(export_filename(release, locale, fmt) for fmt in ("docx", "html"))
    assert not any(name.isascii() for name in names)
    dispositions = _raw_headers(path, "Content-Disposition")
    types = [h for h in _raw_headers(path, "Content-Type") if "name" in h]
    for fmt in ("docx", "html"):
        fallback = ascii_export_filename(release, locale, fmt)
        assert fallback.isascii()
        assert sum(f'filename="{fallback}"' in header for header in dispositions) == 1
        assert sum(f'name="{fallback}"' in header for header in types) == 1
    assert all("filename*0*=UTF-8''" in header for header in dispositions)


def test_ascii_fallbacks_transliterate_arabic_and_name_chinese_by_the_release_id() -> None:
    arabic = arabic_release()
    assert ascii_export_filename(arabic, "ar", "docx") == (
        "2026-03-09_almnzma-aldwlya-llhjra-tdm-dhaya-alatjar-balbshr_ar.docx"
    )
    chinese = chinese_release()
    assert ascii_export_filename(chinese, chinese.source_locale, "html") == (
        f"2026-03-09_release-{chinese.id[:12]}_zh_Hans_CN.html"
    )


def test_an_embargoed_french_release_says_so_first_in_the_subject(tmp_path: Path) -> None:
    release = embargoed(sample_release())
    path, _ = prepare_email(release, ["fr", "en"], ["html"], tmp_path / "fr.eml")
    subject = _parse(path)["Subject"]
    assert subject.startswith(
        "Sous embargo jusqu’au 1 décembre 2026, 09:00 (heure normale de la Chine, UTC+08:00)"
    )
    assert subject.endswith(release.version("fr").headline)


def test_an_embargoed_arabic_release_says_so_first_in_arabic(tmp_path: Path) -> None:
    release = embargoed(arabic_release())
    path, _ = prepare_email(release, ["ar"], ["html"], tmp_path / "ar.eml")
    subject = _parse(path)["Subject"]
    assert subject.startswith("محظور النشر حتى 1 ديسمبر 2026")
    assert subject.endswith(release.version("ar").headline)
