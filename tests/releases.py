"""Releases the tests build on: the bundled sample, and test releases in other scripts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from releasewriter.model import (
    Contact,
    Dateline,
    Embargo,
    LanguageVersion,
    Organisation,
    Paragraph,
    Quote,
    Release,
    SpeakerGender,
)
from releasewriter.resources import resource_path
from releasewriter.store import read_release

SAMPLE_PATH = resource_path("samples", "iom-china-trafficking.release.json")
SIX_LANGUAGES_PATH = Path(__file__).resolve().parent / "data" / "six-languages.release.json"


def sample_release() -> Release:
    return read_release(SAMPLE_PATH)


def _organisation() -> Organisation:
    return Organisation(
        name="International Organization for Migration",
        names={
            "ar": "المنظمة الدولية للهجرة",
            "zh": "国际移民组织",
            "en": "IOM",
            "fr": "OIM",
            "ru": "МОМ",
            "es": "OIM",
        },
        boilerplate={
            "ar": "المنظمة الدولية للهجرة هي جزء من منظومة الأمم المتحدة.",
            "zh": "国际移民组织是联合国系统的一部分。",
            "en": "IOM is part of the United Nations system.",
            "fr": "L’OIM fait partie du système des Nations Unies.",
            "ru": "МОМ входит в систему Организации Объединенных Наций.",
            "es": "La OIM forma parte del sistema de las Naciones Unidas.",
        },
    )


def arabic_version() -> LanguageVersion:
    return LanguageVersion(
        locale="ar",
        headline="المنظمة الدولية للهجرة تدعم ضحايا الاتجار بالبشر في الأردن",
        city="عمّان",
        body=[
            Paragraph(
                "نظمت المنظمة الدولية للهجرة هذا الأسبوع ورشة عمل لمدة ثلاثة أيام لـ 30 ضابط شرطة.",
                "p1",
            ),
            Paragraph("وقد تم تدريب الضباط على تحديد الضحايا ومساعدتهم.", "p2"),
        ],
        quotes=[
            Quote(
                "هذا التدريب سيساعد المزيد من الضحايا.",
                "ليلى حسن",
                "رئيسة البعثة",
                1,
                SpeakerGender.FEMALE,
                "q1",
            )
        ],
        contacts=[
            Contact(
                "ليلى حسن",
                "مسؤولة الإعلام",
                "مكتب عمّان",
                "lhassan@iom.int",
                "+962 6 565 9660",
                "c1",
            )
        ],
    )


def chinese_version() -> LanguageVersion:
    return LanguageVersion(
        locale="zh_Hans_CN",
        headline="国际移民组织与中国合作保护湄公河北部边境的人口贩运受害者",
        city="北京",
        body=[
            Paragraph(
                "国际移民组织本周举办为期三天的能力建设讲习班，帮助约30名中国西南地区的警官更好地保护人口贩运受害者。",
                "p1",
            ),
            Paragraph("近年来，从湄公河北部地区进入中国的跨境流动日益频繁。", "p2"),
        ],
        quotes=[
            Quote(
                "培训将提供必要的技能和知识，使更多受害者得到帮助。",
                "Pär Liljert",
                "国际移民组织驻北京办事处负责人",
                2,
                SpeakerGender.MALE,
                "q1",
            )
        ],
        contacts=[
            Contact(
                "黄爱伦", "", "国际移民组织北京联络处", "ewong@iom.int", "+86 10 5979 9695", "c1"
            )
        ],
    )


def arabic_release() -> Release:
    return Release(
        source_locale="ar",
        versions=[arabic_version()],
        organisation=_organisation(),
        dateline=Dateline(country="JO", date=dt.date(2026, 3, 9)),
    )


def chinese_release() -> Release:
    return Release(
        source_locale="zh_Hans_CN",
        versions=[chinese_version()],
        organisation=_organisation(),
        dateline=Dateline(country="CN", date=dt.date(2026, 3, 9)),
    )


def embargoed(release: Release) -> Release:
    for version in release.versions:
        version.embargo = Embargo(dt.datetime(2026, 12, 1, 9, 0), "Asia/Shanghai")
    return release


# One paragraph as each language writes it: the same amounts, share, range and
# date, with each language's decimal marks, grouping and scale words.
FIGURES = {
    "fr": "Le 3 mars 2026, l’OIM a lancé un programme de 2,4 millions de dollars pour "
    "40\u202f000 personnes, soit 12,5\u00a0% des 1,5 milliard de dollars prévus "
    "pour 10 à 20 millions de migrants.",
    "en": "On 3 March 2026 IOM launched a USD 2.4 million programme for 40,000 people, "
    "12.5% of the USD 1.5 billion planned for 10 to 20 million migrants.",
    "zh_Hans_CN": "2026年3月3日，国际移民组织启动了一个240万美元的项目，惠及4万人，"
    "占为1000万至2000万移民计划的15亿美元的12.5%。",
    "ru": "3 марта 2026 года МОМ запустила программу стоимостью 2,4\u00a0млн долларов "
    "для 40\u00a0000 человек — 12,5\u00a0% от 1,5 млрд долларов, предусмотренных "
    "для 10–20 млн мигрантов.",
    "ar": "في ٣ مارس ٢٠٢٦ أطلقت المنظمة برنامجًا بقيمة ٢٫٤ مليون دولار لفائدة ٤٠٬٠٠٠ شخص، "
    "أي ١٢٫٥٪ من ١٫٥ مليار دولار مخصصة لما بين ١٠ و٢٠ مليون مهاجر.",
    "es": "El 3 de marzo de 2026, la OIM puso en marcha un programa de 2,4 millones de "
    "dólares para 40.000 personas, el 12,5 % de los 1.500 millones de dólares "
    "previstos para entre 10 y 20 millones de migrantes.",
}
# The contact's name, with each language's full stops and spaces after the title.
DOCTOR = {
    "fr": "Dr Peter Ochieng",
    "en": "Dr Peter Ochieng",
    "zh_Hans_CN": "Dr. Peter Ochieng",
    "ru": "Питер Очиенг",
    "ar": "د. بيتر أوتشينغ",
    "es": "Dr. Peter Ochieng",
}


def faithful_six_languages() -> Release:
    """The six-language release, with figures and a titled name each language writes its way."""
    release = read_release(SIX_LANGUAGES_PATH)
    for version in release.versions:
        version.body.append(Paragraph(FIGURES[version.locale], "p5"))
        version.contacts.append(
            Contact(DOCTOR[version.locale], "", "", "pochieng@iom.int", "+254 20 444 4174", "c2")
        )
    return release
