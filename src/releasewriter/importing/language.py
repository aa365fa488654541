"""Which language an imported text is written in, offline and in a few milliseconds.

The script decides first: Arabic letters are Arabic (or Persian/Urdu when
their own letters dominate), Han characters Chinese (Japanese with kana),
Hangul Korean, Cyrillic Russian (Ukrainian when і ї є ґ are frequent).
Latin-script text is scored word by word against the commonest function
words of each language.

The function words are a short curated list per language rather than the top
of the spell checker's frequency lists: those lists keep only a coarse
frequency class per word and take up to 0.4 s each to load, while the few
hundred words that make up a third of any running text have not changed in
a century. A word two languages share ("que") counts for both; words every
Latin-script language writes ("de", "a") are left out.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass


def _listed(words: str) -> frozenset[str]:
    return frozenset(words.split())


FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _listed(
        "the of and to in is that for it with as was on be by this are from at or an "
        "have has had which were their its will would been they not but who more said "
        "also than other after into over about our these those between during such "
        "through while where when what should could can"
    ),
    "fr": _listed(
        "le la les des du et est une dans pour qui que sur au aux par pas plus ont sont "
        "cette ces avec leur leurs être été ainsi nous vous aussi selon entre depuis "
        "notamment afin où ils elles déclaré aujourd’hui lors dont"
    ),
    "es": _listed(
        "el la los las del y es un una en por que con para se su sus al más está están "
        "como pero también según entre desde sobre este esta estos estas ha han fue "
        "son dijo muy donde cuando sin hasta porque"
    ),
    "pt": _listed(
        "o os as do da dos das e é um uma em no na nos nas por que com para se seu "
        "sua seus suas ao mais está são como mas também segundo entre desde sobre "
        "este esta foi disse não pelo pela"
    ),
    "de": _listed(
        "der die das und ist ein eine einen dem den des zu mit von für auf im nicht "
        "sich auch werden wird wurde sind bei nach aus über wie oder sagte durch "
        "zum zur diese dieser haben hat"
    ),
}

# Elided articles ("l’OIM", "d’identification") count as the article they stand for.
_ELISION = re.compile(r"^([ldjmnstc]|qu)['’]", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

# Letters only Persian (پ چ ژ گ ک ی) or Urdu (ٹ ڈ ڑ ں ہ ے) write.
_PERSIAN = frozenset("پچژگکی")
_URDU = frozenset("ٹڈڑںہے")
_UKRAINIAN = frozenset("іїєґ")
# Text shorter than this many words is scored, but with little confidence.
_ENOUGH_WORDS = 12


@dataclass(frozen=True)
class Detection:
    locale: str
    # 0 to 1: the share of the evidence that speaks for ``locale``.
    confidence: float


def _script_counts(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for char in text:
        code = ord(char)
        if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFF:
            counts["Arab"] += 1
        elif 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF:
            counts["Hani"] += 1
        elif 0x3040 <= code <= 0x30FF:
            counts["Kana"] += 1
        elif 0xAC00 <= code <= 0xD7AF:
            counts["Hang"] += 1
        elif 0x0400 <= code <= 0x04FF:
            counts["Cyrl"] += 1
        elif char.isalpha() and code < 0x0250:
            counts["Latn"] += 1
    return counts


def _arabic(text: str, letters: int) -> Detection:
    persian = sum(1 for c in text if c in _PERSIAN)
    urdu = sum(1 for c in text if c in _URDU)
    # Arabic itself writes none of these; a few may come from names.
    if urdu > max(3, letters * 0.02):
        return Detection("ur", 0.8)
    if persian > max(3, letters * 0.02):
        return Detection("fa", 0.8)
    return Detection("ar", 0.95)


def _cyrillic(text: str, letters: int) -> Detection:
    ukrainian = sum(1 for c in text.lower() if c in _UKRAINIAN)
    if ukrainian > max(2, letters * 0.01):
        return Detection("uk", 0.8)
    return Detection("ru", 0.95)


def _latin(text: str) -> Detection:
    scores: Counter[str] = Counter()
    words = 0
    for match in _WORD.finditer(text.casefold()):
        word = match.group().replace("'", "’")
        words += 1
        elided = _ELISION.match(word)
        if elided:
            scores["fr"] += 1
            word = word[elided.end() :]
        for language, listed in FUNCTION_WORDS.items():
            if word in listed:
                scores[language] += 1
    if not scores:
        return Detection("en", 0.0)
    top = scores.most_common(2)
    best, first = top[0]
    second = top[1][1] if len(top) > 1 else 0
    margin = (first - second) / first
    evidence = min(1.0, first / _ENOUGH_WORDS) if words else 0.0
    return Detection(best, round(margin * evidence, 2))


def detect(text: str) -> Detection:
    """The language of ``text`` with a confidence; English with none when nothing tells."""
    text = unicodedata.normalize("NFC", text)
    counts = _script_counts(text)
    if not counts:
        return Detection("en", 0.0)
    script, letters = counts.most_common(1)[0]
    if script == "Arab":
        return _arabic(text, letters)
    if script in ("Hani", "Kana"):
        # Japanese is written in kanji and kana; Chinese never uses kana.
        if counts["Kana"] > max(2, (counts["Hani"] + counts["Kana"]) * 0.05):
            return Detection("ja", 0.9)
        return Detection("zh", 0.95)
    if script == "Hang":
        return Detection("ko", 0.95)
    if script == "Cyrl":
        return _cyrillic(text, letters)
    return _latin(text)


def detect_language(text: str) -> str:
    """The locale of the app's languages that ``text`` is written in (see :func:`detect`)."""
    return detect(text).locale
