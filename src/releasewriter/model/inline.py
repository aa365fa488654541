"""The small inline markup of body text: bold, italic and links.

Text is stored as typed, in a Markdown subset that reads well in a diff:
``**bold**``, ``*italic*``, ``[text](https://example.org)``, and a backslash
to escape a marker. Bare ``https://`` addresses and e-mail addresses become
links as well. A marker without its closing partner stays literal text, so
no typed text can switch the rest of a paragraph to bold.

Links keep only ``https``, ``http`` and ``mailto`` targets: escaping HTML does
not stop a ``javascript:`` URL, so any other scheme renders as plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

SAFE_SCHEMES = frozenset({"https", "http", "mailto"})

_EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
_URL = r"https?://[^\s<>\"«»“”]+"
_TOKEN = re.compile(
    r"(?P<escape>\\[\\*\[\]()_])"
    r"|(?P<bold>\*\*)"
    r"|(?P<italic>\*)"
    r"|\[(?P<label>[^\]\n]+)\]\((?P<target>[^)\s]+)\)"
    rf"|(?P<url>{_URL})"
    rf"|(?P<email>{_EMAIL})"
)
_TRAILING_PUNCTUATION = ".,;:!?)]'’"


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None

    @property
    def shows_address(self) -> bool:
        """A link that shows its own address (a bare URL or e-mail), not a label."""
        return self.href is not None and self.href in (self.text, "mailto:" + self.text)


def safe_href(target: str) -> str | None:
    """The target if it is an allowed link, else None."""
    target = target.strip()
    if re.fullmatch(_EMAIL, target):
        return "mailto:" + target
    try:
        parts = urlsplit(target)
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES:
        return None
    if parts.scheme.lower() != "mailto" and not parts.netloc:
        return None
    if any(ord(c) < 0x20 or c.isspace() for c in target):
        return None
    return target


def _paired_markers(text: str) -> set[int]:
    """Positions of ``**`` and ``*`` markers that have a closing partner."""
    positions: dict[str, list[int]] = {"bold": [], "italic": []}
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind in positions:
            positions[kind].append(match.start())
    paired: set[int] = set()
    for found in positions.values():
        usable = len(found) - len(found) % 2
        paired.update(found[:usable])
    return paired


def parse_inline(text: str) -> list[Span]:
    """Split marked-up text into spans of uniform formatting."""
    spans: list[Span] = []
    bold = italic = False
    buffer: list[str] = []
    paired = _paired_markers(text)

    def flush() -> None:
        if buffer:
            spans.append(Span("".join(buffer), bold, italic))
            buffer.clear()

    position = 0
    for match in _TOKEN.finditer(text):
        buffer.append(text[position : match.start()])
        position = match.end()
        kind = "link" if match.group("label") is not None else match.lastgroup
        if kind == "escape":
            buffer.append(match.group()[1])
        elif kind in ("bold", "italic"):
            if match.start() not in paired:
                buffer.append(match.group())
                continue
            flush()
            if kind == "bold":
                bold = not bold
            else:
                italic = not italic
        elif kind == "link":
            href = safe_href(match.group("target"))
            flush()
            label = match.group("label")
            spans.append(Span(label, bold, italic, href))
        elif kind in ("url", "email"):
            raw = match.group()
            kept = raw.rstrip(_TRAILING_PUNCTUATION)
            position = match.start() + len(kept)
            flush()
            spans.append(Span(kept, bold, italic, safe_href(kept)))
    buffer.append(text[position:])
    flush()
    return [span for span in spans if span.text]


def to_plain_text(text: str) -> str:
    """The text a reader sees, without markup."""
    return "".join(span.text for span in parse_inline(text))
