"""XLIFF 1.2 export and import: valid files, CAT tools' view of them, exact round trips."""

from __future__ import annotations

import copy
import functools
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from lxml import etree
from translate.storage import factory
from translate.storage import xliff as tt_xliff

from releasewriter.export.sanitize import clean_text
from releasewriter.model import LanguageVersion, Paragraph, Release
from releasewriter.model.inline import parse_inline
from releasewriter.model.one_line import one_line
from releasewriter.translation.segments import segments_of
from releasewriter.translation.state import (
    TranslationState,
    mark_needs_review,
    pairs,
    progress,
    record_translation,
)
from releasewriter.translation.versions import add_version
from releasewriter.translation.xliff import (
    XliffError,
    export_xliff,
    import_xliff,
    markup_pieces,
    write_xliff,
)
from tests.releases import arabic_version, chinese_version, sample_release

DATA = Path(__file__).parent / "data" / "xliff"
NS = "urn:oasis:names:tc:xliff:document:1.2"
X = f"{{{NS}}}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MARKED_UP = (
    "L’OIM **renforce** son aide, *vraiment* ***très*** vite : voir "
    "[le rapport](https://www.iom.int/fr/rapport) ou media@iom.int, 5 \\* 3, un * seul."
)


@functools.cache
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(DATA / "xliff-core-1.2-strict.xsd")))


def _assert_valid(data: bytes) -> etree._Element:
    document = etree.fromstring(data)
    _schema().assertValid(document)
    return document


def _release_with(*targets: LanguageVersion) -> Release:
    release = sample_release()
    release.versions.extend(targets)
    return release


def _units(data: bytes) -> list[Any]:
    store = factory.getobject(io.BytesIO(data))
    return [unit for unit in store.units if not unit.isheader()]


def _unit_id(unit: Any) -> str:
    return str(unit.xmlelement.get("id"))


def _fill(data: bytes, translate: Callable[[str, str], str | None]) -> bytes:
    """Set each unit's target with translate-toolkit, as a translator's tool would."""
    store = tt_xliff.xlifffile.parsestring(data)
    for unit in store.units:
        if unit.isheader():
            continue
        text = translate(_unit_id(unit), unit.source)
        if text is not None:
            unit.target = text
    return bytes(store)


def _spanish(key: str, source: str) -> str:
    return f"[es {key}] {source}"


def _everything_but(release: Release, locale: str) -> dict[str, Any]:
    return {
        "id": release.id,
        "created": release.created,
        "source_locale": release.source_locale,
        "last_exported": release.last_exported,
        "organisation": copy.deepcopy(release.organisation),
        "versions": [copy.deepcopy(v) for v in release.versions if v.locale != locale],
        "locales": release.locales,
    }


# Export


@pytest.mark.parametrize(
    ("version", "tag"),
    [(None, "en"), (arabic_version, "ar"), (chinese_version, "zh-Hans-CN")],
    ids=["en", "ar", "zh-Hans-CN"],
)
def test_the_sample_exports_as_strict_xliff_1_2(
    version: Callable[[], LanguageVersion] | None, tag: str
) -> None:
    release = _release_with(version()) if version else sample_release()
    target = version().locale if version else "en"
    document = _assert_valid(export_xliff(release, "fr", target))
    file = document.find(f"{X}file")
    assert file is not None
    assert file.get("original") == f"{release.id}.release.json"
    assert (file.get("source-language"), file.get("target-language")) == ("fr", tag)
    assert file.get("datatype") == "plaintext"
    tool = file.find(f"{X}header/{X}tool")
    assert tool is not None
    assert (tool.get("tool-id"), tool.get("tool-name")) == ("ReleaseWriter", "ReleaseWriter")
    header_notes = [n.text for n in file.iterfind(f"{X}header/{X}note")]
    assert any(release.source.headline in (n or "") for n in header_notes)
    targets = document.findall(f".//{X}target")
    assert targets
    assert {t.get(XML_LANG) for t in targets} == {tag}
    assert {s.get(XML_LANG) for s in document.iterfind(f".//{X}source")} == {"fr"}


def test_the_export_is_stable_utf8_with_a_declaration_and_indented() -> None:
    release = sample_release()
    release.source.body[0].text = MARKED_UP
    data = export_xliff(release, "fr", "en")
    assert data == export_xliff(copy.deepcopy(release), "fr", "en")
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<xliff ')
    text = data.decode("utf-8")
    assert "L’OIM et la Chine œuvrent" in text  # not escaped as character references
    assert "\n      <trans-unit " in text
    assert "\n        <source " in text


def test_units_are_the_source_segments_with_text_in_reading_order_with_plain_notes() -> None:
    release = sample_release()
    release.source.contacts[0].role = "Chargée de communication"
    document = _assert_valid(export_xliff(release, "fr", "en"))
    units = document.findall(f".//{X}trans-unit")
    expected = [s.key for s in segments_of(release.source, release.organisation) if s.text.strip()]
    assert [u.get("id") for u in units] == expected
    assert all(u.get("resname") == u.get("id") for u in units)
    assert "subheadline" not in expected  # empty in the sample: nothing to translate
    notes = {u.get("id"): u.findtext(f"{X}note") for u in units}
    assert notes["headline"] == "Headline"
    assert notes["body:p2"] == "Body paragraph 2"
    assert notes["quote:q1"] == "Quote by Pär Liljert"
    assert notes["quote:q1:role"] == "Role of speaker Pär Liljert"
    assert notes["contact:c1:role"] == "Role of contact Ellen Wong"
    assert notes["contact:c1:office"] == "Office of contact Ellen Wong"
    assert "boilerplate" in (notes["boilerplate"] or "")
    quote_notes = [n.text for n in units[expected.index("quote:q1")].iterfind(f"{X}note")]
    assert "The speaker is male." in quote_notes


def test_target_states_follow_the_translation_state() -> None:
    release = sample_release()
    for pair in pairs(release, "en"):
        record_translation(release, "en", pair.key)
    old = release.source.body[1].text
    release.source.body[1].text = old.replace("intensifiés", "multipliés")
    mark_needs_review(release, "en", "body:p3")
    add_version(release, "es")
    units = {
        u.get("id"): u
        for u in etree.fromstring(export_xliff(release, "fr", "en")).iter(f"{X}trans-unit")
    }
    assert units["headline"].find(f"{X}target").get("state") == "translated"
    assert units["body:p2"].find(f"{X}target").get("state") == "needs-review-translation"
    assert units["body:p3"].find(f"{X}target").get("state") == "needs-review-translation"
    stale_notes = [n.text or "" for n in units["body:p2"].iterfind(f"{X}note")]
    assert any(old in note for note in stale_notes)
    untranslated = etree.fromstring(export_xliff(release, "fr", "es"))
    assert untranslated.find(f".//{X}target") is None


def test_markup_travels_as_native_codes_that_join_back_to_the_stored_text() -> None:
    pieces = markup_pieces(MARKED_UP)
    assert "".join(p if isinstance(p, str) else p.native for p in pieces) == MARKED_UP
    release = sample_release()
    release.source.body[0].text = MARKED_UP
    unit = etree.fromstring(export_xliff(release, "fr", "en")).find(
        f".//{X}trans-unit[@id='body:p1']"
    )
    source = unit.find(f"{X}source")
    codes = [(c.tag.removeprefix(X), c.get("id"), c.get("ctype"), c.text) for c in source]
    assert codes == [
        ("bpt", "1", "bold", "**"),
        ("ept", "1", None, "**"),
        ("bpt", "2", "italic", "*"),
        ("ept", "2", None, "*"),
        ("bpt", "3", "bold", "**"),
        ("bpt", "4", "italic", "*"),
        ("ept", "3", None, "**"),
        ("ept", "4", None, "*"),
        ("bpt", "5", "link", "["),
        ("ept", "5", None, "](https://www.iom.int/fr/rapport)"),
        ("ph", "6", "x-escape", "\\*"),
    ]
    # The unpaired star and the bare e-mail address stay text.
    assert "media@iom.int" in "".join(source.itertext())
    assert source.xpath("string()") == MARKED_UP


def test_a_code_in_the_target_takes_the_id_of_the_same_code_in_the_source() -> None:
    release = sample_release()
    release.source.body[0].text = "**gras** puis [lien](https://a.org)"
    release.version("en").body[0].text = "[link](https://a.org) then **bold**"
    unit = etree.fromstring(export_xliff(release, "fr", "en")).find(
        f".//{X}trans-unit[@id='body:p1']"
    )
    ids = {c.get("ctype"): c.get("id") for c in unit.find(f"{X}source") if c.tag == f"{X}bpt"}
    target = {c.get("ctype"): c.get("id") for c in unit.find(f"{X}target") if c.tag == f"{X}bpt"}
    assert target == ids == {"bold": "1", "link": "2"}


# translate-toolkit


@pytest.mark.parametrize(
    "version", [None, arabic_version, chinese_version], ids=["en", "ar", "zh-Hans-CN"]
)
def test_translate_toolkit_sees_the_same_units_and_sources(
    version: Callable[[], LanguageVersion] | None,
) -> None:
    release = _release_with(version()) if version else sample_release()
    release.source.body[0].text = MARKED_UP
    target = version().locale if version else "en"
    data = export_xliff(release, "fr", target)
    store = factory.getobject(io.BytesIO(data))
    assert isinstance(store, tt_xliff.xlifffile)
    assert store.getsourcelanguage() == "fr"
    assert store.gettargetlanguage() == target.replace("_", "-")
    expected = {s.key: s.text for s in segments_of(release.source, release.organisation) if s.text}
    units = _units(data)
    assert [_unit_id(u) for u in units] == list(expected)
    assert {_unit_id(u): u.source for u in units} == expected


def test_targets_set_with_translate_toolkit_fill_a_new_version_completely() -> None:
    release = sample_release()
    add_version(release, "es")
    assert progress(release, "es").translated == 0
    before = _everything_but(release, "es")
    filled = _fill(export_xliff(release, "fr", "es"), _spanish)
    report = import_xliff(release, filled)

    es = release.version("es")
    fr = release.source
    assert report.target == "es"
    assert es.headline == _spanish("headline", fr.headline)
    assert [p.text for p in es.body] == [_spanish(f"body:{p.id}", p.text) for p in fr.body]
    assert es.quotes[0].text == _spanish("quote:q1", fr.quotes[0].text)
    assert es.quotes[0].role == _spanish("quote:q1:role", fr.quotes[0].role)
    assert es.contacts[0].office == _spanish("contact:c1:office", fr.contacts[0].office)
    assert es.boilerplate == _spanish("boilerplate", release.organisation.boilerplate["fr"])
    assert es.subheadline == ""  # empty in the source: not exported, not touched
    assert es.quotes[0].speaker == "Pär Liljert"
    assert es.contacts[0].email == "ewong@iom.int"
    done = progress(release, "es")
    assert (done.translated, done.needs_review, done.untranslated) == (done.total, 0, 0)
    assert done.done == 1.0
    assert report.updated == [p.key for p in pairs(release, "es")]
    assert (report.unknown, report.empty, report.source_changed) == ([], [], [])
    assert (report.problems, report.warnings, report.created) == ([], [], [])
    assert _everything_but(release, "es") == before


def test_unknown_ids_a_changed_source_and_empty_targets_are_reported_and_nothing_is_lost() -> None:
    release = sample_release()
    add_version(release, "es")
    exported = export_xliff(release, "fr", "es")
    release.version("es").body[2].text = "Texto escrito en ReleaseWriter"  # after the export
    old_p2 = release.source.body[1].text
    release.source.body[1].text = old_p2.replace("intensifiés", "multipliés")

    document = etree.fromstring(
        _fill(exported, lambda key, source: None if key == "body:p3" else _spanish(key, source))
    )
    body = document.find(f".//{X}body")
    stray = copy.deepcopy(body.find(f"{X}trans-unit[@id='body:p1']"))
    stray.set("id", "body:gone")
    stray.set("resname", "body:gone")
    body.append(stray)
    before = _everything_but(release, "es")
    es_before = copy.deepcopy(release.version("es"))

    report = import_xliff(release, etree.tostring(document, xml_declaration=True))

    assert report.unknown == ["body:gone"]
    assert report.source_changed == ["body:p2"]
    assert report.needs_review == ["body:p2"]
    assert report.empty == ["body:p3"]
    assert "body:p3" not in report.updated
    assert "body:p2" in report.updated
    es = release.version("es")
    assert es.body[1].text == _spanish("body:p2", old_p2)  # imported all the same
    assert es.body[2].text == "Texto escrito en ReleaseWriter"  # an empty target loses nothing
    assert [p.id for p in es.body] == ["p1", "p2", "p3", "p4"]
    states = {p.key: p for p in pairs(release, "es")}
    assert states["body:p2"].state is TranslationState.NEEDS_REVIEW
    assert states["body:p2"].previous_source == old_p2  # the editor shows what changed
    assert states["body:p1"].state is TranslationState.TRANSLATED
    assert "body:p3" not in es.segments
    assert _everything_but(release, "es") == before
    untouched = ("locale", "city", "embargo", "end_mark")
    assert all(getattr(es, name) == getattr(es_before, name) for name in untouched)
    assert [(q.speaker, q.after_paragraph, q.id) for q in es.quotes] == [
        (q.speaker, q.after_paragraph, q.id) for q in es_before.quotes
    ]


def _translate_words(text: str) -> str:
    words = {"renforce": "refuerza", "vraiment": "de verdad", "très": "muy", "rapport": "informe"}
    for french, spanish in words.items():
        text = text.replace(french, spanish)
    return text


def test_bold_italic_and_links_survive_a_round_trip_through_a_cat_tool() -> None:
    release = sample_release()
    release.source.body[0].text = MARKED_UP
    add_version(release, "es")
    document = etree.fromstring(export_xliff(release, "fr", "es"))
    unit = document.find(f".//{X}trans-unit[@id='body:p1']")
    # A CAT tool keeps the tags and translates the words around them.
    target = copy.deepcopy(unit.find(f"{X}source"))
    target.tag = f"{X}target"
    target.set(XML_LANG, "es")
    target.text = _translate_words(target.text or "")
    for code in target:
        code.tail = _translate_words(code.tail or "")
    unit.insert(1, target)

    report = import_xliff(release, etree.tostring(document))

    assert report.updated == ["body:p1"]
    expected = "".join(
        _translate_words(p) if isinstance(p, str) else p.native for p in markup_pieces(MARKED_UP)
    )
    text = release.version("es").body[0].text
    assert text == expected
    assert "**refuerza**" in text
    assert "[le informe](https://www.iom.int/fr/rapport)" in text
    spans = [(s.bold, s.italic, s.href) for s in parse_inline(text)]
    assert spans == [(s.bold, s.italic, s.href) for s in parse_inline(MARKED_UP)]
    assert (True, False, None) in spans
    assert (False, True, None) in spans
    assert (False, False, "https://www.iom.int/fr/rapport") in spans


def test_markup_typed_as_text_and_copied_tags_both_come_back_exactly() -> None:
    release = sample_release()
    release.source.body[0].text = MARKED_UP
    add_version(release, "es")
    data = export_xliff(release, "fr", "es")
    store = tt_xliff.xlifffile.parsestring(data)
    for unit in store.units:
        if _unit_id(unit) == "body:p1":
            unit.rich_target = unit.rich_source  # translate-toolkit copies the codes
    import_xliff(release, bytes(store))
    assert release.version("es").body[0].text == MARKED_UP
    release.version("es").body[0].text = ""
    import_xliff(release, _fill(data, lambda key, source: source if key == "body:p1" else None))
    assert release.version("es").body[0].text == MARKED_UP


def _one_paragraph_release(text: str) -> Release:
    return Release(
        source_locale="fr",
        versions=[
            LanguageVersion("fr", headline=text, body=[Paragraph(text, "p1")]),
            LanguageVersion("en", body=[Paragraph("", "p1")]),
        ],
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.characters(),
            st.sampled_from(["*", "**", "\\", "[", "]", "(", ")", "_", "https://a.org/", "a@b.cd"]),
        ),
        max_size=40,
    ).map("".join)
)
def test_any_text_round_trips_exactly_once_made_writable_as_xml(text: str) -> None:
    assume(text.strip())
    release = _one_paragraph_release(text)
    data = export_xliff(release, "fr", "en")
    document = _assert_valid(data)
    for unit in document.iter(f"{X}trans-unit"):  # a CAT tool's "copy source to target"
        target = copy.deepcopy(unit.find(f"{X}source"))
        target.tag = f"{X}target"
        unit.insert(1, target)
    report = import_xliff(release, etree.tostring(document, encoding="UTF-8"))
    writable = clean_text(text)[0]
    # The headline is a one-line field: a line break in it comes back as a space.
    en = release.version("en")
    assert (en.headline, en.body[0].text) == (one_line(writable), writable)
    assert report.source_changed == []
    assert report.problems == []
    # translate-toolkit reads the same source, and a plain-text target comes back as well.
    release = _one_paragraph_release(text)
    assert [u.source for u in _units(data)] == [writable, writable]
    import_xliff(release, _fill(data, lambda key, source: source))
    en = release.version("en")
    assert (en.headline, en.body[0].text) == (one_line(writable), writable)


# Reading: the file as a whole


def test_a_file_that_is_not_xliff_1_2_is_refused_with_the_reason() -> None:
    release = sample_release()
    cases = {
        b"": "empty",
        b"<xliff version='1.2' xmlns='urn:oasis:names:tc:xliff:document:1.2'><file": "well-formed",
        b"<html/>": "root element is <html>",
        b"<xliff xmlns='urn:oasis:names:tc:xliff:document:2.0' version='2.0'/>": "XLIFF 2.0",
        b"<xliff xmlns='urn:oasis:names:tc:xliff:document:1.2' version='1.2'/>": "no <file>",
    }
    for data, reason in cases.items():
        with pytest.raises(XliffError, match=reason):
            import_xliff(release, data)


def test_a_target_language_the_release_lacks_is_refused_naming_the_file_language() -> None:
    release = sample_release()
    data = export_xliff(release, "fr", "en").replace(
        b'target-language="en"', b'target-language="de"'
    )
    with pytest.raises(XliffError, match=r"target-language is de.*fr, en"):
        import_xliff(release, data)
    with pytest.raises(XliffError, match="source version"):
        import_xliff(release, data, target="fr")


def test_a_regional_tag_finds_the_version_of_its_language_and_target_overrides() -> None:
    release = sample_release()
    add_version(release, "es")
    data = _fill(export_xliff(release, "fr", "es"), _spanish).replace(
        b'target-language="es"', b'target-language="es-ES"'
    )
    report = import_xliff(release, data)
    assert report.target == "es"
    assert any("es-ES" in w for w in report.warnings)
    release.version("en").headline = "kept?"
    report = import_xliff(release, data, target="en")
    assert report.target == "en"
    assert release.version("en").headline == _spanish("headline", release.source.headline)
    assert any("es-ES" in w for w in report.warnings)


def test_a_file_of_another_release_is_read_with_a_warning_and_its_changes_marked() -> None:
    other = sample_release()
    other.id = "0" * 32
    other.source.headline = "Un autre communiqué"
    data = _fill(export_xliff(other, "fr", "en"), lambda key, source: f"EN {source}")
    release = sample_release()
    report = import_xliff(release, data)
    assert any("another release" in w and other.id in w for w in report.warnings)
    assert report.source_changed == ["headline"]
    states = {p.key: p.state for p in pairs(release, "en")}
    assert states["headline"] is TranslationState.NEEDS_REVIEW


def test_entities_are_not_expanded_and_no_external_file_is_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET")
    release = sample_release()
    data = export_xliff(release, "fr", "en").decode()
    data = data.replace(
        "<xliff ",
        f'<!DOCTYPE xliff [<!ENTITY lol "lol"><!ENTITY ext SYSTEM "{secret.as_uri()}">]>\n<xliff ',
    ).replace(">IOM and China", ">&lol;&ext;IOM and China")
    report = import_xliff(release, data.encode())
    headline = release.version("en").headline
    assert headline.startswith("IOM and China")
    assert "SECRET" not in headline
    assert "lol" not in headline
    assert any("&lol;" in p for p in report.problems)


# Reading: the units


def test_a_needs_review_state_in_the_file_marks_the_segment_and_translated_clears_it() -> None:
    release = sample_release()
    for pair in pairs(release, "en"):
        record_translation(release, "en", pair.key)
    old = release.source.headline
    release.source.headline = old + " (mis à jour)"
    data = export_xliff(release, "fr", "en")
    report = import_xliff(release, data)  # the translator left the stale segment as it was
    assert report.needs_review == ["headline"]
    stale = {p.key: p for p in pairs(release, "en")}["headline"]
    assert (stale.state, stale.previous_source) == (TranslationState.NEEDS_REVIEW, old)
    reviewed = _fill(
        data, lambda key, source: "IOM headline, updated" if key == "headline" else None
    )
    import_xliff(release, reviewed)  # translate-toolkit sets state="translated"
    states = {p.key: p.state for p in pairs(release, "en")}
    assert states["headline"] is TranslationState.TRANSLATED
    assert release.version("en").headline == "IOM headline, updated"


def test_a_paragraph_the_target_version_lacks_is_added_where_the_source_has_it() -> None:
    release = sample_release()
    add_version(release, "es")
    release.source.body.insert(2, Paragraph("Un nouveau paragraphe.", "new"))
    report = import_xliff(release, _fill(export_xliff(release, "fr", "es"), _spanish))
    assert report.created == ["body:new"]
    es = release.version("es")
    assert [p.id for p in es.body] == ["p1", "p2", "new", "p3", "p4"]
    assert es.body[2].text == _spanish("body:new", "Un nouveau paragraphe.")
    assert progress(release, "es").done == 1.0


def test_the_organisations_boilerplate_is_not_copied_into_a_version_unchanged() -> None:
    release = sample_release()
    data = export_xliff(release, "fr", "en")  # the en version's texts, as they are
    report = import_xliff(release, data)
    assert "boilerplate" in report.updated
    assert release.version("en").boilerplate is None
    assert progress(release, "en").done == 1.0


def test_a_version_other_than_the_source_can_be_the_one_translated_from() -> None:
    release = sample_release()
    add_version(release, "ar")
    data = export_xliff(release, "en", "ar")
    document = etree.fromstring(data)
    assert document.find(f"{X}file").get("source-language") == "en"
    assert document.findtext(f".//{X}trans-unit[@id='headline']/{X}source") == (
        release.version("en").headline
    )
    report = import_xliff(release, _fill(data, lambda key, source: f"AR {source}"))
    assert report.source_changed == []
    assert release.version("ar").headline == "AR " + release.version("en").headline
    assert progress(release, "ar").done == 1.0


def test_modified_changes_only_when_an_import_changed_the_release() -> None:
    release = sample_release()
    add_version(release, "es")
    data = _fill(export_xliff(release, "fr", "es"), _spanish)
    long_ago = release.modified = release.modified.replace(year=2000)
    import_xliff(release, data)
    assert release.modified > long_ago
    release.modified = long_ago
    report = import_xliff(release, data)  # the same file again: nothing new
    assert report.updated
    assert release.modified == long_ago


def test_malformed_units_and_foreign_codes_are_reported_and_the_rest_imported() -> None:
    release = sample_release()
    data = export_xliff(release, "fr", "en").decode()
    headline = release.version("en").headline
    data = (
        data.replace(f">{headline}<", "><g ctype='bold'>IOM</g> and<x id='9'/> China<")
        .replace('id="body:p1" resname="body:p1"', 'resname="no id"')
        .replace('id="body:p3"', 'id="body:p2"')
        .replace(
            "<body>",
            '<body><trans-unit id="lonely"><target>Sans source</target></trans-unit>',
        )
    )
    report = import_xliff(release, data.encode())
    assert release.version("en").headline == "**IOM** and China"
    assert any("<x>" in p and "headline" in p for p in report.problems)
    assert any("without an id" in p for p in report.problems)
    assert any(p.startswith("body:p2: a second trans-unit") for p in report.problems)
    assert any(p.startswith("lonely:") and "<source>" in p for p in report.problems)
    assert report.updated == [
        "headline", "body:p2", "body:p4", "quote:q1", "quote:q1:role",
        "contact:c1:office", "boilerplate",
    ]  # fmt: skip


def test_a_source_version_with_two_segments_of_one_key_is_refused() -> None:
    release = sample_release()
    release.source.body[1].id = "p1"
    with pytest.raises(XliffError, match="'body:p1'"):
        export_xliff(release, "fr", "en")


def test_write_xliff_writes_the_export_to_a_file(tmp_path: Path) -> None:
    release = sample_release()
    path = write_xliff(tmp_path / "job.xlf", release, "fr", "en")
    assert path.read_bytes() == export_xliff(release, "fr", "en")
    assert [p.name for p in tmp_path.iterdir()] == ["job.xlf"]
    with pytest.raises(XliffError, match="no 'de' version"):
        export_xliff(release, "fr", "de")


def test_a_copied_version_exports_no_targets_and_a_confirmed_name_comes_back_translated() -> None:
    release = sample_release()
    add_version(release, "ar", copy_text=True)
    root = etree.fromstring(export_xliff(release, "fr", "ar"))
    assert root.find(f".//{X}target") is None  # a copy is not a translation
    # The translator keeps the office's name as it is and says so ("translated").
    unit = next(u for u in root.iter(f"{X}trans-unit") if u.get("id") == "contact:c1:office")
    source = unit.find(f"{X}source")
    target = etree.Element(f"{X}target", state="translated")
    target.text = source.text
    source.addnext(target)
    import_xliff(release, etree.tostring(root))
    states = {p.key: p.state for p in pairs(release, "ar")}
    assert states["contact:c1:office"] is TranslationState.TRANSLATED
    assert states["headline"] is TranslationState.UNTRANSLATED
