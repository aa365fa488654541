"""From an imported document's lines to a draft release, keeping whatever could not be placed.

The dateline is the anchor: the headline is the line before it (with a
subheadline between them when there are two such lines), the body runs from
it to the first of the end mark, the contacts, the notes to editors or the
"About …" section. Everything else is kept: lines the recogniser could not
place are listed in ``not_placed``, a web page's furniture in ``left_out``,
and ``placements`` says which source lines each field came from, so the
window can show each field beside its source.

No text is lost: every line that is not the page's furniture is either in a
field or in ``not_placed``. A line placed as a label only (a heading, the
status, the end mark) that reads as prose, a contacts heading's note that
is no contact, and a quote whose attribution says more than a name and a role
are kept in ``not_placed`` as well.
"""

from __future__ import annotations

import datetime as dt
import gettext
import itertools
import re
from enum import Enum, auto

from releasewriter.importing.blocks import BlockKind, SourceBlock
from releasewriter.importing.chrome import chrome_blocks
from releasewriter.importing.contacts import EMAIL, PHONE, parse_contacts
from releasewriter.importing.datelines import ParsedDateline, parse_dateline
from releasewriter.importing.dates import date_line
from releasewriter.importing.imported import LABEL_KEYS, ImportedRelease
from releasewriter.importing.kept import prose_in_labels
from releasewriter.importing.language import detect
from releasewriter.importing.markup import markup_from
from releasewriter.importing.quotes import parse_quote
from releasewriter.importing.sections import (
    Heading,
    contact_after_heading,
    embargo_line,
    heading,
    heading_rest,
    house_end_mark,
    introduces_contacts,
    is_end_mark,
    is_immediate_release,
    is_release_label,
)
from releasewriter.importing.shapes import (
    BULLETS,
    ends_a_sentence,
    headline_like,
    is_heading_like,
    menu_runs,
    page_line,
    paragraph_like,
    words,
)
from releasewriter.model import Dateline, Embargo, LanguageVersion, Paragraph, Quote, Release
from releasewriter.model.inline import escape_markup

__all__ = ["LABEL_KEYS", "ImportedRelease", "recognise"]

_NUMBERED = re.compile(r"^\s*(?:\d{1,2}|[a-z])[.)]\s+")
# A dateline with no date must open a real paragraph, not a headline ("Sudan – IOM responds").
_MIN_WORDS_AFTER_PLACE = 8
# A longer line after the contacts is prose (an unlabelled "About" text), not a contact.
_CONTACT_LINE_WORDS = 25
# A contact's name, role or office, as a line of its own.
_NAME_LINE_WORDS = 10


class _Section(Enum):
    BODY = auto()
    CONTACTS = auto()
    NOTES = auto()
    ABOUT = auto()
    AFTER_END = auto()


class _Recogniser:
    def __init__(self, blocks: list[SourceBlock], locale: str | None, t: gettext.NullTranslations):
        self.blocks = blocks
        self.t = t
        self.chrome = chrome_blocks(blocks)
        self.lines = [i for i, b in enumerate(blocks) if b.plain.strip()]
        self.content = [i for i in self.lines if i not in self.chrome]
        detected = detect(" ".join(blocks[i].plain for i in self.content[:400]))
        self.locale = locale or detected.locale
        self.result = ImportedRelease(Release(source_locale=self.locale))
        self.version = LanguageVersion(locale=self.locale)
        self.result.release.versions.append(self.version)
        self.left_out = set(self.chrome)
        self.not_placed: set[int] = set()
        self.top_date: dt.date | None = None
        if locale is None:
            self.result.confidence = detected.confidence
            self.result.notes.append(
                t.gettext(
                    "Language: {language}, detected with {confidence:.0%} confidence."
                ).format(language=self.locale, confidence=detected.confidence)
            )

    def place(self, key: str, index: int) -> None:
        self.result.placements.setdefault(key, []).append(index)

    def plain(self, index: int) -> str:
        return self.blocks[index].plain.strip()

    # The top: status, embargo, headline, subheadline, dateline.

    def _date_line(self, index: int) -> bool:
        """Whether the line is a date above the release ("Press release | 5 March 2026"):
        the dateline's date when the dateline gives none."""
        date = date_line(self.plain(index))
        if date is None or self.top_date is not None:
            return False
        self.top_date = date
        self.place("date", index)
        return True

    def _status(self, index: int) -> bool:
        """Whether the line is the release's status or its embargo."""
        plain = self.plain(index)
        if is_immediate_release(plain):
            self.place("status", index)
            return True
        embargo = embargo_line(plain)
        if embargo is None:
            return False
        if embargo.until is None:
            self.not_placed.add(index)
            self.result.notes.append(
                self.t.gettext("The embargo line has no readable date; it is kept unplaced.")
            )
        else:
            self.version.embargo = Embargo(embargo.until, embargo.timezone)
            self.place("embargo", index)
        return True

    def _dateline_at(self, index: int, *, lenient: bool) -> ParsedDateline | None:
        block = self.blocks[index]
        if block.kind in (BlockKind.HEADING, BlockKind.TABLE_ROW) or heading(block.plain):
            return None
        parsed = parse_dateline(block.plain, self.locale, alone=True, lenient=lenient)
        if parsed is None or parsed.date is not None or lenient:
            return parsed
        # Without a date, "Sudan – IOM scales up its response as thousands flee" could be
        # a headline: a paragraph is longer, and ends as sentences end.
        rest = block.plain[parsed.text_start :].strip()
        if words(rest) < _MIN_WORDS_AFTER_PLACE or not ends_a_sentence(rest):
            return None
        return parsed

    def _find_top(self) -> tuple[int, ParsedDateline | None]:
        """The position in ``content`` where the body starts, and the dateline if any."""
        status: set[int] = set()
        for position, index in enumerate(self.content):
            if self._status(index):
                status.add(index)
                continue
            if is_release_label(self.plain(index)):
                # "PRESS RELEASE" above the headline says what the document is.
                self.left_out.add(index)
                status.add(index)
                continue
            if heading(self.plain(index)) in (Heading.CONTACTS, Heading.NOTES) and any(
                paragraph_like(self.blocks[i]) for i in self.content[:position]
            ):
                break  # past the body: no dateline to find ("Contact" in a menu is no end)
            parsed = self._dateline_at(index, lenient=False)
            if parsed is not None:
                above = [i for i in self.content[:position] if i not in status]
                below = self._headlines_below(position)
                if below and not self.blocks[index].plain[parsed.text_start :].strip():
                    # "Genève, le 5 mars 2026" on a line above the headline.
                    self.left_out.update(above)
                    self._headline(below)
                    self._apply_dateline(index, parsed)
                    return self.content.index(below[-1]) + 1, None
                self._headline(above)
                return position, parsed
            if self._date_line(index):
                status.add(index)
        self.result.release.dateline = Dateline(date=self.top_date)
        # The body starts at the first line that reads as a paragraph; the headline is
        # above it. Failing that, the body follows the first heading.
        for position, index in enumerate(self.content):
            if index not in status and position and paragraph_like(self.blocks[index]):
                self._headline([i for i in self.content[:position] if i not in status])
                parsed = self._dateline_at(index, lenient=True)
                if parsed is None:
                    self.result.notes.append(self.t.gettext("No dateline found."))
                return position, parsed
        self.result.notes.append(self.t.gettext("No dateline found."))
        for position, index in enumerate(self.content):
            if index not in status and (
                is_heading_like(self.blocks[index]) or headline_like(self.blocks[index])
            ):
                self._headline([i for i in self.content[: position + 1] if i not in status])
                return position + 1, None
        return 0, None

    def _headlines_below(self, position: int) -> list[int]:
        """The headline (and subheadline) under a dateline set on its own line, if the
        lines under it read as headlines rather than as the body."""
        found: list[int] = []
        for index in self.content[position + 1 : position + 3]:
            plain = self.plain(index)
            if paragraph_like(self.blocks[index]) or heading(plain) or ends_a_sentence(plain):
                break
            found.append(index)
        following = self.content[position + 1 + len(found) : position + 2 + len(found)]
        return found if found and following else []

    def _headline(self, before: list[int]) -> None:
        """The headline (and subheadline) among the lines before the dateline;
        lines before the headline are the page around the release."""
        if not before:
            return
        first = len(before) - 1
        if len(before) >= 2:
            upper, lower = (self.blocks[i] for i in before[-2:])
            # A heading over a plain line (or a lesser heading), or two lines that both
            # read as headlines: headline and subheadline.
            # A line set as a list item ("- 2030 AGENDA", bold in a menu) heads nothing.
            headed = (
                is_heading_like(upper)
                and not upper.plain.lstrip().startswith(BULLETS)
                and (not is_heading_like(lower) or lower.level > upper.level)
            )
            both_plain = not is_heading_like(lower) and not is_heading_like(upper)
            if headed or (both_plain and headline_like(upper) and headline_like(lower)):
                first = len(before) - 2
        self.left_out.update(before[:first])
        self.version.headline = self.plain(before[first])
        self.place("headline", before[first])
        if first < len(before) - 1:
            self.version.subheadline = self.plain(before[-1])
            self.place("subheadline", before[-1])

    def _apply_dateline(self, index: int, parsed: ParsedDateline) -> bool:
        """Set the dateline; True when its line holds the first paragraph too."""
        self.version.city = parsed.city
        self.result.release.dateline = Dateline(parsed.country, parsed.date or self.top_date)
        self.result.dateline_text = self.blocks[index].plain[: parsed.text_start].strip()
        self.place("dateline", index)
        return bool(self.blocks[index].plain[parsed.text_start :].strip())

    # The body and what follows it.

    def _body_line(self, index: int, text: str, plain: str) -> None:
        quote = parse_quote(plain)
        if quote is not None:
            self.place(f"quote.{len(self.version.quotes)}", index)
            self.result.attributions.append(quote.verb)
            self.version.quotes.append(
                Quote(
                    text=escape_markup(quote.text),
                    speaker=quote.speaker,
                    role=quote.role,
                    after_paragraph=len(self.version.body),
                    speaker_gender=quote.gender,
                )
            )
            if quote.rest:
                # "12, who lives in…" is in no field: the line is kept whole besides.
                self.not_placed.add(index)
            return
        self.place(f"body.{len(self.version.body)}", index)
        self.version.body.append(Paragraph(text))

    def _end_mark(self, index: int) -> None:
        written = self.plain(index)
        self.place("end_mark", index)
        house = house_end_mark(self.locale)
        same = "".join(written.casefold().split()) == "".join(house.casefold().split())
        self.version.end_mark = None if same else written

    def run(self) -> ImportedRelease:
        start, parsed = self._find_top()
        section = _Section.BODY
        contact_lines: list[tuple[int, SourceBlock]] = []
        about: list[str] = []
        previous = {after: before for before, after in itertools.pairwise(self.lines)}
        trailing = False
        unlabelled: list[int] = []
        menus = menu_runs([(i, self.plain(i)) for i in self.content[start + 1 :]])
        for position in range(start, len(self.content)):
            index = self.content[position]
            block = self.blocks[index]
            plain = self.plain(index)
            if index in self.left_out:
                continue
            # Past the body, the page's furniture ("Share this", "Related news") runs on
            # with the short lines it lists (the related stories' titles).
            trailing = bool(self.version.body) and (trailing or previous.get(index) in self.chrome)
            if trailing and page_line(plain):
                self.left_out.add(index)
                continue
            trailing = False
            if position == start and parsed is not None:
                if not self._apply_dateline(index, parsed):
                    continue
                self._body_line(index, markup_from(block, parsed.text_start), plain)
                continue
            if is_end_mark(plain):
                self._end_mark(index)
                section = _Section.AFTER_END
                continue
            found = heading(plain)
            if found is Heading.ABOUT and section is _Section.BODY and words(plain) > 6:
                found = None
            following = self.content[position + 1 : position + 2]
            if found is None and following and introduces_contacts(plain, self.plain(following[0])):
                found = Heading.CONTACTS
            elif found is Heading.CONTACTS and section is _Section.BODY and following:
                # "Contact tracing:" over a paragraph is the body's subheading.
                prose = paragraph_like(self.blocks[following[0]])
                found = None if prose and not contact_after_heading(plain) else found
            if found is not None:
                self.not_placed.update(unlabelled)  # not a contact's after all
                unlabelled.clear()
                self.place(f"{found.value}_heading", index)
                if found is Heading.CONTACTS and (rest := contact_after_heading(plain)):
                    contact_lines.append((index, SourceBlock(escape_markup(rest), rest)))
                elif heading_rest(plain):
                    self.not_placed.add(index)  # a note on the heading's line, in no field
                section = {
                    Heading.CONTACTS: _Section.CONTACTS,
                    Heading.NOTES: _Section.NOTES,
                    Heading.ABOUT: _Section.ABOUT,
                }[found]
                continue
            if section is _Section.BODY and index in menus:
                self.left_out.add(index)
            elif section is _Section.BODY:
                self._body_line(index, block.text.strip(), plain)
            elif section is _Section.NOTES:
                self.place(f"notes.{len(self.version.notes_to_editors)}", index)
                numbered = _NUMBERED.match(block.text)
                text = block.text[numbered.end() :] if numbered else block.text
                self.version.notes_to_editors.append(Paragraph(text.strip()))
            elif section is _Section.ABOUT:
                if about and words(plain) <= 4 and not plain.endswith((".", "。")):
                    self.left_out.add(index)  # a menu after the boilerplate
                else:
                    about.append(block.text.strip())
                    self.place("boilerplate", index)
            elif (
                (section is _Section.CONTACTS and words(plain) < _CONTACT_LINE_WORDS)
                or EMAIL.search(plain)
                or PHONE.search(plain)
                or block.kind is BlockKind.TABLE_ROW
            ):
                # After the end mark, contacts often come without a heading: the short
                # lines before an address or a number are their names, roles and offices.
                contact_lines += [(i, self.blocks[i]) for i in unlabelled]
                unlabelled.clear()
                contact_lines.append((index, block))
            elif section is _Section.AFTER_END and words(plain) <= _NAME_LINE_WORDS:
                unlabelled.append(index)
            else:
                self.not_placed.update(unlabelled)
                unlabelled.clear()
                self.not_placed.add(index)
        self.not_placed.update(unlabelled)
        if about:
            self.version.boilerplate = "\n\n".join(about)
        self._contacts(contact_lines)
        return self._finish()

    def _contacts(self, lines: list[tuple[int, SourceBlock]]) -> None:
        found, headers = parse_contacts(lines)
        for index in headers:
            self.place("contacts_heading", index)
        for contact in found:
            self.result.placements[f"contact.{len(self.version.contacts)}"] = contact.blocks
            self.version.contacts.append(contact.contact)

    def _finish(self) -> ImportedRelease:
        self.not_placed |= prose_in_labels(self.result.placements, self.plain)
        placed = {i for indices in self.result.placements.values() for i in indices}
        for index in self.content:
            if index not in placed and index not in self.left_out:
                self.not_placed.add(index)
        result = self.result
        result.left_out_blocks = sorted(self.left_out & set(self.lines))
        result.not_placed_blocks = sorted(self.not_placed - self.left_out)
        result.left_out = [self.plain(i) for i in result.left_out_blocks]
        result.not_placed = [self.plain(i) for i in result.not_placed_blocks]
        return result


def recognise(
    blocks: list[SourceBlock],
    locale: str | None = None,
    t: gettext.NullTranslations | None = None,
) -> ImportedRelease:
    """A draft release from an imported document's lines, in ``locale`` or the detected one."""
    return _Recogniser(blocks, locale, t or gettext.NullTranslations()).run()
