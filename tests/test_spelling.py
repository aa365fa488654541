"""Spelling in the core: the word lists and Hunspell dictionaries, the word rules, the personal
dictionary."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
import spellchecker

from releasewriter.locations import CONFIG_DIR_ENV
from releasewriter.spelling import (
    PersonalDictionary,
    checker_for,
    has_word_list,
)
from releasewriter.spelling import checker as checker_module
from releasewriter.spelling import dictionaries as dictionaries_module
from releasewriter.spelling.dictionaries import DICTIONARIES, load_dictionary
from releasewriter.spelling.lists import _slices, load_word_list
from releasewriter.spelling.words import words


def flagged(locale: str, text: str, personal: PersonalDictionary | None = None) -> list[str]:
    checker = checker_for(locale)
    assert checker is not None, locale
    return [word for _start, _end, word in checker.misspelt(text, personal or ())]


# -- French: one misspelling, elisions, acronyms ------------------------------------


def test_a_french_sentence_with_one_misspelling_flags_exactly_that_word() -> None:
    text = "Le gouvernement a signé hier un acord avec les partenaires de la région."
    checker = checker_for("fr")
    assert checker is not None
    assert checker.misspelt(text) == [(32, 37, "acord")]
    assert text[32:37] == "acord"


@pytest.mark.parametrize(
    "text",
    [
        "l’OIM",
        "l'OIM",
        "OIM",
        "aujourd’hui",
        "aujourd'hui",
        "qu’il",
        "jusqu’à",
        "d’une",
        "porte-parole",
        "c’est-à-dire",
        "co-organisé",
        "ex-combattants",
        "L’Organisation internationale pour les migrations (OIM) a salué aujourd’hui l’accord.",
    ],
)
def test_french_elisions_hyphens_and_acronyms_are_not_flagged(text: str) -> None:
    assert flagged("fr", text) == []


def test_an_elided_word_is_checked_after_its_apostrophe() -> None:
    checker = checker_for("fr")
    assert checker is not None
    assert checker.misspelt("dans l’atelierr") == [(7, 15, "atelierr")]
    assert flagged("fr", "le porte-parolle") == ["parolle"]


@pytest.mark.parametrize("acronym", ["IOM", "UNHCR", "OCHA", "NGOs", "ONG", "UN"])
def test_all_capitals_acronyms_are_not_flagged(acronym: str) -> None:
    assert flagged("en", f"The {acronym} team arrived.") == []


def test_addresses_numbers_and_words_with_digits_are_skipped() -> None:
    text = (
        "Write to mediaxyz@iom.int or qwzx.media@unhcr.org, read https://www.iom.int/fr/nouvellez "
        "and www.unhcrz.org/frz, follow @IOMzz #WorldRefugeeDayz: 1 250 people, COVID-19, "
        "A4 sheets, 3rd time, iomzz.int."
    )
    assert flagged("en", text) == []
    # The same text without its addresses is not spotless: the rules, not luck, keep it clean.
    assert flagged("en", "nouvellez frz") == ["nouvellez", "frz"]


def test_words_keep_their_positions_in_the_text() -> None:
    found = [(w.start, w.end, w.text) for w in words("Un  porte-parole, l’OIM.")]
    assert found == [(0, 2, "Un"), (4, 16, "porte-parole"), (18, 23, "l’OIM")]


# -- one ordinary sentence and one obvious misspelling per language ----------------

SENTENCES = {
    "en": "The International Organization for Migration welcomed the agreement signed today "
    "by both governments, which will help families who were forced to leave their homes.",
    "fr": "L’Organisation internationale pour les migrations a salué aujourd’hui le nouvel "
    "accord signé par les deux gouvernements, qui aidera les familles contraintes de "
    "quitter leur foyer.",
    "es": "La Organización Internacional para las Migraciones celebró hoy el nuevo acuerdo "
    "firmado por ambos gobiernos, que ayudará a las familias que tuvieron que abandonar "
    "sus hogares.",
    "pt": "A Organização Internacional para as Migrações saudou hoje o novo acordo assinado "
    "pelos dois governos, que vai ajudar as famílias que foram obrigadas a deixar as suas "
    "casas.",
    "de": "Die Internationale Organisation für Migration begrüßte heute das neue Abkommen, "
    "das beide Regierungen unterzeichnet haben und das den Familien helfen wird, die ihre "
    "Häuser verlassen mussten.",
    "ru": "Международная организация по миграции сегодня приветствовала новое соглашение, "
    "подписанное правительствами двух стран, которое поможет семьям, вынужденным покинуть "
    "свои дома.",
    # The body of tests/releases.py's Arabic release.
    "ar": "نظمت المنظمة الدولية للهجرة هذا الأسبوع ورشة عمل لمدة ثلاثة أيام لـ 30 ضابط شرطة. "
    "وقد تم تدريب الضباط على تحديد الضحايا ومساعدتهم.",
}
MISSPELLINGS = {
    "en": ("The goverment signed it.", "goverment"),
    "fr": ("Le gouvernemnt l’a signé.", "gouvernemnt"),
    "es": ("El gobierrno de la familia.", "gobierrno"),
    "pt": ("O goverrno assinou.", "goverrno"),
    "de": ("Die Regierrung hat unterschrieben.", "Regierrung"),
    "ru": ("Скажите, пожалуста, где вокзал.", "пожалуста"),
    "ar": ("رحبت المنظمة الدوليةة بالاتفاق.", "الدوليةة"),
}


@pytest.mark.parametrize("locale", list(SENTENCES))
def test_an_ordinary_correct_sentence_is_not_flagged(locale: str) -> None:
    assert flagged(locale, SENTENCES[locale]) == []


@pytest.mark.parametrize("locale", list(MISSPELLINGS))
def test_an_obvious_misspelling_is_flagged(locale: str) -> None:
    text, word = MISSPELLINGS[locale]
    assert flagged(locale, text) == [word]


@pytest.mark.parametrize(
    ("locale", "forms"),
    [
        # All missing from pyspellchecker's lists, which is why es and ru use Hunspell.
        ("es", "años está fue hay dijo familias personas desplazados ayudará acordaron"),
        ("ru", "миграции семьям правительствами местными вынужденным беженцам помогут"),
    ],
)
def test_spanish_and_russian_know_their_inflected_forms(locale: str, forms: str) -> None:
    assert flagged(locale, forms) == []


def test_hunspell_accepts_a_capital_at_the_start_of_a_sentence_but_not_a_lower_case_name() -> None:
    assert flagged("es", "Años después, México y Perú firmaron.") == []
    assert flagged("es", "después, méxico firmó.") == ["méxico"]
    assert flagged("ru", "Москва и Пекин. Сегодня москва.") == ["москва"]


def test_spanish_and_russian_suggestions_come_from_hunspell() -> None:
    spanish, russian = checker_for("es"), checker_for("ru")
    assert spanish is not None
    assert russian is not None
    assert spanish.suggestions("gobierrno")[0] == "gobierno"
    assert spanish.suggestions("Desplazdos")[0] == "Desplazados"
    assert "организация" in russian.suggestions("организацыя")
    assert len(russian.suggestions("пожалуста", limit=1)) == 1


def test_british_spellings_are_accepted_in_english() -> None:
    text = (
        "The programme’s centre mobilised labour in the neighbourhood and travelled to "
        "organise the catalogue of its favourite defence analyses."
    )
    assert flagged("en", text) == []
    assert flagged("en", "The programe was organsied.") == ["programe", "organsied"]


def test_arabic_words_with_diacritics_are_checked_without_them() -> None:
    text = "رَحَّبَتِ الْمُنَظَّمَةُ الدَّوْلِيَّةُ لِلْهِجْرَةِ الْيَوْمَ بِالِاتِّفَاقِ الْجَدِيدِ"
    assert flagged("ar", text) == []
    assert flagged("ar", "الْمُنَظَّمَةُ الدَّوْلِيَّةَةُ") == ["الدَّوْلِيَّةَةُ"]


def test_russian_yo_and_stress_marks_do_not_count_as_misspellings() -> None:
    assert flagged("ru", "Ребёнок ещё дома. Сего́дня ребенок еще дома.") == []


def test_words_in_another_script_are_left_alone() -> None:
    assert flagged("en", "The word семья and the word الأسر are not English.") == []


# -- languages without a list ----------------------------------------------------------


@pytest.mark.parametrize("locale", ["zh", "zh_Hans_CN", "zh-Hant", "ja", "ko"])
def test_chinese_japanese_and_korean_have_no_checker(locale: str) -> None:
    assert not has_word_list(locale)
    assert checker_for(locale) is None


def test_a_checker_is_loaded_once_per_language() -> None:
    assert checker_for("fr") is checker_for("fr_CA")
    assert checker_for("pt-BR") is checker_for("pt")


# -- suggestions ---------------------------------------------------------------------


def test_suggestions_for_atelierr_include_atelier() -> None:
    checker = checker_for("fr")
    assert checker is not None
    assert "atelier" in checker.suggestions("atelierr")
    assert checker.suggestions("Atelierr")[0] == "Atelier"
    assert len(checker.suggestions("atelierr", limit=1)) == 1


def test_suggestions_reach_two_edits_for_short_words_only() -> None:
    checker = checker_for("en")
    assert checker is not None
    assert "government" in checker.suggestions("govrnmnt")  # two letters missing
    assert checker.suggestions("qzxwvtplmkqz") == []


# -- the personal dictionary --------------------------------------------------------------


def test_the_personal_dictionary_suppresses_a_word_and_persists(tmp_path: Path) -> None:
    path = tmp_path / "config" / "dictionary.txt"
    text = "Le bureau de Kinshasa et celui de Goma."
    dictionary = PersonalDictionary(path)
    assert flagged("fr", text, dictionary) == ["Kinshasa", "Goma"]
    assert dictionary.add("Goma")
    assert flagged("fr", text, dictionary) == ["Kinshasa"]
    again = PersonalDictionary(path)
    assert "goma" in again
    assert flagged("fr", text, again) == ["Kinshasa"]
    assert flagged("en", "From Goma.", again) == []  # one list for every language
    assert path.read_text(encoding="utf-8") == "Goma\n"


def test_the_default_dictionary_is_in_the_config_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path / "cfg"))
    dictionary = PersonalDictionary.default()
    assert dictionary.path == tmp_path / "cfg" / "dictionary.txt"
    assert dictionary.add("Kakuma")
    assert (tmp_path / "cfg" / "dictionary.txt").read_text(encoding="utf-8") == "Kakuma\n"


def test_remove_and_apostrophes(tmp_path: Path) -> None:
    dictionary = PersonalDictionary(tmp_path / "dictionary.txt")
    dictionary.add("N’Djamena")
    assert "N'Djamena" in dictionary
    assert "n’djamena" in dictionary
    assert dictionary.remove("N'Djamena")
    assert "N’Djamena" not in dictionary
    assert PersonalDictionary(tmp_path / "dictionary.txt").words() == []


def test_ignore_lasts_for_the_session_only(tmp_path: Path) -> None:
    path = tmp_path / "dictionary.txt"
    dictionary = PersonalDictionary(path)
    dictionary.ignore("Kakuma")
    assert "Kakuma" in dictionary
    assert not path.exists()
    assert "Kakuma" not in PersonalDictionary(path)


def test_two_windows_adding_words_keep_each_others(tmp_path: Path) -> None:
    path = tmp_path / "dictionary.txt"
    first, second = PersonalDictionary(path), PersonalDictionary(path)
    first.add("Goma")
    second.add("Bunia")
    assert PersonalDictionary(path).words() == ["Bunia", "Goma"]


def test_a_missing_or_damaged_dictionary_does_not_stop_anything(tmp_path: Path) -> None:
    assert PersonalDictionary(tmp_path / "nowhere" / "dictionary.txt").words() == []
    damaged = tmp_path / "dictionary.txt"
    damaged.write_bytes(b"\xef\xbb\xbfGoma\r\n\xff\xfe garbage \x80\n\n  Bunia  \nnul\x00byte\n")
    dictionary = PersonalDictionary(damaged)
    assert dictionary.words() == ["Bunia", "Goma"]
    assert dictionary.add("Kakuma")
    assert damaged.read_text(encoding="utf-8") == "Bunia\nGoma\nKakuma\n"


def test_a_dictionary_that_cannot_be_written_still_accepts_the_word(tmp_path: Path) -> None:
    folder = tmp_path / "dictionary.txt"
    folder.mkdir()  # a folder where the file should be: neither readable nor writable
    dictionary = PersonalDictionary(folder)
    assert dictionary.words() == []
    assert dictionary.add("Goma") is False
    assert "Goma" in dictionary


def test_listeners_hear_each_change(tmp_path: Path) -> None:
    dictionary = PersonalDictionary(tmp_path / "dictionary.txt")
    heard: list[str] = []
    unsubscribe = dictionary.subscribe(lambda: heard.append("changed"))
    dictionary.add("Goma")
    dictionary.ignore("Bunia")
    unsubscribe()
    dictionary.remove("Goma")
    assert heard == ["changed", "changed"]


# -- Hunspell dictionaries -------------------------------------------------------------------


@pytest.mark.parametrize("language", sorted(DICTIONARIES))
def test_each_bundled_dictionary_loads_with_its_alphabet(language: str) -> None:
    dictionary = load_dictionary(language)
    own, foreign = ("ñáéíóúü", "ж") if language == "es" else ("ёйщъ", "ñ")
    assert set(own) <= dictionary.letters
    assert foreign not in dictionary.letters  # words in the other script are not its to judge


def test_a_damaged_dictionary_fails_to_load_instead_of_accepting_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "es.aff").write_bytes(b"SET UTF-8\n")
    (tmp_path / "es.dic").write_bytes(b"\x00\xff garbage")
    monkeypatch.setattr(dictionaries_module, "_folder", lambda language: tmp_path)
    with pytest.raises(ValueError, match="es dictionary"):
        load_dictionary("es")


def test_a_word_in_a_script_the_dictionary_cannot_encode_is_simply_unknown() -> None:
    spanish = load_dictionary("es")
    assert spanish.knows("familias")
    assert not spanish.knows("移民")
    assert spanish.suggestions("移民", 5, 0) == []


def test_spanish_and_russian_go_unchecked_rather_than_thinly_checked_without_hunspell(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(checker_module, "has_dictionary", lambda language: False)
    assert not has_word_list("es")
    assert not has_word_list("ru_RU")
    assert has_word_list("fr")


# -- reading a word list in slices ---------------------------------------------------------


def test_the_compact_word_list_holds_exactly_pyspellcheckers_words() -> None:
    resource = Path(spellchecker.__file__).parent / "resources" / "fr.json.gz"
    text = gzip.decompress(resource.read_bytes()).decode("utf-8")
    merged: dict[str, int] = {}
    for part in _slices(text, size=4096):
        merged.update(part)
    assert merged == json.loads(text)
    ours = load_word_list("ru")
    theirs = spellchecker.SpellChecker("ru").word_frequency
    assert len(ours) == len(theirs.dictionary)
    assert all(word in ours for word in theirs.dictionary)
    assert "зддравствуйте" not in ours
    assert ours.letters == frozenset(theirs.letters)
    common, rare = max(theirs.dictionary, key=theirs.dictionary.get), "щ"
    assert ours.get(common) > ours.get(rare, 0)
    odd = '{"a": 1, "b,": 2, "c\\"d": 3, "e": 4}'
    assert {k: v for part in _slices(odd, size=1) for k, v in part.items()} == json.loads(odd)
