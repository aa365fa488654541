"""Quotation paragraphs and their attribution, in each language's usual forms."""

from __future__ import annotations

import pytest

from releasewriter.importing.quotes import parse_quote
from releasewriter.model import SpeakerGender

F, M, U = SpeakerGender.FEMALE, SpeakerGender.MALE, SpeakerGender.UNSPECIFIED

CASES = [
    ("“We are here to help,” said Amina Yusuf, IOM Chief of Mission in Kenya.",
     "We are here to help", "Amina Yusuf", "IOM Chief of Mission in Kenya", U),
    ("“We are here to help,” Amina Yusuf, IOM Chief of Mission, said.",
     "We are here to help", "Amina Yusuf", "IOM Chief of Mission", U),
    ("Amina Yusuf, IOM Chief of Mission, said: “We are here to help.”",
     "We are here to help.", "Amina Yusuf", "IOM Chief of Mission", U),
    ("“It’s IOM’s job,” said John O’Neill, IOM’s spokesperson.",
     "It’s IOM’s job", "John O’Neill", "IOM’s spokesperson", U),
    ("« La formation permettra d’aider les victimes », a déclaré Pär Liljert, Responsable du "
     "bureau de l’OIM à Beijing.", "La formation permettra d’aider les victimes", "Pär Liljert",
     "Responsable du bureau de l’OIM à Beijing", U),
    ("« Il faut agir vite », explique Claire Dubois, cheffe de mission",
     "Il faut agir vite", "Claire Dubois", "cheffe de mission", U),
    ("« Il faut agir vite », selon Claire Dubois.", "Il faut agir vite", "Claire Dubois", "", U),
    ("Claire Dubois, cheffe de mission, a déclaré : « Il faut agir vite. »",
     "Il faut agir vite.", "Claire Dubois", "cheffe de mission", U),
    ("«Hay que actuar rápido», dijo Ana López, jefa de misión.",
     "Hay que actuar rápido", "Ana López", "jefa de misión", U),
    ("“Hay que actuar rápido”, señaló Carlos Herrera", "Hay que actuar rápido", "Carlos Herrera",
     "", U),
    ("«Нужно действовать быстро», — заявила Анна Иванова, глава миссии.",
     "Нужно действовать быстро", "Анна Иванова", "глава миссии", F),
    ("«Нужно действовать быстро», — сказал Сергей Петров.",
     "Нужно действовать быстро", "Сергей Петров", "", M),
    ("وقالت فاطمة حسن، رئيسة البعثة: «علينا أن نتحرك بسرعة».",
     "علينا أن نتحرك بسرعة", "فاطمة حسن", "رئيسة البعثة", F),
    ('"علينا أن نتحرك بسرعة"، قال أحمد المصري، ممثل المفوضية.',
     "علينا أن نتحرك بسرعة", "أحمد المصري", "ممثل المفوضية", M),
    ("وجاء على لسان أحمد المصري: ”علينا أن نتحرك بسرعة.“",
     "علينا أن نتحرك بسرعة.", "أحمد المصري", "", U),
    ("国际移民组织驻北京办事处主任帕尔·利尔耶特表示：“培训将提供必要的技能。”",
     "培训将提供必要的技能。", "帕尔·利尔耶特", "国际移民组织驻北京办事处主任", U),
    ("“Every death at sea is a tragedy,” said UNHCR’s Special Envoy, Vincent Cochetel.",
     "Every death at sea is a tragedy", "Vincent Cochetel", "UNHCR’s Special Envoy", U),
    ("«Las vacunas funcionan», declaró el Dr. Tedros Adhanom, Director General de la OMS.",
     "Las vacunas funcionan", "Dr. Tedros Adhanom", "Director General de la OMS", U),
    ("« Nous devons agir », a déclaré la Directrice générale de l’OIM, Amy Pope.",
     "Nous devons agir", "Amy Pope", "la Directrice générale de l’OIM", U),
    ("王芳说：“我们必须迅速行动。”", "我们必须迅速行动。", "王芳", "", U),
    ("“我们必须迅速行动。”李明表示。", "我们必须迅速行动。", "李明", "", U),
]  # fmt: skip


@pytest.mark.parametrize(("paragraph", "text", "speaker", "role", "gender"), CASES)
def test_quote_and_attribution_are_split(
    paragraph: str, text: str, speaker: str, role: str, gender: SpeakerGender
) -> None:
    found = parse_quote(paragraph)
    assert found is not None
    assert (found.text, found.speaker, found.role, found.gender) == (text, speaker, role, gender)


def test_the_attribution_verb_is_kept_as_written() -> None:
    found = parse_quote("«Нужно действовать», — заявила Анна Иванова.")
    assert found is not None
    assert found.verb == "заявила"


@pytest.mark.parametrize(
    "paragraph",
    [
        "“We are here to help,” she said.",
        "The mayor called the centre “a lifeline for our community” and promised land.",
        "He said “we are here” and left the room.",
        "“A quotation with no attribution at all.”",
        "“We are here,” said the minister, who had flown in that morning, “and we will stay.”",
        "Le maire a qualifié le centre de « bouée de sauvetage » et promis un terrain.",
    ],
)
def test_a_quotation_inside_narrative_stays_a_paragraph(paragraph: str) -> None:
    assert parse_quote(paragraph) is None


@pytest.mark.parametrize(
    ("paragraph", "speaker", "role"),
    [
        ("«Мы не уйдём отсюда», — подчеркнула директор регионального бюро ЮНИСЕФ Анна Орлова.",
         "Анна Орлова", "директор регионального бюро ЮНИСЕФ"),
        ("«Помощь уже в пути», — сообщил глава миссии МОМ в Киргизии Сергей Петров.",
         "Сергей Петров", "глава миссии МОМ в Киргизии"),
        ('أضافت مديرة البرنامج في السودان سلمى عبد الله: "الحاجة كبيرة".',
         "سلمى عبد الله", "مديرة البرنامج في السودان"),
        ('وأوضح المتحدث باسم المنظمة خالد أبو زيد: "الطرق مغلقة".',
         "خالد أبو زيد", "المتحدث باسم المنظمة"),
    ],
)  # fmt: skip
def test_a_role_before_the_name(paragraph: str, speaker: str, role: str) -> None:
    found = parse_quote(paragraph)
    assert found is not None
    assert (found.speaker, found.role) == (speaker, role)


@pytest.mark.parametrize(
    ("paragraph", "speaker", "role"),
    [
        ("Speaking at the donors’ conference, Maria Lopes, WFP Country Director, said: "
         "“Funds are running out.”", "Maria Lopes", "WFP Country Director"),
        ("Según Ana Ruiz, coordinadora de ACNUR: “Las lluvias no dan tregua”.",
         "Ana Ruiz", "coordinadora de ACNUR"),
        ("Pour Paul Mbeki, directeur du programme : « Chaque jour compte. »",
         "Paul Mbeki", "directeur du programme"),
        ("Por su parte, Luis Gómez, alcalde de Tumaco, afirmó: “Seguimos trabajando”.",
         "Luis Gómez", "alcalde de Tumaco"),
        ("“Water came in the night,” recounted Sara Ali, a farmer from Sindh.",
         "Sara Ali", "farmer from Sindh"),
        ("«Nos quedamos sin nada», relató Marta Díaz, maestra rural.", "Marta Díaz",
         "maestra rural"),
        ("La Dre Aline Roy, épidémiologiste, a souligné : « Il faut vacciner. »",
         "Dre Aline Roy", "épidémiologiste"),
    ],
)  # fmt: skip
def test_lead_ins_more_verbs_and_the_role_cleaned(paragraph: str, speaker: str, role: str) -> None:
    found = parse_quote(paragraph)
    assert found is not None
    assert (found.speaker, found.role) == (speaker, role)


@pytest.mark.parametrize(
    ("paragraph", "speaker", "rest"),
    [
        ("“We walked for days,” said Amal, 9, who arrived last week.", "Amal",
         "9, who arrived last week"),
        ("« Nous avons tout perdu », a dit Awa, qui vit au camp depuis 2024.", "Awa",
         "qui vit au camp depuis 2024"),
        ('وقال أحمد، وهو مزارع من درعا: "خسرنا المحصول".', "أحمد", "وهو مزارع من درعا"),
    ],
)  # fmt: skip
def test_a_clause_after_the_name_is_no_role_and_is_kept(
    paragraph: str, speaker: str, rest: str
) -> None:
    found = parse_quote(paragraph)
    assert found is not None
    assert (found.speaker, found.role, found.rest) == (speaker, "", rest)


def test_a_role_in_capitals_is_no_relative_clause() -> None:
    found = parse_quote("“It works,” said Ana Lee, WHO Country Representative.")
    assert found is not None
    assert (found.role, found.rest) == ("WHO Country Representative", "")


def test_the_scene_before_the_speaker_is_kept_apart() -> None:
    found = parse_quote("En su turno, Rosa Vera, alcaldesa de Quibdó, dijo: “Aquí seguimos”.")
    assert found is None or found.speaker == "Rosa Vera"
    found = parse_quote("A su vez, Rosa Vera, alcaldesa de Quibdó, dijo: “Aquí seguimos”.")
    assert found is not None
    assert (found.speaker, found.role, found.rest) == (
        "Rosa Vera",
        "alcaldesa de Quibdó",
        "A su vez",
    )


def test_a_role_in_capitals_before_the_name() -> None:
    found = parse_quote("“We stay,” said WFP Country Director Amal Nour.")
    assert found is not None
    assert (found.speaker, found.role) == ("Amal Nour", "WFP Country Director")
    found = parse_quote("“We stay,” said Mary Ann Nour.")
    assert found is not None
    assert (found.speaker, found.role) == ("Mary Ann Nour", "")


def test_an_acronym_like_an_article_stays_in_the_role() -> None:
    found = parse_quote("“We act now,” said Lena Berg, UN Women representative.")
    assert found is not None
    assert found.role == "UN Women representative"
