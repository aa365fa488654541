"""A long release and its translations, generated: sentence-structured texts of
made-up words whose lengths follow each language's ratio to French, carrying
the same figures, years, names and addresses in each language's own writing
(digits, decimal and grouping marks, scale words; names transliterated in
Russian and Arabic, as translators do)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from releasewriter.model import (
    Contact,
    Dateline,
    LanguageVersion,
    Organisation,
    Paragraph,
    Quote,
    Release,
    SpeakerGender,
)

SOURCE = "fr"
TARGETS = ("en", "es", "ru", "ar", "zh_Hans_CN")
# Characters (without spaces) per French character.
RATIO = {"fr": 1.0, "en": 0.88, "es": 1.02, "ru": 0.95, "ar": 0.8, "zh_Hans_CN": 0.3}
CITY = {
    "fr": "Genève",
    "en": "Geneva",
    "es": "Ginebra",
    "ru": "Женева",
    "ar": "جنيف",
    "zh_Hans_CN": "日内瓦",
}
_SYLLABLES = {
    "latin": "ba ko mi tra sen lu dor pe vi na ri gel mo ta fu cal es on ver",
    "ru": "ба ко ми тра сен лу дор пе ви на ри гель мо та фу кал ес он вер",
    "ar": "با كو مي ترا سن لو دور بي في نا ري جل مو تا فو كال اس ون فر",
}
_HAN = (
    "国际移民组织合作保护边境地区人口贩运受害者近年来从湄公河北部进入中跨流动日益频繁问题特别"
    "是邻向妇女和儿童新趋势令关注此次讲习班由与公安联合举办将借机会为在越南老挝缅甸接壤工作"
)
_ARABIC_DIGITS = str.maketrans("0123456789.,", "٠١٢٣٤٥٦٧٨٩٫٬")
_NAMES = [
    ("Amina Diallo", "Амина Диалло", "أمينة ديالو"),
    ("Jorge Castillo", "Хорхе Кастильо", "خورخي كاستيو"),
    ("Ingrid Solberg", "Ингрид Сольберг", "إنغريد سولبرغ"),
    ("Kwame Mensah", "Кваме Менса", "كوامي منساه"),
    ("Lena Hoffmann", "Лена Хоффман", "لينا هوفمان"),
    ("Tariq Haddad", "Тарик Хаддад", "طارق حداد"),
]


def _language(locale: str) -> str:
    return {"ru": "ru", "ar": "ar", "zh_Hans_CN": "zh"}.get(locale, "latin")


def _group(value: int, mark: str) -> str:
    return f"{value:,}".replace(",", mark)


def _number(value: int, locale: str) -> str:
    if locale == "en":
        return _group(value, ",")
    if locale == "es":
        return _group(value, ".") if value >= 10000 else str(value)
    if locale == "fr":
        return _group(value, "\u202f")
    if locale == "ru":
        return _group(value, "\u00a0")
    if locale == "ar":
        return _group(value, ",").translate(_ARABIC_DIGITS)
    return _group(value, ",")


def _decimal(value: float, locale: str) -> str:
    text = f"{value:g}"
    if locale in ("fr", "es", "ru"):
        return text.replace(".", ",")
    if locale == "ar":
        return text.translate(_ARABIC_DIGITS)
    return text


@dataclass(frozen=True)
class Fact:
    kind: str  # count, millions, percent, year, name, email, url
    value: float | int | str

    def written(self, locale: str) -> str:
        v = self.value
        if self.kind == "count":
            assert isinstance(v, int)
            return _number(v, locale)
        if self.kind == "year":
            return str(v).translate(_ARABIC_DIGITS) if locale == "ar" else str(v)
        if self.kind == "percent":
            assert isinstance(v, float)
            sign = {"en": "%", "zh_Hans_CN": "%", "ar": "٪"}.get(locale, "\u00a0%")
            return _decimal(v, locale) + sign
        if self.kind == "millions":
            assert isinstance(v, float)
            if locale == "zh_Hans_CN":
                return f"{v * 100:g}万美元"
            words = {
                "fr": "{} millions de dollars",
                "en": "USD {} million",
                "es": "{} millones de dólares",
                "ru": "{} млн долларов",
                "ar": "{} مليون دولار",
            }[locale]
            return words.format(_decimal(v, locale))
        if self.kind == "name":
            assert isinstance(v, int)
            latin, cyrillic, arabic = _NAMES[v]
            return {"ru": cyrillic, "ar": arabic}.get(locale, latin)
        return str(v)  # e-mail and web addresses are the same in every language


def _facts(rng: random.Random, count: int) -> list[Fact]:
    makers = [
        lambda: Fact("count", rng.randrange(12, 90000)),
        lambda: Fact("millions", rng.choice([1.5, 2.4, 3.2, 4.8, 6.5, 12.0, 25.0])),
        lambda: Fact("percent", round(rng.uniform(10, 95), 1)),
        lambda: Fact("year", rng.randrange(1990, 2030)),
        lambda: Fact("name", rng.randrange(len(_NAMES))),
    ]
    return [rng.choice(makers)() for _ in range(count)]


@dataclass(frozen=True)
class Sentence:
    seed: int
    # French characters without spaces, before the facts.
    size: int
    facts: tuple[Fact, ...]

    def written(self, locale: str, *, end: bool = True) -> str:
        rng = random.Random(f"{self.seed}-{locale}")
        budget = self.size * RATIO[locale] * rng.uniform(0.85, 1.15)
        language = _language(locale)
        words: list[str] = []
        used = 0.0
        while used < budget or len(words) < 3:
            if language == "zh":
                word = "".join(rng.choice(_HAN) for _ in range(rng.choice((1, 2, 2, 3))))
            else:
                syllables = _SYLLABLES[language].split()
                word = "".join(rng.choice(syllables) for _ in range(rng.randint(1, 3)))
            words.append(word)
            used += len(word)
        for fact in self.facts:
            words.insert(rng.randrange(1, len(words)), fact.written(locale))
        if language == "zh":
            return "".join(words) + ("。" if end else "")
        if language != "ar":
            words[0] = words[0].capitalize()
        return " ".join(words) + ("." if end else "")


def _sentences(rng: random.Random, count: int, facts: int) -> list[Sentence]:
    sentences = [Sentence(rng.randrange(10**9), rng.randrange(50, 140), ()) for _ in range(count)]
    for _ in range(facts):
        n = rng.randrange(count)
        s = sentences[n]
        sentences[n] = Sentence(s.seed, s.size, s.facts + tuple(_facts(rng, 1)))
    return sentences


def _text(sentences: list[Sentence], locale: str, *, end: bool = True) -> str:
    glue = "" if locale == "zh_Hans_CN" else " "
    return glue.join(s.written(locale, end=end) for s in sentences)


@dataclass(frozen=True)
class Plan:
    headline: list[Sentence]
    subheadline: list[Sentence]
    body: list[list[Sentence]]
    quotes: list[list[Sentence]]
    roles: list[list[Sentence]]
    offices: list[list[Sentence]]
    notes: list[list[Sentence]]
    boilerplate: list[Sentence]


def plan(paragraphs: int, seed: int = 15) -> Plan:
    rng = random.Random(seed)

    def few(count: int, facts: int, size: tuple[int, int] = (50, 140)) -> list[Sentence]:
        found = _sentences(rng, count, facts)
        return [Sentence(s.seed, rng.randrange(*size), s.facts) for s in found]

    body = []
    for n in range(paragraphs):
        # Most paragraphs carry figures, dates or names; every fifth carries none.
        body.append(few(rng.randint(2, 4), 0 if n % 5 == 4 else rng.randint(1, 3)))
    return Plan(
        headline=few(1, 1, (40, 80)),
        subheadline=few(1, 0, (50, 90)),
        body=body,
        quotes=[few(2, 1), few(rng.randint(1, 2), 1)],
        roles=[few(1, 0, (15, 35)) for _ in range(4)],
        offices=[few(1, 0, (15, 35)) for _ in range(2)],
        notes=[
            [*few(1, 1), Sentence(rng.randrange(10**9), 30, (Fact("url", "www.iom.int/media"),))],
            few(2, 1),
        ],
        boilerplate=few(3, 2),
    )


def version(p: Plan, locale: str) -> LanguageVersion:
    speakers = [_NAMES[4], _NAMES[5]]
    contacts = [_NAMES[2], _NAMES[3]]

    def name(names: tuple[str, str, str]) -> str:
        return {"ru": names[1], "ar": names[2]}.get(locale, names[0])

    third = max(len(p.body) // 3, 1)
    return LanguageVersion(
        locale=locale,
        headline=_text(p.headline, locale, end=False),
        subheadline=_text(p.subheadline, locale, end=False),
        city=CITY[locale],
        body=[Paragraph(_text(s, locale), f"p{n + 1}") for n, s in enumerate(p.body)],
        quotes=[
            Quote(
                _text(p.quotes[n], locale),
                name(speakers[n]),
                _text(p.roles[n], locale, end=False),
                (n + 1) * third + 1,
                SpeakerGender.FEMALE if n == 0 else SpeakerGender.MALE,
                f"q{n + 1}",
            )
            for n in range(2)
        ],
        contacts=[
            Contact(
                name(contacts[n]),
                _text(p.roles[n + 2], locale, end=False),
                _text(p.offices[n], locale, end=False),
                f"media{n + 1}@iom.int",
                f"+41 22 717 9{n}{n + 3}{n + 1}",
                f"c{n + 1}",
            )
            for n in range(2)
        ],
        notes_to_editors=[Paragraph(_text(s, locale), f"n{n + 1}") for n, s in enumerate(p.notes)],
    )


def generated_release(paragraphs: int = 12, seed: int = 15) -> Release:
    """The French release with a version in each target language, all with the same ids."""
    p = plan(paragraphs, seed)
    locales = (SOURCE, *TARGETS)
    return Release(
        source_locale=SOURCE,
        versions=[version(p, locale) for locale in locales],
        organisation=Organisation(
            name="International Organization for Migration",
            names={
                "fr": "OIM",
                "en": "IOM",
                "es": "OIM",
                "ru": "МОМ",
                "ar": "المنظمة",
                "zh": "国际移民组织",
            },
            boilerplate={locale.split("_")[0]: _text(p.boilerplate, locale) for locale in locales},
        ),
        dateline=Dateline(country="CH", date=dt.date(2013, 7, 16)),
    )
