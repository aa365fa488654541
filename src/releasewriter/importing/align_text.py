"""What the alignment of a translation reads in a text: anchors, sentences, and cuts.

Anchors are what a translation keeps from its source whatever the language:
numbers (read by value, each language with its own digits, marks and scale
words), e-mail addresses, web addresses and proper names in Latin script.
Cuts take part of a block's inline markup by positions in its plain text,
so a paragraph split off a merged block keeps its bold, italics and links.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from releasewriter.i18n.locales import is_cjk, script_of
from releasewriter.importing.blocks import SourceBlock
from releasewriter.model.inline import block_markup, escape_markup, find_emails, parse_inline
from releasewriter.translation.numbers import ascii_digits, numbers_in

# Anchor keys start with their kind; "n", "e" and "u" must agree across languages,
# while a name ("w") may be transliterated, so only its presence counts.
STRONG_KINDS = ("n:", "e:", "u:")

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"«»“”]+", re.IGNORECASE)
_LATIN_UPPER = "A-ZÀ-ÖØ-Þ"
_LATIN = "A-Za-zÀ-ÖØ-öø-ÿ"
_NAME = re.compile(rf"(?<![{_LATIN}0-9])[{_LATIN_UPPER}][{_LATIN}'’-]{{2,}}")
_SENTENCE_END = ".!?。！？؟…"
# A sentence ends at its mark (and any closing quote or bracket after it), then a
# space; Chinese and Japanese marks need no space after them.
_BOUNDARY = re.compile(r"[.!?؟…]+[\"”»’)\]」』]*(?=\s)|[。！？]+[”」』）)]*")
# A full stop after a title or an initial ("Dr. Ochieng", "J. Smith") ends no sentence.
_ABBREVIATION = re.compile(r"(?:\b(?:Dr|Mr|Mrs|Ms|Mme|Mlle|St|Prof|Sr|Jr|No|Nr)|\b[A-Z])\.$")
_SPACES = re.compile(r"\s+")


def measure(text: str) -> int:
    """A text's length for the length ratio: its characters without spaces."""
    return len(_SPACES.sub("", text))


def _latin_script(locale: str) -> bool:
    return script_of(locale) in ("Latn", "")


def anchors(plain: str, locale: str) -> Counter[str]:
    """What the text carries that any translation of it carries too."""
    found: Counter[str] = Counter()
    for number in numbers_in(plain, locale):
        if not number.readings:
            continue
        for value in number.readings[0]:
            # Below ten, numbers are often written out ("three-day"); only larger
            # ones and fractions are expected in every language.
            if value >= 10 or value != value.to_integral_value():
                found[f"n:{_canonical(value)}"] += 1
    for email in find_emails(plain):
        found[f"e:{email.casefold()}"] += 1
    for url in _URL.findall(plain):
        bare = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.casefold()).rstrip(".,;:)/")
        found[f"u:{bare}"] += 1
    latin = _latin_script(locale)
    no_addresses = _URL.sub(" ", plain)
    for email in find_emails(no_addresses):
        no_addresses = no_addresses.replace(email, " ")
    for match in _NAME.finditer(no_addresses):
        # In a Latin-script language the first word of a sentence is capitalised
        # whatever it is; elsewhere a Latin word is a name or an acronym.
        if latin and _sentence_initial(no_addresses, match.start()):
            continue
        found[f"w:{match.group().casefold()}"] += 1
    return found


def names(text: str) -> Counter[str]:
    """The Latin-script names of a text known to be a name (a speaker's), wherever they stand."""
    return Counter(f"w:{match.group().casefold()}" for match in _NAME.finditer(text))


def _canonical(value: Decimal) -> str:
    normal = value.normalize()
    return format(normal, "f") if normal == normal.to_integral_value() else str(normal)


def _sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \u00a0\u202f\"“”«»„'‘(")
    return not before or before[-1] in _SENTENCE_END or before[-1] in ":–—-"


@dataclass(frozen=True)
class AnchorScore:
    shared: int
    # Numbers and addresses found on one side only.
    conflicts: int
    shared_names: int


def compare(source: Counter[str], target: Counter[str]) -> AnchorScore:
    shared = conflicts = names = 0
    for key in source.keys() | target.keys():
        a, b = source.get(key, 0), target.get(key, 0)
        if key.startswith(STRONG_KINDS):
            shared += min(a, b)
            conflicts += abs(a - b)
        else:
            names += min(a, b)
    return AnchorScore(shared, conflicts, names)


def sentence_ends(plain: str) -> list[int]:
    """The offsets where each sentence but the last ends (cut points), in order."""
    ends = []
    for match in _BOUNDARY.finditer(plain):
        if _ABBREVIATION.search(plain, max(0, match.start() - 6), match.start() + 1):
            continue
        end = match.end()
        if 0 < end < len(plain.rstrip()):
            ends.append(end)
    return ends


def joiner(locale: str) -> str:
    """What goes between two pieces of one paragraph: nothing in Chinese and Japanese."""
    return "" if is_cjk(locale) else " "


def normalise_digits(text: str) -> str:
    """Digits only, in ASCII: how phone numbers are compared."""
    return re.sub(r"\D", "", ascii_digits(text))


def cut(block: SourceBlock, start: int, end: int) -> str:
    """The markup of ``block.plain[start:end]`` (spaces around it left out)."""
    plain = block.plain
    while start < end and plain[start].isspace():
        start += 1
    while end > start and plain[end - 1].isspace():
        end -= 1
    if start == 0 and end == len(plain) and plain.strip() == plain:
        return block.text
    if block.text == escape_markup(plain):
        return escape_markup(plain[start:end])
    spans = parse_inline(block.text)
    if "".join(span.text for span in spans) != plain:
        # The reader's markup and plain text disagree: the words matter more.
        return escape_markup(plain[start:end])
    fragments: list[tuple[str, bool, bool, str]] = []
    position = 0
    for span in spans:
        span_start, span_end = position, position + len(span.text)
        position = span_end
        piece_start, piece_end = max(span_start, start), min(span_end, end)
        if piece_start < piece_end:
            fragments.append(
                (
                    span.text[piece_start - span_start : piece_end - span_start],
                    span.bold,
                    span.italic,
                    span.href or "",
                )
            )
    return block_markup(fragments)
