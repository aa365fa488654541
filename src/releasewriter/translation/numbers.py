"""Numbers of a text read by value, each language with its own marks and scale words.

"USD 2.4 million", "240万美元", "2,4 millions de dollars", "2,4 млн" and
"٢٫٤ مليون" all read 2400000. A written number may have several plausible
readings (a space that groups digits or separates two numbers; a decimal mark
of another language); a source number is found in a translation when one of
its readings is.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from releasewriter.translation.number_marks import (
    SPACES,
    NumberMarks,
    foreign_marks,
    number_marks,
    plain_separator,
)

# The zero of each block of decimal digits a release may use: Arabic-Indic,
# Persian, Devanagari and the other Indic scripts, Thai, Lao, Tibetan,
# Myanmar, Khmer, Mongolian, full-width.
_ZEROS = (
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0xFF10,
)  # fmt: skip


@functools.cache
def _digit_table() -> dict[int, str]:
    """Digits of those scripts, as ASCII digits."""
    return {zero + value: str(value) for zero in _ZEROS for value in range(10)}


def ascii_digits(text: str) -> str:
    return text.translate(_digit_table())


_SEPARATORS = SPACES + "'’.,\u066b\u066c"
# Digits joined by single marks: one written number, or several a space apart.
_RUN = re.compile(f"[0-9]+(?:[{_SEPARATORS}][0-9]+)*")
_NOT_DIGIT = re.compile(r"([^0-9])")
# What may come between the two ends of a range whose second end alone carries
# the scale word: "10–20 million", "10 to 20 million", "de 10 à 20 millions".
_RANGE = re.compile(r"[^0-9.;:!?。；！？\n]{1,15}")
# Numbers below ten are usually written out in words ("three-day", "trois jours").
_MIN_NUMBER = 10

Reading = tuple[Decimal, ...]


@dataclass(frozen=True)
class WrittenNumber:
    text: str
    start: int
    readings: tuple[Reading, ...]
    # False when the language's own marks could not read it (16.07.2013 in English).
    confident: bool
    # Its digits alone, as numbers were compared before they were read by value.
    digits: str


def _grouped(parts: list[str], secondary: int) -> bool:
    if len(parts) == 1:
        return True
    first, *middle, last = parts
    return (
        1 <= len(first) <= 3 and len(last) == 3 and all(len(part) == secondary for part in middle)
    )


def _read(text: str, marks: NumberMarks, groups: frozenset[str]) -> Decimal | None:
    pieces = _NOT_DIGIT.split(text)
    parts, separators = pieces[0::2], pieces[1::2]
    fraction = ""
    if separators and separators[-1] in marks.decimals:
        fraction = "." + parts.pop()
        separators.pop()
    if separators and (len(set(separators)) > 1 or separators[0] not in groups):
        return None
    if not _grouped(parts, marks.secondary_group):
        return None
    return Decimal("".join(parts) + fraction)


def _readings(run: str, marks: NumberMarks) -> Reading | None:
    """One number (digits grouped by spaces too), else numbers a space apart."""
    whole = _read(run, marks, marks.groups)
    if whole is not None:
        return (whole,)
    if " " not in run:
        return None
    apart = [_read(part, marks, marks.groups - {" "}) for part in run.split(" ")]
    if any(value is None for value in apart):
        return None
    return tuple(value for value in apart if value is not None)


def _scaled(reading: Reading, multipliers: Iterable[int]) -> list[Reading]:
    return [(*reading[:-1], reading[-1] * multiplier) for multiplier in multipliers]


@dataclass
class _Found:
    start: int
    end: int
    run: str
    readings: list[Reading]
    confident: bool
    multipliers: tuple[int, ...] = ()


def _found_in(text: str, marks: NumberMarks) -> list[_Found]:
    found = []
    for match in _RUN.finditer(text):
        run = "".join(plain_separator(c) for c in match.group())
        reading = _readings(run, marks)
        if reading is not None:
            found.append(_Found(match.start(), match.end(), match.group(), [reading], True))
            continue
        readings = [r for m in foreign_marks() if (r := _readings(run, m)) is not None]
        if not readings:
            readings = [tuple(Decimal(part) for part in _NOT_DIGIT.split(run)[0::2])]
        found.append(
            _Found(match.start(), match.end(), match.group(), list(dict.fromkeys(readings)), False)
        )
    return found


def numbers_in(text: str, locale: str) -> list[WrittenNumber]:
    """Every number of the text, read with the marks and scale words of the locale."""
    plain = ascii_digits(text)
    marks = number_marks(locale)
    found = _found_in(plain, marks)
    for number in found:
        scale = marks.scale.match(plain, number.end) if marks.scale else None
        if scale:
            number.multipliers = marks.multipliers_of(scale.group(1))
            number.readings = [
                r for reading in number.readings for r in _scaled(reading, number.multipliers)
            ]
            number.end = scale.end()
    # The first end of a range may share the scale word of the second: it is read
    # both ways, which can only make a match easier, never report a false error.
    for first, second in itertools.pairwise(found):
        between = plain[first.end : second.start]
        if second.multipliers and not first.multipliers and _RANGE.fullmatch(between):
            first.readings += [
                r for reading in first.readings for r in _scaled(reading, second.multipliers)
            ]
    return [
        WrittenNumber(
            text[n.start : n.end],
            n.start,
            tuple(n.readings),
            n.confident,
            re.sub(r"\D", "", n.run).lstrip("0") or "0",
        )
        for n in found
    ]


def _required(value: Decimal) -> bool:
    # A fraction (2.5) is not written in words the way "three" is.
    return value >= _MIN_NUMBER or value != value.to_integral_value()


@dataclass(frozen=True)
class Unmatched:
    number: WrittenNumber
    # False: the number may well be there, written in a way that could not be read.
    certain: bool


def unmatched(source: list[WrittenNumber], target: list[WrittenNumber]) -> list[Unmatched]:
    """The source's numbers (from ten up) that the target does not have, in source order."""
    available: Counter[Decimal] = Counter()
    for number in target:
        available.update({value for reading in number.readings for value in reading})
    unsure_digits = {number.digits for number in target if not number.confident}
    missing = []
    # The surest first, so that an ambiguous number cannot take what a sure one needs.
    for number in sorted(source, key=lambda n: (len(n.readings), not n.confident, n.start)):
        needs = [Counter(v for v in reading if _required(v)) for reading in number.readings]
        if not all(needs):
            continue
        for need in needs:
            if all(available[value] >= count for value, count in need.items()):
                available -= need
                break
        else:
            certain = number.confident and number.digits not in unsure_digits
            missing.append(Unmatched(number, certain))
    return sorted(missing, key=lambda m: m.number.start)
