"""How each language writes a release's parts: datelines, attributions, contact details, labels.

Several forms per language, as press offices write them; the corpus picks
one per house style (see corpus.py).
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
# Levantine month names (March is "آذار"), which Syria, Lebanon, Jordan and Iraq write.
_LEVANTINE = (
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
)
DASH = {"en": "–", "fr": "–", "es": "–", "ru": "—", "ar": "–", "zh": "——"}


def date_text(locale: str, date: dt.date, *, alt: bool) -> str:
    """The date as a dateline writes it; ``alt`` picks the language's other common form."""
    if locale == "en":
        return format_date(date, "long", locale="en") if alt else f"{date.day} {date:%B %Y}"
    if locale == "fr" and alt:
        return format_date(date, "EEEE d MMMM y", locale="fr")
    if locale == "ru" and alt:
        return format_date(date, "long", locale="ru").replace(" г.", " года")
    if locale == "ar" and alt:
        return f"{date.day} {_LEVANTINE[date.month - 1]} {date.year}".translate(AR_DIGITS)
    return format_date(date, "long", locale=locale)


def dateline(form: str, locale: str, city: str, country: str, date: str, tag: str) -> str:
    """The dateline that opens the first paragraph (or stands alone, for ``alone``)."""
    dash = DASH[locale]
    caps = city.upper()
    if locale == "zh":
        return {
            "full": f"{country}{city}，{date}{dash}",
            "tag": f"{city}，{date}（{tag}）{dash}",
            "plain": f"{city}，{date}{dash}",
            "nodate": f"{city}{dash}",
            "country": f"{country}{dash}",
            "alone": f"{country}{city}，{date}",
            "paren": f"{city}（{date}）{dash}",
            "dateonly": f"{date}{dash}",
        }[form]
    comma = "، " if locale == "ar" else ", "
    return {
        "full": f"{caps}{comma}{country}{comma}{date} {dash} ",
        "tag": f"{caps}{comma}{date} ({tag}) {dash} ",
        "plain": f"{city}{comma}{date} {dash} ",
        "nodate": f"{city} {dash} ",
        "country": f"{country} - ",
        "alone": f"{caps}{comma}{country}{comma}{date}",
        "paren": f"{caps} ({date}) {dash} ",
        "dateonly": f"{date} {dash} ",
    }[form]


def quote(form: str, locale: str, text: str, speaker: str, role: str, female: bool) -> str:
    """A quotation paragraph with its attribution; for "after2" in Chinese, without role."""
    bare = text.rstrip(".。")
    if locale == "en":
        return {
            "after": f"“{bare},” said {speaker}, {role}.",
            "after2": f"“{bare},” {speaker}, {role}, said.",
            "before": f"{speaker}, {role}, said: “{bare}.”",
        }[form]
    if locale == "fr":
        return {
            "after": f"« {bare} », a déclaré {speaker}, {role}.",
            "after2": f"« {bare} », explique {speaker}, {role}.",
            "before": f"{speaker}, {role}, a déclaré : « {bare}. »",
        }[form]
    if locale == "es":
        return {
            "after": f"«{bare}», dijo {speaker}, {role}.",
            "after2": f"“{bare}”, señaló {speaker}, {role}.",
            "before": f"{speaker}, {role}, afirmó: «{bare}».",
        }[form]
    if locale == "ru":
        stated, said = ("заявила", "сказала") if female else ("заявил", "сказал")
        return {
            "after": f"«{bare}», — {stated} {speaker}, {role}.",
            "after2": f"«{bare}», — {said} {speaker}, {role}.",
            "before": f"{speaker}, {role}, {stated}: «{bare}».",
        }[form]
    if locale == "ar":
        said = "قالت" if female else "قال"
        added = "وأضافت" if female else "وأضاف"
        return {
            "before": f"و{said} {speaker}، {role}: «{text}»",
            "after": f'"{bare}"، {said} {speaker}، {role}.',
            "after2": f"{added} {speaker}، {role}: ”{text}“",
        }[form]
    return {
        "before": f"{role}{speaker}表示：“{text}”",
        "after": f"“{text}”{role}{speaker}表示。",
        "after2": f"{speaker}说：“{text}”",
    }[form]


# (e-mail label, phone label, mobile label)
DETAILS = {
    "en": ("Email:", "Tel:", "Mobile:"),
    "fr": ("Email :", "Tél. :", "Portable :"),
    "es": ("Correo electrónico:", "Tel.:", "Móvil:"),
    "ru": ("Эл. почта:", "Тел.:", "Моб.:"),
    "ar": ("البريد الإلكتروني:", "هاتف:", "الجوال:"),
    "zh": ("电子邮件：", "电话：", "手机："),
}
TABLE_HEADER = {
    "en": ("Name", "Role", "Email", "Phone"),
    "fr": ("Nom", "Fonction", "Courriel", "Téléphone"),
    "es": ("Nombre", "Cargo", "Correo electrónico", "Teléfono"),
    "ru": ("Имя", "Должность", "Эл. почта", "Телефон"),
    "ar": ("الاسم", "المنصب", "البريد الإلكتروني", "الهاتف"),
    "zh": ("姓名", "职务", "电子邮件", "电话"),
}
SEPARATOR = {"ar": "، ", "zh": "，"}
CONTACT_HEADINGS = {
    "en": ("For more information, please contact:", "Media contacts"),
    "fr": ("Pour plus d’informations, veuillez contacter :", "Contacts presse"),
    "es": ("Para más información, contacte con:", "Contacto de prensa"),
    "ru": ("Для получения дополнительной информации обращайтесь:", "Контакты для СМИ"),
    "ar": ("للمزيد من المعلومات، يرجى التواصل مع:", "للتواصل الإعلامي"),
    "zh": ("如需更多信息，请联系：", "媒体联系人"),
}
NOTES_HEADINGS = {
    "en": ("Notes to editors", "Note to editors:"),
    "fr": ("Note aux rédactions", "Notes aux rédactions"),
    "es": ("Notas para los editores", "Nota para los editores"),
    "ru": ("Примечания для редакторов", "Примечание для редакторов"),
    "ar": ("ملاحظات للمحررين", "ملاحظة للمحررين"),
    "zh": ("编者按", "编辑须知"),
}
ABOUT_HEADINGS = {
    "en": "About {acronym}",
    "fr": "À propos de {org}",
    "es": "Acerca de {acronym}",
    "ru": "О {acronym}",
    "ar": "نبذة عن {org}",
    "zh": "关于{org}",
}
END_MARKS = {
    "en": ("ENDS", "-ENDS-", "###", "- 30 -"),
    "fr": ("-FIN-", "FIN"),
    "es": ("-FIN-", "###"),
    "ru": ("Конец", "###"),
    "ar": ("انتهى", "// انتهى //"),
    "zh": ("完", "（完）"),
}
IMMEDIATE = {
    "en": "FOR IMMEDIATE RELEASE",
    "fr": "POUR DIFFUSION IMMÉDIATE",
    "es": "PARA DIFUSIÓN INMEDIATA",
    "ru": "ДЛЯ НЕМЕДЛЕННОЙ ПУБЛИКАЦИИ",
    "ar": "للنشر الفوري",
    "zh": "即时发布",
}
# An embargo notice; {date} is the date, the time and zone are in the text.
EMBARGO = {
    "en": ("EMBARGOED UNTIL 00:01 GMT {date}", dt.time(0, 1), "UTC"),
    "fr": ("SOUS EMBARGO jusqu’au {date} à 9 h 00 (heure de Genève)", dt.time(9), "Europe/Zurich"),
    "es": ("EMBARGADO HASTA el {date} a las 10:00 GMT", dt.time(10), "UTC"),
    "ru": ("НЕ ДЛЯ ПУБЛИКАЦИИ ДО 10:00 МСК {date}", dt.time(10), "Europe/Moscow"),
    "ar": ("محظور النشر حتى {date}، الساعة 09:00 بتوقيت غرينتش", dt.time(9), "UTC"),
    "zh": ("禁止发布，直至{date}10:00（北京时间）", dt.time(10), "Asia/Shanghai"),
}

# A label above the headline in a Word document.
PRESS_RELEASE = {
    "en": "PRESS RELEASE",
    "fr": "COMMUNIQUÉ DE PRESSE",
    "es": "COMUNICADO DE PRENSA",
    "ru": "ПРЕСС-РЕЛИЗ",
    "ar": "بيان صحفي",
    "zh": "新闻稿",
}


def followup(locale: str, text: str, female: bool) -> str:
    """More words of the same speaker, attributed by a pronoun: a paragraph, not a quote field."""
    bare = text.rstrip(".。")
    return {
        "en": f"“{bare},” {'she' if female else 'he'} added.",
        "fr": f"« {bare} », a-t-{'elle' if female else 'il'} ajouté.",
        "es": f"«{bare}», añadió.",
        "ru": f"«{bare}», — добавил{'а она' if female else ' он'}.",
        "ar": f"وأضاف{'ت' if female else ''}: «{text}»",
        "zh": f"{'她' if female else '他'}补充说：“{text}”",
    }[locale]
