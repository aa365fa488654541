"""The humanitarian vocabulary that general word lists lack, kept as data.

``resources/dictionaries/humanitarian/<language>.txt`` holds, one a line, the
words of IOM, UNHCR and WHO releases that neither pyspellchecker's lists nor
the Hunspell dictionaries know ("governorate", "gouvernorat", "мухафаза",
"نازح"). The general lists are built from subtitles and news, where these are
rare, yet a field office writes them in nearly every release. Lines starting
with ``#`` are comments. The checker's rules (plurals, prefixes, Arabic
clitics) apply to these words as to the lexicon's.
"""

from __future__ import annotations

import functools
import unicodedata

from releasewriter.resources import resource_path


@functools.cache
def domain_words(language: str) -> frozenset[str]:
    """The curated words for ``language``, in lower case; empty when there are none."""
    path = resource_path("dictionaries", "humanitarian", f"{language}.txt")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    return frozenset(
        unicodedata.normalize("NFC", line.strip()).lower()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )
