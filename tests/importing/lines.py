"""Blocks as a plain-text reader makes them, and the check that nothing was lost."""

from __future__ import annotations

import re

from releasewriter.importing.blocks import SourceBlock
from releasewriter.importing.contacts import DETAIL_LABELS
from releasewriter.importing.recognise import LABEL_KEYS, ImportedRelease
from releasewriter.model import LanguageVersion

_WORD = re.compile(r"\w+")
_HAN = re.compile(r"[\u3400-\u9fff]")
_HAN_PIECES = re.compile(r"[\u3400-\u9fff]|[^\u3400-\u9fff]+")
# "1. " before a note: the export numbers the notes itself.
_NUMBER = re.compile(r"^\s*(\d{1,2})[.)]\s")


def blocks_of(text: str) -> list[SourceBlock]:
    """One block per line, as the plain-text reader makes them."""
    return [SourceBlock(text=_escape(line), plain=line) for line in text.split("\n")]


def _escape(line: str) -> str:
    from releasewriter.model.inline import escape_markup  # noqa: PLC0415

    return escape_markup(line)


def words(text: str) -> set[str]:
    """The words of ``text``; Chinese, written without spaces, character by character."""
    found: set[str] = set()
    for word in _WORD.findall(text):
        pieces = _HAN_PIECES.findall(word) if _HAN.search(word) else [word]
        found.update(piece.casefold() for piece in pieces)
    return found


def version_words(version: LanguageVersion) -> set[str]:
    found = words(" ".join((version.headline, version.subheadline, version.city)))
    for paragraph in (*version.body, *version.notes_to_editors):
        found |= words(paragraph.text)
    for quote in version.quotes:
        found |= words(" ".join((quote.text, quote.speaker, quote.role)))
    for contact in version.contacts:
        found |= words(" ".join((contact.name, contact.role, contact.office)))
        found |= words(" ".join((contact.email, contact.phone)))
    found |= words(version.boilerplate or "")
    return found | words(version.end_mark or "")


def lost_words(blocks: list[SourceBlock], result: ImportedRelease) -> set[str]:
    """Words of the source in no field, not in ``not_placed``, ``left_out`` or a label."""
    source: set[str] = set()
    for block in blocks:
        source |= words(block.plain)
    kept = version_words(result.version)
    kept |= words(" ".join(result.not_placed + result.left_out))
    kept |= words(" ".join([result.dateline_text, *result.attributions]))
    for key, indices in result.placements.items():
        if key in LABEL_KEYS or key == "embargo":
            for index in indices:
                kept |= words(blocks[index].plain)
    kept |= words(" ".join(DETAIL_LABELS))
    for key, indices in result.placements.items():
        if key.startswith("notes."):
            kept |= {m.group(1) for i in indices if (m := _NUMBER.match(blocks[i].plain))}
    return source - kept
