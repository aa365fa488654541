"""Releases the benchmarks measure.

* :func:`sample_release`: the bundled sample (French and English), as a user
  opens it.
* :func:`long_release`: the sample's French version with its body grown to
  about 20,000 words (250 paragraphs, six quotes, four contacts, notes to
  editors), built deterministically so every run measures the same text.
* :func:`six_language_release`: the same release in Arabic, Chinese, English,
  French, Russian and Spanish; :func:`write_six_language_draft` saves it as a
  draft file for the command-line run.
* :func:`long_six_language_release`: the long release in those six languages
  (every version about as long as the French, each paragraph a translation
  of the sample's matching paragraph), all segments marked translated.

Run ``python bench/releases.py [PATH]`` to write the six-language draft
(default: ``bench/data/six-languages.release.json``) and print word counts.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import sys
from pathlib import Path

from releasewriter.cli import sample_path
from releasewriter.model import (
    Contact,
    LanguageVersion,
    Paragraph,
    Quote,
    Release,
    SpeakerGender,
)
from releasewriter.model.translation import SegmentState, SegmentStatus
from releasewriter.store import read_release
from releasewriter.store.atomic import atomic_write_bytes
from releasewriter.store.draft_format import encode_release
from releasewriter.translation.state import pairs

SIX_LOCALES: tuple[str, ...] = ("ar", "zh_Hans_CN", "en", "fr", "ru", "es")
LONG_PARAGRAPHS = 250
LONG_TARGET_WORDS = 20_000
DEFAULT_DRAFT = Path(__file__).resolve().parent / "data" / "six-languages.release.json"

# Fixed identity and dates: a regenerated draft file is byte-for-byte the same.
_SIX_ID = "b3e1c0de5a1e4f0b9c2d7e6f5a4b3c21"
_LONG_ID = "c4f2d1ef6b2f5a1cad3e8f7a6b5c4d32"
_FIXED_CREATED = dt.datetime(2013, 7, 15, 8, 0, tzinfo=dt.UTC)
_FIXED_MODIFIED = dt.datetime(2013, 7, 16, 6, 0, tzinfo=dt.UTC)


def sample_release() -> Release:
    """The bundled sample, read from its draft file as the CLI reads it."""
    return read_release(sample_path())


def word_count(version: LanguageVersion) -> int:
    """Whitespace-separated words of the headline, body, quotes and notes."""
    texts = [version.headline, *(p.text for p in version.body)]
    texts += [q.text for q in version.quotes]
    texts += [n.text for n in version.notes_to_editors]
    return sum(len(t.split()) for t in texts)


# --- the long release --------------------------------------------------------

# Sentences in the register of the sample, to vary the grown paragraphs.
_EXTRA_FR: tuple[str, ...] = (
    "Les participants examineront des études de cas tirées de leur propre expérience "
    "et compareront les procédures appliquées dans les différentes provinces frontalières.",
    "Des représentants des autorités locales, des organisations de la société civile et "
    "des services sociaux prendront également part aux discussions.",
    "Les victimes identifiées pourront être orientées vers des services d’hébergement, "
    "d’assistance médicale et psychologique ainsi que vers une aide au retour volontaire.",
    "L’OIM soutient depuis plusieurs années les efforts du gouvernement chinois visant à "
    "harmoniser les pratiques d’identification avec les normes internationales.",
    "Les formateurs insisteront sur une approche centrée sur les victimes, qui respecte "
    "leurs droits, leur sécurité et leur dignité à chaque étape de la procédure.",
    "Un guide pratique, rédigé en chinois et en anglais, sera remis à chaque participant "
    "à l’issue de l’atelier afin de faciliter la diffusion des connaissances acquises.",
    "La coopération transfrontalière entre les services de police des pays de la région "
    "reste essentielle pour démanteler les réseaux de trafiquants.",
    "Selon les autorités, plusieurs centaines de cas présumés de traite ont été signalés "
    "l’an dernier dans les provinces du Yunnan et du Guangxi.",
    "Les femmes et les enfants demeurent particulièrement exposés aux promesses "
    "d’emploi fallacieuses et aux mariages forcés organisés par des intermédiaires.",
    "À l’issue de la formation, les participants seront invités à former à leur tour "
    "leurs collègues dans leurs postes-frontières respectifs.",
)

_MARKUP_FR: tuple[str, ...] = (
    "Le programme complet est disponible sur [le site de l’OIM](https://www.iom.int/fr).",
    "Le **Plan d’action national** prévoit un suivi annuel des mesures adoptées.",
    "Les directives s’inspirent du *Protocole de Palerme* et de ses commentaires.",
    "Les journalistes peuvent écrire à media@iom.int pour toute demande d’entretien.",
)

_OPENERS_FR: tuple[str, ...] = (
    "",
    "Par ailleurs, ",
    "Dans ce contexte, ",
    "De plus, ",
    "Au cours de la deuxième journée, ",
    "Comme l’ont souligné les organisateurs, ",
    "En outre, ",
    "Enfin, ",
)

_SPEAKERS_FR: tuple[tuple[str, str, SpeakerGender], ...] = (
    ("Pär Liljert", "Responsable du bureau de l’OIM à Beijing", SpeakerGender.MALE),
    ("Li Wen", "Directrice adjointe au Ministère de la sécurité publique", SpeakerGender.FEMALE),
    ("Nguyen Thi Lan", "Coordinatrice régionale de l’OIM", SpeakerGender.FEMALE),
    ("Somchai Phommavong", "Commissaire de police, province de Luang Namtha", SpeakerGender.MALE),
    ("Aung Kyaw", "Conseiller juridique", SpeakerGender.MALE),
    ("Zhang Hua", "Formatrice", SpeakerGender.FEMALE),
)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def _lower_first(sentence: str) -> str:
    """Lower-case the first letter after an opener, but not an acronym or a name."""
    first_word = sentence.split(" ", 1)[0]
    if first_word[:1].isupper() and not first_word[1:2].isupper():
        return sentence[0].lower() + sentence[1:]
    return sentence


def long_release(words: int = LONG_TARGET_WORDS, paragraphs: int = LONG_PARAGRAPHS) -> Release:
    """The sample's French version with a body of about ``words`` words."""
    base = sample_release()
    french = copy.deepcopy(base.version("fr"))
    pool: list[str] = []
    for paragraph in french.body:
        pool += _sentences(paragraph.text)
    pool += list(_EXTRA_FR)
    quote_text = french.quotes[0].text
    quotes = [
        Quote(
            quote_text if i == 0 else f"{_EXTRA_FR[i]} {quote_text}",
            speaker,
            role,
            after_paragraph=(i + 1) * paragraphs // (len(_SPEAKERS_FR) + 1),
            speaker_gender=gender,
            id=f"q{i + 1}",
        )
        for i, (speaker, role, gender) in enumerate(_SPEAKERS_FR)
    ]
    contacts = [
        *french.contacts,
        Contact(
            "Li Mei", "Chargée de communication", "OIM Chine", "lmei@iom.int", "+86 10 5979 9695"
        ),
        Contact("Joe Lowry", "Porte-parole régional", "OIM Bangkok", "jlowry@iom.int", ""),
        Contact("", "", "Service de presse, Genève", "media@iom.int", "+41 22 717 91 11"),
    ]
    notes = [
        Paragraph("L’atelier se tient du 16 au 18 juillet 2013 à Kunming (Yunnan).", "n1"),
        Paragraph("Des photos sont disponibles sur demande auprès du service de presse.", "n2"),
        Paragraph("Le rapport final sera publié sur https://www.iom.int/fr en septembre.", "n3"),
    ]
    french.quotes = quotes
    french.contacts = contacts
    french.notes_to_editors = notes
    french.body = []
    # Headline, quotes and notes count too: the body makes up the rest of the words.
    per_paragraph = (words - word_count(french)) / paragraphs
    body: list[Paragraph] = []
    cursor = 0
    total = 0
    for index in range(paragraphs):
        opener = _OPENERS_FR[index % len(_OPENERS_FR)]
        parts: list[str] = []
        # Aim for the running total so the whole body lands on the target.
        goal = round(per_paragraph * (index + 1)) - total
        length = 0
        while length < goal or not parts:
            sentence = pool[cursor % len(pool)]
            cursor += 7  # coprime with the pool's size: every sentence, varied neighbours
            if not parts and opener:
                sentence = opener + _lower_first(sentence)
            parts.append(sentence)
            length += len(sentence.split())
        if index % 10 == 3:
            extra = _MARKUP_FR[(index // 10) % len(_MARKUP_FR)]
            parts.append(extra)
            length += len(extra.split())
        total += length
        body.append(Paragraph(" ".join(parts), f"p{index + 1}"))
    french.body = body
    return Release(
        source_locale="fr",
        versions=[french],
        organisation=base.organisation,
        dateline=base.dateline,
        id=_LONG_ID,
        created=base.created,
        modified=base.modified,
    )


# --- the six-language release ------------------------------------------------

_NAMES = {
    "ar": "المنظمة الدولية للهجرة",
    "zh": "国际移民组织",
    "ru": "МОМ",
    "es": "OIM",
}

_BOILERPLATE = {
    "ar": "المنظمة الدولية للهجرة جزء من منظومة الأمم المتحدة، وهي منذ عام 1951 المنظمة "
    "الحكومية الدولية الرائدة في تعزيز الهجرة الإنسانية والمنظمة لما فيه خير الجميع، "
    "وتضم 175 دولة عضوًا ولها حضور في 171 بلدًا.",
    "zh": "国际移民组织是联合国系统的一部分，自1951年以来一直是促进人道、有序移民以造福所有人的"
    "主要政府间组织，现有175个成员国，在171个国家设有机构。",
    "ru": "Международная организация по миграции (МОМ) входит в систему Организации "
    "Объединенных Наций и с 1951 года является ведущей межправительственной организацией, "
    "содействующей гуманной и упорядоченной миграции на благо всех. В ее состав входят "
    "175 государств-членов, и она представлена в 171 стране.",
    "es": "La Organización Internacional para las Migraciones (OIM) forma parte del sistema "
    "de las Naciones Unidas y, desde 1951, es la principal organización intergubernamental "
    "que promueve una migración humana y ordenada en beneficio de todos. Cuenta con 175 "
    "Estados Miembros y está presente en 171 países.",
}

# headline, the four paragraphs, (quote, speaker, role), (contact's name, office)
_Translation = tuple[str, tuple[str, str, str, str], tuple[str, str, str], tuple[str, str]]

_TRANSLATIONS: dict[str, _Translation] = {
    "ar": (
        "المنظمة الدولية للهجرة والصين تعملان على حماية ضحايا الاتجار بالبشر "
        "على الحدود في شمال منطقة ميكونغ",
        (
            "تنظم المنظمة الدولية للهجرة هذا الأسبوع ورشة عمل لبناء القدرات مدتها ثلاثة أيام، "
            "لمساعدة نحو ثلاثين ضابط شرطة من جنوب غرب الصين على تحسين حماية ضحايا الاتجار "
            "ومكافحة الاتجار بالأشخاص.",
            "في السنوات الأخيرة، ازدادت حركة التنقل عبر الحدود من منطقة شمال ميكونغ إلى الصين. "
            "ويشكل الاتجار بالبشر، بما في ذلك الأنماط الناشئة للاتجار بالنساء والأطفال من "
            "البلدان المجاورة إلى المناطق الحدودية الصينية، مصدر قلق متزايد.",
            "وستكون ورشة العمل، التي تشترك في تنظيمها المنظمة الدولية للهجرة ووزارة الأمن العام "
            "الصينية، فرصة لوضع مبادئ توجيهية جديدة بشأن تحديد هوية الضحايا وإجراء المقابلات "
            "معهم، موجهة إلى ضباط الخطوط الأمامية العاملين في المناطق الحدودية للبلاد مع "
            "فييت نام وجمهورية لاو الديمقراطية الشعبية وميانمار.",
            "ويهدف التدريب، الذي يبدأ غدًا، إلى دعم خطة العمل الوطنية الثانية لمكافحة الاتجار "
            "بالبشر (2013-2020) التي اعتمدتها الصين مؤخرًا، والتي تشدد على ضرورة تعزيز تدريب "
            "الشرطة في المناطق الحدودية الرئيسية.",
        ),
        (
            "سيوفر التدريب المهارات والمعارف اللازمة لأساليب تحديد هوية الضحايا وإجراء "
            "المقابلات، حتى يتسنى تقديم المساعدة إلى عدد أكبر من الضحايا.",
            "بير ليليرت",
            "رئيس مكتب المنظمة الدولية للهجرة في بكين",
        ),
        ("إيلين وونغ", "مكتب الاتصال التابع للمنظمة الدولية للهجرة في بكين"),
    ),
    "zh_Hans_CN": (
        "国际移民组织与中国合作保护湄公河北部边境地区的人口贩运受害者",
        (
            "国际移民组织本周举办为期三天的能力建设讲习班，帮助约三十名来自中国西南地区的警官"
            "更好地保护人口贩运受害者，打击人口贩运活动。",
            "近年来，从湄公河北部地区进入中国的跨境流动日益频繁。人口贩运问题，特别是从邻国"
            "向中国边境地区贩运妇女和儿童的新趋势，日益令人关注。",
            "此次讲习班由国际移民组织与中国公安部联合举办，将借此机会为在中国与越南、"
            "老挝人民民主共和国和缅甸接壤的边境地区工作的一线警官制定新的识别和询问指南。",
            "培训将于明天开始，旨在支持中国最近通过的第二个《中国反对拐卖人口行动计划"
            "（2013—2020年）》，该计划强调必须加强重点边境地区的警察培训。",
        ),
        (
            "培训将提供识别和询问技巧所需的技能和知识，使更多受害者能够得到援助。",
            "Pär Liljert",
            "国际移民组织驻北京办事处主任",
        ),
        ("黄爱伦", "国际移民组织北京联络处"),
    ),
    "ru": (
        "МОМ и Китай защищают жертв торговли людьми на границе в северной части региона Меконга",
        (
            "На этой неделе МОМ проводит трехдневный семинар по наращиванию потенциала, чтобы "
            "помочь примерно тридцати сотрудникам полиции с юго-запада Китая эффективнее "
            "защищать жертв торговли людьми и бороться с торговлей людьми.",
            "В последние годы трансграничное перемещение людей из северной части региона "
            "Меконга в Китай заметно усилилось. Торговля людьми, в том числе новые тенденции "
            "в торговле женщинами и детьми из соседних стран в приграничные районы Китая, "
            "вызывает растущую обеспокоенность.",
            "Семинар, организованный совместно МОМ и Министерством общественной безопасности "
            "Китая, позволит выработать новые руководящие принципы по выявлению жертв и "
            "проведению опросов для сотрудников передовой линии, работающих в районах страны, "
            "граничащих с Вьетнамом, Лаосской НДР и Мьянмой.",
            "Обучение, которое начнется завтра, призвано поддержать недавно принятый Китаем "
            "второй Национальный план действий по борьбе с торговлей людьми (2013–2020 годы), "
            "в котором подчеркивается необходимость усилить подготовку полиции в ключевых "
            "приграничных районах.",
        ),
        (
            "Обучение даст необходимые навыки и знания в области методов выявления жертв и "
            "проведения опросов, чтобы помощь смогли получить больше пострадавших.",
            "Пер Лильерт",
            "руководитель бюро МОМ в Пекине",
        ),
        ("Эллен Вонг", "Бюро связи МОМ в Пекине"),
    ),
    "es": (
        "La OIM y China trabajan para proteger a las víctimas de trata en la frontera "
        "del norte del Mekong",
        (
            "La OIM celebra esta semana un taller de fortalecimiento de capacidades de tres días "
            "para ayudar a una treintena de agentes de policía del suroeste de China a proteger "
            "mejor a las víctimas de trata y a combatir la trata de personas.",
            "En los últimos años se han intensificado los movimientos transfronterizos desde la "
            "región septentrional del Mekong hacia China. La trata de personas, incluidas las "
            "nuevas tendencias de trata de mujeres y niños desde países vecinos hacia las zonas "
            "fronterizas de China, es motivo de creciente preocupación.",
            "El taller, organizado conjuntamente por la OIM y el Ministerio de Seguridad Pública "
            "de China, será una oportunidad para establecer nuevas directrices de identificación "
            "y entrevista para los agentes de primera línea que trabajan en las zonas fronterizas "
            "del país con Viet Nam, la República Democrática Popular Lao y Myanmar.",
            "La capacitación, que comienza mañana, tiene por objeto apoyar el segundo Plan de "
            "Acción Nacional contra la Trata de Seres Humanos (2013-2020), adoptado recientemente "
            "por China, que subraya la necesidad de reforzar la formación policial en zonas "
            "fronterizas clave.",
        ),
        (
            "La capacitación proporcionará las competencias y los conocimientos necesarios en "
            "técnicas de identificación y entrevista para que más víctimas puedan recibir "
            "asistencia.",
            "Pär Liljert",
            "jefe de la Oficina de la OIM en Beijing",
        ),
        ("Ellen Wong", "Oficina de Enlace de la OIM en Beijing"),
    ),
}


def _translated_version(template: LanguageVersion, locale: str) -> LanguageVersion:
    headline, paragraphs, (quote, speaker, role), (contact, office) = _TRANSLATIONS[locale]
    version = copy.deepcopy(template)
    version.locale = locale
    version.headline = headline
    version.body = [
        Paragraph(text, old.id) for text, old in zip(paragraphs, template.body, strict=True)
    ]
    (old_quote,) = template.quotes
    version.quotes = [
        Quote(
            quote,
            speaker,
            role,
            after_paragraph=old_quote.after_paragraph,
            speaker_gender=old_quote.speaker_gender,
            id=old_quote.id,
        )
    ]
    (old_contact,) = template.contacts
    version.contacts = [
        Contact(contact, "", office, old_contact.email, old_contact.phone, old_contact.id)
    ]
    return version


def six_language_release() -> Release:
    """The sample in ar, zh_Hans_CN, en, fr, ru and es (in that order); French is the source."""
    base = sample_release()
    english = base.version("en")
    versions = {locale: _translated_version(english, locale) for locale in _TRANSLATIONS}
    versions["en"] = copy.deepcopy(english)
    versions["fr"] = copy.deepcopy(base.version("fr"))
    organisation = copy.deepcopy(base.organisation)
    organisation.names.update(_NAMES)
    organisation.boilerplate.update(_BOILERPLATE)
    # Spanish names the organisation with its article: "Acerca de la OIM".
    organisation.house_style.about_heading["es"] = "Acerca de la OIM"
    return Release(
        source_locale="fr",
        versions=[versions[locale] for locale in SIX_LOCALES],
        organisation=organisation,
        dateline=copy.deepcopy(base.dateline),
        id=_SIX_ID,
        created=_FIXED_CREATED,
        modified=_FIXED_MODIFIED,
    )


def _words_of(text: str, locale: str) -> int:
    # Chinese is written without spaces: about two characters make a word.
    return len(text) // 2 if locale.startswith("zh") else len(text.split())


def long_six_language_release(words: int = LONG_TARGET_WORDS) -> Release:
    """:func:`long_release` with ``words`` words in each of the six languages.

    Every target paragraph keeps its French counterpart's id and stands in for
    it with the sample's translated paragraphs, repeated to about the same
    length; quotes, contacts and notes keep their ids too, so the versions line
    up segment by segment as a translator's would.
    """
    paragraphs = max(8, round(LONG_PARAGRAPHS * words / LONG_TARGET_WORDS))
    long = long_release(words, paragraphs)
    (french,) = long.versions
    six = six_language_release()
    versions: list[LanguageVersion] = []
    for locale in SIX_LOCALES:
        if locale == "fr":
            versions.append(french)
            continue
        short = six.version(locale)
        version = copy.deepcopy(french)
        version.locale = locale
        version.headline = short.headline
        version.city = short.city
        pool = [p.text for p in short.body]
        for index, paragraph in enumerate(version.body):
            goal = _words_of(paragraph.text, "fr")
            parts: list[str] = []
            while sum(_words_of(part, locale) for part in parts) < goal or not parts:
                parts.append(pool[(index + len(parts)) % len(pool)])
            joiner = "" if locale.startswith("zh") else " "
            paragraph.text = joiner.join(parts)
        (quote,) = short.quotes
        for item in version.quotes:
            item.text, item.speaker, item.role = quote.text, quote.speaker, quote.role
        (contact,) = short.contacts
        for item in version.contacts:
            item.name = item.name and contact.name
            item.office = contact.office
        for note in version.notes_to_editors:
            note.text = pool[0]
        versions.append(version)
    release = Release(
        source_locale="fr",
        versions=versions,
        organisation=six.organisation,
        dateline=six.dateline,
        id=_LONG_ID,
        created=_FIXED_CREATED,
        modified=_FIXED_MODIFIED,
    )
    for locale in SIX_LOCALES:
        if locale != "fr":
            target = release.version(locale)
            for pair in pairs(release, locale):
                if pair.target is not None:
                    target.segments[pair.key] = SegmentState(
                        SegmentStatus.TRANSLATED, pair.source.text
                    )
    return release


def write_six_language_draft(path: Path = DEFAULT_DRAFT) -> Path:
    """Save the six-language release as a draft file that ``releasewriter export`` reads."""
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, encode_release(six_language_release()))
    return path


def main(argv: list[str]) -> int:
    path = write_six_language_draft(Path(argv[0]) if argv else DEFAULT_DRAFT)
    print(f"wrote {path}")
    six = six_language_release()
    for version in six.versions:
        chars = len(version.headline) + sum(len(p.text) for p in version.body)
        print(f"  {version.locale:<11} {word_count(version):>6} words {chars:>6} characters")
    long = long_release()
    (french,) = long.versions
    print(
        f"long release: {word_count(french)} words, {len(french.body)} paragraphs, "
        f"{len(french.quotes)} quotes, {len(french.contacts)} contacts"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
