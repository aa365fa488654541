"""Telling the language of an imported text, offline."""

from __future__ import annotations

import time

import pytest

from releasewriter.importing.language import detect, detect_language

SHORT = {
    "en": "The workshop will help police officers protect the victims of trafficking.",
    "fr": "L’atelier aidera les officiers de police à protéger les victimes de la traite.",
    "es": "El taller ayudará a los agentes de policía a proteger a las víctimas de la trata.",
    "pt": "A oficina vai ajudar os policiais a proteger as vítimas do tráfico de pessoas.",
    "de": "Der Workshop soll den Polizeibeamten helfen, die Opfer des Menschenhandels zu schützen.",
    "ru": "Семинар поможет сотрудникам полиции защищать жертв торговли людьми.",
    "ar": "ستساعد ورشة العمل ضباط الشرطة على حماية ضحايا الاتجار بالبشر.",
    "zh": "研讨会将帮助警官保护人口贩运受害者。",
}

LONG = {
    "en": "IOM teams distributed shelter kits and hygiene items to families who fled the "
    "floods. The response plan is only a third funded, and the agency warned that food "
    "rations could be cut by half from next month if no new pledges are made.",
    "fr": "Les équipes de l’OIM ont distribué des abris et des kits d’hygiène aux familles qui "
    "ont fui les inondations. Le plan de réponse n’est financé qu’à un tiers, et l’agence a "
    "averti que les rations pourraient être réduites de moitié dès le mois prochain.",
    "es": "Los equipos de la OIM distribuyeron refugios y kits de higiene a las familias que "
    "huyeron de las inundaciones. El plan de respuesta solo está financiado en un tercio, y "
    "la agencia advirtió que las raciones podrían reducirse a la mitad.",
    "pt": "As equipes da OIM distribuíram abrigos e kits de higiene às famílias que fugiram das "
    "enchentes. O plano de resposta está financiado em apenas um terço, e a agência disse que "
    "as rações podem ser reduzidas pela metade no próximo mês.",
    "de": "Die Teams der IOM haben Notunterkünfte und Hygieneartikel an die Familien verteilt, "
    "die vor den Überschwemmungen geflohen sind. Der Plan ist nur zu einem Drittel finanziert, "
    "und die Organisation warnt, dass die Rationen halbiert werden könnten.",
    "ru": "Сотрудники МОМ раздали палатки и гигиенические наборы семьям, бежавшим от "
    "наводнений. План реагирования профинансирован лишь на треть, и агентство предупредило, "
    "что пайки могут сократиться вдвое.",
    "ar": "وزعت فرق المنظمة الدولية للهجرة مستلزمات الإيواء وأدوات النظافة على الأسر التي فرت "
    "من الفيضانات. ولم يُموَّل من خطة الاستجابة سوى الثلث، وحذرت الوكالة من خفض الحصص.",
    "zh": "国际移民组织工作人员向逃离洪水的家庭发放了住所物资和卫生用品。应对计划的资金"
    "到位率仅为三分之一，该机构警告称，下个月起口粮可能减半。",
}


@pytest.mark.parametrize(("locale", "text"), SHORT.items())
def test_a_short_sentence_is_read_in_its_language(locale: str, text: str) -> None:
    assert detect_language(text) == locale


@pytest.mark.parametrize(("locale", "text"), LONG.items())
def test_a_paragraph_is_read_in_its_language_with_confidence(locale: str, text: str) -> None:
    found = detect(text)
    assert found.locale == locale
    assert found.confidence >= 0.5


def test_a_french_text_full_of_english_names_is_french() -> None:
    text = (
        "Ellen Wong et John Smith, de Save the Children, ont rencontré les représentants du "
        "Home Office à Londres pour discuter du programme Safe Return and Reintegration."
    )
    assert detect_language(text) == "fr"


def test_an_english_text_quoting_french_is_english() -> None:
    text = (
        "The minister called the plan « une étape décisive pour la région » and said that the "
        "government would support the workshop with funding for the next three years."
    )
    assert detect_language(text) == "en"


def test_scripts_decide_before_words() -> None:
    assert detect_language("国際移住機関は新しいプログラムを開始しました") == "ja"
    assert detect_language("Україна отримала нову допомогу від МОМ і її партнерів") == "uk"
    assert detect_language("سازمان بین‌المللی مهاجرت یک برنامه جدید را آغاز کرد که برای کمک") == "fa"
    assert detect_language("МОМ открыла центр в Москве") == "ru"


def test_text_without_words_is_english_with_no_confidence() -> None:
    found = detect("12345 — 2026")
    assert (found.locale, found.confidence) == ("en", 0.0)


def test_detection_of_a_long_text_is_fast() -> None:
    text = LONG["fr"] * 60
    start = time.perf_counter()
    detect(text)
    assert time.perf_counter() - start < 0.1


def test_korean_is_told_by_its_script() -> None:
    assert detect_language("국제이주기구는 새로운 프로그램을 시작했습니다") == "ko"
