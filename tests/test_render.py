from __future__ import annotations

import copy
import datetime as dt

import pytest

from releasewriter.model import Embargo
from releasewriter.model.inline import Span, parse_inline
from releasewriter.render import render_release, render_text
from releasewriter.render.dates import long_date
from releasewriter.render.emphasis import emphasis_for, has_italic
from releasewriter.render.typography import NBSP, NNBSP, quote_marks, typeset
from releasewriter.translation.versions import add_version
from tests.releases import arabic_release, chinese_release, embargoed, sample_release


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("fr", "16 juillet 2013"),
        ("en", "July 16, 2013"),
        ("en_GB", "16 July 2013"),
        ("zh_Hans_CN", "2013年7月16日"),
        ("ru", "16 июля 2013\u202fг."),
        ("es", "16 de julio de 2013"),
        ("ar", "16 يوليو 2013"),
    ],
)
def test_dateline_date_uses_the_locales_long_format(locale: str, expected: str) -> None:
    assert long_date(dt.date(2013, 7, 16), locale) == expected


@pytest.mark.parametrize(
    ("locale", "open_", "close"),
    [
        ("fr", "«", "»"),
        ("en", "“", "”"),
        ("zh", "“", "”"),
        ("ru", "«", "»"),
        ("es", "«", "»"),
        ("de", "„", "“"),
    ],
)
def test_quotation_marks_follow_the_language(locale: str, open_: str, close: str) -> None:
    marks = quote_marks(locale)
    assert (marks.open, marks.close) == (open_, close)


def test_french_puts_no_break_spaces_before_high_punctuation_and_inside_guillemets() -> None:
    assert typeset("Vraiment ? Oui ! Email : x ; « fin »", "fr") == (
        f"Vraiment{NNBSP}? Oui{NNBSP}! Email{NBSP}: x{NNBSP}; «{NNBSP}fin{NNBSP}»"
    )


def test_french_typography_leaves_urls_and_times_alone() -> None:
    assert typeset("https://iom.int à 10:30", "fr") == "https://iom.int à 10:30"


def test_typography_is_applied_when_rendering_and_the_stored_text_stays_as_typed() -> None:
    release = sample_release()
    release.source.body[0].text = 'Il a dit "oui" : c\'est fait !'
    before = copy.deepcopy(release)
    text = render_text(render_release(release, "fr"))
    assert f"«{NNBSP}oui{NNBSP}»{NBSP}: c’est fait{NNBSP}!" in text
    assert release == before


def test_sample_dateline_leads_the_first_paragraph_with_the_country_in_french() -> None:
    rendered = render_release(sample_release(), "fr")
    first = rendered.blocks[0]
    assert first.lead.startswith("Chine, 16 juillet 2013")
    assert "".join(s.text for s in first.spans).startswith("L’OIM organise cette semaine")


def test_english_quote_closes_with_a_comma_inside_the_marks() -> None:
    text = render_text(render_release(sample_release(), "en"))
    assert "so that more victims can be assisted,” " in text
    assert "Pär Liljert, Head of IOM’s Office in Beijing." in text


def test_quote_is_placed_after_its_paragraph() -> None:
    release = sample_release()
    release.source.quotes[0].after_paragraph = 1
    kinds = [b.kind for b in render_release(release, "fr").blocks]
    assert kinds == ["paragraph", "quote", "paragraph", "paragraph", "paragraph"]


def test_one_stored_place_and_date_reads_in_each_languages_convention() -> None:
    release = sample_release()
    for locale in ("zh_Hans_CN", "ru", "ar", "es"):
        add_version(release, locale)
    cities = {"fr": "Pékin", "en": "Beijing", "zh_Hans_CN": "北京", "ru": "Пекин"}
    cities |= {"ar": "بكين", "es": "Pekín"}
    for version in release.versions:
        version.city = cities[version.locale]
    datelines = {locale: render_release(release, locale).dateline for locale in release.locales}
    assert datelines == {
        "fr": "Pékin, Chine, 16 juillet 2013 –",
        "en": "Beijing, China, July 16, 2013 –",
        "zh_Hans_CN": "中国北京，2013年7月16日——",  # country first, full-width comma
        "ru": f"Пекин, Китай, 16 июля 2013{NNBSP}г. —",
        "ar": "بكين، الصين، 16 يوليو 2013 –",  # the Arabic comma
        "es": "Pekín, China, 16 de julio de 2013 –",
    }
    release.dateline.date = dt.date(2013, 7, 17)  # one change, every language
    assert all("17" in render_release(release, locale).dateline for locale in release.locales)


def test_country_code_is_named_in_each_language() -> None:
    assert render_release(arabic_release(), "ar").dateline.startswith("عمّان")
    assert "الأردن" in render_release(arabic_release(), "ar").dateline
    assert "中国" in render_release(chinese_release(), "zh_Hans_CN").dateline


def test_a_country_typed_by_its_old_english_name_is_printed_in_each_languages_cldr_name() -> None:
    release = sample_release()
    add_version(release, "zh_Hans_CN")
    release.dateline.country = "Turkey"
    cities = {"fr": "Gaziantep", "en": "Gaziantep", "zh_Hans_CN": "加济安泰普"}
    for version in release.versions:
        version.city = cities[version.locale]
    # CLDR's French name; English has Türkiye since the UN adopted it in 2022.
    assert render_release(release, "fr").dateline == "Gaziantep, Turquie, 16 juillet 2013 –"
    assert render_release(release, "en").dateline == "Gaziantep, Türkiye, July 16, 2013 –"
    assert render_release(release, "zh_Hans_CN").dateline == "土耳其加济安泰普，2013年7月16日——"


def test_arabic_version_is_right_to_left_and_chinese_is_marked_cjk() -> None:
    assert render_release(arabic_release(), "ar").direction == "rtl"
    chinese = render_release(chinese_release(), "zh_Hans_CN")
    assert (chinese.direction, chinese.cjk, chinese.language_tag) == ("ltr", True, "zh-Hans-CN")


def test_embargo_notice_gives_date_time_and_zone_in_the_versions_language() -> None:
    rendered = render_release(embargoed(sample_release()), "fr")
    assert rendered.embargoed
    assert "1 décembre 2026" in rendered.status
    assert "09:00" in rendered.status
    assert "heure normale de la Chine" in rendered.status


def test_embargo_without_a_zone_says_so_instead_of_guessing() -> None:
    release = sample_release()
    release.source.embargo = Embargo(dt.datetime(2026, 12, 1, 9, 0), "")
    rendered = render_release(release, "fr")
    assert "1 décembre 2026" in rendered.status
    assert rendered.status.endswith(")")


def test_inline_markup_gives_bold_italic_and_safe_links() -> None:
    spans = parse_inline("**gras** *it* [site](https://iom.int) [x](javascript:alert(1))")
    assert Span("gras", bold=True) in spans
    assert Span("it", italic=True) in spans
    assert Span("site", href="https://iom.int") in spans
    assert all(s.href is None for s in spans if s.text == "x")


def test_a_lone_marker_stays_literal_instead_of_bolding_the_rest() -> None:
    assert parse_inline("5 * 3 = 15") == [Span("5 * 3 = 15")]


def test_bare_email_and_web_addresses_become_links_without_trailing_punctuation() -> None:
    spans = parse_inline("Écrire à ewong@iom.int, ou voir https://iom.int/fr.")
    links = [(s.text, s.href) for s in spans if s.href]
    assert links == [
        ("ewong@iom.int", "mailto:ewong@iom.int"),
        ("https://iom.int/fr", "https://iom.int/fr"),
    ]


def test_house_dateline_pattern_overrides_the_catalog_for_its_language() -> None:
    release = sample_release()
    release.organisation.house_style.dateline_pattern["fr"] = "{place} ({date}) —"
    assert render_release(release, "fr").dateline == "Chine (16 juillet 2013) —"
    assert render_release(release, "en").dateline.startswith("China, July 16, 2013")


def test_a_broken_house_pattern_falls_back_to_the_standard_dateline() -> None:
    release = sample_release()
    release.organisation.house_style.dateline_pattern["fr"] = "{lieu} {date}"
    assert render_release(release, "fr").dateline.startswith("Chine, 16 juillet 2013")


def test_french_question_in_a_quote_takes_no_comma_before_the_attribution() -> None:
    release = sample_release()
    release.source.quotes[0].text = "Qui aidera ces victimes ?"
    text = render_text(render_release(release, "fr"))
    assert f"victimes{NNBSP}?{NNBSP}» a déclaré Pär Liljert" in text


def test_chinese_dateline_runs_into_the_text_without_a_space() -> None:
    text = render_text(render_release(chinese_release(), "zh_Hans_CN"))
    assert "——国际移民组织本周举办" in text
    assert "2013" not in text


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("zh_Hans_CN", "dots"),
        ("zh_Hant_TW", "dots"),
        ("zh_TW", "dots"),
        ("ja", "bold"),
        ("ko", "bold"),
        ("ar", "bold"),
        ("fa", "bold"),
        ("he", "bold"),
        ("th", "bold"),
        ("en", "italic"),
        ("fr", "italic"),
        ("ru", "italic"),
    ],
)
def test_scripts_without_italic_type_emphasise_in_their_own_way(locale: str, expected: str) -> None:
    assert emphasis_for(locale) == expected
    assert has_italic(locale) == (expected == "italic")


def test_the_rendered_release_says_how_its_version_sets_emphasis() -> None:
    assert render_release(chinese_release(), "zh_Hans_CN").emphasis == "dots"
    assert render_release(arabic_release(), "ar").emphasis == "bold"
    assert render_release(sample_release(), "fr").emphasis == "italic"
