"""The regular-expression versions of the text scanners, kept as their specification.

These are the patterns ReleaseWriter used before its scanners were made linear
(see docs/reliability.md): correct, but quadratic on a long word, since
their e-mail, link and line-break patterns re-read the rest of the word from
each of its characters. The tests compare the linear scanners with them on
short generated texts, where the cost does not matter.
"""

from __future__ import annotations

import re

from releasewriter.model.inline import Span, safe_href

EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
LINK = re.compile(r"\[[^\]\n]+\]\(([^)\s]+)\)")
_TOKEN = re.compile(
    r"(?P<escape>\\[\\*\[\]()_])"
    r"|(?P<bold>\*\*)"
    r"|(?P<italic>\*)"
    r"|\[(?P<label>[^\]\n]+)\]\((?P<target>[^)\s]+)\)"
    r"|(?P<url>https?://[^\s<>\"«»“”]+)"
    rf"|(?P<email>{EMAIL})"
)
_TRAILING_PUNCTUATION = ".,;:!?)]'’"

_BREAKS = "\t\n\v\f\r\x1c\x1d\x1e\x85\u2028\u2029"
_RUN = f"[ {_BREAKS}]*[{_BREAKS}][ {_BREAKS}]*"
_AT_ENDS = re.compile(f"^{_RUN}|{_RUN}$")
_INSIDE = re.compile(_RUN)

SKIPPED = re.compile(
    r"(?:https?|ftp)://[^\s<>\"«»“”]+"
    r"|(?:www\.|mailto:)[^\s<>\"«»“”]+"
    r"|[\w.%+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|[@#][\w-]+"
)
_GUILLEMETS = re.compile(r"«[ \u00a0\u202f]*(.*?)[ \u00a0\u202f]*»", re.DOTALL)


def parse_inline(text: str) -> list[Span]:
    spans: list[Span] = []
    bold = italic = False
    buffer: list[str] = []
    positions: dict[str, list[int]] = {"bold": [], "italic": []}
    for match in _TOKEN.finditer(text):
        if match.lastgroup in positions:
            positions[match.lastgroup].append(match.start())
    paired = {p for found in positions.values() for p in found[: len(found) - len(found) % 2]}

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
            flush()
            spans.append(Span(match.group("label"), bold, italic, safe_href(match.group("target"))))
        elif kind in ("url", "email"):
            kept = match.group().rstrip(_TRAILING_PUNCTUATION)
            position = match.start() + len(kept)
            flush()
            spans.append(Span(kept, bold, italic, safe_href(kept)))
    buffer.append(text[position:])
    flush()
    return [span for span in spans if span.text]


def one_line(text: str) -> str:
    return _INSIDE.sub(" ", _AT_ENDS.sub("", text))


def french_guillemets(text: str) -> str:
    return _GUILLEMETS.sub(lambda m: f"«\u202f{m.group(1)}\u202f»", text)
