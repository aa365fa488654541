"""Translated documents as a reader hands them over: a version rendered as an export prints it."""

from __future__ import annotations

import copy

from releasewriter.importing.blocks import BlockKind, SourceBlock
from releasewriter.model import Release
from releasewriter.model.inline import Span, block_markup, escape_markup
from releasewriter.render.document import render_release
from releasewriter.translation.segments import segment_map
from releasewriter.translation.versions import remove_version


def line(text: str, kind: BlockKind = BlockKind.PARAGRAPH, *, bold: bool = False) -> SourceBlock:
    return SourceBlock(
        escape_markup(text), text, kind, level=1 if kind is BlockKind.HEADING else 0, bold=bold
    )


def _markup(spans: tuple[Span, ...], lead: str = "", separator: str = " ") -> SourceBlock:
    fragments = [(s.text, s.bold, s.italic, s.href or "") for s in spans]
    if lead:
        fragments.insert(0, (lead + separator, False, False, ""))
    return SourceBlock(block_markup(fragments), "".join(f[0] for f in fragments))


def document_blocks(
    release: Release, locale: str, *, notes: tuple[str, ...] = ()
) -> list[SourceBlock]:
    """The version as a Word file of it reads: headline, dateline and paragraphs, quotes
    with their attribution, end mark, contacts, notes, About; ``notes`` are the
    translator's own lines put before the headline."""
    r = render_release(release, locale)
    blocks = [line(n) for n in notes]
    blocks.append(line(r.headline, BlockKind.HEADING))
    if r.subheadline:
        blocks.append(line(r.subheadline, bold=True))
    for block in r.blocks:
        blocks.append(_markup(block.spans, block.lead, block.lead_separator))
    blocks.append(line(r.end_mark))
    if r.contacts:
        blocks.append(line(r.contacts_heading, bold=True))
        for contact in r.contacts:
            for text in (contact.name, contact.role, contact.office):
                if text:
                    blocks.append(line(text))
            for detail in contact.details:
                blocks.append(line(detail.before + detail.value + detail.after))
    if r.notes:
        blocks.append(line(r.notes_heading, bold=True))
        blocks += [_markup(note) for note in r.notes]
    if r.about_heading:
        blocks.append(line(r.about_heading, bold=True))
        blocks += [_markup(paragraph) for paragraph in r.boilerplate]
    return blocks


def without(release: Release, locale: str) -> Release:
    """The release as it was before ``locale``'s version was translated."""
    copied = copy.deepcopy(release)
    remove_version(copied, locale)
    return copied


def expected_texts(release: Release, locale: str) -> dict[str, str]:
    version = release.version(locale)
    return {key: s.text for key, s in segment_map(version, release.organisation).items()}
