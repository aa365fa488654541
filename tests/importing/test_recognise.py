"""From a document's lines to a draft: where each field comes from, and what is kept aside."""

from __future__ import annotations

import datetime as dt
import gettext
import json
import time
from pathlib import Path

import pytest

from releasewriter.importing.blocks import BlockKind, SourceBlock
from releasewriter.importing.kept import prose_in_labels
from releasewriter.importing.recognise import recognise
from releasewriter.render.document import render_release
from releasewriter.render.html import render_text
from releasewriter.store.draft_format import release_from_dict
from tests.importing.lines import blocks_of, lost_words

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "iom-china-trafficking.release.json"
SEED = ROOT / "tests" / "data" / "import" / "seed-iom-china-fr.txt"

RELEASE = """FOR IMMEDIATE RELEASE
Floods Displace 40,000 in Northern Kenya
Agencies warn that funding covers less than a third of needs
NAIROBI, Kenya, 3 March 2026 – IOM teams distributed shelter kits to 40,000 people this week.
Heavy rains since early March have destroyed roads and bridges across the north.
“Families here have lost everything,” said Amina Yusuf, IOM Chief of Mission in Kenya.
The response plan is only 30 per cent funded.
-ENDS-
For more information, please contact:
Grace Mwangi
Media Officer
Email: gmwangi@iom.int
Tel: +254 20 422 1000
Notes to editors
1. Photos are available on the media page.
2. Interviews can be arranged.
About IOM
IOM works with governments for humane and orderly migration."""


def _normal(text: str) -> str:
    """The text without the typography the export applies (spaces, apostrophes)."""
    text = text.replace("\u202f", " ").replace("\u00a0", " ").replace("'", "’")
    return " ".join(text.split())


def test_a_release_in_text_fills_every_field() -> None:
    result = recognise(blocks_of(RELEASE))
    version = result.version
    assert version.locale == "en"
    assert version.headline == "Floods Displace 40,000 in Northern Kenya"
    assert version.subheadline == "Agencies warn that funding covers less than a third of needs"
    assert (version.city, result.release.dateline.country) == ("Nairobi", "KE")
    assert result.release.dateline.date == dt.date(2026, 3, 3)
    assert [p.text for p in version.body] == [
        "IOM teams distributed shelter kits to 40,000 people this week.",
        "Heavy rains since early March have destroyed roads and bridges across the north.",
        "The response plan is only 30 per cent funded.",
    ]
    (quote,) = version.quotes
    assert (quote.speaker, quote.role, quote.after_paragraph) == (
        "Amina Yusuf",
        "IOM Chief of Mission in Kenya",
        2,
    )
    (contact,) = version.contacts
    assert (contact.name, contact.role, contact.email, contact.phone) == (
        "Grace Mwangi",
        "Media Officer",
        "gmwangi@iom.int",
        "+254 20 422 1000",
    )
    assert [n.text for n in version.notes_to_editors] == [
        "Photos are available on the media page.",
        "Interviews can be arranged.",
    ]
    assert version.boilerplate == "IOM works with governments for humane and orderly migration."
    assert version.end_mark == "-ENDS-"
    assert version.embargo is None
    assert result.not_placed == []
    assert result.left_out == []


def test_placements_name_the_source_lines_of_each_field() -> None:
    result = recognise(blocks_of(RELEASE))
    assert result.placements["status"] == [0]
    assert result.placements["headline"] == [1]
    assert result.placements["subheadline"] == [2]
    assert result.placements["dateline"] == result.placements["body.0"] == [3]
    assert result.placements["quote.0"] == [5]
    assert result.placements["end_mark"] == [7]
    assert result.placements["contact.0"] == [9, 10, 11, 12]
    assert result.placements["notes.1"] == [15]
    assert result.placements["boilerplate"] == [17]


def test_the_house_end_mark_is_left_to_the_house() -> None:
    english = recognise(blocks_of(RELEASE.replace("-ENDS-", "###")))
    assert english.version.end_mark is None
    french = recognise(
        blocks_of("Titre du communiqué\nGENÈVE – Le texte du communiqué.\n-FIN-"), "fr"
    )
    assert french.version.end_mark is None


def test_an_embargo_line_becomes_the_embargo() -> None:
    text = RELEASE.replace("FOR IMMEDIATE RELEASE", "EMBARGOED UNTIL 00:01 GMT 5 March 2026")
    embargo = recognise(blocks_of(text)).version.embargo
    assert embargo is not None
    assert (embargo.until, embargo.timezone) == (dt.datetime(2026, 3, 5, 0, 1), "UTC")


def test_the_first_paragraph_keeps_its_formatting_without_the_dateline() -> None:
    blocks = [
        SourceBlock("Headline of the release", "Headline of the release", BlockKind.HEADING, 1),
        SourceBlock(
            "**GENEVA, 3 March 2026** – The *new* centre opens [today](https://iom.int).",
            "GENEVA, 3 March 2026 – The new centre opens today.",
        ),
    ]
    result = recognise(blocks, "en")
    assert result.version.body[0].text == "The *new* centre opens [today](https://iom.int)."
    assert result.dateline_text == "GENEVA, 3 March 2026 –"


def test_a_heading_among_menu_lines_is_the_headline() -> None:
    blocks = [
        SourceBlock("Home", "Home", BlockKind.LIST_ITEM),
        SourceBlock("Where we work", "Where we work", BlockKind.LIST_ITEM),
        SourceBlock("Emergency appeal launched", "Emergency appeal launched", BlockKind.HEADING, 1),
        *blocks_of("Dadaab – IOM launched an emergency appeal for the camps in the east today."),
    ]
    result = recognise(blocks, "en")
    assert result.version.headline == "Emergency appeal launched"
    assert result.version.city == "Dadaab"
    assert result.left_out == ["Home", "Where we work"]


def test_lines_the_recogniser_cannot_place_are_listed_in_order() -> None:
    text = RELEASE.replace("-ENDS-", "-ENDS-\nPhoto: IOM/Jane Doe\nCaption of a map")
    text = text.replace("About IOM\n", "")
    result = recognise(blocks_of(text))
    assert result.not_placed[:2] == ["Photo: IOM/Jane Doe", "Caption of a map"]
    assert lost_words(blocks_of(text), result) == set()


def test_without_a_dateline_the_body_follows_the_headline() -> None:
    text = "Floods Displace 40,000 in Northern Kenya\nIOM teams distributed kits.\nMore text."
    result = recognise(blocks_of(text), "en")
    assert result.version.headline == "Floods Displace 40,000 in Northern Kenya"
    assert [p.text for p in result.version.body] == ["IOM teams distributed kits.", "More text."]
    assert result.release.dateline.country == ""
    assert "No dateline found." in result.notes


def test_blocks_the_reader_marked_as_page_furniture_are_left_out() -> None:
    blocks = blocks_of(RELEASE)
    blocks.insert(4, SourceBlock("Share on Facebook", "Share on Facebook", chrome=True))
    result = recognise(blocks)
    assert result.left_out == ["Share on Facebook"]
    assert len(result.version.body) == 3


def test_a_given_language_is_used_and_a_detected_one_is_reported() -> None:
    given = recognise(blocks_of(RELEASE), "en")
    assert given.notes == []
    detected = recognise(blocks_of(RELEASE))
    assert any("en" in note for note in detected.notes)


def test_messages_go_through_the_given_translations() -> None:
    class Shouting(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            return message.upper()

    result = recognise(blocks_of("Only a headline here for now\nand a line."), "en", Shouting())
    assert result.notes == ["NO DATELINE FOUND."]


@pytest.mark.parametrize("locale", ["fr", "en"])
def test_the_apps_own_text_export_reads_back(locale: str) -> None:
    release = release_from_dict(json.loads(SAMPLE.read_text(encoding="utf-8")))
    source = release.version(locale)
    text = render_text(render_release(release, locale))
    result = recognise(blocks_of(text))
    version = result.version
    assert version.locale == locale
    assert version.headline == source.headline
    assert (result.release.dateline.country, result.release.dateline.date) == (
        "CN",
        dt.date(2013, 7, 16),
    )
    assert [_normal(p.text) for p in version.body] == [_normal(p.text) for p in source.body]
    assert [(q.speaker, _normal(q.role)) for q in version.quotes] == [
        (q.speaker, _normal(q.role)) for q in source.quotes
    ]
    assert [(c.name, c.office, c.email) for c in version.contacts] == [
        (c.name, c.office, c.email) for c in source.contacts
    ]
    assert _normal(version.boilerplate or "") == _normal(release.organisation.boilerplate[locale])
    assert version.end_mark is None
    assert result.not_placed == []


def test_a_long_document_is_recognised_well_under_half_a_second() -> None:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    text = "\n".join(lines[:35] + lines[31:35] * 14 + lines[35:])
    blocks = blocks_of(text)
    assert sum(len(b.plain.split()) for b in blocks) > 2500
    recognise(blocks)  # the caches of babel's names warm
    start = time.perf_counter()
    recognise(blocks)
    assert time.perf_counter() - start < 0.25


def test_a_contact_on_the_headings_own_line_is_read() -> None:
    text = (
        "Headline of the release for today\n"
        "GENEVA, 5 March 2026 – The text of the release goes on here.\n"
        "For more information, please contact Joe Lowry at IOM Geneva, "
        "Tel: +41 22 717 9111, Email: jlowry@iom.int"
    )
    result = recognise(blocks_of(text), "en")
    (contact,) = result.version.contacts
    assert (contact.name, contact.office, contact.phone, contact.email) == (
        "Joe Lowry",
        "IOM Geneva",
        "+41 22 717 9111",
        "jlowry@iom.int",
    )
    assert result.not_placed == []


def test_a_headline_that_starts_with_a_country_and_a_dash_is_no_dateline() -> None:
    text = (
        "Sudan – IOM scales up its response as thousands flee fighting in North Darfur\n"
        "KHARTOUM, 5 March 2026 – IOM has sent teams to the border this week."
    )
    result = recognise(blocks_of(text), "en")
    assert result.version.headline.startswith("Sudan – IOM scales up")
    assert (result.version.city, result.release.dateline.date) == ("Khartoum", dt.date(2026, 3, 5))


def test_a_date_above_the_headline_dates_a_dateline_without_one() -> None:
    text = (
        "Press release | 5 March 2026\n"
        "Floods Displace 40,000 in Northern Kenya\n"
        "Nairobi – IOM teams distributed shelter kits to 40,000 people this week."
    )
    result = recognise(blocks_of(text), "en")
    assert result.release.dateline.date == dt.date(2026, 3, 5)
    assert result.placements["date"] == [0]
    assert result.version.headline == "Floods Displace 40,000 in Northern Kenya"


def test_contacts_after_the_end_mark_need_no_heading() -> None:
    text = RELEASE.replace("For more information, please contact:\n", "")
    result = recognise(blocks_of(text))
    (contact,) = result.version.contacts
    assert (contact.name, contact.role, contact.email) == (
        "Grace Mwangi",
        "Media Officer",
        "gmwangi@iom.int",
    )


def test_a_menu_between_paragraphs_is_left_out() -> None:
    text = RELEASE.replace(
        "The response plan is only 30 per cent funded.",
        "Our work\nWhere we work\nData and research\nThe response plan is only 30 per cent funded.",
    )
    result = recognise(blocks_of(text))
    assert result.left_out == ["Our work", "Where we work", "Data and research"]
    assert len(result.version.body) == 3


def test_an_about_subheading_in_the_body_stays_in_the_body() -> None:
    text = RELEASE.replace(
        "The response plan is only 30 per cent funded.",
        "About the programme\nThe response plan is only 30 per cent funded.",
    )
    result = recognise(blocks_of(text))
    assert [p.text for p in result.version.body][2:] == [
        "About the programme",
        "The response plan is only 30 per cent funded.",
    ]
    assert result.version.boilerplate == (
        "IOM works with governments for humane and orderly migration."
    )


def test_a_web_page_as_the_html_reader_gives_it() -> None:
    def block(
        text: str, plain: str, kind: BlockKind = BlockKind.PARAGRAPH, **flags: bool
    ) -> SourceBlock:
        return SourceBlock(text, plain, kind, level=1 if kind is BlockKind.HEADING else 0, **flags)

    headline = "L’OIM et la Chine œuvrent pour protéger les victimes de traite"
    first = "L’OIM organise cette semaine un atelier de trois jours pour les officiers de police."
    blocks = [
        block("Nous utilisons des cookies.", "Nous utilisons des cookies.", chrome=True),
        block("Qui sommes nous", "Qui sommes nous", BlockKind.LIST_ITEM, chrome=True),
        block(f"**{headline}**", headline, BlockKind.HEADING, bold=True),
        block("16 juillet 2013", "16 juillet 2013"),
        block(f"**China** - {first}", f"China - {first}"),
        block("**Pour plus d’informations, veuillez contacter**",
              "Pour plus d’informations, veuillez contacter", bold=True),
        block("Ellen Wong", "Ellen Wong"),
        block("Email : ewong@iom.int", "Email : ewong@iom.int"),
        block("**Partager**", "Partager", BlockKind.HEADING, bold=True, chrome=True),
    ]  # fmt: skip
    result = recognise(blocks)
    assert result.version.headline == headline
    assert (result.release.dateline.country, result.release.dateline.date) == (
        "CN",
        dt.date(2013, 7, 16),
    )
    assert [p.text for p in result.version.body] == [first]
    assert result.version.contacts[0].email == "ewong@iom.int"
    assert result.left_out == ["Nous utilisons des cookies.", "Qui sommes nous", "Partager"]
    assert result.not_placed == []


def test_contact_in_a_menu_above_the_headline_does_not_end_the_search_for_the_dateline() -> None:
    text = "Home\nAbout us\nContact\n" + RELEASE.split("\n", 1)[1]
    result = recognise(blocks_of(text))
    assert (result.version.city, result.release.dateline.country) == ("Nairobi", "KE")
    assert result.left_out == ["Home", "About us", "Contact"]
    assert "No dateline found." not in result.notes


def test_a_body_sentence_that_starts_like_a_contacts_heading_is_kept() -> None:
    text = RELEASE.replace(
        "The response plan is only 30 per cent funded.",
        "For more information on the response, please read the appeal on the IOM site.",
    )
    result = recognise(blocks_of(text), "en")
    assert lost_words(blocks_of(text), result) == set()
    kept = [p.text for p in result.version.body] + result.not_placed
    assert any(line.startswith("For more information on the response") for line in kept)


def test_a_page_trail_and_a_document_label_above_the_headline_are_no_headline() -> None:
    text = "Home > Newsroom\nNEWS RELEASE\n" + RELEASE.replace("FOR IMMEDIATE RELEASE\n", "")
    result = recognise(blocks_of(text), "en")
    assert result.version.headline == "Floods Displace 40,000 in Northern Kenya"
    assert "Home > Newsroom" in result.left_out


def test_contacts_under_an_unlisted_heading_and_an_address_pattern_note() -> None:
    text = RELEASE.replace("-ENDS-\nFor more information, please contact:\n", "***\n")
    text = text.replace(
        "Grace Mwangi\n",
        "Media contacts (address format: name.surname@iom.int):\nGrace Mwangi\n",
    )
    result = recognise(blocks_of(text), "en")
    assert [c.email for c in result.version.contacts] == ["gmwangi@iom.int"]
    assert result.version.end_mark == "***"
    assert any("address format" in line for line in result.not_placed)
    assert lost_words(blocks_of(text), result) == set()


def test_a_quote_with_a_clause_in_no_field_keeps_its_line() -> None:
    text = RELEASE.replace(
        "said Amina Yusuf, IOM Chief of Mission in Kenya.",
        "said Halima, 14, who walked for three days to reach the camp.",
    )
    result = recognise(blocks_of(text), "en")
    assert [(q.speaker, q.role) for q in result.version.quotes] == [("Halima", "")]
    assert any("who walked for three days" in line for line in result.not_placed)


ZH_RELEASE = """难民署为苏丹难民提供冬季援助
2026年1月9日，乍得恩贾梅纳——联合国难民署今天开始向东部营地的难民发放冬季物资。
今年冬季气温骤降，许多家庭缺少毯子和燃料。
难民署呼吁捐助方提供3000万美元。
新闻联络：
王芳，难民署北京办公室，wangf@example.org，+86 10 1234 5678
关于联合国难民署
联合国难民署致力于保护被迫逃离家园的人。
分享
相关新闻
关于难民营生活的十个问题
视频故事：沙漠中的学校"""


def test_a_related_story_titled_about_something_is_no_boilerplate() -> None:
    result = recognise(blocks_of(ZH_RELEASE), "zh")
    assert result.release.dateline.country == "TD"
    assert [c.email for c in result.version.contacts] == ["wangf@example.org"]
    assert result.version.boilerplate == "联合国难民署致力于保护被迫逃离家园的人。"
    assert len(result.version.body) == 3
    assert "关于难民营生活的十个问题" in result.left_out


def test_a_label_only_line_that_reads_as_prose_is_kept_unplaced() -> None:
    lines = {
        3: "Media contacts",
        9: "For more information the team will publish a full account of the week "
        "of distributions on its website next month",
    }
    placements = {"contacts_heading": [3, 9], "contact.0": [4]}
    assert prose_in_labels(placements, lines.__getitem__) == {9}
    assert placements == {"contacts_heading": [3], "contact.0": [4]}


def test_a_subheading_that_starts_with_contact_over_a_paragraph_is_body() -> None:
    text = RELEASE.replace(
        "The response plan is only 30 per cent funded.",
        "Contact tracing:\nTeams visit every household that reported a case in the past two "
        "weeks and refer the sick to the nearest clinic.",
    )
    result = recognise(blocks_of(text), "en")
    assert "Contact tracing:" in [p.text for p in result.version.body]
    assert [c.email for c in result.version.contacts] == ["gmwangi@iom.int"]


def test_a_bold_menu_entry_above_the_headline_is_not_taken_for_it() -> None:
    blocks = [
        SourceBlock(text="**- 2030 AGENDA**", plain="- 2030 AGENDA", bold=True),
        *blocks_of(
            "Floods displace thousands in the north of the country\n"
            "GENEVA, 3 March 2026 – Heavy rain has forced some 12,000 people from "
            "their homes in the northern provinces this week, IOM said today."
        ),
    ]
    result = recognise(blocks, "en")
    assert result.version.headline == "Floods displace thousands in the north of the country"
    assert result.version.subheadline == ""
    assert "- 2030 AGENDA" in result.left_out
