"""Read an exported HTML page back before it is written, as a browser would parse it."""

from __future__ import annotations

from html.parser import HTMLParser

from releasewriter.export.errors import ExportCheckError
from releasewriter.render.document import RenderedRelease

# Elements that fetch or run something: a self-contained export has none.
_ACTIVE = frozenset({"script", "iframe", "object", "embed", "link", "base", "form", "frame"})
_URL_ATTRIBUTES = frozenset({"src", "href", "action", "background", "poster", "srcset"})


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.problems: list[str] = []
        self.html_lang: str | None = None
        self.html_dir: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _ACTIVE:
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{name} attribute on <{tag}>")
            if name in _URL_ATTRIBUTES and value is not None:
                self._check_url(tag, name, value)
        if tag == "html":
            found = dict(attrs)
            self.html_lang, self.html_dir = found.get("lang"), found.get("dir")

    def _check_url(self, tag: str, name: str, value: str) -> None:
        lowered = value.strip().lower()
        if tag == "a" and name == "href":
            if not lowered.startswith(("https:", "http:", "mailto:")):
                self.problems.append(f"link to {value[:40]!r}")
        elif not lowered.startswith("data:"):
            self.problems.append(f"{name}={value[:40]!r} on <{tag}> loads a resource")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def page_text(html: str) -> str:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return "".join(reader.text)


def check_html(html: str, rendered: RenderedRelease) -> None:
    """Raise ExportCheckError unless the page is self-contained and says what it should."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    if reader.problems:
        raise ExportCheckError("HTML export is not self-contained: " + "; ".join(reader.problems))
    if reader.html_lang != rendered.language_tag or reader.html_dir != rendered.direction:
        raise ExportCheckError("HTML export lost its language or direction")
    text = "".join(reader.text)
    if rendered.headline and rendered.headline not in text:
        raise ExportCheckError("HTML export lost the headline")
