"""The other spellings under which a lexicon may know a correct word it lacks as written.

The word lists hold the words seen often in general text, so a press release's
ordinary vocabulary falls through in predictable ways:

- words built with a fused prefix (``transfrontaliers``, ``intergubernamental``,
  ``psicossocial``): the word after the prefix is known;
- English plurals of a known noun (``governorates``);
- French capitals written without their accent (``Etats membres``);
- Arabic words with their clitics (``والمنظمة``, ``للاتجار``, ``اعتمدتها``) or a
  plural or feminine ending (``النازحات``, ``محافظات``), or a final ه for ة;
- German compounds (``Aufnahmegemeinschaften``) whose parts are known.

Each function yields candidate spellings; the checker accepts the word when the
lexicon knows one of them. The candidates only ever remove a prefix, an ending
or a clitic that the language really has, and what remains must be a whole
known word, so a misspelling stays one (``gouvernemnt``, ``الدوليةة``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

# A prefix must leave a word at least this long, so "re" + a stray syllable is no word.
_MIN_REST = 4

# Prefixes written fused to the word (no hyphen) in each language.
_FUSED_PREFIXES: dict[str, str] = {
    "en": "trans inter intra sub post pre anti counter multi psycho socio bio geo non peace",
    "fr": (
        "trans inter intra sous post pré anti contre multi pluri "
        "psycho socio bio géo auto extra supra infra néo semi"
    ),
    "es": (
        "trans inter intra sub pos post pre anti contra multi pluri "
        "psico socio bio geo auto extra supra infra neo semi re"
    ),
    "pt": (
        "trans inter intra sub pós pos pré pre anti contra multi "
        "pluri psico socio bio geo auto extra supra infra neo semi re"
    ),
    "de": "trans inter psycho sozio bio geo multi re",
    "ru": "транс меж пост анти контр мульти психо социо био гео ре суб сверх",
}
_VOWELS = frozenset("aeiouáéíóúàâêôãõ")

# Arabic: conjunction, then preposition, then the article (ل + ال is written لل).
_AR_CONJUNCTIONS = ("و", "ف")
_AR_PREPOSITIONS = ("ب", "ك", "ل")
_AR_ARTICLE = "ال"
# Attached pronouns: his, her, their, your, our, me.
_AR_PRONOUNS = ("هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ني", "ه", "ك")
_TA_MARBUTA = "ة"


def fused_prefix_rests(word: str, language: str) -> Iterator[str]:
    """``frontaliers`` for ``transfrontaliers``; ``social`` for ``psicossocial`` (a prefix
    ending in a vowel doubles the s or r after it in Portuguese and Spanish)."""
    lower = word.lower()
    for prefix in _FUSED_PREFIXES.get(language, "").split():
        rest = lower[len(prefix) :]
        if not lower.startswith(prefix) or len(rest) < _MIN_REST:
            continue
        yield rest
        if prefix[-1] in _VOWELS and rest[:2] in ("ss", "rr"):
            yield rest[1:]


def english_singulars(word: str) -> Iterator[str]:
    """``governorate`` for ``governorates``, ``country`` for ``countries``."""
    lower = word.lower()
    if len(lower) <= _MIN_REST or not lower.endswith("s") or lower.endswith("ss"):
        return
    if lower.endswith("ies"):
        yield lower[:-3] + "y"
    if lower.endswith(("ses", "xes", "zes", "ches", "shes", "oes")):
        yield lower[:-2]
    yield lower[:-1]


def french_capital_accents(word: str) -> Iterator[str]:
    """``État`` for ``Etat``: French may leave the accent off a capital letter."""
    if word[:1] == "E" and len(word) > 1:
        for accented in "ÉÈÊ":
            yield accented + word[1:]


def arabic_stems(word: str) -> Iterator[str]:
    """The word without its clitics and endings, each way they may come off."""
    seen: set[str] = set()
    for base in _arabic_without_proclitics(word):
        for stem in (base, *_arabic_without_endings(base)):
            if stem != word and len(stem) >= 2 and stem not in seen:
                seen.add(stem)
                yield stem


def _arabic_without_proclitics(word: str) -> Iterator[str]:
    yield word
    bases = [word]
    if word[:1] in _AR_CONJUNCTIONS and len(word) > 3:
        bases.append(word[1:])
        yield word[1:]
    for base in bases:
        if base[:1] in _AR_PREPOSITIONS and len(base) > 3:
            rest = base[1:]
            # لل: the preposition ل before the article, whose alif is dropped.
            if base[0] == "ل" and rest.startswith("ل"):
                yield _AR_ARTICLE + rest[1:]
                yield rest[1:]
            yield rest
            if rest.startswith(_AR_ARTICLE) and len(rest) > 3:
                yield rest[2:]
        if base.startswith(_AR_ARTICLE) and len(base) > 3:
            yield base[2:]


def _arabic_without_endings(base: str) -> Iterator[str]:
    if base.endswith("ه"):
        yield base[:-1] + _TA_MARBUTA  # a final ه typed for ة
    if base.endswith("ات") and len(base) > 4:
        yield base[:-2] + _TA_MARBUTA  # النازحات → النازحة
        yield base[:-2]
    for ending in ("ين", "ون"):
        if base.endswith(ending) and len(base) > 4:
            yield base[:-2]  # النازحين → النازح, الصحيين → الصحي
    if base.endswith("و") and len(base) > 4:
        yield base[:-1]  # طالبو اللجوء: the construct plural of طالب
    # The feminine ending, but not twice: الدوليةة is a typo for الدولية.
    if base.endswith(_TA_MARBUTA) and not base[:-1].endswith((_TA_MARBUTA, "ه")):
        yield base[:-1]
    if not base.startswith(_AR_ARTICLE):  # the article and a pronoun never go together
        for pronoun in _AR_PRONOUNS:
            stem = base[: -len(pronoun)]
            if base.endswith(pronoun) and len(stem) >= 3:
                yield stem
                if stem.endswith("ت"):
                    yield stem[:-1] + _TA_MARBUTA  # مساعدتهم → مساعدة


# German links the parts of a compound with these (Gesundheit-s-personal, Fremde-n-...).
_DE_LINKS = ("", "s", "es", "n", "en", "er")
_DE_MIN_PART = 4


def german_compound(word: str, knows: Callable[[str], bool]) -> bool:
    """Whether ``word`` is two known words joined as a German compound, each at least four
    letters (``Ernährung·s·unsicherheit``, ``Grenz·management`` for Grenze). Two parts
    only: with three, ``Aufnahmegemeinschafften`` passes as Aufnahme·gemein·schafften."""
    lower = word.lower()
    for cut in range(_DE_MIN_PART, len(lower) - _DE_MIN_PART + 1):
        head, tail = lower[:cut], lower[cut:]
        if not knows(tail):
            continue
        for link in _DE_LINKS:
            stem = head[: len(head) - len(link)]
            if (
                head.endswith(link)
                and len(stem) >= _DE_MIN_PART - 1
                and (knows(stem) or knows(stem + "e"))
            ):
                return True
    return False
