from __future__ import annotations

import dataclasses
import gc
from collections.abc import Callable
from pathlib import Path

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from releasewriter.export.errors import ExportCheckError
from releasewriter.export.files import export_release, html_bytes
from releasewriter.export.html_check import check_html
from releasewriter.export.sanitize import sanitize_release
from releasewriter.model import Contact, LanguageVersion, Logo, Paragraph, Quote, Release
from releasewriter.render import render_html, render_release
from releasewriter.translation.versions import add_version
from tests.releases import arabic_release, chinese_release, sample_release

SCRIPT = "<script>alert('x')</script>"


def _page(release: Release, locale: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(html_bytes(render_release(release, locale)))


def _every_text_field_set_to(value: str) -> Release:
    release = sample_release()
    version = release.source
    version.headline = version.subheadline = value
    version.city = release.dateline.country = value
    version.body = [Paragraph(value), Paragraph(f"[{value}]({value})")]
    version.quotes = [Quote(value, value, value, 1)]
    version.contacts = [Contact(value, value, value, value, value)]
    version.notes_to_editors = [Paragraph(value)]
    version.boilerplate = value
    version.end_mark = value
    release.organisation.name = value
    release.organisation.names = {}
    return release


def test_script_typed_into_any_field_is_shown_as_text_not_run() -> None:
    page = _page(_every_text_field_set_to(SCRIPT), "fr")
    assert page.xpath("//script") == []
    assert SCRIPT in page.text_content()


def test_javascript_link_is_not_a_link() -> None:
    release = sample_release()
    release.source.body[0].text = "[clic](javascript:alert(1)) [ok](https://iom.int)"
    hrefs = _page(release, "fr").xpath("//a/@href")
    assert "https://iom.int" in hrefs
    assert not [h for h in hrefs if h.lower().startswith("javascript")]


def test_exported_page_loads_nothing_remote() -> None:
    release = sample_release()
    release.organisation.logo = Logo("image/png", b"\x89PNG\r\n\x1a\nlogo")
    page = _page(release, "en")
    sources = page.xpath("//@src | //link/@href | //@srcset | //@style[contains(., 'url(')]")
    assert sources == [next(iter(page.xpath("//img/@src")))]
    assert sources[0].startswith("data:image/png;base64,")
    assert page.xpath("//script | //iframe | //link | //object | //embed") == []


def test_language_and_direction_are_set_per_version() -> None:
    assert _page(arabic_release(), "ar").get("dir") == "rtl"
    assert _page(arabic_release(), "ar").get("lang") == "ar"
    assert _page(chinese_release(), "zh_Hans_CN").get("lang") == "zh-Hans-CN"
    assert _page(sample_release(), "fr").get("dir") == "ltr"


def test_contact_fields_are_direction_isolated() -> None:
    page = _page(arabic_release(), "ar")
    isolated = [b.text_content() for b in page.xpath("//bdi")]
    assert "ليلى حسن" in isolated
    assert "+962 6 565 9660" in isolated
    assert "lhassan@iom.int" in isolated


def test_contact_email_is_a_mailto_link() -> None:
    assert "mailto:ewong@iom.int" in _page(sample_release(), "fr").xpath("//a/@href")


def test_check_refuses_a_page_that_would_load_a_remote_image() -> None:
    rendered = render_release(sample_release(), "fr")
    page = render_html(rendered).replace(
        "</body>", '<img src="https://tracker.example/p.gif"></body>'
    )
    with pytest.raises(ExportCheckError, match="loads a resource"):
        check_html(page, rendered)


def test_preview_and_export_share_one_template() -> None:
    rendered = render_release(sample_release(), "fr")
    export = lxml.html.fromstring(render_html(rendered, profile="email"))
    preview = lxml.html.fromstring(render_html(rendered, profile="preview"))
    assert export.text_content() == preview.text_content()


def test_export_writes_one_html_file_per_language_named_by_date_headline_and_language(
    tmp_path: Path,
) -> None:
    report = export_release(sample_release(), ["fr", "en"], ["html"], tmp_path)
    names = sorted(r.path.name for r in report.written)
    assert names == [
        "2013-07-16_iom-and-china-work-to-protect-trafficking_en.html",
        "2013-07-16_loim-et-la-chine-oeuvrent-pour-proteger-les_fr.html",
    ]


def test_failed_export_leaves_an_earlier_file_at_the_path_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = export_release(sample_release(), ["fr"], ["html"], tmp_path)
    path = report.written[0].path
    before = path.read_bytes()

    def broken(*args: object, **kwargs: object) -> str:
        raise ExportCheckError("simulated")

    monkeypatch.setattr("releasewriter.export.files.render_html", broken)
    with pytest.raises(ExportCheckError):
        export_release(sample_release(), ["fr"], ["html"], tmp_path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def _version_with(text: str, locale: str) -> LanguageVersion:
    return LanguageVersion(
        locale=locale,
        headline=text,
        subheadline=text,
        body=[Paragraph(text), Paragraph(text)],
        quotes=[Quote(text, text, text, 1)],
        contacts=[Contact(text, text, text, text, text)],
        notes_to_editors=[Paragraph(text)],
        boilerplate=text,
        end_mark=text,
    )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(), locale=st.sampled_from(["fr", "ar", "zh_Hans_CN", "ru", "es", "en"]))
def test_any_unicode_in_every_field_never_breaks_the_html_export(text: str, locale: str) -> None:
    release = Release(source_locale=locale, versions=[_version_with(text, locale)])
    release = dataclasses.replace(release)
    cleaned, _ = sanitize_release(release)
    page = html_bytes(render_release(cleaned, locale))
    parsed = lxml.html.fromstring(page)
    assert parsed.xpath("//script") == []


def test_sanitizing_keeps_the_speakers_gender_so_russian_agrees_the_verb() -> None:
    release = sample_release()
    russian = add_version(release, "ru", copy_text=True)
    assert russian.quotes[0].speaker_gender.value == "male"
    cleaned, _ = sanitize_release(release)
    assert cleaned.version("ru").quotes[0].speaker_gender is russian.quotes[0].speaker_gender
    page = _page(release, "ru").text_content()
    assert "— сказал Pär Liljert" in page


def test_the_preview_cleans_only_the_version_it_shows_and_leaves_the_others_untouched() -> None:
    release = sample_release()
    english = release.version("en")
    release.source.headline = "Titre\x0b coupé"
    english.headline = "Headline\x0b cut"
    cleaned, warnings = sanitize_release(release, [release.source_locale])
    assert cleaned.source.headline == "Titre\ufffd coupé"
    assert cleaned.source is not release.source
    assert cleaned.version("en") is english  # not read by the preview, so not copied
    assert [w.field for w in warnings] == ["versions[fr].headline"]
    assert release.source.headline == "Titre\x0b coupé"  # the release itself is never changed


def test_rendering_a_page_leaves_nothing_for_the_cyclic_collector() -> None:
    # Each preview render of a long release is a megabyte; left in a reference
    # cycle it waited for a rare full collection, and the editor grew.
    rendered = render_release(sample_release(), "fr")
    gc.collect()
    gc.disable()
    try:
        gc.set_debug(gc.DEBUG_SAVEALL)
        render_html(rendered, profile="preview")
        render_html(rendered)
        found = gc.collect()
    finally:
        gc.set_debug(0)
        garbage = [type(o).__name__ for o in gc.garbage]
        gc.garbage.clear()
        gc.enable()
    assert found == 0, garbage


def test_building_languages_in_worker_processes_writes_the_same_files(tmp_path: Path) -> None:
    release = sample_release()
    add_version(release, "ar", copy_text=True)
    one = export_release(release, release.locales, ["html"], tmp_path / "one")
    two = export_release(release, release.locales, ["html"], tmp_path / "two", processes=2)
    assert [r.path.name for r in one.written] == [r.path.name for r in two.written]
    for a, b in zip(one.written, two.written, strict=True):
        assert a.path.read_bytes() == b.path.read_bytes()


def _emphasised(release: Release, locale: str, word: str) -> Release:
    version = release.version(locale)
    version.subheadline = word
    version.body[0].text += f" *{word}*"
    return release


def _pages(release: Release, locale: str) -> list[lxml.html.HtmlElement]:
    rendered = render_release(release, locale)
    return [lxml.html.fromstring(render_html(rendered, profile=p)) for p in ("email", "preview")]


@pytest.mark.parametrize(
    ("release", "locale", "word", "mark"),
    [
        (arabic_release, "ar", "مهم", "font-weight:bold"),
        (chinese_release, "zh_Hans_CN", "重要", "text-emphasis:filled dot"),
    ],
)
def test_nothing_is_set_in_italics_where_the_script_has_no_italic_type(
    release: Callable[[], Release], locale: str, word: str, mark: str
) -> None:
    export, preview = _pages(_emphasised(release(), locale, word), locale)
    for page in (export, preview):
        assert not [s for s in page.xpath("//@style") if "italic" in s]
        (em,) = page.xpath("//em")
        assert em.text == word
        assert "font-style:normal" in em.get("style")
    assert mark in export.xpath("//em")[0].get("style")


def test_latin_subheadline_and_emphasis_stay_italic() -> None:
    export, preview = _pages(_emphasised(sample_release(), "fr", "important"), "fr")
    for page in (export, preview):
        assert page.xpath("//p[contains(@style, 'font-style:italic')]/text()") == ["important"]
        assert page.xpath("//em[not(@style)]/text()") == ["important"]


def test_addresses_and_phone_numbers_read_left_to_right_inside_arabic_text() -> None:
    release = arabic_release()
    version = release.version("ar")
    version.contacts[0].phone = "+90 532 123 45 67"
    version.body[0].text += " https://www.iom.int/ar [الموقع](https://www.iom.int)"
    for profile in ("email", "preview"):
        html = render_html(render_release(release, "ar"), profile=profile)
        # The characters for Qt, which ignores <bdi>; the element for a browser.
        assert '\u2066<bdi dir="ltr">+90 532 123 45 67</bdi>\u2069' in html
        assert '\u2066<a href="mailto:lhassan@iom.int"' in html
        assert '<bdi dir="ltr">https://www.iom.int/ar</bdi></a>\u2069' in html
        # A link's Arabic label is Arabic text, not an address.
        assert '<a href="https://www.iom.int" style="color:#0b5cad;">الموقع</a>' in html
    assert "\u2066" not in render_html(render_release(sample_release(), "fr"))


def test_every_block_carries_the_versions_direction() -> None:
    # Webmail keeps the blocks of a pasted page but not its <html dir>, and Qt
    # aligns a block by its own direction.
    for release, locale, direction in (
        (arabic_release(), "ar", "rtl"),
        (sample_release(), "fr", "ltr"),
    ):
        for page in _pages(release, locale):
            blocks = page.xpath(
                "//body//*[self::p or self::h1 or self::h2 or self::ol or self::li]"
            )
            assert blocks
            assert {b.get("dir") for b in blocks} == {direction}
