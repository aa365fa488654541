"""The lines that mark a release's parts: status, embargo, headings, end marks, page furniture."""

from __future__ import annotations

import datetime as dt

import pytest

from releasewriter.importing.chrome import is_chrome_line
from releasewriter.importing.sections import (
    Heading,
    contact_after_heading,
    embargo_line,
    heading,
    introduces_contacts,
    is_end_mark,
    is_immediate_release,
    is_release_label,
)
from releasewriter.render.labels import Labels

LOCALES = ("en", "fr", "es", "ru", "ar", "zh", "pt", "de")
MARCH_5 = dt.date(2026, 3, 5)


@pytest.mark.parametrize(
    ("line", "until", "zone"),
    [
        ("EMBARGOED UNTIL 00:01 GMT 5 March 2026", dt.time(0, 1), "UTC"),
        ("SOUS EMBARGO jusqu’au 5 mars 2026 à 9 h 00 (heure de Genève)", dt.time(9),
         "Europe/Zurich"),
        ("НЕ ДЛЯ ПУБЛИКАЦИИ ДО 10:00 МСК 5 марта 2026 г.", dt.time(10), "Europe/Moscow"),
        ("محظور النشر حتى 5 مارس 2026، الساعة 09:00 بتوقيت غرينتش", dt.time(9), "UTC"),
        ("禁止发布，直至2026年3月5日10:00（北京时间）", dt.time(10), "Asia/Shanghai"),
        ("Embargoed until March 5, 2026 at 9:00 AM (Central European Standard Time, GMT+01:00)",
         dt.time(9), "Etc/GMT-1"),
        ("Embargado hasta el 5 de marzo de 2026 a las 2:30 p. m. UTC+3", dt.time(14, 30),
         "Etc/GMT-3"),
    ],
)  # fmt: skip
def test_embargo_lines_give_their_moment_and_zone(line: str, until: dt.time, zone: str) -> None:
    found = embargo_line(line)
    assert found is not None
    assert found.until == dt.datetime.combine(MARCH_5, until)
    assert found.timezone == zone


def test_an_embargo_without_a_readable_date_is_still_an_embargo_line() -> None:
    found = embargo_line("EMBARGOED until further notice")
    assert found is not None
    assert found.until is None


@pytest.mark.parametrize("locale", LOCALES)
def test_the_apps_own_labels_are_recognised(locale: str) -> None:
    labels = Labels(locale)
    assert heading(labels.contacts_heading) is Heading.CONTACTS
    assert heading(labels.notes_heading) is Heading.NOTES
    assert heading(labels.about_heading("OIM")) is Heading.ABOUT
    assert is_end_mark(labels.default_end_mark)
    assert is_immediate_release(labels.immediate_release)
    assert embargo_line(labels.embargoed_until("5 March 2026")) is not None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("For more information, please contact:", Heading.CONTACTS),
        ("Media contacts", Heading.CONTACTS),
        ("Pour plus d’informations, veuillez contacter", Heading.CONTACTS),
        ("Para más información", Heading.CONTACTS),
        ("Контакты", Heading.CONTACTS),
        ("للمزيد من المعلومات", Heading.CONTACTS),
        ("如需更多信息，请联系", Heading.CONTACTS),
        ("联系人", Heading.CONTACTS),
        ("Note aux rédactions", Heading.NOTES),
        ("编者按", Heading.NOTES),
        ("ملاحظات للمحررين", Heading.NOTES),
        ("About IOM", Heading.ABOUT),
        ("À propos de l’OIM", Heading.ABOUT),
        ("Acerca de ACNUR", Heading.ABOUT),
        ("О МОМ", Heading.ABOUT),
        ("نبذة عن المنظمة", Heading.ABOUT),
        ("关于国际移民组织", Heading.ABOUT),
        ("Contact tracing has begun in the camps.", None),
        ("About 200 people arrived yesterday", None),
        ("Qui sommes nous", None),
    ],
)
def test_headings_of_a_releases_parts(line: str, kind: Heading | None) -> None:
    assert heading(line) is kind


@pytest.mark.parametrize(
    "mark", ["ENDS", "-ENDS-", "- ENDS -", "-FIN-", "FIN", "###", "-30-", "- 30 -", "Конец",
             "انتهى", "// انتهى //", "完", "(完)", "（完）"],
)  # fmt: skip
def test_end_marks(mark: str) -> None:
    assert is_end_mark(mark)


def test_the_end_of_a_sentence_is_no_end_mark() -> None:
    assert not is_end_mark("The end")
    assert not is_end_mark("Fin de la réunion")


@pytest.mark.parametrize(
    "line",
    ["Share this", "Partager", "Articles connexes", "Поделиться", "相关新闻", "مشاركة",
     "This website uses cookies to improve your experience. Accept", "© 2026 IOM"],
)  # fmt: skip
def test_web_page_furniture(line: str) -> None:
    assert is_chrome_line(line)


def test_a_releases_sentence_is_not_furniture() -> None:
    assert not is_chrome_line("IOM shares its data with the government every month.")


@pytest.mark.parametrize(
    "line",
    [
        "For more information on the appeal, please read the full report.",
        "Pour plus d’informations sur le programme, voir le site de l’agence.",
        "Para más información sobre la campaña, visite la página del programa.",
        "للمزيد من المعلومات حول البرنامج، يرجى قراءة التقرير الكامل.",
        "如需更多信息，请阅读完整报告。",
    ],
)
def test_a_sentence_that_starts_like_a_label_is_no_heading(line: str) -> None:
    assert heading(line) is None


def test_a_label_that_runs_on_to_whom_to_contact_is_still_a_heading() -> None:
    assert heading("For more information on the survey, please contact:") is Heading.CONTACTS
    assert heading("Para más información, escriba a prensa@example.org") is Heading.CONTACTS


@pytest.mark.parametrize("mark", ["***", "* * *", "- *** -"])
def test_asterisks_end_a_release(mark: str) -> None:
    assert is_end_mark(mark)


@pytest.mark.parametrize(
    "line",
    ["Press enquiries:", "Renseignements médias :", "Consultas de prensa:",
     "Справки для прессы:", "للاستفسارات الصحفية:", "新闻媒体联络：", "Для СМИ", "媒体垂询"],
)  # fmt: skip
def test_contacts_headings_in_other_words(line: str) -> None:
    assert heading(line) is Heading.CONTACTS


def test_a_short_line_with_a_colon_before_an_address_introduces_contacts() -> None:
    assert introduces_contacts("Pour joindre l’équipe :", "Awa Diop, awa.diop@example.org")
    assert not introduces_contacts("Pour joindre l’équipe :", "Elle répond chaque jour.")
    assert not introduces_contacts("The camp now hosts 40,000 people.", "+41 22 917 1234")
    assert not introduces_contacts("Hotlines:", "Call +254 700 000 000 for help.")


def test_an_address_pattern_after_the_heading_is_no_contact() -> None:
    line = "Media contacts (address format: name.surname@example.org):"
    assert heading(line) is Heading.CONTACTS
    assert contact_after_heading(line) == ""
    kept = contact_after_heading("Media contact: Jo Bell, jo.bell@example.org")
    assert kept == "Jo Bell, jo.bell@example.org"


@pytest.mark.parametrize(
    "line",
    ["Home > News > Stories", "Accueil » Actualités", "Inicio › Prensa › 2026", "主页 > 新闻中心",
     "Главная > Новости", "الرئيسية > الأخبار", "Home / Media centre", "Поделиться", "شارك"],
)  # fmt: skip
def test_breadcrumbs_and_share_lines_are_furniture(line: str) -> None:
    assert is_chrome_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Sudan / Chad: aid convoys resume",
        "Prices rose > 20 per cent in the north.",
        "« Nous restons » : les déplacés de Goma",
    ],
)
def test_a_headline_with_a_slash_or_a_sign_is_no_breadcrumb(line: str) -> None:
    assert not is_chrome_line(line)


@pytest.mark.parametrize(
    "line", ["NEWS RELEASE", "Communiqué de presse", "Nota de prensa", "Пресс-релиз",
             "بيان صحفي", "新闻稿"],
)  # fmt: skip
def test_a_label_that_names_the_document(line: str) -> None:
    assert is_release_label(line)


def test_a_chinese_about_heading_names_an_organisation_not_a_story() -> None:
    assert heading("关于联合国难民署") is Heading.ABOUT
    assert heading("关于难民营生活的十个问题") is None


def test_a_short_line_about_information_is_no_contacts_heading() -> None:
    assert heading("Background information:") is None
    assert heading("Informations clés :") is None


@pytest.mark.parametrize("line", ["Press conference:", "Media coverage:", "Пресс-конференция:"])
def test_a_short_line_about_the_press_is_no_contacts_heading(line: str) -> None:
    assert heading(line) is None
