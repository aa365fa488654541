"""The release as a reader will see it: every label chosen, every rule of the
language applied. HTML, DOCX, plain text and the live preview are all drawn
from this one structure, so they cannot disagree about what a release says.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
from dataclasses import dataclass

from releasewriter.i18n.locales import bcp47_tag, is_cjk, text_direction
from releasewriter.model import Dateline, LanguageVersion, Quote, Release
from releasewriter.model.dateline_pattern import fill as fill_dateline
from releasewriter.model.inline import Span, parse_inline, safe_href
from releasewriter.model.organisation import pick_for_locale
from releasewriter.model.release import reading_order
from releasewriter.render.dates import (
    country_name,
    long_date,
    wall_clock_moment,
    zone_name,
)
from releasewriter.render.emphasis import Emphasis, emphasis_for
from releasewriter.render.labels import Labels
from releasewriter.render.typography import comma_inside_quotes, quote_marks, typeset


@dataclass(frozen=True)
class Block:
    """A paragraph of the body; ``lead`` is the dateline that opens the first one."""

    kind: str  # "paragraph" or "quote"
    spans: tuple[Span, ...]
    lead: str = ""
    source_id: str = ""
    # Between the dateline and the text: a space, or nothing in Chinese and Japanese.
    lead_separator: str = " "


@dataclass(frozen=True)
class LabelledValue:
    """A contact detail: the label's text around the value, e.g. "Email : " + address."""

    before: str
    value: str
    after: str
    href: str | None = None


@dataclass(frozen=True)
class RenderedContact:
    name: str
    role: str
    office: str
    details: tuple[LabelledValue, ...]


@dataclass(frozen=True)
class RenderedRelease:
    locale: str
    language_tag: str
    direction: str
    cjk: bool
    # How *emphasis* is set, and whether anything is set in italics (see emphasis.py).
    emphasis: Emphasis
    organisation: str
    logo_data_uri: str | None
    embargoed: bool
    status: str
    headline: str
    subheadline: str
    dateline: str
    blocks: tuple[Block, ...]
    end_mark: str
    contacts_heading: str
    contacts: tuple[RenderedContact, ...]
    notes_heading: str
    notes: tuple[tuple[Span, ...], ...]
    about_heading: str
    boilerplate: tuple[tuple[Span, ...], ...]
    created: dt.datetime

    @property
    def title(self) -> str:
        return self.headline or self.organisation


@functools.lru_cache(maxsize=8192)
def _spans(text: str, locale: str) -> tuple[Span, ...]:
    """Parse the inline markup, then typeset the words but never an address.

    Cached: while someone types in one paragraph of a long release, the live
    preview re-renders every paragraph, and all but one are unchanged.
    """
    return tuple(
        span if span.href else Span(typeset(span.text, locale), span.bold, span.italic)
        for span in parse_inline(_normalise(text))
    )


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _paragraphs_of(text: str, locale: str) -> tuple[tuple[Span, ...], ...]:
    """Blank lines separate paragraphs in free text such as the boilerplate."""
    chunks = [c.strip() for c in _normalise(text).split("\n\n")]
    return tuple(_spans(c, locale) for c in chunks if c)


def _dateline(
    version: LanguageVersion, dateline: Dateline, labels: Labels, house_pattern: str | None
) -> str:
    """The release's place and date in this version's language: its city, the country and
    the date in that language, in the house pattern for it, else the catalog's."""
    place = labels.place(
        version.city.strip(), country_name(dateline.country, version.locale).strip()
    )
    date = long_date(dateline.date, version.locale) if dateline.date else ""
    if not place and not date:
        return ""
    if not place:
        return date
    if house_pattern and date:
        # Filled as a two-field template, never by str.format (see dateline_pattern);
        # a pattern with a typo must not stop the export: the standard one is used.
        filled = fill_dateline(house_pattern, place, date)
        if filled is not None:
            return filled.strip()
    pattern = labels.dateline_pattern(with_date=bool(date))
    return pattern.format(place=place, date=date)


def _status(version: LanguageVersion, labels: Labels) -> str:
    if version.embargo is None:
        return labels.immediate_release
    moment = version.embargo.aware()
    if moment is None:
        # Say so in the document rather than guess a zone for the journalist.
        naive = wall_clock_moment(version.embargo.until, version.locale)
        return labels.embargoed_until(labels.moment_without_zone(naive))
    zone, offset = zone_name(moment, version.locale)
    return labels.embargoed_until(
        labels.moment_with_zone(wall_clock_moment(moment, version.locale), zone, offset)
    )


def _quote_block(quote: Quote, locale: str, labels: Labels) -> Block:
    marks = quote_marks(locale)
    text = _normalise(quote.text)
    speaker = typeset(quote.speaker.strip(), locale)
    role = typeset(quote.role.strip(), locale)
    if not speaker:
        pattern = "{quote}"
    else:
        pattern = labels.attribution_pattern(quote.speaker_gender, with_role=bool(role))
    before, _, after = pattern.partition("{quote}")
    if after.strip():
        # The attribution follows the quote: its full stop gives way to the
        # pattern's comma, and English moves that comma inside the marks.
        stripped = text.rstrip()
        if stripped.endswith(".") and not stripped.endswith("..."):
            text = stripped[:-1]
        if comma_inside_quotes(locale) and not text.endswith(("?", "!", "…")):
            text += ","
    inner = _spans(text, locale)
    opening = Span(marks.open + marks.padding)
    closing = Span(marks.padding + marks.close)
    prefix = before.format(speaker=speaker, role=role)
    suffix = after.format(speaker=speaker, role=role)
    if text.endswith(("?", "!")) and suffix.startswith(","):
        # « … ? » a déclaré: a question or exclamation takes no comma after it.
        suffix = suffix[1:]
    spans = [Span(prefix)] if prefix else []
    spans += [opening, *inner, closing]
    if suffix:
        spans.append(Span(suffix))
    return Block("quote", tuple(spans), source_id=quote.id)


def _blocks(version: LanguageVersion, dateline: str, labels: Labels) -> tuple[Block, ...]:
    blocks = [
        _quote_block(item, version.locale, labels)
        if isinstance(item, Quote)
        else Block("paragraph", _spans(item.text, version.locale), source_id=item.id)
        for item in reading_order(version)
    ]
    if dateline:
        if blocks and blocks[0].kind == "paragraph":
            first = blocks[0]
            blocks[0] = Block(
                first.kind,
                first.spans,
                lead=dateline,
                source_id=first.source_id,
                lead_separator="" if is_cjk(version.locale) else " ",
            )
        else:
            blocks.insert(0, Block("paragraph", (), lead=dateline))
    return tuple(blocks)


def _details(email: str, phone: str, labels: Labels, locale: str) -> tuple[LabelledValue, ...]:
    details = []
    for value, pattern, key in (
        (email.strip(), labels.email_pattern, "{email}"),
        (phone.strip(), labels.phone_pattern, "{phone}"),
    ):
        if not value:
            continue
        before, _, after = pattern.partition(key)
        href = safe_href(value) if key == "{email}" else None
        details.append(LabelledValue(typeset(before, locale), value, after, href))
    return tuple(details)


def render_release(release: Release, locale: str) -> RenderedRelease:
    """Everything the reader of ``locale``'s version will see, in order."""
    version = release.version(locale)
    labels = Labels(locale)
    organisation = release.organisation
    org_name = organisation.name_in(locale)
    house = organisation.house_style
    dateline = _dateline(
        version, release.dateline, labels, pick_for_locale(house.dateline_pattern, locale)
    )
    boilerplate = (
        version.boilerplate
        if version.boilerplate is not None
        else pick_for_locale(organisation.boilerplate, locale) or ""
    )
    end_mark = (
        version.end_mark
        if version.end_mark is not None
        else pick_for_locale(house.end_mark, locale) or labels.default_end_mark
    )
    about = pick_for_locale(house.about_heading, locale) or (
        labels.about_heading(org_name) if org_name else ""
    )
    logo = organisation.logo
    return RenderedRelease(
        locale=locale,
        language_tag=bcp47_tag(locale),
        direction=text_direction(locale),
        cjk=is_cjk(locale),
        emphasis=emphasis_for(locale),
        organisation=org_name,
        logo_data_uri=(
            f"data:{logo.media_type};base64,{base64.b64encode(logo.data).decode('ascii')}"
            if logo and logo.media_type.startswith("image/")
            else None
        ),
        embargoed=version.embargo is not None,
        status=_status(version, labels),
        headline=typeset(_normalise(version.headline), locale),
        subheadline=typeset(_normalise(version.subheadline), locale),
        dateline=dateline,
        blocks=_blocks(version, dateline, labels),
        end_mark=end_mark.strip(),
        contacts_heading=labels.contacts_heading,
        contacts=tuple(
            RenderedContact(
                name=c.name.strip(),
                role=typeset(c.role.strip(), locale),
                office=typeset(c.office.strip(), locale),
                details=_details(c.email, c.phone, labels, locale),
            )
            for c in version.contacts
            if any((c.name, c.email, c.phone))
        ),
        notes_heading=labels.notes_heading,
        notes=tuple(_spans(n.text, locale) for n in version.notes_to_editors if n.text.strip()),
        about_heading=about if boilerplate.strip() else "",
        boilerplate=_paragraphs_of(boilerplate, locale),
        created=release.created,
    )
