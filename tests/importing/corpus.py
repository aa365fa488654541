"""A generated corpus of releases in the six UN languages, each in several house styles.

Each release is a list of lines (with their kind, and which of them are a
web page's furniture) and the fields a reader should find in it. The same
releases can be written as .txt, .html and .docx files (corpus_files.py), so
that the recogniser's score can be measured per format once the readers read
them; here they become blocks directly, one per line.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from dataclasses import dataclass, field

from releasewriter.i18n.locales import parse_locale
from releasewriter.i18n.places import city_in
from releasewriter.importing.blocks import BlockKind, SourceBlock
from releasewriter.model.inline import escape_markup
from tests.importing import corpus_forms as forms
from tests.importing.corpus_app import app_lines
from tests.importing.corpus_words import WORDS, Person, Words
from tests.importing.corpus_words_more import MORE_WORDS

LOCALES = ("en", "fr", "es", "ru", "ar", "zh")
ALL_WORDS: dict[str, Words] = {**WORDS, **MORE_WORDS}
# Cities with their country; each language's names come from CLDR.
PLACES = (
    ("Nairobi", "KE"),
    ("Amman", "JO"),
    ("Dhaka", "BD"),
    ("Bogota", "CO"),
    ("Kabul", "AF"),
    ("Beirut", "LB"),
    ("Niamey", "NE"),
    ("Cairo", "EG"),
    ("Khartoum", "SD"),
    ("Bangkok", "TH"),
    ("Damascus", "SY"),
    ("Baghdad", "IQ"),
    ("Lima", "PE"),
    ("Addis Ababa", "ET"),
    ("Dakar", "SN"),
    ("Port-au-Prince", "HT"),
)


@dataclass(frozen=True)
class Style:
    name: str
    dateline: str  # full, tag, plain, nodate, country, alone, paren, dateonly, app
    alt_date: bool = False
    quote: str = "after"  # after, after2, before
    contacts: str = "lines"  # lines, one_line, table, table_bare
    contact_count: int = 1
    variant: int = 0  # which heading and end mark wording
    end_mark: bool = True
    notes: bool = False
    about: bool = False
    chrome: bool = False
    subheadline: bool = False
    status: str = "none"  # none, immediate, embargo
    # A Word document's way: a label and the date above a bold headline, the contacts
    # after the end mark without a heading, and the speaker's further words after "she added".
    word_document: bool = False


STYLES = (
    Style(
        "full", "full", quote="after", notes=True, about=True, subheadline=True, status="immediate"
    ),
    Style(
        "tagged",
        "tag",
        alt_date=True,
        quote="after2",
        contacts="one_line",
        contact_count=2,
        variant=1,
        about=True,
        chrome=True,
        status="embargo",
    ),
    Style(
        "no-date",
        "nodate",
        quote="before",
        contacts="table",
        contact_count=2,
        end_mark=False,
        notes=True,
        chrome=True,
    ),
    Style("country", "country", quote="after", contacts="table_bare", variant=1, subheadline=True),
    Style(
        "plain",
        "plain",
        alt_date=True,
        quote="before",
        contact_count=2,
        notes=True,
        about=True,
        chrome=True,
        subheadline=True,
        status="immediate",
    ),
    Style(
        "own-line",
        "alone",
        quote="after2",
        contacts="one_line",
        variant=1,
        about=True,
        status="embargo",
    ),
    Style("bracketed-date", "paren", quote="before", contacts="one_line", notes=True),
    Style("date-only", "dateonly", alt_date=True, quote="after", contact_count=2, chrome=True),
    Style("word-document", "nodate", quote="after", contact_count=2, word_document=True),
    Style(
        "app-export",
        "app",
        notes=True,
        about=True,
        contact_count=2,
        subheadline=True,
        status="immediate",
    ),
)
VARIANTS = 3


@dataclass(frozen=True)
class Line:
    text: str
    kind: BlockKind = BlockKind.PARAGRAPH
    cells: tuple[str, ...] = ()
    # "before" and "after": the web page around the release; "top": a label above the
    # headline of a document; "release": the release itself.
    zone: str = "release"
    role: str = ""  # "headline", "subheadline", "contacts": how a file writer sets it
    bold: bool = False


@dataclass(frozen=True)
class Expected:
    locale: str
    headline: str
    subheadline: str
    city: str
    country: str
    date: dt.date | None
    embargo: dt.datetime | None
    paragraphs: int
    quotes: tuple[tuple[str, str], ...]  # (speaker, role)
    contacts: tuple[tuple[str, str], ...]  # (email, phone)


@dataclass(frozen=True)
class CorpusRelease:
    name: str
    locale: str
    style: Style
    lines: tuple[Line, ...]
    expected: Expected

    def blocks(self) -> list[SourceBlock]:
        """One block per line, as a plain-text reader makes them (a table row keeps its cells)."""
        return [
            SourceBlock(
                escape_markup(line.text), line.text, line.kind, cells=line.cells, bold=line.bold
            )
            for line in self.lines
        ]


@dataclass
class _Draft:
    """The content of one release before it is written in a house style."""

    locale: str
    org: str
    acronym: str
    city: str
    country_name: str
    country: str
    date: dt.date
    headline: str
    subheadline: str
    paragraphs: list[str]
    quotes: list[tuple[int, str, Person, str]]  # (after paragraph, text, speaker, role)
    contacts: list[tuple[Person, str, str, str, str]]  # (person, role, office, email, phone)
    notes: list[str]
    about: str
    end_mark: str
    mobile: bool = False
    extra: dict[str, str] = field(default_factory=dict)


def _fill(template: str, slots: dict[str, str]) -> str:
    return template.format(**slots)


def _phone(rng: random.Random) -> str:
    code = rng.choice(("254", "962", "880", "57", "93", "961", "227", "20", "41", "7", "86"))
    return f"+{code} {rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"


def _domain(acronym: str, org: str) -> str:
    if "HCR" in acronym or "УВКБ" in acronym or "难民署" in acronym or "المفوضية" in org:
        return "unhcr.org"
    if acronym in ("WHO", "OMS", "ВОЗ", "世卫组织") or "الصحة" in org:
        return "who.int"
    return "iom.int"


def _draft(locale: str, style: Style, rng: random.Random) -> _Draft:
    words = ALL_WORDS[locale]
    org, acronym = rng.choice(words.orgs)
    english_city, country = rng.choice(PLACES)
    city = city_in(english_city, "en", locale) or english_city
    country_name = str(parse_locale(locale).territories[country])
    slots = {
        "org": org,
        "country": country_name,
        "city": city,
        "n": str(rng.randint(2, 90)),
        "m": str(rng.randint(12, 60)),
    }
    date = dt.date(2026, rng.randint(1, 12), rng.randint(1, 28))
    sentences = [_fill(s, slots) for s in words.sentences]
    rng.shuffle(sentences)
    count = rng.randint(3, 5)
    paragraphs = []
    for number in range(count):
        # One or two sentences a paragraph, none used twice.
        size = 1 + (number + len(paragraphs[-1:])) % 2 if len(sentences) > count + number else 1
        paragraphs.append(" ".join(sentences[:size]))
        del sentences[:size]
    if rng.random() < 0.5:
        paragraphs.insert(rng.randint(1, count), _fill(words.narrative_quote, slots))
    speakers = rng.sample(words.speakers, 2)
    quotes = [
        (
            rng.randint(1, len(paragraphs)),
            _fill(rng.choice(words.quotes), slots),
            speaker,
            _fill(rng.choice(words.roles), slots),
        )
        for speaker in speakers[: rng.randint(1, 2)]
    ]
    quotes.sort(key=lambda q: q[0])
    domain = _domain(acronym, org)
    contacts = [
        (
            person,
            rng.choice(words.contact_roles),
            _fill(rng.choice(words.offices), slots),
            f"{person.mailbox}@{domain}",
            _phone(rng),
        )
        for person in rng.sample(words.contacts, style.contact_count)
    ]
    marks = forms.END_MARKS[locale]
    return _Draft(
        locale=locale,
        org=org,
        acronym=acronym,
        city=city,
        country_name=country_name,
        country=country,
        date=date,
        headline=_fill(rng.choice(words.headlines), slots),
        subheadline=_fill(rng.choice(words.subheadlines), slots),
        paragraphs=paragraphs,
        quotes=quotes,
        contacts=contacts,
        notes=[_fill(n, slots) for n in words.notes],
        about=_fill(words.about, slots),
        end_mark=marks[style.variant % len(marks)],
        mobile=rng.random() < 0.5,
    )


def _contact_lines(draft: _Draft, style: Style) -> list[Line]:
    locale = draft.locale
    email_label, phone_label, mobile_label = forms.DETAILS[locale]
    lines: list[Line] = []
    if style.contacts == "table":
        lines.append(
            Line(
                "\t".join(forms.TABLE_HEADER[locale]),
                BlockKind.TABLE_ROW,
                forms.TABLE_HEADER[locale],
                role="contacts",
            )
        )
    for number, (person, role, office, email, phone) in enumerate(draft.contacts):
        cells = (person.name, role, email, phone)
        if style.contacts.startswith("table"):
            lines.append(Line("\t".join(cells), BlockKind.TABLE_ROW, cells, role="contacts"))
        elif style.contacts == "one_line":
            lines.append(Line(forms.SEPARATOR.get(locale, ", ").join(cells)))
        else:
            lines += [Line(person.name), Line(role)]
            if number == 0:
                lines.append(Line(office))
            lines += [Line(f"{email_label} {email}"), Line(f"{phone_label} {phone}")]
            if number == 1 and draft.mobile:
                lines.append(Line(f"{mobile_label} {draft.extra['mobile']}"))
    return lines


def _written(draft: _Draft, style: Style, rng: random.Random) -> tuple[list[Line], Expected]:
    locale = draft.locale
    words = ALL_WORDS[locale]
    if style.contact_count > 1 and draft.mobile and style.contacts == "lines":
        draft.extra["mobile"] = _phone(rng)
    lines: list[Line] = []
    if style.chrome:
        lines += [Line(text, zone="before") for text in words.chrome_before]
    embargo = None
    date = forms.date_text(locale, draft.date, alt=style.alt_date)
    if style.status == "immediate":
        lines.append(Line(forms.IMMEDIATE[locale]))
    elif style.status == "embargo":
        template, time, zone = forms.EMBARGO[locale]
        lines.append(Line(template.format(date=forms.date_text(locale, draft.date, alt=False))))
        embargo = dt.datetime.combine(draft.date, time)
        del zone  # the zone is checked in the unit tests of embargo lines
    if style.word_document:
        lines.append(Line(forms.PRESS_RELEASE[locale], zone="top", bold=True))
        lines.append(Line(date))
    lines.append(Line(draft.headline, role="headline", bold=style.word_document))
    if style.subheadline:
        lines.append(Line(draft.subheadline, role="subheadline"))
    lead = forms.dateline(
        style.dateline, locale, draft.city, draft.country_name, date, draft.acronym
    )
    body = list(draft.paragraphs)
    if style.dateline == "alone":
        lines.append(Line(lead))
    else:
        body[0] = lead + body[0]
    quote_form = style.quote
    followups = 0
    for number, paragraph in enumerate(body):
        lines.append(Line(paragraph))
        for after, text, speaker, role in draft.quotes:
            if after == number + 1:
                form = quote_form if not (locale == "zh" and quote_form == "after2") else "before"
                lines.append(
                    Line(forms.quote(form, locale, text, speaker.name, role, speaker.female))
                )
                if style.word_document and speaker == draft.quotes[0][2]:
                    # More of the first speaker's words: "she added", a body paragraph.
                    more = next(q for q in words.quotes if q != text)
                    lines.append(Line(forms.followup(locale, more, speaker.female)))
                    followups += 1
    if style.end_mark:
        lines.append(Line(draft.end_mark))
    if not style.word_document:
        lines.append(Line(forms.CONTACT_HEADINGS[locale][style.variant]))
    lines += _contact_lines(draft, style)
    if style.notes:
        lines.append(Line(forms.NOTES_HEADINGS[locale][style.variant]))
        lines += [Line(f"{i}. {note}") for i, note in enumerate(draft.notes, start=1)]
    if style.about:
        heading = forms.ABOUT_HEADINGS[locale].format(acronym=draft.acronym, org=draft.org)
        lines += [Line(heading[:1].upper() + heading[1:]), Line(draft.about)]
    if style.chrome:
        lines += [Line(text, zone="after") for text in words.chrome_after]
    dated = style.dateline in ("full", "tag", "plain", "alone", "paren", "dateonly")
    expected = Expected(
        locale=locale,
        headline=draft.headline,
        subheadline=draft.subheadline if style.subheadline else "",
        city="" if style.dateline in ("country", "dateonly") else draft.city,
        # A city of one country names it: every place here is one.
        country="" if style.dateline == "dateonly" else draft.country,
        date=draft.date if dated or style.word_document else None,
        embargo=embargo,
        paragraphs=len(body) + followups,
        quotes=tuple((speaker.name, role) for _, _, speaker, role in draft.quotes),
        contacts=tuple(_expected_contact(draft, i) for i in range(len(draft.contacts))),
    )
    return lines, expected


def _expected_contact(draft: _Draft, number: int) -> tuple[str, str]:
    _, _, _, email, phone = draft.contacts[number]
    if number == 1 and "mobile" in draft.extra:
        phone = f"{phone}, {draft.extra['mobile']}"
    return email, phone


def build_corpus(locales: Iterable[str] = LOCALES, variants: int = VARIANTS) -> list[CorpusRelease]:
    """Every language in every house style, ``variants`` releases each, the same every run."""
    corpus = []
    for locale in locales:
        for style in STYLES:
            for variant in range(variants):
                rng = random.Random(f"{locale}-{style.name}-{variant}")
                draft = _draft(locale, style, rng)
                if style.dateline == "app":
                    lines, expected = app_lines(draft, rng)
                else:
                    written, expected = _written(draft, style, rng)
                    lines = written
                name = f"{locale}-{style.name}-{variant + 1}"
                corpus.append(CorpusRelease(name, locale, style, tuple(lines), expected))
    return corpus
