"""The lines that mark a release's parts: status, embargo, headings, end marks, page chrome.

Each label is the app's own (read from its release-labels catalogs, so an
exported release reads back) plus the wordings press offices commonly use,
listed below. Matching ignores case, accents and a final colon.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from enum import StrEnum

from releasewriter.i18n.countries import fold
from releasewriter.importing.contacts import EMAIL, PHONE
from releasewriter.importing.dates import find_dates, find_time
from releasewriter.render.labels import Labels

LABEL_LOCALES = ("en", "fr", "es", "ru", "ar", "zh", "pt", "de")


class Heading(StrEnum):
    CONTACTS = "contacts"
    NOTES = "notes"
    ABOUT = "about"


_CONTACT_LABELS = (
    "For more information, please contact", "For further information, please contact",
    "For more information", "For further information", "Media contact", "Media contacts",
    "Press contact", "Press contacts", "Contact", "Contacts", "Contact information",
    "Pour plus d’informations, veuillez contacter", "Pour plus d’informations",
    "Pour plus d’information", "Pour tout complément d’information", "Contact presse",
    "Contacts presse", "Contact médias", "Contacts médias",
    "Para más información, póngase en contacto con", "Para más información", "Contacto",
    "Contactos", "Contacto de prensa", "Contactos de prensa", "Contacto para medios",
    "Для получения дополнительной информации", "Для дополнительной информации", "Контакты",
    "Контакт", "Контакты для СМИ", "Контактная информация",
    "للمزيد من المعلومات", "لمزيد من المعلومات", "للتواصل", "للتواصل الإعلامي",
    "联系人", "如需更多信息，请联系", "如需了解更多信息，请联系", "媒体联系人", "媒体联络",
    "Para mais informações", "Contato", "Contatos", "Weitere Informationen", "Pressekontakt",
    "Kontakt", "Media enquiries", "Media inquiries", "Press enquiries", "Media relations",
    "Pour toute information", "Contacts médias", "Relations médias", "Contacto con los medios",
    "Contactos para medios", "Дополнительная информация", "Для СМИ", "Пресс-служба",
    "للاستفسارات الإعلامية", "جهات الاتصال الإعلامية", "جهات الاتصال", "للتواصل مع وسائل الإعلام",
    "更多信息请联系", "媒体联系", "媒体垂询", "新闻联络", "联系方式", "Consultas de prensa",
    "Consultas de medios", "Demandes des médias", "Demandes médias", "Запросы СМИ",
)  # fmt: skip
_NOTES_LABELS = (
    "Notes to editors", "Note to editors", "Notes for editors", "Editor’s note", "Editors’ notes",
    "Note aux rédactions", "Notes aux rédactions", "Note aux rédacteurs", "Note à la rédaction",
    "Notas para los editores", "Nota para los editores", "Notas para editores",
    "Nota a los editores", "Примечания для редакторов", "Примечание для редакторов",
    "Для редакторов", "ملاحظات للمحررين", "ملاحظة للمحررين", "编者按", "编辑须知",
    "Notas aos editores", "Hinweise für Redaktionen",
)  # fmt: skip
# "About IOM": the heading's start; the organisation's name follows.
_ABOUT_PREFIXES = (
    "About", "À propos de", "À propos du", "À propos des", "Acerca de", "Acerca del", "Sobre",
    "Sobre a", "Sobre o", "О", "Об", "Информация о", "نبذة عن", "عن", "关于", "Über",
)  # fmt: skip
_END_MARKS = (
    "ENDS", "-ENDS-", "END", "-END-", "-FIN-", "FIN", "###", "-30-", "-###-", "Конец", "-Конец-",
    "انتهى", "//انتهى//", "-انتهى-", "完", "(完)", "（完）", "-FIM-", "FIM", "-ENDE-", "ENDE",
    "***", "-***-", "#", "-#-", "xxx", "-xxx-", "— 30 —",
)  # fmt: skip
# A label above the headline that says what the document is; it holds no text of it.
_RELEASE_LABELS = (
    "Press release", "News release", "Media release", "Press statement", "Media advisory",
    "Communiqué de presse", "Communiqué", "Avis aux médias", "Comunicado de prensa",
    "Comunicado", "Nota de prensa", "Nota informativa", "Пресс-релиз", "Сообщение для печати",
    "Заявление для прессы", "بيان صحفي", "بيان إعلامي", "بيان صحافي", "新闻稿", "新闻公报",
    "新闻通稿", "Pressemitteilung", "Comunicado de imprensa", "Nota à imprensa",
)  # fmt: skip
_IMMEDIATE = (
    "For immediate release", "Immediate release", "For release", "Pour diffusion immédiate",
    "Pour publication immédiate", "Diffusion immédiate", "Para publicación inmediata",
    "Para su difusión inmediata", "Para difusión inmediata", "Для немедленной публикации",
    "Для немедленного распространения", "للنشر الفوري", "للنشر فورا", "即时发布", "立即发布",
    "Para divulgação imediata", "Zur sofortigen Veröffentlichung",
)  # fmt: skip
_EMBARGO_STARTS = (
    "Embargoed until", "Embargo until", "Under embargo until", "Embargoed", "Embargo",
    "Sous embargo jusqu’au", "Sous embargo jusqu’à", "Embargo jusqu’au", "Sous embargo",
    "Embargado hasta el", "Embargado hasta", "Bajo embargo hasta el", "Bajo embargo hasta",
    "Embargo hasta el", "Эмбарго до", "Не для публикации до", "محظور النشر حتى",
    "يحظر النشر حتى", "حظر النشر حتى", "禁止发布，直至", "禁止发布直至", "禁止发布至",
    "禁止发布", "Sob embargo até", "Sperrfrist",
)  # fmt: skip


def _key(text: str) -> str:
    return fold(text.strip().rstrip(":：").strip())


def _compact(text: str) -> str:
    # Not fold(): that drops a leading "the", and "The end" is no end mark.
    return "".join(text.casefold().split())


@functools.cache
def _labels(kind: Heading) -> tuple[str, ...]:
    """The labels of one heading, the app's own in every language first."""
    extra: tuple[str, ...]
    if kind is Heading.CONTACTS:
        own = [Labels(locale).contacts_heading for locale in LABEL_LOCALES]
        extra = _CONTACT_LABELS
    elif kind is Heading.NOTES:
        own = [Labels(locale).notes_heading for locale in LABEL_LOCALES]
        extra = _NOTES_LABELS
    else:
        own = [Labels(locale).about_heading("").strip() for locale in LABEL_LOCALES]
        extra = _ABOUT_PREFIXES
    return tuple(dict.fromkeys(_key(label) for label in (*own, *extra) if label.strip()))


_WORDS_IN_HEADING = 14
# Longer lines are paragraphs; a heading with a contact on its line stays below this.
_HEADING_LENGTH = 300
_WORDS_IN_ABOUT = 8
_CJK = re.compile(r"[\u4e00-\u9fff]")

# "For more information, please contact Joe Lowry, Tel: …": the heading runs on into a contact.
_CONTACT_WORD = re.compile(
    r"(?:\b(?:contact(?:s|er|ez|o|os|ar|e)?|обращайтесь(?:\s+к)?|связывайтесь(?:\s+с)?)\b"
    r"|الاتصال بـ?|التواصل مع|联系)\s*[:：]?\s*",
    re.IGNORECASE,
)


def heading(plain: str) -> Heading | None:
    """Which part of a release the line introduces, if it is one of their headings."""
    if len(plain) > _HEADING_LENGTH:
        return None
    key = _key(plain)
    contact = _CONTACT_WORD.search(plain)
    if contact and (EMAIL.search(plain, contact.end()) or PHONE.search(plain, contact.end())):
        # "For more information, please contact Joe Lowry, Tel: …": the heading is the start.
        # A bare "Contact" must end with its colon: "Contact tracing…" is a sentence.
        start = _key(plain[: contact.end()])
        colon = any(mark in contact.group() for mark in ":：")
        key = start if colon or len(start.split()) > 1 or _CJK.search(start) else key
    if not key or len(key.split()) > _WORDS_IN_HEADING or len(key) > 90:
        return None
    for kind in (Heading.CONTACTS, Heading.NOTES):
        for label in _labels(kind):
            # A label of several words, or of Chinese characters, may run on ("…请联系：").
            running = len(label.split()) > 1 or bool(_CJK.search(label))
            if key == label or (running and key.startswith(label) and _runs_on(plain)):
                return kind
    if _contacts_label(plain, key):
        return Heading.CONTACTS
    if any(c.isdigit() for c in key) or plain.rstrip().endswith((".", "。")):
        return None
    if len(key.split()) > _WORDS_IN_ABOUT:
        return None
    for prefix in _labels(Heading.ABOUT):
        # "关于国际移民组织" joins its words; elsewhere a space follows the prefix.
        joined = prefix == _key("关于")
        if (
            key.startswith(prefix)
            and len(key) > len(prefix)
            and (joined or key[len(prefix)] == " ")
        ):
            if joined and not _chinese_name(key[len(prefix) :]):
                return None  # "关于气候与移民须知的五件事": a title, not "About WFP"
            return Heading.ABOUT if _names_someone(plain) else None
    return None


# Words a contacts heading is made of, in every language: contact, enquiries. Neither
# "information" ("Background information:") nor "press" ("Press conference:") is enough.
_CONTACT_TOPIC = re.compile(
    r"contact|enquir|inquir|renseignement|контакт|справк|обращайтесь|الاتصال|التواصل|استفسار"
    r"|联系|联络|垂询",
    re.IGNORECASE,
)
_LABEL_WORDS = 7
# A contact's line: name, role, office, address and number, and little else.
_CONTACT_LINE_WORDS = 16


def _contacts_label(plain: str, key: str) -> bool:
    """A short line that ends with its colon and speaks of contacts, information or the
    media ("Media enquiries:", "Дополнительная информация:", "媒体联系：")."""
    text = plain.strip()
    if not text.endswith((":", "：")) or len(key.split()) > _LABEL_WORDS or len(key) > 60:
        return False
    if _CJK.search(text) and len(text) > 20:
        return False
    return bool(_CONTACT_TOPIC.search(text)) and not EMAIL.search(text)


def introduces_contacts(plain: str, following: str) -> bool:
    """A short line ending with a colon with a contact's address or number on the line
    after it: a contacts heading whatever its words ("Pour joindre l’équipe :")."""
    text = plain.strip()
    if not text.endswith((":", "：")) or len(_key(text).split()) > _LABEL_WORDS or len(text) > 60:
        return False
    if EMAIL.search(text) or following.rstrip().endswith((".", "。", "!", "?")):
        return False  # "Hotlines:" over "Call +254 … for help." introduces a sentence
    return len(following.split()) <= _CONTACT_LINE_WORDS and bool(
        EMAIL.search(following) or PHONE.search(following)
    )


def _runs_on(plain: str) -> bool:
    """Whether a line that starts with a label and goes on is still the label: it ends
    with a colon, or goes on to whom to contact. "For more information, please visit
    the website." is a sentence of the body, never a heading."""
    text = plain.strip()
    if text.endswith((":", "：")):
        return True
    if text.endswith((".", "。", "!", "！")) and not (EMAIL.search(text) or PHONE.search(text)):
        return False
    return bool(_CONTACT_WORD.search(text) or EMAIL.search(text) or PHONE.search(text))


# A Chinese organisation's name is a short run without the particles of a phrase.
_CHINESE_PHRASE = re.compile(r"[的与和是了在吗：:，,]|须知|件事")
_CHINESE_NAME_LENGTH = 14


def _chinese_name(rest: str) -> bool:
    return len(rest) <= _CHINESE_NAME_LENGTH and not _CHINESE_PHRASE.search(rest)


def _names_someone(plain: str) -> bool:
    """An "About" heading names an organisation ("About IOM", "À propos de l’OIM"):
    a capital after its first word. "About the project" is a subheading."""
    rest = plain.strip().split(maxsplit=1)[1:] or [""]
    cased = [c for c in rest[0] if c.isalpha() and c.upper() != c.lower()]
    return not cased or any(c.isupper() for c in cased)


@functools.cache
def _end_marks() -> frozenset[str]:
    own = [Labels(locale).default_end_mark for locale in LABEL_LOCALES]
    return frozenset(_compact(mark) for mark in (*own, *_END_MARKS))


def is_end_mark(plain: str) -> bool:
    return bool(plain.strip()) and _compact(plain) in _end_marks()


def house_end_mark(locale: str) -> str:
    return Labels(locale).default_end_mark


@functools.cache
def _immediate() -> frozenset[str]:
    own = [Labels(locale).immediate_release for locale in LABEL_LOCALES]
    return frozenset(_key(label) for label in (*own, *_IMMEDIATE))


def is_immediate_release(plain: str) -> bool:
    return _key(plain) in _immediate()


@functools.cache
def _release_labels() -> frozenset[str]:
    return frozenset(_key(label) for label in _RELEASE_LABELS)


def is_release_label(plain: str) -> bool:
    """A line that only says what the document is: "PRESS RELEASE", "Пресс-релиз"."""
    return _key(plain) in _release_labels()


@functools.cache
def _embargo_pattern() -> re.Pattern[str]:
    own = [Labels(locale).embargoed_until("").strip() for locale in LABEL_LOCALES]
    starts = sorted({s for s in (*own, *_EMBARGO_STARTS) if s}, key=len, reverse=True)
    return re.compile(
        # Chinese runs the date on without a space: "禁止发布至2026年…".
        r"^\W*(?:" + "|".join(re.escape(s) for s in starts) + r")(?:\W|$|(?<=[\u4e00-\u9fff]))",
        re.IGNORECASE,
    )


# Zone abbreviations a press office writes after an embargo time.
_ZONES = {
    "gmt": "UTC", "utc": "UTC", "z": "UTC", "cet": "Europe/Zurich", "cest": "Europe/Zurich",
    "eat": "Africa/Nairobi", "est": "America/New_York", "edt": "America/New_York",
    "et": "America/New_York", "bst": "Europe/London", "msk": "Europe/Moscow",
    "мск": "Europe/Moscow", "geneva": "Europe/Zurich", "genève": "Europe/Zurich",
    "ginebra": "Europe/Zurich", "женева": "Europe/Zurich", "جنيف": "Europe/Zurich",
    "日内瓦": "Europe/Zurich", "北京时间": "Asia/Shanghai", "غرينتش": "UTC",
    "по московскому": "Europe/Moscow",
}  # fmt: skip
_OFFSET = re.compile(r"(?:GMT|UTC|格林尼治标准时间|غرينتش)\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?")
_ZONE_WORD = re.compile(
    r"(?<!\w)("
    + "|".join(re.escape(z) for z in sorted(_ZONES, key=len, reverse=True))
    + r")(?!\w)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class EmbargoLine:
    # None when the line says "embargo" but no date could be read from it.
    until: dt.datetime | None
    timezone: str


def _zone(text: str) -> str:
    offset = _OFFSET.search(text)
    if offset and (offset.group(3) in (None, "00")):
        hours = int(offset.group(2))
        if hours == 0:
            return "UTC"
        # IANA's Etc zones count the other way: GMT+3 is "Etc/GMT-3".
        sign = "-" if offset.group(1) == "+" else "+"
        return f"Etc/GMT{sign}{hours}"
    word = _ZONE_WORD.search(text)
    return _ZONES[word.group(1).lower()] if word else ""


def embargo_line(plain: str) -> EmbargoLine | None:
    """The embargo a line announces, or None if the line is not an embargo notice."""
    if not _embargo_pattern().match(plain.strip()):
        return None
    dates = find_dates(plain)
    if not dates:
        return EmbargoLine(None, "")
    moment = dt.datetime.combine(dates[0].date, find_time(plain) or dt.time(0, 0))
    return EmbargoLine(moment, _zone(plain))


# An address written as a pattern ("firstname.lastname@wfp.org"): how to write to
# anyone there, not someone's address.
_PLACEHOLDER = re.compile(
    r"(?:(?:first|last|given|family|sur)?name|initials?|pr[ée]nom|nom|nombre|apellidos?|имя"
    r"|фамилия|x{2,})(?:[._-](?:(?:first|last|given|family|sur)?name|initials?|pr[ée]nom|nom"
    r"|nombre|apellidos?|имя|фамилия|x{2,}))*",
    re.IGNORECASE,
)


def heading_rest(plain: str) -> str:
    """What a contacts heading's line gives after its label, an address or a number
    ("…, please contact Joe Lowry, Tel: …"), or nothing."""
    if not heading(plain):
        return ""
    match = _CONTACT_WORD.search(plain)
    # With no word to cut at ("Media enquiries (…@…):"), the whole line is kept.
    rest = plain[match.end() :].strip(" :：") if match else plain.strip()
    return rest if EMAIL.search(rest) or PHONE.search(rest) else ""


def contact_after_heading(plain: str) -> str:
    """The contact that follows the contacts heading on its line ("…, please contact Joe
    Lowry, Tel: …"), or nothing: a note of how addresses are written is no contact."""
    rest = heading_rest(plain)
    email = EMAIL.search(rest)
    if email and _PLACEHOLDER.fullmatch(email.group().split("@")[0]) and not PHONE.search(rest):
        return ""
    return rest
