"""Reading a web page or a mail saved as HTML: its lines, its formatting, its chrome marked."""

from __future__ import annotations

import codecs

import pytest

from releasewriter.importing.blocks import BlockKind, SourceBlock
from releasewriter.importing.html_reader import read_html

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Acme news</title>
<script>var secret = "SCRIPT TEXT";</script><style>p { color: red }</style></head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li>News</li></ul></nav></header>
<div id="cookie-banner">We use cookies. <button>Accept all</button></div>
<form role="search"><input name="q" value="search words"><label>Search the site</label></form>
<main><article>
<header class="article-header"><h1>Acme opens a lab in Lyon</h1></header>
<p><strong>LYON, 6 December 2026</strong> – Acme opens its <em>first</em> lab, see
<a href="https://acme.example/lab">our site</a>, <a href="/relative">the list</a> or
<a href="javascript:alert(1)">this</a>. Prices from 5 * 3 units.</p>
<p>Ellen Wong<br>Press Office<br>Email:
<a href="mailto:ellen@acme.example">ellen@acme.example</a></p>
<ul><li>One</li><li>Two<ul><li>Nested</li></ul></li></ul>
<table><tr><th>Name</th><th>Phone</th></tr><tr><td>Ellen Wong</td><td>+33 1 23</td></tr></table>
<p hidden>Hidden text</p><p style="display: none">Invisible text</p>
<div class="social-share"><a href="https://x.example/share">Share on X</a></div>
<noscript>Enable JavaScript</noscript>
</article></main>
<aside>Related: other news</aside>
<footer>© Acme 2026</footer>
<!-- a comment -->
</body></html>"""


@pytest.fixture(scope="module")
def blocks() -> list[SourceBlock]:
    return read_html(PAGE.encode())


def _by_plain(blocks: list[SourceBlock], start: str) -> SourceBlock:
    return next(block for block in blocks if block.plain.startswith(start))


def test_the_article_is_content_and_everything_around_it_chrome(
    blocks: list[SourceBlock],
) -> None:
    content = [block.plain for block in blocks if not block.chrome]
    assert content[0] == "Acme opens a lab in Lyon"
    assert content[-1] == "Ellen Wong\t+33 1 23"
    chrome = [block.plain for block in blocks if block.chrome]
    for furniture in ("Skip to content", "Home", "We use cookies.", "Share on X"):
        assert furniture in chrome
    assert chrome[-2:] == ["Related: other news", "© Acme 2026"]


@pytest.mark.parametrize(
    ("markup", "chrome"),
    [
        ("<nav><p>Menu item</p></nav><div><p>Body</p></div>", ["Menu item"]),
        ('<div class="breadcrumbs">Home › News</div><p>Body</p>', ["Home › News"]),
        ('<div id="newsletter-signup">Subscribe now</div><p>Body</p>', ["Subscribe now"]),
        (
            "<header><p>Site name</p></header><p>Body</p><footer>Imprint</footer>",
            ["Site name", "Imprint"],
        ),
        ('<div aria-label="Share this page">Facebook</div><p>Body</p>', ["Facebook"]),
        ('<div role="navigation">Sections</div><p>Body</p>', ["Sections"]),
    ],
)
def test_chrome_is_marked_by_element_and_by_name_without_an_article(
    markup: str, chrome: list[str]
) -> None:
    blocks = read_html(f"<html><body>{markup}</body></html>".encode())
    assert [b.plain for b in blocks if b.chrome] == chrome
    assert [b.plain for b in blocks if not b.chrome] == ["Body"]


def test_layout_classes_of_the_body_and_wrappers_of_the_article_are_not_chrome() -> None:
    page = b"""<body class="has-sidebar header-sticky nav-open"><div class="layout-sidebar">
    <main><div class="hero-banner"><h1>Headline</h1></div><p>Body</p></main>
    <div class="sidebar">Most read</div></div></body>"""
    blocks = read_html(page)
    assert [(b.plain, b.chrome) for b in blocks] == [
        ("Headline", False),
        ("Body", False),
        ("Most read", True),
    ]


def test_an_article_in_a_layout_tables_cell_is_content() -> None:
    page = b"""<table><tr><td><a href="https://acme.example/">Home</a></td>
    <td><article><p>Body</p></article></td></tr></table>"""
    assert [(b.plain, b.chrome) for b in read_html(page)] == [("Home", True), ("Body", False)]


def test_scripts_styles_comments_controls_and_hidden_text_are_not_read(
    blocks: list[SourceBlock],
) -> None:
    everything = " ".join(block.plain for block in blocks)
    for absent in ("SCRIPT TEXT", "color: red", "a comment", "Accept all", "search words",
                   "Hidden text", "Invisible text", "Enable JavaScript", "Acme news",
                   "Search the site"):  # fmt: skip
        assert absent not in everything


def test_bold_italic_and_safe_absolute_links_become_markup(blocks: list[SourceBlock]) -> None:
    line = _by_plain(blocks, "LYON")
    assert line.text.startswith("**LYON, 6 December 2026** – Acme opens its *first* lab")
    assert "[our site](https://acme.example/lab)" in line.text
    assert ", the list or this." in line.text  # relative and javascript: links keep their text
    assert line.text.endswith("5 \\* 3 units.")


def test_a_relative_link_resolves_against_an_absolute_base() -> None:
    page = b'<head><base href="https://acme.example/news/"></head><p><a href="lab">Lab</a></p>'
    assert read_html(page)[0].text == "[Lab](https://acme.example/news/lab)"


def test_line_breaks_split_a_contact_into_lines(blocks: list[SourceBlock]) -> None:
    plain = [block.plain for block in blocks]
    at = plain.index("Ellen Wong")
    assert plain[at : at + 3] == ["Ellen Wong", "Press Office", "Email: ellen@acme.example"]
    assert blocks[at + 2].text == "Email: ellen@acme.example"


def test_headings_and_nested_lists_keep_their_kind_and_level(blocks: list[SourceBlock]) -> None:
    heading = _by_plain(blocks, "Acme opens")
    assert (heading.kind, heading.level, heading.bold) == (BlockKind.HEADING, 1, True)
    items = [(b.plain, b.level) for b in blocks if b.kind is BlockKind.LIST_ITEM and not b.chrome]
    assert items == [("One", 0), ("Two", 0), ("Nested", 1)]


def test_table_rows_keep_their_cells(blocks: list[SourceBlock]) -> None:
    rows = [b for b in blocks if b.kind is BlockKind.TABLE_ROW]
    assert [row.cells for row in rows] == [("**Name**", "**Phone**"), ("Ellen Wong", "+33 1 23")]
    assert rows[0].bold


def test_a_layout_table_gives_its_cells_lines() -> None:
    page = b"""<table><tr><td width=20></td><td><h2>Headline</h2><p>First</p><p>Second</p>
    </td></tr></table>"""
    blocks = read_html(page)
    assert [(b.plain, b.kind) for b in blocks] == [
        ("Headline", BlockKind.HEADING),
        ("First", BlockKind.PARAGRAPH),
        ("Second", BlockKind.PARAGRAPH),
    ]


OUTLOOK = """<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<style><!-- p.MsoNormal {margin:0cm;} --></style></head>
<body lang=FR><div class=WordSection1>
<p class=MsoNormal><b><span style='font-size:14pt'>Acme ouvre un laboratoire à Lyon</span></b>
<o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal>LYON, le 6 décembre 2026 – Acme ouvre son <i>premier</i> laboratoire.
<o:p></o:p></p>
<p class=MsoListParagraph style='text-indent:-18.0pt'><![if !supportLists]>
<span style='font-family:Symbol'>·<span style='font:7.0pt'>&nbsp;&nbsp;&nbsp; </span></span>
<![endif]>Premier point<o:p></o:p></p>
<p class=MsoNormal><span style='font-weight:bold'>Contact</span><br>Ellen Wong<o:p></o:p></p>
</div></body></html>"""


def test_a_mail_saved_by_outlook_reads_as_its_paragraphs() -> None:
    blocks = read_html(OUTLOOK.encode("cp1252"))
    assert [(b.plain, b.kind, b.bold) for b in blocks] == [
        ("Acme ouvre un laboratoire à Lyon", BlockKind.PARAGRAPH, True),
        (
            "LYON, le 6 décembre 2026 – Acme ouvre son premier laboratoire.",
            BlockKind.PARAGRAPH,
            False,
        ),
        ("Premier point", BlockKind.LIST_ITEM, False),
        ("Contact", BlockKind.PARAGRAPH, True),
        ("Ellen Wong", BlockKind.PARAGRAPH, False),
    ]
    assert blocks[1].text.endswith("son *premier* laboratoire.")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF16_LE + "<p>Überall</p>".encode("utf-16-le"), "Überall"),
        (codecs.BOM_UTF8 + "<p>Überall</p>".encode(), "Überall"),
        ("<p>Überall – ok</p>".encode(), "Überall – ok"),
        ("<p>Überall – ok</p>".encode("cp1252"), "Überall – ok"),
        ('<meta charset="iso-8859-15"><p>Prix : 5 €</p>'.encode("iso-8859-15"), "Prix : 5 €"),
        (
            '<?xml version="1.0" encoding="iso-8859-1"?><html><p>Été</p></html>'.encode("latin-1"),
            "Été",
        ),
    ],
)
def test_the_encoding_comes_from_the_bom_the_page_or_a_guess(data: bytes, expected: str) -> None:
    assert [block.plain for block in read_html(data)] == [expected]


def test_a_page_inside_an_aspnet_form_is_still_read() -> None:
    page = b'<form id="form1" action="x"><div><h1>Headline</h1><p>Body text</p></div></form>'
    assert [block.plain for block in read_html(page)] == ["Headline", "Body text"]


def test_a_doctype_without_a_subset_loses_nothing_after_it() -> None:
    page = b"<!DOCTYPE html><p>First [note]</p><script>a = b[1]]>c</script><p>Last</p>"
    assert [block.plain for block in read_html(page)] == ["First [note]", "Last"]


def test_an_empty_page_has_no_lines() -> None:
    assert read_html(b"") == []
    assert read_html(b"<html><body>  </body></html>") == []
