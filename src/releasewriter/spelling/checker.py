"""A spelling checker per language, over pyspellchecker's word lists.

pyspellchecker (pure Python, offline) ships a word-frequency list for en, es,
fr, pt, de, ru, ar and a few more; there is none for zh, ja or ko, so
:func:`checker_for` gives ``None`` for them. Loading a list takes from about
20 ms (ru) to about half a second (pt, 417,000 words): each is loaded once, on
first use, and kept; the editor loads it in a worker thread (see
:mod:`releasewriter.spelling.lists` for why it is read in slices).

The es and ru lists are much thinner than the others (see
:data:`INCOMPLETE_WORD_LISTS`): ordinary inflected forms are missing, so a
correct sentence gets underlined. The checker still works for them; the
editor decides whether to show it.
"""

from __future__ import annotations

import threading
import time
import unicodedata
from collections.abc import Container

from releasewriter.i18n.locales import language_of
from releasewriter.spelling.lists import has_list, load_word_list
from releasewriter.spelling.variants import american_forms
from releasewriter.spelling.words import (
    APOSTROPHES,
    HYPHENS,
    Word,
    is_acronym,
    lookup_form,
    parts,
    words,
)

Misspelling = tuple[int, int, str]

# Lists that leave out common forms. es: plurals and conjugations ("años",
# "está", "fue", "hay", "dijo" are all missing: 2% of its 86,000 words end
# in -s against 36% for French). ru: 19,880 words for a language of six cases
# ("миграции", "семьям", "правительствами" are missing).
INCOMPLETE_WORD_LISTS = frozenset({"es", "ru"})

# French and Italian elisions whose list entry may lack the apostrophe form.
_ELISIONS = frozenset(
    {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"}
)
# Prefixes written with a hyphen before a word (co-organisé, ex-combattants, pré-enregistrement).
_PREFIX_WORDS = (
    "co ex pre pré pro post anti non semi demi mi auto inter intra multi micro macro mini "
    "pseudo quasi sous vice neo néo re ré sub super ultra extra trans bi tri self socio agro "
    "eco éco bio geo géo cyber tele télé hyper infra para"
)
_PREFIXES = frozenset(_PREFIX_WORDS.split())
# The endings of English contractions and the possessive: it's, don't, we'll, IOM's.
_CONTRACTIONS = frozenset({"s", "t", "ll", "re", "ve", "d", "m"})
# Suggestions two edits away are looked for only in words up to this long,
# and for at most this many seconds (see LanguageChecker.suggestions).
DISTANCE_2_MAX_LETTERS = 10
SUGGESTION_BUDGET = 0.15
_MEMO_SIZE = 50_000


def has_word_list(locale: str) -> bool:
    """Whether :func:`checker_for` can give a checker for this locale (without loading it)."""
    return has_list(language_of(locale))


class LanguageChecker:
    """Spelling in one language: which words of a text are misspelt, and what to write instead."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._known = load_word_list(language)
        self._letters = self._known.letters
        # Words not in the list, and whether a variant spelling of them is:
        # each keystroke checks its paragraph again.
        self._unknown: dict[str, bool] = {}

    @property
    def complete(self) -> bool:
        """False for the lists that miss common forms (:data:`INCOMPLETE_WORD_LISTS`)."""
        return self.language not in INCOMPLETE_WORD_LISTS

    def __repr__(self) -> str:
        return f"LanguageChecker({self.language!r})"

    # -- checking ----------------------------------------------------------------

    def knows(self, text: str) -> bool:
        """Whether the word list has this word (any case; in English, either spelling)."""
        form = lookup_form(text, self.language)
        if form in self._known:
            return True
        unknown = self._unknown.get(form)
        if unknown is None:
            unknown = not self._knows_variant(form)
            if len(self._unknown) >= _MEMO_SIZE:
                self._unknown.clear()
            self._unknown[form] = unknown
        return not unknown

    def _knows_variant(self, form: str) -> bool:
        if self.language == "en":
            return any(american in self._known for american in american_forms(form))
        return self.language == "ru" and "ё" in form and form.replace("ё", "е") in self._known

    def _checkable(self, text: str) -> bool:
        """Not an acronym, not a single letter, and in this language's alphabet."""
        if len(text) < 2 or is_acronym(text):
            return False
        form = lookup_form(text, self.language)
        return len(form) >= 2 and all(ch in self._letters for ch in form if ch.isalpha())

    def _word_ok(self, word: Word, personal: Container[str]) -> bool:
        return not self._checkable(word.text) or self.knows(word.text) or word.text in personal

    def _check(self, word: Word, personal: Container[str]) -> list[Word]:
        """The misspelt pieces of one word (the whole word, or some of its parts)."""
        if word.text in personal or self.knows(word.text):
            return []
        if any(h in word.text for h in HYPHENS):
            pieces = parts(word, HYPHENS)
            return [
                bad
                for index, piece in enumerate(pieces)
                if index == len(pieces) - 1 or lookup_form(piece.text) not in _PREFIXES
                for bad in self._check(piece, personal)
            ]
        if any(a in word.text for a in APOSTROPHES):
            return self._check_elided(word, personal)
        return [] if self._word_ok(word, personal) else [word]

    def _check_elided(self, word: Word, personal: Container[str]) -> list[Word]:
        """``l’OIM``, ``qu'il``, ``IOM's``: the clitic and the word, each on its own."""
        pieces = parts(word, APOSTROPHES)
        bad: list[Word] = []
        for index, piece in enumerate(pieces):
            form = lookup_form(piece.text, self.language)
            last = index == len(pieces) - 1
            if not last and (form in _ELISIONS or self.knows(piece.text + "'")):
                continue
            if last and index and form in _CONTRACTIONS:
                continue
            if not self._word_ok(piece, personal):
                bad.append(piece)
        return bad

    def misspelt(self, text: str, personal: Container[str] = ()) -> list[Misspelling]:
        """``(start, end, word)`` for each misspelt word of ``text`` (Python string indices).

        ``personal`` holds the words to accept anyway (a personal dictionary).
        """
        found: list[Misspelling] = []
        for word in words(text):
            found.extend((bad.start, bad.end, bad.text) for bad in self._check(word, personal))
        return found

    # -- suggesting --------------------------------------------------------------

    def suggestions(
        self, word: str, limit: int = 5, budget: float = SUGGESTION_BUDGET
    ) -> list[str]:
        """Up to ``limit`` known words close to ``word``, likeliest first, in its case.

        Words one edit away come first. Two edits away are looked for only when
        there are none, only for words of up to :data:`DISTANCE_2_MAX_LETTERS`,
        and only for ``budget`` seconds: the candidates number about a million
        for an 8-letter word, which takes 0.3-0.5 s to go through in full.
        """
        form = lookup_form(word, self.language)
        if not form or limit <= 0:
            return []
        letters = "".join(sorted(self._letters))
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


_checkers: dict[str, LanguageChecker] = {}
_lock = threading.Lock()


def loaded_checker(locale: str) -> LanguageChecker | None:
    """The checker for this locale if its list is already loaded, without loading it."""
    return _checkers.get(language_of(locale))


def checker_for(locale: str) -> LanguageChecker | None:
    """The checker for this locale's language, loaded once; None when there is no list.

    Loading takes up to about half a second the first time (see the module
    docstring): call it from a worker thread where that matters. Safe from
    any thread.
    """
    language = language_of(locale)
    checker = _checkers.get(language)
    if checker is not None or not has_list(language):
        return checker
    with _lock:
        checker = _checkers.get(language)
        if checker is None:
            checker = LanguageChecker(language)
            _checkers[language] = checker
        return checker
