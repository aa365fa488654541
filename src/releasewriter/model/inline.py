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

import functools
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

SAFE_SCHEMES = frozenset({"https", "http", "mailto"})

_EMAIL_LOCAL = "[A-Za-z0-9._%+-]"
_EMAIL_DOMAIN = r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
_EMAIL = rf"{_EMAIL_LOCAL}+@{_EMAIL_DOMAIN}"
_URL = r"https?://[^\s<>\"«»“”]+"
# Where a token other than an e-mail address may begin. The text is scanned
# from one such place to the next instead of through one alternation of every
# token: tried at each position of a long word, the e-mail and link patterns
# re-read the rest of the word each time (quadratic: a 100,000-letter word took
# 20 s to export). Each piece here is tried in constant time, or consumes what
# it reads.
_START = re.compile(
    r"(?P<escape>\\[\\*\[\]()_])"
    r"|(?P<bold>\*\*)"
    r"|(?P<italic>\*)"
    r"|(?P<link>\[)"
    rf"|(?P<url>{_URL})"
)
_LABEL_END = re.compile(r"[\]\n]")
_TARGET_END = re.compile(r"[)\s]")
_TRAILING_PUNCTUATION = ".,;:!?)]'’"


class NextMatch:
    """``pattern.search(text, pos)`` for positions that only grow, each character read once.

    The last answer stays right for any later position up to where it was
    found, since nothing matched between the two.
    """

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self._pattern = pattern
        self._text = text
        self._searched_from: int | None = None
        self._found: re.Match[str] | None = None

    def search(self, pos: int) -> re.Match[str] | None:
        reach = len(self._text) if self._found is None else self._found.start()
        if self._searched_from is None or not self._searched_from <= pos <= reach:
            self._found = self._pattern.search(self._text, pos)
            self._searched_from = pos
        return self._found


class EmailFinder:
    """What ``re.search(LOCAL+@DOMAIN, text, pos)`` finds, in linear time over all positions.

    ``local`` is a character class without ``@``, ``domain`` a pattern that
    cannot read past an ``@``. A regular expression search retries the local
    part from every position of a long word, reading to the word's end each
    time; here each run of local characters that ends at an ``@`` is read once,
    its domain once, and the match from ``pos`` starts at ``pos`` or at the run's
    start, whichever is later (which is where the search would find it).
    Positions asked must not decrease.
    """

    def __init__(self, text: str, local: str = _EMAIL_LOCAL, domain: str = _EMAIL_DOMAIN) -> None:
        self._text = text
        self._domain = re.compile(domain)
        # A run is read from its first character only (the look-behind), so once.
        self._runs = re.compile(rf"(?<!{local}){local}+@").finditer(text) if "@" in text else None
        self._run: tuple[int, int, int] | None = None  # run start, the @, end of the domain

    def search(self, pos: int) -> tuple[int, int] | None:
        """The start and end of the first address at or after ``pos``, or None."""
        while True:
            if self._run is not None and pos < self._run[1]:
                start, _, end = self._run
                return max(start, pos), end
            if self._runs is None:
                return None
            run = next(self._runs, None)
            if run is None:
                self._runs = None
                return None
            at = run.end() - 1
            domain = self._domain.match(self._text, at + 1)
            if domain is not None:
                self._run = (run.start(), at, domain.end())


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


@dataclass(frozen=True)
class Token:
    kind: str  # escape, bold, italic, link, url, email
    start: int
    end: int
    label: str = ""
    target: str = ""


def _link_at(text: str, start: int, labels: NextMatch, targets: NextMatch) -> Token | None:
    """``[label](target)`` from the ``[`` at ``start``: a label up to the first ``]`` on
    the line, a target of no space up to ``)``."""
    label_end = labels.search(start + 1)
    if label_end is None or label_end.start() == start + 1 or label_end.group() != "]":
        return None
    close = label_end.start()
    if not text.startswith("(", close + 1):
        return None
    target_end = targets.search(close + 2)
    if target_end is None or target_end.start() == close + 2 or target_end.group() != ")":
        return None
    end = target_end.end()
    return Token("link", start, end, text[start + 1 : close], text[close + 2 : end - 1])


def link_targets(text: str) -> list[str]:
    """The target of every ``[label](target)`` of the text, whatever its scheme (what
    ``re.findall`` of the link pattern gives, in linear time)."""
    labels = NextMatch(_LABEL_END, text)
    targets = NextMatch(_TARGET_END, text)
    found: list[str] = []
    position = 0
    while (start := text.find("[", position)) >= 0:
        link = _link_at(text, start, labels, targets)
        found += [link.target] if link is not None else []
        position = link.end if link is not None else start + 1
    return found


def find_emails(text: str) -> list[str]:
    """The e-mail addresses of the text (what ``re.findall`` of the address pattern
    gives, in linear time)."""
    emails = EmailFinder(text)
    found: list[str] = []
    position = 0
    while (email := emails.search(position)) is not None:
        found.append(text[email[0] : email[1]])
        position = email[1]
    return found


def inline_tokens(text: str) -> list[Token]:
    """The markers, links and addresses of the text, left to right, in linear time.

    The same tokens as one alternation of escape, bold, italic, link, URL and
    e-mail address searched through the text, each tried in that order at each
    position: an address starts with none of the other tokens' first
    characters but the ``h`` of ``http``, and there the URL comes first.
    """
    tokens: list[Token] = []
    starts = NextMatch(_START, text)
    labels = NextMatch(_LABEL_END, text)
    targets = NextMatch(_TARGET_END, text)
    emails = EmailFinder(text)
    position = 0
    while position < len(text):
        found = starts.search(position)
        email = emails.search(position)
        if email is not None and (found is None or email[0] < found.start()):
            tokens.append(Token("email", *email))
            position = email[1]
            continue
        if found is None:
            break
        kind = found.lastgroup or ""
        token = (
            _link_at(text, found.start(), labels, targets)
            if kind == "link"
            else Token(kind, found.start(), found.end())
        )
        if token is None:  # a [ that opens no link is text
            position = found.start() + 1
            continue
        tokens.append(token)
        position = token.end
    return tokens


def paired_markers(tokens: list[Token]) -> set[int]:
    """Positions of ``**`` and ``*`` markers that have a closing partner."""
    positions: dict[str, list[int]] = {"bold": [], "italic": []}
    for token in tokens:
        if token.kind in positions:
            positions[token.kind].append(token.start)
    paired: set[int] = set()
    for found in positions.values():
        usable = len(found) - len(found) % 2
        paired.update(found[:usable])
    return paired


def parse_inline(text: str) -> list[Span]:
    """Split marked-up text into spans of uniform formatting."""
    return list(_parsed(text))


# Rendering, the checks and the export each read a segment's spans, a few
# times over within one command: a 1 MB paragraph was parsed 52 times by one
# export. A few recent texts suffice, and keep memory flat while typing.
@functools.lru_cache(maxsize=64)
def _parsed(text: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    bold = italic = False
    buffer: list[str] = []
    tokens = inline_tokens(text)
    paired = paired_markers(tokens)

    def flush() -> None:
        if buffer:
            spans.append(Span("".join(buffer), bold, italic))
            buffer.clear()

    position = 0
    for token in tokens:
        buffer.append(text[position : token.start])
        position = token.end
        kind = token.kind
        if kind == "escape":
            buffer.append(text[token.start + 1])
        elif kind in ("bold", "italic"):
            if token.start not in paired:
                buffer.append(text[token.start : token.end])
                continue
            flush()
            if kind == "bold":
                bold = not bold
            else:
                italic = not italic
        elif kind == "link":
            href = safe_href(token.target)
            flush()
            spans.append(Span(token.label, bold, italic, href))
        else:  # url, email
            raw = text[token.start : token.end]
            kept = raw.rstrip(_TRAILING_PUNCTUATION)
            position = token.start + len(kept)
            flush()
            spans.append(Span(kept, bold, italic, safe_href(kept)))
    buffer.append(text[position:])
    flush()
    return tuple(span for span in spans if span.text)


def to_plain_text(text: str) -> str:
    """The text a reader sees, without markup."""
    return "".join(span.text for span in parse_inline(text))


def escape_markup(text: str) -> str:
    """Escape only what would otherwise read as markup, so stored text stays readable."""
    text = text.replace("\\", "\\\\").replace("*", "\\*")
    if "](" in text:
        text = text.replace("[", "\\[")
    return text


def _wrap(text: str, bold: bool, italic: bool) -> str:
    if not text:
        return ""
    # Markers hug the words: "** gras**" would not read as bold.
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    core = text.strip()
    if not core:
        return text
    if italic:
        core = f"*{core}*"
    if bold:
        core = f"**{core}**"
    return f"{lead}{core}{trail}"


def block_markup(fragments: list[tuple[str, bool, bool, str]]) -> str:
    """One paragraph's markup from (text, bold, italic, href) runs."""
    merged: list[tuple[str, bool, bool, str]] = []
    for text, bold, italic, href in fragments:
        if merged and merged[-1][1:] == (bold, italic, href):
            merged[-1] = (merged[-1][0] + text, bold, italic, href)
        else:
            merged.append((text, bold, italic, href))
    out = []
    for text, bold, italic, href in merged:
        if href:
            bare = href.removeprefix("mailto:")
            label = escape_markup(text)
            piece = text if bare == text else f"[{label}]({href})"
        else:
            piece = escape_markup(text)
        out.append(_wrap(piece, bold, italic))
    return "".join(out)
