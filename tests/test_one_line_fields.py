"""One-line fields hold one line, whatever was pasted into them or stored in the draft."""

from __future__ import annotations

import io

import docx
import lxml.html
from translate.storage import xliff as tt_xliff

from releasewriter.export.files import docx_bytes, html_bytes
from releasewriter.model import Contact, Quote, Release
from releasewriter.model.one_line import one_line
from releasewriter.render import render_release
from releasewriter.store.draft_format import dumps_release, loads_release
from releasewriter.translation.versions import add_version
from releasewriter.translation.xliff import export_xliff, import_xliff
from tests.releases import sample_release

SUBHEADLINE = "Une ligne\net une autre\u2028puis\t\tune troisième"
ONE_LINE = "Une ligne et une autre puis une troisième"


def test_line_breaks_and_tabs_become_one_space_and_vanish_at_the_ends() -> None:
    assert one_line("a\tb\nc") == "a b c"
    assert one_line("\r\n Titre \t\n") == "Titre"
    assert one_line("x \u2029\u2029 y") == "x y"


def test_spaces_typed_on_purpose_are_kept() -> None:
    assert one_line("deux  espaces et 20\u00a0%\u202f!") == "deux  espaces et 20\u00a0%\u202f!"


def _loaded() -> Release:
    release = sample_release()
    release.source.subheadline = SUBHEADLINE
    release.source.quotes.append(Quote("Texte.", "Anne\nDupont", "Cheffe\tde mission"))
    release.source.contacts.append(Contact("Li\nWei", office="Bureau\r\nde Pékin"))
    return loads_release(dumps_release(release))


def test_a_draft_with_line_breaks_in_one_line_fields_loads_them_as_one_line() -> None:
    release = _loaded()
    source = release.source
    assert source.subheadline == ONE_LINE
    assert (source.quotes[-1].speaker, source.quotes[-1].role) == (
        "Anne Dupont",
        "Cheffe de mission",
    )
    assert (source.contacts[-1].name, source.contacts[-1].office) == ("Li Wei", "Bureau de Pékin")


def test_a_loaded_subheadline_with_a_line_break_exports_as_one_line_in_html_and_docx() -> None:
    release = _loaded()
    rendered = render_release(release, release.source_locale)
    page = lxml.html.fromstring(html_bytes(rendered))
    assert ONE_LINE in page.text_content()
    document = docx.Document(io.BytesIO(docx_bytes(rendered, None)))
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert ONE_LINE in texts


def test_a_translated_headline_and_role_imported_from_xliff_are_one_line() -> None:
    release = sample_release()
    add_version(release, "es")
    targets = {"headline": "Un título\nen dos líneas", "quote:q1:role": "Jefe\tde misión"}
    store = tt_xliff.xlifffile.parsestring(export_xliff(release, "fr", "es"))
    for unit in store.units:
        if not unit.isheader() and unit.xmlelement.get("id") in targets:
            unit.target = targets[unit.xmlelement.get("id")]
    import_xliff(release, bytes(store))
    es = release.version("es")
    assert (es.headline, es.quotes[0].role) == ("Un título en dos líneas", "Jefe de misión")
