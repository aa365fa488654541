"""Score the importer on the held-out releases: every field right, and no text lost.

Run: ``PYTHONPATH=src:. python -m tests.importing.heldout.score``
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from releasewriter.importing.operation import ImportReading, read_document
from releasewriter.model.release import LanguageVersion
from tests.importing.heldout.files import FORMATS, build, plain
from tests.importing.heldout.model import Held

LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh")
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3400-\u9fff]")


def releases() -> list[Held]:
    out: list[Held] = []
    for lang in LANGUAGES:
        module = importlib.import_module(f"tests.importing.heldout.releases_{lang}")
        out.extend(module.RELEASES)
    return out


@dataclass
class Wrong:
    file: str
    field: str
    expected: object
    got: object


@dataclass
class Score:
    right: int = 0
    scored: int = 0
    wrong: list[Wrong] = field(default_factory=list)
    # File name -> words of the release found neither in a field nor in not_placed.
    lost: dict[str, list[str]] = field(default_factory=dict)


def _words(text: str) -> list[str]:
    """Words to look for; a run of Chinese is cut into pieces of four characters."""
    out: list[str] = []
    for word in _WORD.findall(plain(text).lower()):
        if _CJK.search(word):
            out.extend(word[i : i + 4] for i in range(0, len(word), 4))
        else:
            out.append(word)
    return out


def _kept_text(reading: ImportReading) -> str:
    version = reading.imported.release.source
    parts = [version.headline, version.subheadline, version.city, version.end_mark or ""]
    parts += [p.text for p in version.body] + [p.text for p in version.notes_to_editors]
    parts += [version.boilerplate or ""]
    for quote in version.quotes:
        parts += [quote.text, quote.speaker, quote.role]
    for contact in version.contacts:
        parts += [contact.name, contact.role, contact.office, contact.email, contact.phone]
    parts += list(reading.imported.not_placed)
    return "".join(_WORD.findall(" ".join(parts).lower()))


def lost_words(held: Held, reading: ImportReading) -> list[str]:
    kept = _kept_text(reading)
    texts = [held.headline, held.subheadline, *held.paragraphs]
    for quote in held.quotes:
        texts += [quote.text, quote.speaker, quote.role]
    for contact in held.contacts:
        texts += [contact.name, contact.role, contact.email, contact.phone]
    lost: list[str] = []
    for text in texts:
        lost.extend(w for w in _words(text) if w not in kept and w not in lost)
    return lost


def _overlap(a: str, b: str) -> float:
    words = set(_words(a))
    return len(words & set(_words(b))) / len(words) if words else 0.0


def _norm(value: object) -> object:
    return " ".join(value.split()) if isinstance(value, str) else value


def compare(held: Held, reading: ImportReading) -> list[tuple[str, object, object]]:
    """(field, expected, got) for every field scored."""
    release = reading.imported.release
    version: LanguageVersion = release.source
    got_date: dt.date | None = release.dateline.date
    rows: list[tuple[str, object, object]] = [
        ("headline", held.headline, version.headline),
        ("subheadline", held.subheadline, version.subheadline),
        ("city", held.city.casefold(), version.city.strip().casefold()),
        ("country", held.country, release.dateline.country),
        ("date", held.date, got_date),
        ("body paragraphs", len(held.paragraphs), len(version.body)),
        ("quotes", len(held.quotes), len(version.quotes)),
    ]
    for i, quote in enumerate(held.quotes, 1):
        best = max(version.quotes, key=lambda q: _overlap(quote.text, q.text), default=None)
        if best is None or _overlap(quote.text, best.text) < 0.5:
            best = None
        rows.append((f"quote {i} speaker", quote.speaker, best.speaker if best else "(no quote)"))
        rows.append((f"quote {i} role", quote.role, best.role if best else "(no quote)"))
    rows.append(("contacts", len(held.contacts), len(version.contacts)))
    for i, contact in enumerate(held.contacts, 1):
        match = [c for c in version.contacts if contact.email and contact.email in c.email]
        if not match and i <= len(version.contacts):
            match = [version.contacts[i - 1]]
        got = match[0] if match else None
        rows.append((f"contact {i} email", contact.email, got.email if got else "(none)"))
        rows.append((f"contact {i} phone", contact.phone, got.phone if got else "(none)"))
    return [(name, _norm(want), _norm(have)) for name, want, have in rows]


def score_all(folder: Path) -> dict[tuple[str, str], Score]:
    scores: dict[tuple[str, str], Score] = {}
    for index, held in enumerate(releases()):
        for fmt, path in build(held, index, folder).items():
            score = scores.setdefault((held.lang, fmt), Score())
            reading = read_document(path)
            for name, want, have in compare(held, reading):
                score.scored += 1
                if want == have:
                    score.right += 1
                else:
                    score.wrong.append(Wrong(path.name, name, want, have))
            lost = lost_words(held, reading)
            if lost:
                score.lost[path.name] = lost
    return scores


def _cell(scores: list[Score]) -> str:
    right = sum(s.right for s in scores)
    scored = sum(s.scored for s in scores)
    return f"{right}/{scored} ({100 * right / scored:.0f} %)" if scored else "–"


def report(scores: dict[tuple[str, str], Score]) -> str:
    scores = {
        (lang, fmt): scores.get((lang, fmt), Score()) for lang in LANGUAGES for fmt in FORMATS
    }
    lines = ["| language | " + " | ".join(FORMATS) + " | all |", "|---" * (len(FORMATS) + 2) + "|"]
    for lang in LANGUAGES:
        row = [_cell([scores[(lang, fmt)]]) for fmt in FORMATS]
        row.append(_cell([scores[(lang, fmt)] for fmt in FORMATS]))
        lines.append(f"| {lang} | " + " | ".join(row) + " |")
    columns = [_cell([scores[(lang, fmt)] for lang in LANGUAGES]) for fmt in FORMATS]
    lines.append("| all | " + " | ".join(columns) + f" | {_cell(list(scores.values()))} |")
    lines += ["", "## Wrong fields by kind", "", "| field | wrong |", "|---|---|"]
    kinds: dict[str, int] = {}
    for score in scores.values():
        for wrong in score.wrong:
            kind = re.sub(r"\d+ ", "", wrong.field)
            kinds[kind] = kinds.get(kind, 0) + 1
    lines += [f"| {kind} | {count} |" for kind, count in sorted(kinds.items(), key=lambda k: -k[1])]
    lines += ["", "## Wrong fields", "", "| file | field | expected | got |", "|---|---|---|---|"]
    for lang in LANGUAGES:
        for fmt in FORMATS:
            for wrong in scores[(lang, fmt)].wrong:
                lines.append(
                    f"| {wrong.file} | {wrong.field} | {wrong.expected!r} | {wrong.got!r} |"
                )
    lines += ["", "## Lost text", ""]
    lost = [(name, words) for s in scores.values() for name, words in s.lost.items()]
    lines += [f"- {name}: {' '.join(words)}" for name, words in lost] or ["None."]
    return "\n".join(lines)


def run() -> dict[tuple[str, str], Score]:
    with tempfile.TemporaryDirectory() as folder:
        return score_all(Path(folder))


def main() -> int:
    print(report(run()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
