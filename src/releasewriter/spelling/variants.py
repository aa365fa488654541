"""British spellings for a word list that has only the American ones.

pyspellchecker's English list is American: "programme", "organisation",
"centre", "labour" are not in it, and UN-system English (Oxford spelling) uses
them in every release. A word the list lacks is accepted when its American
form is in it; the rules only ever turn a British ending into its American
one, and are tried only for words the list does not know.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_RULES = (
    (re.compile(r"our"), "or"),  # colour, labour, favourite, neighbourhood, honourable
    (re.compile(r"tre(s?)$"), r"ter\1"),  # centre, metres, theatre
    (re.compile(r"tred$"), "tered"),  # centred
    (re.compile(r"is(e|es|ed|ing|ation|ations|ational|er|ers)$"), r"iz\1"),  # organisation
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),  # analyse, paralysed
    (re.compile(r"mme(s?)$"), r"m\1"),  # programme
    (re.compile(r"ogue(s?)$"), r"og\1"),  # catalogue
    (re.compile(r"ence(s?)$"), r"ense\1"),  # defence, licence
    (re.compile(r"ll(ed|ing|er|ers|or|ors)$"), r"l\1"),  # travelled, counsellor
    (re.compile(r"(?<=[a-z])(ae|oe)(?=[a-z])"), "e"),  # paediatric, manoeuvre
)


def american_forms(word: str) -> Iterator[str]:
    """The American spellings a British ``word`` (lower case) may have, each rule alone
    and then all of them together (``organisational`` needs one, ``colourised`` two)."""
    combined = word
    for pattern, replacement in _RULES:
        changed = pattern.sub(replacement, word)
        if changed != word:
            yield changed
        combined = pattern.sub(replacement, combined)
    if combined != word:
        yield combined
