"""ASCII spellings of text in other scripts, for mail programs that read only ASCII names.

No dependency does this for us (``unidecode`` is GPL and not installed), and a file
name needs only a readable approximation: Latin letters lose their accents by
Unicode decomposition, Cyrillic and Arabic go through the small tables below, and
a script without a table (Chinese, Japanese, Korean) is dropped, leaving the caller
to name the file another way.
"""

from __future__ import annotations

import unicodedata

# Russian, Ukrainian, Belarusian, Bulgarian and Serbian letters, as in passports (ICAO 9303).
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia", "є": "ie", "і": "i", "ї": "i", "ґ": "g", "ў": "u", "ђ": "dj", "ј": "j",
    "љ": "lj", "њ": "nj", "ћ": "c", "џ": "dz",
}  # fmt: skip
# Arabic letters, simplified from UNGEGN romanization (no dots or macrons in a file name).
_ARABIC = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ء": "", "ؤ": "u", "ئ": "i", "ب": "b",
    "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r",
    "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "",
    "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
    "ة": "a", "و": "w", "ي": "y", "ى": "a", "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g",
    "ک": "k", "ی": "y",
}  # fmt: skip
_TABLE = {
    **{ord(k): v for k, v in _CYRILLIC.items()},
    **{ord(k.upper()): v.capitalize() for k, v in _CYRILLIC.items()},
    **{ord(k): v for k, v in _ARABIC.items()},
    ord("œ"): "oe",
    ord("Œ"): "Oe",
    ord("æ"): "ae",
    ord("Æ"): "Ae",
    ord("ß"): "ss",
    ord("ø"): "o",
    ord("Ø"): "O",
    ord("ł"): "l",
    ord("Ł"): "L",
}


def to_ascii(text: str) -> str:
    """``text`` in ASCII letters as far as the tables reach; other characters are dropped."""
    spelled = unicodedata.normalize("NFC", text).translate(_TABLE)
    folded = unicodedata.normalize("NFKD", spelled)
    return folded.encode("ascii", "ignore").decode("ascii")
