"""A spelling checker per language: the word rules of a release, over a language's lexicon.

Two kinds of lexicon, both offline and shipped with the app:

- pyspellchecker's word lists (en, fr, pt, de, ar, and more): loading one
  takes from about 20 ms to about half a second (pt, 417,000 words), read
  in slices by :mod:`releasewriter.spelling.lists` so the window keeps
  running; suggestions come from :mod:`releasewriter.spelling.frequency`.
- Hunspell with LibreOffice's dictionaries (es, ru: see
  :mod:`releasewriter.spelling.dictionaries`), where pyspellchecker's lists
  lack common inflected forms.

There is neither for zh, ja or ko, so :func:`checker_for` gives ``None`` for
them. A lexicon is loaded once, on first use, and kept; the editor loads it
in a worker thread. The rules here (what a word is, hyphens, elisions,
acronyms, the personal dictionary) are the same whatever the lexicon.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Container, Iterable
from typing import Protocol

from releasewriter.i18n.locales import language_of
from releasewriter.spelling.dictionaries import DICTIONARIES, has_dictionary, load_dictionary
from releasewriter.spelling.domain import domain_words
from releasewriter.spelling.forms import (
    arabic_stems,
    english_singulars,
    french_capital_accents,
    fused_prefix_rests,
    german_compound,
)
from releasewriter.spelling.frequency import FrequencyList
from releasewriter.spelling.lists import has_list
from releasewriter.spelling.words import (
    APOSTROPHES,
    HYPHENS,
    Word,
    is_acronym,
    lookup_form,
    parts,
    words,
    written_form,
)

Misspelling = tuple[int, int, str]
# A word's misspelt pieces, by the word as written, offsets within the word.
WordMemo = dict[str, tuple[Misspelling, ...]]


class Lexicon(Protocol):
    """The words of one language: which it knows, and which are near a word it does not."""

    letters: frozenset[str]  # lower case: words in other scripts are not its to judge

    def knows(self, word: str) -> bool: ...

    def suggestions(self, word: str, limit: int, budget: float) -> list[str]: ...


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
# How long a word list may look for suggestions two edits away (see
# FrequencyList.suggestions).
SUGGESTION_BUDGET = 0.15
_MEMO_SIZE = 50_000


def has_word_list(locale: str) -> bool:
    """Whether :func:`checker_for` can give a checker for this locale (without loading it)."""
    language = language_of(locale)
    if language in DICTIONARIES:
        # pyspellchecker has lists for these too, but they underline correct words in
        # nearly every sentence: without Hunspell these languages go unchecked.
        return has_dictionary(language)
    return has_list(language)


def load_lexicon(language: str) -> Lexicon:
    if has_dictionary(language):
        return load_dictionary(language)
    return FrequencyList.load(language)


class LanguageChecker:
    """Spelling in one language: which words of a text are misspelt, and what to write instead."""

    def __init__(self, language: str, lexicon: Lexicon | None = None) -> None:
        self.language = language
        self._lexicon = lexicon if lexicon is not None else load_lexicon(language)
        self._letters = self._lexicon.letters
        self._domain = domain_words(language)
        # Whether each word seen is known: each keystroke checks its paragraph again.
        self._memo: dict[str, bool] = {}

    def __repr__(self) -> str:
        return f"LanguageChecker({self.language!r})"

    # -- checking ----------------------------------------------------------------

    def knows(self, text: str) -> bool:
        """Whether the lexicon has this word (as written; case as the lexicon allows)."""
        # Keyed by the text as typed: a word seen before costs one dictionary look-up.
        known = self._memo.get(text)
        if known is None:
            known = self._knows_form(written_form(text, self.language))
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()
            self._memo[text] = known
        return known

    def _in_lexicon(self, form: str) -> bool:
        return self._lexicon.knows(form) or form.lower() in self._domain

    def _knows_form(self, form: str) -> bool:
        """The word as written, or one of the forms the lexicon may know it under
        (see :mod:`releasewriter.spelling.forms`)."""
        if self._in_lexicon(form):
            return True
        language = self.language
        candidates: Iterable[str] = fused_prefix_rests(form, language)
        if language == "en":
            candidates = itertools.chain(candidates, english_singulars(form))
        elif language == "fr":
            candidates = itertools.chain(candidates, french_capital_accents(form))
        elif language == "ar":
            candidates = arabic_stems(form)
        if any(self._in_lexicon(candidate) for candidate in candidates):
            return True
        return language == "de" and german_compound(form, self._in_lexicon)

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

    def misspelt(
        self, text: str, personal: Container[str] = (), memo: WordMemo | None = None
    ) -> list[Misspelling]:
        """``(start, end, word)`` for each misspelt word of ``text`` (Python string indices).

        ``personal`` holds the words to accept anyway (a personal dictionary).
        ``memo`` keeps each word's verdict for the next call: an editor checks
        a paragraph again at every key, and a 600-word paragraph took 10 ms.
        Its owner empties it when ``personal`` changes.
        """
        found: list[Misspelling] = []
        for word in words(text):
            if memo is None:
                found.extend((bad.start, bad.end, bad.text) for bad in self._check(word, personal))
                continue
            verdict = memo.get(word.text)
            if verdict is None:
                start = word.start
                verdict = tuple(
                    (bad.start - start, bad.end - start, bad.text)
                    for bad in self._check(word, personal)
                )
                if len(memo) >= _MEMO_SIZE:
                    memo.clear()
                memo[word.text] = verdict
            found.extend((word.start + a, word.start + b, bad) for a, b, bad in verdict)
        return found

    # -- suggesting --------------------------------------------------------------

    def suggestions(
        self, word: str, limit: int = 5, budget: float = SUGGESTION_BUDGET
    ) -> list[str]:
        """Up to ``limit`` known words close to ``word``, likeliest first, in its case."""
        form = written_form(word, self.language)
        if not form or limit <= 0:
            return []
        return self._lexicon.suggestions(form, limit, budget)


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
    if checker is not None or not has_word_list(language):
        return checker
    with _lock:
        checker = _checkers.get(language)
        if checker is None:
            checker = LanguageChecker(language)
            _checkers[language] = checker
        return checker
