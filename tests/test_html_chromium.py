"""The HTML export as Chromium shows and prints it."""

from __future__ import annotations

from pathlib import Path

import pytest

from releasewriter.export.files import export_release
from releasewriter.model import Release
from releasewriter.render.labels import Labels
from tests.browsers import normalise_space, pdf_text, print_to_pdf, screenshot
from tests.releases import chinese_release, sample_release

pytestmark = pytest.mark.consumer


def _export(release: Release, locale: str, folder: Path) -> Path:
    return export_release(release, [locale], ["html"], folder).written[0].path


@pytest.mark.parametrize("locale", ["fr", "en"])
def test_chromium_prints_the_whole_sample_release(tmp_path: Path, locale: str) -> None:
    release = sample_release()
    page = _export(release, locale, tmp_path)
    requested = print_to_pdf(page, tmp_path / "page.pdf")
    text = normalise_space(pdf_text(tmp_path / "page.pdf"))
    version = release.version(locale)
    assert requested == []
    assert normalise_space(version.headline) in text
    assert "Pär Liljert" in text
    assert "ewong@iom.int" in text
    labels = Labels(locale)
    assert normalise_space(labels.contacts_heading) in text
    assert normalise_space(labels.about_heading(release.organisation.name_in(locale))) in text or (
        normalise_space(release.organisation.house_style.about_heading.get(locale, "")) in text
    )


def test_chromium_prints_chinese_without_missing_glyphs(tmp_path: Path) -> None:
    page = _export(chinese_release(), "zh_Hans_CN", tmp_path)
    print_to_pdf(page, tmp_path / "page.pdf")
    text = pdf_text(tmp_path / "page.pdf").replace("\n", "")
    assert "国际移民组织与中国合作" in text
    assert "\ufffd" not in text


def test_a_page_with_a_remote_image_is_caught_by_the_network_log(tmp_path: Path) -> None:
    # The check above must be able to fail: a page that does fetch is seen fetching.
    page = tmp_path / "remote.html"
    page.write_text('<html><body><img src="http://127.0.0.1:9/pixel.gif">x</body></html>')
    requested = print_to_pdf(page, tmp_path / "remote.pdf")
    assert requested == ["http://127.0.0.1:9/pixel.gif"]


def test_screenshot_of_the_export_is_not_blank(tmp_path: Path) -> None:
    page = _export(sample_release(), "fr", tmp_path)
    png = tmp_path / "page.png"
    screenshot(page, png, (800, 600))
    assert png.stat().st_size > 20_000
