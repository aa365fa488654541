"""What the alignment reads off a translation's shape: dateline, quotes, contacts, anchors."""

from __future__ import annotations

import datetime as dt

from releasewriter.importing.align import AlignStatus, align_translation
from releasewriter.importing.align_text import anchors, sentence_ends
from releasewriter.importing.blocks import BlockKind, SourceBlock
from releasewriter.model import Contact, Dateline, LanguageVersion, Paragraph, Quote, Release
from releasewriter.model.inline import escape_markup


def line(text: str, kind: BlockKind = BlockKind.PARAGRAPH, *, bold: bool = False) -> SourceBlock:
    return SourceBlock(escape_markup(text), text, kind, level=1, bold=bold)


def small_release() -> Release:
    source = LanguageVersion(
        locale="fr",
        headline="L’OIM forme 30 policiers à Genève",
        city="Genève",
        body=[
            Paragraph(
                "L’OIM a formé 250 policiers en 2013 avec un budget de 40 000 dollars.", "p1"
            ),
            Paragraph("Le programme a touché 1 200 migrants dans 14 pays.", "p2"),
            Paragraph("Un rapport complet paraîtra en 2014 sur www.iom.int.", "p3"),
        ],
        quotes=[Quote("Nous avons aidé 300 victimes.", "Pär Liljert", "Chef de mission", 3)],
        contacts=[Contact("Ellen Wong", "Porte-parole", "", "ewong@iom.int", "+41 22 717 9111")],
    )
    return Release(
        source_locale="fr",
        versions=[source],
        dateline=Dateline(country="CH", date=dt.date(2013, 7, 16)),
    )


ENGLISH = [
    line("IOM trains 30 police officers in Geneva", BlockKind.HEADING),
    line(
        "GENEVA, 16 July 2013 (IOM) – IOM trained 250 police officers in 2013 "
        "with a budget of USD 40,000."
    ),
    line("The programme reached 1,200 migrants in 14 countries."),
    line("A full report will appear in 2014 at www.iom.int."),
    line("“We helped 300 victims,” said Pär Liljert, Chief of Mission."),
    line("Ellen Wong"),
    line("Spokesperson"),
    line("Email: ewong@iom.int"),
]


def test_the_dateline_is_cut_off_the_first_paragraph_and_gives_the_city() -> None:
    alignment = align_translation(small_release(), "en", ENGLISH)

    first = alignment.segment("body:p1")
    city = alignment.segment("city")
    assert first is not None
    assert city is not None
    assert first.target.startswith("IOM trained 250")
    # Capitals say nothing of how the city is spelt: imported, to review.
    assert (city.target, city.status) == ("Geneva", AlignStatus.UNCERTAIN)


def test_a_chinese_dateline_gives_the_city_without_the_country() -> None:
    blocks = [
        line("国际移民组织在日内瓦培训30名警官", BlockKind.HEADING),
        line("瑞士日内瓦，2013年7月16日——国际移民组织在2013年培训了250名警官，预算为4万美元。"),
        line("该方案惠及14个国家的1,200名移民。"),
    ]

    alignment = align_translation(small_release(), "zh_Hans_CN", blocks)

    city, first = alignment.segment("city"), alignment.segment("body:p1")
    assert city is not None
    assert first is not None
    assert city.target == "日内瓦"
    assert first.target.startswith("国际移民组织在2013年")


def test_the_quote_is_read_apart_from_its_attribution_and_the_role_from_the_attribution() -> None:
    release = small_release()
    alignment = align_translation(release, "en", ENGLISH)

    key = "quote:" + release.source.quotes[0].id
    quote, role = alignment.segment(key), alignment.segment(key + ":role")
    assert quote is not None
    assert role is not None
    assert quote.target == "We helped 300 victims."
    assert role.target == "Chief of Mission"
    assert {quote.status, role.status} == {AlignStatus.ALIGNED}


def test_a_chinese_attribution_gives_the_role_before_the_name() -> None:
    release = small_release()
    blocks = [
        line("国际移民组织培训30名警官", BlockKind.HEADING),
        line("瑞士日内瓦，2013年7月16日——国际移民组织在2013年培训了250名警官，预算为4万美元。"),
        line("该方案惠及14个国家的1,200名移民。"),
        line("完整报告将于2014年在www.iom.int发布。"),
        line("特派团团长Pär Liljert表示：“我们帮助了300名受害者。”"),
    ]

    alignment = align_translation(release, "zh_Hans_CN", blocks)

    key = "quote:" + release.source.quotes[0].id
    quote, role = alignment.segment(key), alignment.segment(key + ":role")
    assert quote is not None
    assert role is not None
    assert quote.target == "我们帮助了300名受害者。"
    assert role.target == "特派团团长"


def test_contact_lines_are_found_by_their_details_and_names_are_not_segments() -> None:
    release = small_release()
    alignment = align_translation(release, "en", ENGLISH)

    contact_id = release.source.contacts[0].id
    role = alignment.segment(f"contact:{contact_id}:role")
    assert role is not None
    assert (role.target, role.status) == ("Spokesperson", AlignStatus.ALIGNED)
    assert alignment.recognised[5] == "contact name"
    assert alignment.recognised[7] == "contact details"


def test_a_paragraph_the_translation_lacks_is_missing_and_the_others_still_align() -> None:
    blocks = [b for b in ENGLISH if not b.plain.startswith("The programme")]

    alignment = align_translation(small_release(), "en", blocks)

    statuses = {s.key: s.status for s in alignment.segments}
    assert statuses["body:p2"] is AlignStatus.MISSING
    assert statuses["body:p1"] is statuses["body:p3"] is AlignStatus.ALIGNED


def test_a_translators_note_and_page_numbers_end_unmatched() -> None:
    blocks = [
        line("Translated from French by Lingua Partners"),
        *ENGLISH[:3],
        line("Page 1 of 2"),
        *ENGLISH[3:],
        line("2"),
    ]

    alignment = align_translation(small_release(), "en", blocks)

    assert [u.text for u in alignment.unmatched] == [
        escape_markup("Translated from French by Lingua Partners"),
        "Page 1 of 2",
        "2",
    ]
    headline = alignment.segment("headline")
    assert headline is not None
    assert headline.target == "IOM trains 30 police officers in Geneva"


def test_two_paragraphs_run_together_are_sure_when_their_figures_fix_the_cut() -> None:
    blocks = [
        ENGLISH[0],
        SourceBlock(
            escape_markup(ENGLISH[1].plain) + " **The programme** reached 1,200 migrants in 14 "
            "countries.",
            ENGLISH[1].plain + " The programme reached 1,200 migrants in 14 countries.",
        ),
        *ENGLISH[3:],
    ]

    alignment = align_translation(small_release(), "en", blocks)

    p1, p2 = alignment.segment("body:p1"), alignment.segment("body:p2")
    assert p1 is not None
    assert p2 is not None
    assert p1.target.endswith("USD 40,000.")
    # The cut keeps the second paragraph's bold.
    assert p2.target == "**The programme** reached 1,200 migrants in 14 countries."
    assert p1.status is p2.status is AlignStatus.ALIGNED


def test_numbers_are_anchors_whatever_digits_marks_and_scale_words_write_them() -> None:
    english = anchors("In 2013, USD 2.4 million went to 40,000 people (12.5%).", "en")
    arabic = anchors("في ٢٠١٣، ذهب ٢٫٤ مليون دولار إلى ٤٠٬٠٠٠ شخص (١٢٫٥٪).", "ar")
    chinese = anchors("2013年，240万美元用于4万人（12.5%）。", "zh_Hans_CN")
    spanish = anchors("En 2013, 2,4 millones de dólares para 40.000 personas (12,5 %).", "es")

    numbers = {key for key in english if key.startswith("n:")}
    assert numbers == {"n:2013", "n:2400000", "n:40000", "n:12.5"}
    for other in (arabic, chinese, spanish):
        assert {key for key in other if key.startswith("n:")} == numbers


def test_sentences_end_at_each_languages_marks_and_not_inside_figures() -> None:
    assert len(sentence_ends("It cost USD 2.4 million. Then? Yes! Done… Fine.")) == 4
    assert len(sentence_ends("第一句。第二句！第三句？")) == 2
    assert len(sentence_ends("Dr. Peter Ochieng met J. Smith at IOM. Then they left.")) == 1
    assert len(sentence_ends("الجملة الأولى؟ الجملة الثانية.")) == 1


def test_without_a_dateline_the_headline_is_the_first_line_and_the_body_follows() -> None:
    blocks = [
        ENGLISH[0],
        line("IOM trained 250 police officers in 2013 with USD 40,000."),
        *ENGLISH[2:],
    ]

    alignment = align_translation(small_release(), "en", blocks)

    statuses = {s.key: s.status for s in alignment.segments}
    assert statuses["city"] is AlignStatus.MISSING
    assert statuses["headline"] is statuses["body:p1"] is AlignStatus.ALIGNED
    assert alignment.unmatched == []


def test_headlines_and_roles_are_taken_as_plain_text_and_an_about_heading_as_a_label() -> None:
    release = small_release()
    blocks = [
        line("IOM trains 30 officers *in Geneva*", BlockKind.HEADING),
        *ENGLISH[1:],
        line("About the International Organization for Migration", bold=True),
    ]

    alignment = align_translation(release, "en", blocks)

    headline = alignment.segment("headline")
    assert headline is not None
    assert headline.target == "IOM trains 30 officers *in Geneva*"
    assert alignment.recognised[len(blocks) - 1] == "label"
