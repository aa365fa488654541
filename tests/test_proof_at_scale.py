"""Proof at scale: any multilingual release survives its draft file and its exports.

Whole releases are generated (the strategy of tests/test_draft_schema.py, plus
text made of markup, links, HTML and CSS that try to load something). Each
must read back from its draft file as it was written, and for every language
the Word file (read with python-docx) and the HTML (read with an HTML parser)
must show the release's visible text: headline, subheadline, paragraphs,
quotes, speakers and contacts. The HTML, as exported and as previewed, loads
nothing: no ``src``, no stylesheet link, no ``url(...)`` but ``data:`` URIs;
its only addresses are the release's own links.

The number of examples comes from ``RELEASEWRITER_PROOF_EXAMPLES`` (default
2,000, about three minutes on two cores: what CI affords on every run); the
recorded proof ran 10,000::

    RELEASEWRITER_PROOF_EXAMPLES=10000 .venv/bin/python -m pytest -p no:cacheprovider \\
        tests/test_proof_at_scale.py
"""

from __future__ import annotations

import io
import os
import re
import unicodedata
from html.parser import HTMLParser

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from releasewriter.export.files import build_export
from releasewriter.export.sanitize import sanitize_release
from releasewriter.model import LanguageVersion, Paragraph, Release
from releasewriter.model.inline import parse_inline, to_plain_text
from releasewriter.model.one_line import one_line_version
from releasewriter.render import render_html, render_release
from releasewriter.render.document import RenderedRelease
from releasewriter.store import dumps_release, loads_release
from tests.test_draft_schema import _releases

EXAMPLES = int(os.environ.get("RELEASEWRITER_PROOF_EXAMPLES", "2000"))

# Typed text that would load something if it ever reached the page as markup.
_LOADERS = [
    "<img src=file:///etc/passwd>",
    '<img src="https://tracker.example/p.gif">',
    "<link rel=stylesheet href=http://x.example/s.css>",
    "<style>body{background:url(http://x.example/b.png)}</style>",
    "background: url(file:///C:/secret.png)",
    "url('//x.example/f.woff')",
    "@import 'http://x.example/i.css';",
    "<script src=http://x.example/s.js></script>",
    "<iframe src=https://x.example></iframe>",
    "![image](https://x.example/i.png)",
    "[file](file:///etc/hosts)",
    "[js](javascript:alert(1))",
    "[ok](https://example.org/a?b=1&c=<2>)",
    "see https://example.org/page. or mail a.b@example.org,",
    "**bold *both** italic*",
    '"quoted" l\'apostrophe « guillemets »',
    "\u2028\u2029\x85\t\n\n",
]
_NASTY = st.lists(st.sampled_from(_LOADERS) | st.text(max_size=8), max_size=4).map("".join)


@st.composite
def _loaded_releases(draw: st.DrawFn) -> Release:
    release = draw(_releases())
    # Random bytes are no image or Word file: refusing them is the export's job
    # (tested with the logo and letterhead), not what this proof is about.
    release.organisation.logo = None
    release.organisation.letterhead = None
    for version in release.versions:
        version.headline += draw(_NASTY)
        version.body.append(Paragraph(draw(_NASTY), "nasty"))
        for quote in version.quotes:
            quote.text += draw(_NASTY)
        for contact in version.contacts:
            contact.email += draw(_NASTY)
    return release


def _key(text: str) -> str:
    """The letters and digits of a text: what typography, escaping and layout leave alone."""
    return "".join(c for c in unicodedata.normalize("NFC", text) if c.isalnum())


def _visible(version: LanguageVersion) -> list[str]:
    """What a reader must find of the version, as the person typed it."""
    texts = [version.headline, version.subheadline]
    texts += [to_plain_text(p.text) for p in version.body]
    for quote in version.quotes:
        if quote.text.strip():
            texts.append(to_plain_text(quote.text))
            if quote.speaker.strip():  # a role says whose: it goes with a speaker
                texts += [quote.speaker, quote.role]
    for contact in version.contacts:
        if any((contact.name, contact.email, contact.phone)):  # else no one to call
            texts += [contact.name, contact.role, contact.office, contact.email, contact.phone]
    return texts


class _Page(HTMLParser):
    """The text of the body, and every address or style the page holds."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.in_body = False
        self.links: list[str] = []
        self.loads: list[str] = []  # src, stylesheet hrefs and url(...) of styles
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_body = self.in_body or tag == "body"
        self._in_style = tag == "style"
        for name, given_value in attrs:
            value = given_value or ""
            if name == "href" and tag == "a":
                self.links.append(value)
            elif name in ("src", "srcset", "href", "poster", "data", "background", "action"):
                self.loads.append(value)
            elif name == "style":
                self.styles.append(value)

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)
        elif self.in_body:
            self.text.append(data)


def _release_links(rendered: RenderedRelease) -> set[str]:
    spans = [span for block in rendered.blocks for span in block.spans]
    spans += [span for paragraph in rendered.notes for span in paragraph]
    spans += [span for paragraph in rendered.boilerplate for span in paragraph]
    found = {span.href for span in spans if span.href}
    found |= {d.href for c in rendered.contacts for d in c.details if d.href}
    return found


_URL_IN_STYLE = re.compile(r"url\(\s*['\"]?([^'\")\s]*)|@import", re.IGNORECASE)


def _assert_loads_nothing(page: _Page, rendered: RenderedRelease) -> None:
    assert all(value.startswith("data:") for value in page.loads), page.loads
    for style in page.styles:
        for match in _URL_IN_STYLE.finditer(style):
            assert (match.group(1) or "").startswith("data:"), style
    assert set(page.links) <= _release_links(rendered)
    for link in page.links:
        assert link.split(":", 1)[0] in ("https", "http", "mailto"), link


def _docx_text(data: bytes) -> str:
    body = docx.Document(io.BytesIO(data)).element.body
    return " ".join(t.text or "" for t in body.iter(qn("w:t")))


@pytest.mark.slow
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(_loaded_releases())
def test_any_release_reads_back_from_its_draft_and_shows_its_text_in_every_export(
    release: Release,
) -> None:
    back = loads_release(dumps_release(release))
    for version in release.versions:
        one_line_version(version)  # what the reader does to a pasted line break
    assert back == release
    cleaned, _ = sanitize_release(back)
    for version in cleaned.versions:
        rendered = render_release(cleaned, version.locale)
        word = _key(_docx_text(build_export(rendered, "docx")))
        page = _Page()
        page.feed(build_export(rendered, "html").decode("utf-8"))
        html = _key(" ".join(page.text))
        for text in _visible(version):
            assert _key(text) in word, (version.locale, text)
            assert _key(text) in html, (version.locale, text)
        _assert_loads_nothing(page, rendered)
        preview = _Page()
        preview.feed(render_html(rendered, profile="preview"))
        _assert_loads_nothing(preview, rendered)


def test_the_page_reader_sees_what_would_load() -> None:
    # The proof is only as good as its reader: a loading page must fail it.
    page = _Page()
    page.feed('<body><img src="file:///x"><p style="background:url(http://x)">t</p></body>')
    assert page.loads == ["file:///x"]
    assert _URL_IN_STYLE.search(page.styles[0])
    assert parse_inline("[a](file:///x)")[0].href is None
