"""The HTML export as Chromium shows and prints it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import lxml.html
import pytest

from releasewriter.export.files import export_release
from releasewriter.model import Release
from releasewriter.render.labels import Labels
from tests.browsers import dump_dom, normalise_space, pdf_text, print_to_pdf, screenshot
from tests.releases import arabic_release, chinese_release, sample_release

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


# Leaves each styled element's computed style in the DOM for --dump-dom.
_COMPUTED = """<script>
const found = [...document.querySelectorAll("body p, body em")].map(el => {
  const style = getComputedStyle(el);
  return {tag: el.tagName, text: el.textContent, slant: style.fontStyle,
          weight: style.fontWeight, dots: style.textEmphasisStyle,
          dotsAt: style.textEmphasisPosition};
});
document.body.setAttribute("data-computed", JSON.stringify(found));
</script>"""


def _computed(release: Release, locale: str, folder: Path) -> list[dict[str, str]]:
    page = _export(release, locale, folder)
    measured = folder / "computed.html"
    measured.write_text(page.read_text(encoding="utf-8").replace("</body>", _COMPUTED + "</body>"))
    dom = lxml.html.fromstring(dump_dom(measured))
    return list(json.loads(dom.xpath("//body/@data-computed")[0]))


@pytest.mark.parametrize(
    ("release", "locale", "word"),
    [(chinese_release, "zh_Hans_CN", "重要"), (arabic_release, "ar", "مهم")],
)
def test_chromium_draws_nothing_slanted_where_the_script_has_no_italic(
    tmp_path: Path, release: Callable[[], Release], locale: str, word: str
) -> None:
    emphasised = release()
    version = emphasised.version(locale)
    version.subheadline = word
    version.body[0].text += f" *{word}*"
    computed = _computed(emphasised, locale, tmp_path)
    assert [c["slant"] for c in computed if c["slant"] != "normal"] == []
    (em,) = [c for c in computed if c["tag"] == "EM"]
    assert em["text"] == word
    if locale == "ar":
        assert int(em["weight"]) >= 700
    else:
        # Chromium writes the computed "filled dot" as "dot" (filled is the default).
        assert em["dots"] in ("dot", "filled dot")
        assert "under" in em["dotsAt"]


def test_chromium_draws_a_french_subheadline_and_emphasis_in_italics(tmp_path: Path) -> None:
    release = sample_release()
    release.source.subheadline = "Trois jours de formation"
    release.source.body[0].text += " *important*"
    computed = _computed(release, release.source_locale, tmp_path)
    assert [c["text"] for c in computed if c["slant"] == "italic"] == [
        "Trois jours de formation",
        "important",
    ]
