"""The gettext catalogs: templates in step with the sources, translations
complete and well-formed, and the runtime printing them where a reader sees them.
"""

from __future__ import annotations

import ast
import gettext
import importlib.util
import shutil
import string
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

from releasewriter.i18n import catalogs as runtime
from releasewriter.model import SpeakerGender
from releasewriter.render import render_release, render_text
from releasewriter.render.labels import Labels
from releasewriter.render.typography import NNBSP
from tests.releases import sample_release

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
LABELS_SOURCE = ROOT / "src" / "releasewriter" / "render" / "labels.py"
UN_LANGUAGES = ("ar", "zh", "fr", "ru", "es")


def _load_tool() -> ModuleType:
    path = ROOT / "packaging" / "catalogs.py"
    spec = importlib.util.spec_from_file_location("releasewriter_catalogs_tool", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


tool = _load_tool()
LABELS = tool.domain_named("release-labels")
DOMAIN_NAMES = [d.name for d in tool.DOMAINS]


def _read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def _messages(catalog: Catalog) -> dict[tuple[str | None, object], Message]:
    return {(m.context, m.id): m for m in catalog if m.id}


def _po_files() -> list[Path]:
    return sorted(TRANSLATIONS.glob("*/LC_MESSAGES/*.po"))


@pytest.fixture
def fresh_runtime_catalogs() -> None:
    runtime.translations.cache_clear()


@pytest.fixture
def checkout_copy(tmp_path: Path) -> Path:
    """The sources and catalogs copied aside, for the tool to run on and break."""
    shutil.copytree(
        ROOT / "src" / "releasewriter",
        tmp_path / "src" / "releasewriter",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copytree(TRANSLATIONS, tmp_path / "translations", ignore=shutil.ignore_patterns("*.mo"))
    return tmp_path


def _edit_po(path: Path, locale: str, context: str | None, msgid: str, **changes: object) -> None:
    catalog = _read(path, locale)
    message = catalog.get(msgid, context=context)
    assert message is not None
    for name, value in changes.items():
        if name == "fuzzy":
            message.flags.add("fuzzy")
        else:
            setattr(message, name, value)
    with path.open("wb") as handle:
        write_po(handle, catalog, include_lineno=False)


# --------------------------------------------------------------------------- templates


@pytest.mark.parametrize("domain", DOMAIN_NAMES)
def test_committed_template_matches_a_fresh_extraction_of_the_sources(domain: str) -> None:
    found = tool.domain_named(domain)
    stale = [p for p in tool.check(domains=[found]) if ".pot " in p]
    assert tool.template_is_current(found), stale


def test_labels_template_holds_exactly_the_label_calls_of_labels_py() -> None:
    calls: set[tuple[str | None, str]] = set()
    for node in ast.walk(ast.parse(LABELS_SOURCE.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        args = [a.value for a in node.args if isinstance(a, ast.Constant)]
        if node.func.attr == "label":
            calls.add((None, args[0]))
        elif node.func.attr == "label_p":
            calls.add((args[0], args[1]))
    assert len(calls) >= 18
    assert set(_messages(_read(TRANSLATIONS / "release-labels.pot"))) == calls


def test_app_template_leaves_out_the_label_messages() -> None:
    app = set(_messages(_read(TRANSLATIONS / "releasewriter.pot")))
    labels = set(_messages(_read(TRANSLATIONS / "release-labels.pot")))
    assert not app & labels


@pytest.mark.parametrize("domain", DOMAIN_NAMES)
def test_every_po_file_is_in_step_with_its_template(domain: str) -> None:
    found = tool.domain_named(domain)
    template = set(_messages(_read(tool.template_path(found))))
    for locale in tool.LOCALES:
        path = tool.po_path(found, locale)
        assert path.is_file(), path
        assert set(_messages(_read(path, locale))) == template, path
        assert tool.po_is_current(found, locale), path


def test_english_has_no_catalog_because_it_is_the_source_language() -> None:
    assert not (TRANSLATIONS / "en").exists()
    assert "en" not in tool.LOCALES


# --------------------------------------------------------------------------- translations


@pytest.mark.parametrize("locale", UN_LANGUAGES)
def test_every_label_has_a_finished_translation(locale: str) -> None:
    template = _messages(_read(TRANSLATIONS / "release-labels.pot"))
    catalog = _read(TRANSLATIONS / locale / "LC_MESSAGES" / "release-labels.po", locale)
    assert not catalog.fuzzy
    translated = _messages(catalog)
    assert set(translated) == set(template)
    for key, message in translated.items():
        assert message.string.strip(), f"{locale}: {key} has no translation"
        assert not message.fuzzy, f"{locale}: {key} is fuzzy"


def _fields(text: str) -> list[str]:
    return sorted(f for _, f, _, _ in string.Formatter().parse(text) if f is not None)


@pytest.mark.parametrize("path", _po_files(), ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_every_translation_keeps_exactly_the_placeholders_of_its_msgid(path: Path) -> None:
    for message in _read(path):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set().union(*(_fields(i) for i in ids))
        for text in filter(None, strings):
            if len(ids) == 1:
                assert set(_fields(text)) == wanted, (message.id, text)
            else:  # a plural form may leave out the count, never invent a name
                assert set(_fields(text)) <= wanted, (message.id, text)


def test_the_tool_finds_nothing_wrong_with_the_release_labels() -> None:
    assert tool.check(domains=[LABELS]) == []


def test_check_command_passes_on_the_committed_release_labels() -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "catalogs.py"),
            "check",
            "--domain",
            "release-labels",
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --------------------------------------------------------------------------- failing on purpose


def test_check_fails_when_a_required_translation_is_missing(checkout_copy: Path) -> None:
    po = tool.po_path(LABELS, "ru", checkout_copy)
    _edit_po(po, "ru", None, "Notes to editors", string="")
    problems = tool.check(checkout_copy, [LABELS])
    assert any("ru/" in p and "no translation of 'Notes to editors'" in p for p in problems)
    assert tool.main(["check", "--domain", "release-labels", "--root", str(checkout_copy)]) == 1


def test_check_fails_when_a_translation_is_fuzzy(checkout_copy: Path) -> None:
    po = tool.po_path(LABELS, "zh", checkout_copy)
    _edit_po(po, "zh", "end mark", "###", fuzzy=True)
    problems = tool.check(checkout_copy, [LABELS])
    assert any("zh/" in p and "fuzzy translation of '###'" in p for p in problems)


def test_check_fails_when_a_translation_loses_a_placeholder(checkout_copy: Path) -> None:
    po = tool.po_path(LABELS, "de", checkout_copy)
    _edit_po(po, "de", None, "About {organisation}", string="Über uns")
    problems = tool.check(checkout_copy, [LABELS])
    assert any("de/" in p and "placeholders" in p for p in problems)


def test_check_fails_when_the_sources_gain_a_label(checkout_copy: Path) -> None:
    labels = checkout_copy / "src" / "releasewriter" / "render" / "labels.py"
    labels.write_text(
        labels.read_text(encoding="utf-8")
        + '\n\ndef _extra(labels: Labels) -> str:\n    return labels.label("Photo: {credit}")\n',
        encoding="utf-8",
    )
    problems = tool.check(checkout_copy, [LABELS])
    assert any(
        "release-labels.pot is out of date" in p and "Photo: {credit}" in p for p in problems
    )
    assert tool.main(["extract", "update", "--root", str(checkout_copy)]) == 0
    problems = tool.check(checkout_copy, [LABELS])
    assert problems
    assert all("no translation of 'Photo: {credit}'" in p for p in problems)


def test_extract_leaves_the_template_alone_when_code_only_moves(checkout_copy: Path) -> None:
    labels = checkout_copy / "src" / "releasewriter" / "render" / "labels.py"
    labels.write_text("\n\n\n" + labels.read_text(encoding="utf-8"), encoding="utf-8")
    pot = tool.template_path(LABELS, checkout_copy)
    before = pot.read_bytes()
    assert tool.write_template(LABELS, checkout_copy) is False
    assert tool.write_po_file(LABELS, "fr", checkout_copy) is False
    assert pot.read_bytes() == before


def test_update_starts_a_catalog_for_a_new_language(checkout_copy: Path) -> None:
    assert tool.main(["update", "--locale", "it", "--root", str(checkout_copy)]) == 0
    catalog = _read(tool.po_path(LABELS, "it", checkout_copy))
    assert str(catalog.locale) == "it"
    assert set(_messages(catalog)) == set(_messages(_read(tool.template_path(LABELS))))
    assert tool.check(checkout_copy, [LABELS]) == []  # Italian is welcome, not required


def test_compiled_catalogs_load_with_the_standard_gettext(tmp_path: Path) -> None:
    written = tool.compile_catalogs(out=tmp_path)
    assert tmp_path / "fr" / "LC_MESSAGES" / "release-labels.mo" in written
    with (tmp_path / "fr" / "LC_MESSAGES" / "release-labels.mo").open("rb") as handle:
        french = gettext.GNUTranslations(handle)
    assert french.gettext("Notes to editors") == "Notes aux rédactions"
    assert french.pgettext("end mark", "###") == "-FIN-"


# --------------------------------------------------------------------------- what a reader sees


@pytest.mark.usefixtures("fresh_runtime_catalogs")
def test_french_contacts_heading_matches_the_seed_release() -> None:
    assert Labels("fr").contacts_heading == "Pour plus d’informations, veuillez contacter"


@pytest.mark.usefixtures("fresh_runtime_catalogs")
def test_chinese_place_puts_the_country_before_the_city() -> None:
    labels = Labels("zh_Hans_CN")
    assert labels.place("北京", "中国") == "中国北京"
    assert labels.email_pattern == "电子邮件：{email}"
    assert labels.attribution_pattern(SpeakerGender.MALE, with_role=True) == (
        "{role}{speaker}表示：{quote}"
    )


@pytest.mark.usefixtures("fresh_runtime_catalogs")
def test_arabic_attribution_comes_first_and_agrees_with_the_speaker() -> None:
    labels = Labels("ar")
    assert labels.attribution_pattern(SpeakerGender.FEMALE, with_role=True) == (
        "وقالت {speaker}، {role}: {quote}"
    )
    assert labels.attribution_pattern(SpeakerGender.MALE, with_role=False) == (
        "وقال {speaker}: {quote}"
    )
    assert labels.place("عمّان", "الأردن") == "عمّان، الأردن"


@pytest.mark.usefixtures("fresh_runtime_catalogs")
def test_russian_attribution_agrees_with_the_speaker() -> None:
    labels = Labels("ru")
    assert "сказала" in labels.attribution_pattern(SpeakerGender.FEMALE, with_role=True)
    assert "сказал " in labels.attribution_pattern(SpeakerGender.MALE, with_role=True)
    assert "говорит" in labels.attribution_pattern(SpeakerGender.UNSPECIFIED, with_role=False)


@pytest.mark.usefixtures("fresh_runtime_catalogs")
def test_english_prints_the_msgids_themselves() -> None:
    assert Labels("en").contacts_heading == "For more information, please contact"
    assert Labels("en_GB").default_end_mark == "###"


@pytest.mark.usefixtures("fresh_runtime_catalogs")
def test_french_sample_attributes_the_quote_as_the_seed_release_does() -> None:
    text = render_text(render_release(sample_release(), "fr"))
    assert (
        f"«{NNBSP}La formation permettra de fournir les compétences et connaissances "
        "nécessaires aux techniques d’identification et d’interrogation afin que davantage "
        f"de victimes puissent être aidées{NNBSP}», a déclaré Pär Liljert, "
        "Responsable du bureau de l’OIM à Beijing.\n"
    ) in text
    assert "Pour diffusion immédiate" in text
    assert "\n-FIN-\n" in text
    assert "said" not in text
