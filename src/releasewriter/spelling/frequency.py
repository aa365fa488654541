"""Which words a pyspellchecker list knows, and the likeliest of them for a misspelling.

The lists hold lower-case words with how often each was seen, so a word is
looked up in lower case and suggestions are ranked by frequency, then put
back in the case of the word they replace.
"""

from __future__ import annotations

import time
import unicodedata

from releasewriter.spelling.lists import WordList, load_word_list
from releasewriter.spelling.variants import american_forms

# Suggestions two edits away are looked for only in words up to this long,
# and for at most this many seconds (see FrequencyList.suggestions).
DISTANCE_2_MAX_LETTERS = 10


class FrequencyList:
    """pyspellchecker's list for one language, with its language's allowances."""

    def __init__(self, language: str, words: WordList) -> None:
        self.language = language
        self._known = words
        self.letters = words.letters

    @classmethod
    def load(cls, language: str) -> FrequencyList:
        return cls(language, load_word_list(language))

    def knows(self, word: str) -> bool:
        """Whether the list has this word (any case; in English, either spelling)."""
        form = word.lower()
        if form in self._known:
            return True
        if self.language == "en":
            return any(american in self._known for american in american_forms(form))
        return self.language == "ru" and "ё" in form and form.replace("ё", "е") in self._known

    def suggestions(self, word: str, limit: int, budget: float) -> list[str]:
        """Up to ``limit`` known words close to ``word``, likeliest first, in its case.

        Words one edit away come first. Two edits away are looked for only when
        there are none, only for words of up to :data:`DISTANCE_2_MAX_LETTERS`,
        and only for ``budget`` seconds: the candidates number about a million
        for an 8-letter word, which takes 0.3-0.5 s to go through in full.
        """
        form = word.lower()
        if not form or limit <= 0:
            return []
        letters = "".join(sorted(self.letters))
        first = _edits(form, letters)
        candidates = {c for c in first if c in self._known}
        if not candidates and len(form) <= DISTANCE_2_MAX_LETTERS:
            deadline = time.perf_counter() + budget
            for near in sorted(first, key=lambda e: (len(e) < len(form), len(e) == len(form), e)):
                candidates.update(c for c in _edits(near, letters) if c in self._known)
                if time.perf_counter() > deadline:
                    break
        candidates.discard(form)
        bare = _without_accents(form)
        ranked = sorted(
            candidates,
            # Only the accents wrong first ("deplaces" → "déplacés"), then the commonest.
            key=lambda c: (_without_accents(c) != bare, -self._known.get(c, 0), c),
        )
        return [_in_case_of(word, c) for c in ranked[:limit]]


def _edits(word: str, letters: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    found = {left + right[1:] for left, right in splits if right}
    found.update(left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1)
    found.update(left + c + right[1:] for left, right in splits if right for c in letters)
    found.update(left + c + right for left, right in splits for c in letters)
    return found


def _without_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _in_case_of(original: str, suggestion: str) -> str:
    if original[:1].isupper():
        if original.isupper() and len(original) > 1:
            return suggestion.upper()
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion
