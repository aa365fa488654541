"""The parts of a translated document found by their shape before any paragraph is aligned:
the printed labels, the dateline and its city, the headline, the contacts and
the attribution of a quote.

Each finder reads the translation's own conventions from the catalogs the
export writes with (the same labels, dateline pattern and quotation marks),
and falls back to shapes any translator's document has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from releasewriter.i18n.places import city_in
from releasewriter.importing.align_text import normalise_digits
from releasewriter.importing.blocks import BlockKind, SourceBlock
from releasewriter.model import Contact, Release
from releasewriter.model.organisation import pick_for_locale
from releasewriter.render.dates import country_name
from releasewriter.render.labels import Labels
from releasewriter.translation.numbers import ascii_digits

# End marks ("###", "-30-", "- FIN -", "-ENDS-") and page numbers ("3", "Page 2 of 5",
# "第2页"): never release text.
_END_MARK = re.compile(r"^\s*(?:#{3,}|-\s*(?:30|fin|end|ends)\s*-|\*{3,})\s*$", re.IGNORECASE)
_PAGE_NUMBER = re.compile(
    r"^\s*(?:page|página|pág\.|стр\.?|страница|صفحة|第)?\s*\d+\s*"
    r"(?:(?:/|of|de|из|من|sur)\s*\d+)?\s*页?\s*$",
    re.IGNORECASE,
)
# A dateline ends with a dash (with spaces, if a hyphen) that joins no two figures.
_DATELINE_DASH = re.compile(r"(?<!\d)(?:——|[—–―]|\s--?\s)(?!\d)")
_PLACE_SEPARATORS = re.compile(r"[,，、،]")
QUOTE_CHARS = '“”«»„「」『』"'
_ATTRIBUTION_SEPARATORS = ",،，"
_TRIM = " \u00a0\u202f,،，:：;—–-."


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip(":：").strip().casefold()


def printed_labels(release: Release, locale: str) -> set[str]:
    """The headings and notices the export prints in ``locale``, compared casefolded."""
    labels = Labels(locale)
    organisation = release.organisation
    house = organisation.house_style
    found = {
        labels.contacts_heading,
        labels.notes_heading,
        labels.immediate_release,
        labels.default_end_mark,
        pick_for_locale(house.about_heading, locale) or "",
        pick_for_locale(house.end_mark, locale) or "",
    }
    name = organisation.name_in(locale)
    if name:
        found.add(labels.about_heading(name))
    return {_key(label) for label in found if label.strip()}


def about_prefix(locale: str) -> str:
    """How the language's "About {organisation}" heading begins ("About", "关于", "نبذة عن")."""
    before, _, _ = Labels(locale).about_heading("\0").partition("\0")
    # The space after the word is kept: Russian "О " must not take every line beginning with о.
    return re.sub(r"\s+", " ", before).lstrip().casefold()


def furniture(block: SourceBlock, labels: set[str], about: str = "") -> str | None:
    """What a block is when it is a printed label, an end mark or a page number."""
    key = _key(block.plain)
    if key in labels:
        return "label"
    if about.strip() and key.startswith(about) and len(key) < 80 and not key.endswith((".", "。")):
        # The About heading with the organisation named the translator's way.
        return "label"
    if _END_MARK.match(block.plain):
        return "end mark"
    if _PAGE_NUMBER.match(block.plain):
        return "page number"
    return None


@dataclass(frozen=True)
class FoundDateline:
    index: int
    # Where the paragraph's own text starts after the dateline.
    end: int
    city: str | None
    # The city read in the dateline is CLDR's (or the source's) spelling for the language.
    city_sure: bool


def find_dateline(
    release: Release, locale: str, blocks: list[SourceBlock], candidates: list[int]
) -> FoundDateline | None:
    """The block that opens with the release's place and date, and its city."""
    source = release.source
    year = str(release.dateline.date.year) if release.dateline.date else ""
    country = country_name(release.dateline.country, locale) if release.dateline.country else ""
    known_city = (city_in(source.city, source.locale, locale) or source.city).strip()
    # Anywhere: a web page may have any number of lines of its own before the release.
    for index in candidates:
        block = blocks[index]
        if block.kind is BlockKind.HEADING:
            continue
        plain = ascii_digits(block.plain)
        dash = _DATELINE_DASH.search(plain, 0, 160)
        if dash is None:
            continue
        lead = plain[: dash.start()]
        folded = lead.casefold()
        place_or_date = (
            (year and year in lead)
            or (country and country.casefold() in folded)
            or (known_city and known_city.casefold() in folded)
        )
        rest = plain[dash.end() :].strip()
        if not lead.strip() or not place_or_date or (rest and len(rest) < len(lead)):
            continue
        city, sure = _city(block.plain[: dash.start()], country, known_city)
        return FoundDateline(index, dash.end(), city, sure)
    return None


def _city(lead: str, country: str, known: str) -> tuple[str | None, bool]:
    lead = re.sub(r"\([^)]*\)", " ", lead)
    for raw in _PLACE_SEPARATORS.split(lead):
        piece = raw.strip(_TRIM)
        if not piece or re.search(r"\d", ascii_digits(piece)):
            continue  # the date
        if country and piece.casefold() == country.casefold():
            continue
        if country and piece.startswith(country) and len(piece) > len(country):
            piece = piece[len(country) :].strip()  # Chinese: 中国北京
        if known and piece.casefold() == known.casefold():
            return known, True
        if piece.isupper() and len(piece) > 1:
            # A dateline in capitals ("GENEVA") says nothing of how the name is spelt.
            return piece.title(), False
        # More than a few words is more than a city: the translator's own wording.
        return piece, len(piece.split()) <= 4
    return None, False


def headline_score(block: SourceBlock) -> int:
    """How much a block looks like a headline: a heading, bold, or a line without a full stop."""
    score = 0
    if block.kind is BlockKind.HEADING:
        score += 3 + (block.level <= 1)
    if block.bold:
        score += 2
    plain = block.plain.strip()
    if len(plain) <= 250 and not plain.endswith((".", "。")):
        score += 1
    return score


@dataclass(frozen=True)
class FoundContact:
    contact: Contact
    # Block indices of the role and office lines, in the order the source has them.
    lines: list[int]
    # The block index of the name line, if it was told apart.
    name: int | None
    details: list[int]
    sure: bool


def find_contacts(
    source_contacts: list[Contact],
    blocks: list[SourceBlock],
    usable: list[int],
    stops: set[int],
) -> list[FoundContact]:
    """Each contact's lines, found from its e-mail, phone or name (the same in every language).

    ``stops`` are blocks known to be something else (labels): a contact's lines
    are read back from its details up to one of them, or up to another contact.
    """
    found: list[FoundContact] = []
    taken: set[int] = set()
    position = {index: n for n, index in enumerate(usable)}
    for contact in source_contacts:
        email = contact.email.strip().casefold()
        phone = normalise_digits(contact.phone)
        name = contact.name.strip().casefold()
        details = [
            i
            for i in usable
            if i not in taken
            and len(blocks[i].plain) < 120
            and (
                (email and email in blocks[i].plain.casefold())
                or (len(phone) >= 6 and phone in normalise_digits(blocks[i].plain))
            )
        ]
        # A name line is the name (perhaps with a title), and the last one before
        # the contact's details: the name may also appear in the body.
        names = [
            i
            for i in usable
            if i not in taken
            and name
            and name in blocks[i].plain.casefold()
            and len(blocks[i].plain.strip()) <= len(name) + 12
            and (not details or i < details[0])
        ]
        name_line = (names[-1] if details else names[0]) if names else None
        wanted = [t for t in (contact.role, contact.office) if t.strip()]
        if name_line is not None:
            after = usable[position[name_line] + 1 :]
            lines: list[int] = []
            for i in after:
                if i in details or i in stops or i in taken or len(lines) == len(wanted):
                    break
                if len(blocks[i].plain) > 200:
                    break  # a paragraph of the body
                lines.append(i)
            following = position[lines[-1] if lines else name_line] + 1
            next_line = usable[following] if following < len(usable) else None
            sure = len(lines) == len(wanted) and (not details or next_line in details)
        elif details:
            before = usable[: position[details[0]]]
            lines = []
            for i in reversed(before):
                if i in stops or i in taken or len(lines) == len(wanted) + 1:
                    break
                if len(blocks[i].plain) > 200:
                    break  # a paragraph of the body
                lines.insert(0, i)
            # Bounded by a label, another contact or the document's start: the
            # line before the role is then the name, whatever its spelling.
            previous = lines[0] - 1 if lines else -1
            bounded = previous < 0 or previous not in position or previous in taken
            sure = len(lines) == len(wanted) + 1 and bounded
            if len(lines) == len(wanted) + 1:
                name_line, lines = lines[0], lines[1:]
        else:
            continue
        found.append(FoundContact(contact, lines, name_line, details, sure))
        taken.update(lines, details, [name_line] if name_line is not None else [])
    return found


@dataclass(frozen=True)
class ParsedQuote:
    # Where the quoted words are in the block's plain text.
    start: int
    end: int
    # The attribution follows the quote (and took its full stop: see render.document).
    attribution_after: bool
    role: str | None
    role_sure: bool


def quote_span(plain: str) -> tuple[int, int] | None:
    """The words between the first and last quotation marks, when they are much of the block
    and open or close it (the attribution is on the other side)."""
    first = next((i for i, c in enumerate(plain) if c in QUOTE_CHARS), None)
    last = next((i for i in range(len(plain) - 1, -1, -1) if plain[i] in QUOTE_CHARS), None)
    if first is None or last is None or last - first < 2:
        return None
    stripped = plain.strip()
    share = (last - first) / len(stripped)
    at_an_end = stripped[0] in QUOTE_CHARS or stripped.rstrip(".。")[-1:] in QUOTE_CHARS
    if share < 0.4 and not (at_an_end and share >= 0.2):
        return None
    return first + 1, last


def parse_quote(plain: str, speakers: list[str], want_role: bool) -> ParsedQuote | None:
    span = quote_span(plain)
    if span is None:
        return None
    start, end = span
    before, after = plain[: start - 1], plain[end + 1 :]
    attribution_after = bool(re.search(r"\w", after))
    attribution = (after if attribution_after else before).strip(_TRIM + "。")
    role: str | None = None
    sure = False
    if want_role and attribution:
        role, sure = _role(attribution, speakers)
    return ParsedQuote(start, end, attribution_after, role, sure)


def _role(attribution: str, speakers: list[str]) -> tuple[str | None, bool]:
    """The speaker's role in an attribution ("said NAME, ROLE", "ROLE NAME 表示")."""
    folded = attribution.casefold()
    for speaker in speakers:
        at = folded.find(speaker.casefold()) if speaker.strip() else -1
        if at < 0:
            continue
        after = attribution[at + len(speaker) :]
        if after.lstrip()[:1] in _ATTRIBUTION_SEPARATORS and after.strip():
            return after.strip(_TRIM) or None, True
        role = attribution[:at].strip(_TRIM)
        return role or None, bool(role)
    # The name is spelt in the translation's own way: the role follows the first
    # separator, as long as no other separator makes it ambiguous.
    _, separator, role = _split_first(attribution)
    if not separator:
        return None, False
    role = role.strip(_TRIM)
    return role or None, bool(role) and not any(c in role for c in _ATTRIBUTION_SEPARATORS)


def _split_first(text: str) -> tuple[str, str, str]:
    for i, c in enumerate(text):
        if c in _ATTRIBUTION_SEPARATORS:
            return text[:i], c, text[i + 1 :]
    return text, "", ""
