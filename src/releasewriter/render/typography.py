"""Language typography applied when rendering; the stored text stays as typed.

Quotation marks come from CLDR's delimiters (babel does not carry them).
French takes a no-break space before ``: ; ! ?`` and inside « » (a narrow
one, U+202F, except before the colon, as the Imprimerie nationale rules).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from releasewriter.i18n.locales import language_of

NBSP = "\u00a0"
NNBSP = "\u202f"


@dataclass(frozen=True)
class QuoteMarks:
    open: str
    close: str
    inner_open: str
    inner_close: str
    padding: str = ""

    def wrap(self, text: str) -> str:
        return f"{self.open}{self.padding}{text}{self.padding}{self.close}"


# From CLDR's <delimiters> (quotationStart/End, alternateQuotationStart/End).
QUOTE_MARKS: dict[str, QuoteMarks] = {
    "ar": QuoteMarks("”", "“", "’", "‘"),
    "de": QuoteMarks("„", "“", "‚", "‘"),
    "en": QuoteMarks("“", "”", "‘", "’"),
    "es": QuoteMarks("«", "»", "“", "”"),
    "fa": QuoteMarks("«", "»", "‹", "›"),
    "fr": QuoteMarks("«", "»", "«", "»", NNBSP),
    "he": QuoteMarks("”", "”", "’", "’"),
    "it": QuoteMarks("«", "»", "“", "”"),
    "ja": QuoteMarks("「", "」", "『", "』"),
    "ko": QuoteMarks("“", "”", "‘", "’"),
    "pl": QuoteMarks("„", "”", "«", "»"),
    "pt": QuoteMarks("“", "”", "‘", "’"),
    "ru": QuoteMarks("«", "»", "„", "“"),
    "sw": QuoteMarks("“", "”", "‘", "’"),
    "tr": QuoteMarks("“", "”", "‘", "’"),
    "uk": QuoteMarks("«", "»", "„", "“"),
    "zh": QuoteMarks("“", "”", "‘", "’"),
}
DEFAULT_QUOTE_MARKS = QuoteMarks("“", "”", "‘", "’")

# Languages whose apostrophe is the typographic ’ (U+2019).
_CURLY_APOSTROPHE = frozenset({"en", "fr", "es", "it", "pt", "de", "sw", "nl", "ca"})

_STRAIGHT_DOUBLE = re.compile(r'"([^"\n]+)"')
_FRENCH_SPACE_BEFORE = re.compile(r"[ \u00a0\u202f]?([;!?])(?=\s|$)")
_FRENCH_SPACE_BEFORE_COLON = re.compile(r"[ \u00a0\u202f]([:])(?=\s|$)")
_FRENCH_SPACES = " \u00a0\u202f"


def comma_inside_quotes(locale: str) -> bool:
    """English (US and UK news style alike) closes a quote before attribution with “…,”."""
    return language_of(locale) == "en"


def quote_marks(locale: str) -> QuoteMarks:
    return QUOTE_MARKS.get(language_of(locale), DEFAULT_QUOTE_MARKS)


def typeset(text: str, locale: str) -> str:
    """Apply the language's typography to display text (never to URLs or addresses)."""
    language = language_of(locale)
    marks = quote_marks(locale)
    text = _STRAIGHT_DOUBLE.sub(lambda m: marks.wrap(m.group(1)), text)
    if language in _CURLY_APOSTROPHE:
        text = re.sub(r"(?<=\w)'(?=\w)", "’", text)
    if language == "fr":
        text = _french(text)
    return text


def _french(text: str) -> str:
    # Only where the typist separated the sign (or it ends a word before a
    # space): "https://" and "10:30" must stay untouched.
    text = _FRENCH_SPACE_BEFORE.sub(lambda m: NNBSP + m.group(1), text)
    text = re.sub(r"(?<=\w)([;!?])(?=\s|$)", NNBSP + r"\1", text)
    text = _FRENCH_SPACE_BEFORE_COLON.sub(NBSP + ":", text)
    return _french_guillemets(text)


def _french_guillemets(text: str) -> str:
    """Each « up to the next » gets a narrow no-break space inside either mark.

    Found with str.find, not a regular expression: a pattern for "« then
    anything up to »" re-reads the rest of the text from every « when no »
    follows (quadratic on a long run of «).
    """
    pieces: list[str] = []
    position = 0
    while (start := text.find("«", position)) >= 0 and (end := text.find("»", start + 1)) >= 0:
        inner = text[start + 1 : end].strip(_FRENCH_SPACES)
        pieces += [text[position:start], f"«{NNBSP}{inner}{NNBSP}»"]
        position = end + 1
    pieces.append(text[position:])
    return "".join(pieces)
