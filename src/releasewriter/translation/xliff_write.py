"""Writing a translation job as XLIFF 1.2; the representation is described in
:mod:`releasewriter.translation.xliff`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

import releasewriter
from releasewriter.export.sanitize import clean_text
from releasewriter.model import LanguageVersion, Release
from releasewriter.model.inline import inline_tokens, paired_markers
from releasewriter.store.atomic import atomic_write_bytes
from releasewriter.translation.segments import MARKUP_KINDS, Segment, segments_of
from releasewriter.translation.state import SegmentPair, TranslationState, pairs

NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML_NS}}}lang"
XML_SPACE = f"{{{XML_NS}}}space"
TOOL = "ReleaseWriter"
DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'

# Fields whose text is in the inline markup (the others are plain text).
_LANGUAGE_TAG = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")
_STATE = {
    TranslationState.TRANSLATED: "translated",
    TranslationState.NEEDS_REVIEW: "needs-review-translation",
}


class XliffError(ValueError):
    """An XLIFF file that cannot be written or read; the message names the problem."""


def original_name(release: Release) -> str:
    """The ``original`` of the file element: the draft's file name."""
    return f"{release.id}.release.json"


def language_tag(locale: str) -> str:
    """A BCP 47 tag for XLIFF's ``xml:lang``: ``zh_Hans_CN`` → ``zh-Hans-CN``."""
    tag = locale.strip().replace("_", "-")
    if not _LANGUAGE_TAG.fullmatch(tag):
        raise XliffError(f"{locale!r} cannot be written as a language tag")
    return tag


def clean(text: str) -> str:
    """The text with what XML cannot hold replaced by U+FFFD and line ends as ``\\n``."""
    return clean_text(text)[0]


@dataclass(frozen=True)
class Code:
    """Markup characters carried as an XLIFF inline code (``<bpt>``, ``<ept>``, ``<ph>``)."""

    element: str  # "bpt", "ept" or "ph"
    kind: str  # "bold", "italic", "link" or "escape"
    native: str  # the markup characters exactly as stored
    slot: int  # the pair (or placeholder) it belongs to, in order of appearance

    @property
    def signature(self) -> tuple[str, str]:
        """What makes two codes interchangeable between source and target."""
        if self.kind == "link":
            return ("link", self.native if self.element == "ept" else "")
        if self.kind == "escape":
            return ("escape", self.native)
        return (self.kind, "")


Piece = str | Code


def markup_pieces(text: str) -> list[Piece]:
    """The text cut into plain text and markup codes; joined back, the pieces are the text.

    The markers are found exactly as :func:`releasewriter.model.inline.parse_inline`
    finds them: a marker without a partner, a bare address or e-mail stays text.
    """
    pieces: list[Piece] = []
    tokens = inline_tokens(text)
    paired = paired_markers(tokens)
    open_slot: dict[str, int | None] = {"bold": None, "italic": None}
    slots = 0
    position = 0

    def add_text(value: str) -> None:
        if value:
            pieces.append(value)

    for token in tokens:
        kind = token.kind
        if kind in ("url", "email"):
            continue  # a bare address is text; it stays in the gap before the next code
        if kind in ("bold", "italic") and token.start not in paired:
            continue
        add_text(text[position : token.start])
        position = token.end
        marker = text[token.start : token.end]
        if kind == "escape":
            pieces.append(Code("ph", "escape", marker, slots))
            slots += 1
        elif kind == "link":
            pieces.append(Code("bpt", "link", "[", slots))
            add_text(token.label)
            pieces.append(Code("ept", "link", f"]({token.target})", slots))
            slots += 1
        elif kind in ("bold", "italic"):
            slot = open_slot[kind]
            if slot is None:
                open_slot[kind] = slots
                pieces.append(Code("bpt", kind, marker, slots))
                slots += 1
            else:
                open_slot[kind] = None
                pieces.append(Code("ept", kind, marker, slot))
    add_text(text[position:])
    return pieces


def _opening(pieces: list[Piece]) -> Iterator[Code]:
    """One code per pair or placeholder: the one that opens it."""
    return (p for p in pieces if isinstance(p, Code) and p.element != "ept")


def source_ids(pieces: list[Piece]) -> dict[int, int]:
    """Code ids for the source: 1, 2, 3… in order; a pair's two codes share an id."""
    return {code.slot: n for n, code in enumerate(_opening(pieces), start=1)}


def target_ids(pieces: list[Piece], source: list[Piece], ids: dict[int, int]) -> dict[int, int]:
    """Code ids for the target: a code the source also has takes the source's id."""
    free: dict[tuple[str, str], list[int]] = {}
    closing = {p.slot: p for p in source if isinstance(p, Code) and p.element == "ept"}
    for code in _opening(source):
        free.setdefault(_pair_signature(code, closing), []).append(ids[code.slot])
    closing = {p.slot: p for p in pieces if isinstance(p, Code) and p.element == "ept"}
    result: dict[int, int] = {}
    next_id = max(ids.values(), default=0) + 1
    for code in _opening(pieces):
        matching = free.get(_pair_signature(code, closing))
        if matching:
            result[code.slot] = matching.pop(0)
        else:
            result[code.slot] = next_id
            next_id += 1
    return result


def _pair_signature(code: Code, closing: dict[int, Code]) -> tuple[str, str]:
    partner = closing.get(code.slot)
    return partner.signature if code.kind == "link" and partner else code.signature


def _element(parent: Any, name: str, **attributes: str) -> Any:
    child = etree.SubElement(parent, f"{{{NS}}}{name}")
    for attribute, value in attributes.items():
        child.set(attribute.replace("_", "-"), value)
    return child


def fill(element: Any, pieces: list[Piece], ids: dict[int, int]) -> None:
    """Write the pieces as the mixed content of ``element``."""
    last: Any = None
    for piece in pieces:
        if isinstance(piece, str):
            if last is None:
                element.text = (element.text or "") + piece
            else:
                last.tail = (last.tail or "") + piece
            continue
        code = _element(element, piece.element, id=str(ids[piece.slot]))
        if piece.element == "bpt":
            code.set("ctype", piece.kind)
        elif piece.element == "ph":
            code.set("ctype", "x-escape")
            code.set("equiv-text", piece.native[1:])
        code.text = piece.native
        last = code


def _labels(version: LanguageVersion) -> dict[str, str]:
    """Each segment key in plain words, numbered as a reader counts (empty ones skipped)."""
    labels = {
        "headline": "Headline",
        "subheadline": "Subheadline",
        "city": "City of the dateline (as this language spells it)",
        "boilerplate": "About the organisation (boilerplate)",
    }
    body = [p for p in version.body if p.text.strip()]
    for n, paragraph in enumerate(body, start=1):
        labels[f"body:{paragraph.id}"] = f"Body paragraph {n}"
    quotes = [q for q in version.quotes if q.text.strip()]
    for n, quote in enumerate(quotes, start=1):
        number = f" {n}" if len(quotes) > 1 else ""
        speaker = quote.speaker.strip()
        labels[f"quote:{quote.id}"] = f"Quote{number} by {speaker}" if speaker else f"Quote{number}"
    for quote in version.quotes:
        speaker = quote.speaker.strip() or "the speaker of a quote"
        labels[f"quote:{quote.id}:role"] = f"Role of speaker {speaker}"
    for n, contact in enumerate(version.contacts, start=1):
        name = contact.name.strip() or str(n)
        labels[f"contact:{contact.id}:role"] = f"Role of contact {name}"
        labels[f"contact:{contact.id}:office"] = f"Office of contact {name}"
    notes = [p for p in version.notes_to_editors if p.text.strip()]
    for n, note in enumerate(notes, start=1):
        labels[f"note:{note.id}"] = f"Note to editors {n}"
    return labels


def _indent(element: Any, level: int = 0) -> None:
    """Pretty-print the structure; the mixed content of source, target and note is not touched."""
    if etree.QName(element).localname not in {"xliff", "file", "header", "body", "trans-unit"}:
        return
    children = list(element)
    if not children:
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in children:
        child.tail = inner
        _indent(child, level + 1)
    children[-1].tail = "\n" + "  " * level


def _version(release: Release, locale: str, role: str) -> LanguageVersion:
    try:
        return release.version(locale)
    except KeyError:
        have = ", ".join(release.locales)
        raise XliffError(
            f"the release has no {locale!r} version to use as {role}; it has {have}"
        ) from None


def export_xliff(release: Release, source: str, target: str) -> bytes:
    """The segments of ``source`` with their translation in ``target``, as XLIFF 1.2."""
    source_version = _version(release, source, "source")
    target_version = _version(release, target, "target")
    if source_version is target_version:
        raise XliffError(f"source and target are the same version ({source})")
    source_tag, target_tag = language_tag(source), language_tag(target)
    states = {pair.key: pair for pair in pairs(release, target)}
    targets = {s.key: s for s in segments_of(target_version, release.organisation)}
    labels = _labels(source_version)
    # Gendered languages agree the words of a quote with its speaker ("je suis prête").
    genders = {f"quote:{q.id}": str(q.speaker_gender) for q in source_version.quotes}

    root = etree.Element(f"{{{NS}}}xliff", nsmap={None: NS})
    root.set("version", "1.2")
    file = _element(
        root,
        "file",
        original=clean(original_name(release)),
        source_language=source_tag,
        target_language=target_tag,
        datatype="plaintext",
        tool_id=TOOL,
    )
    header = _element(file, "header")
    _element(header, "tool", tool_id=TOOL, tool_name=TOOL, tool_version=releasewriter.__version__)
    _element(header, "note", **{"from": TOOL}).text = "Press release: " + clean(
        source_version.headline.strip()
    )
    if source != release.source_locale:
        _element(header, "note", **{"from": TOOL}).text = (
            f"Translated from the {source_tag} version; the release was written in "
            f"{language_tag(release.source_locale)}."
        )
    _element(header, "note", **{"from": TOOL}).text = (
        "Tags hold the formatting of the text (bold, italic, links, escaped characters): "
        "keep them around the words they format."
    )
    body = _element(file, "body")
    written: set[str] = set()
    for segment in segments_of(source_version, release.organisation):
        if not segment.text.strip():
            continue
        if segment.key in written:
            raise XliffError(
                f"two segments of the {source} version have the key {segment.key!r} "
                "(a paragraph, quote or contact copied by hand with its id?): give one a new id"
            )
        written.add(segment.key)
        pair = states.get(segment.key)
        _unit(
            body,
            segment,
            targets.get(segment.key),
            pair,
            labels.get(segment.key, segment.key),
            (source_tag, target_tag),
            genders.get(segment.key, ""),
            # The earlier text of the release's source; not shown beside another version's.
            pair.previous_source if pair and source == release.source_locale else None,
        )
    _indent(root)
    serialized: bytes = etree.tostring(root, encoding="UTF-8")
    return DECLARATION + serialized + b"\n"


def _unit(
    body: Any,
    segment: Segment,
    target: Segment | None,
    pair: SegmentPair | None,
    label: str,
    tags: tuple[str, str],
    gender: str,
    previous_source: str | None,
) -> None:
    key = clean(segment.key)
    unit = _element(body, "trans-unit", id=key, resname=key)
    unit.set(XML_SPACE, "preserve")
    markup = segment.kind in MARKUP_KINDS
    source_text = clean(segment.text)
    source_pieces: list[Piece] = markup_pieces(source_text) if markup else [source_text]
    ids = source_ids(source_pieces)
    element = _element(unit, "source")
    element.set(XML_LANG, tags[0])
    fill(element, source_pieces, ids)
    target_text = clean(target.text) if target is not None else ""
    state = pair.state if pair is not None else TranslationState.TRANSLATED
    if target_text.strip() and state is not TranslationState.UNTRANSLATED:
        target_pieces: list[Piece] = markup_pieces(target_text) if markup else [target_text]
        element = _element(unit, "target")
        element.set(XML_LANG, tags[1])
        element.set("state", _STATE[state])
        fill(element, target_pieces, target_ids(target_pieces, source_pieces, ids))
    _element(unit, "note", **{"from": TOOL}).text = clean(label)
    if gender:
        _element(unit, "note", **{"from": TOOL}).text = f"The speaker is {gender}."
    if previous_source is not None:
        _element(unit, "note", **{"from": TOOL}).text = (
            "The source has changed since this was translated. It was: " + clean(previous_source)
        )


def write_xliff(path: Path, release: Release, source: str, target: str) -> Path:
    """Export to a file, atomically (an earlier file at ``path`` survives a failure)."""
    atomic_write_bytes(Path(path), export_xliff(release, source, target))
    return Path(path)
