"""Spelling in the editor: the wavy underline, the right-click corrections, background loading."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget
from pytestqt.qtbot import QtBot

from releasewriter.i18n import app_translations
from releasewriter.model import Paragraph
from releasewriter.spelling import LanguageChecker, PersonalDictionary, checker_for
from releasewriter.spelling import checker as checker_module
from releasewriter.store import DraftStore
from releasewriter.ui import undo
from releasewriter.ui.form.markup import document_paragraphs
from releasewriter.ui.form.release_form import ReleaseForm
from releasewriter.ui.session import EditorSession
from releasewriter.ui.spelling import (
    SpellingHighlighter,
    SpellingService,
    attach_spelling,
    spelling_menu,
)
from tests.releases import sample_release
from tests.ui.typing import type_text

WAVY = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


def fr() -> LanguageChecker | None:
    return checker_for("fr")


def underlined(widget: QTextEdit | QPlainTextEdit, block_number: int = 0) -> list[str]:
    """The text under each wavy underline of a block, as the layout will draw it."""
    block = widget.document().findBlockByNumber(block_number)
    utf16 = block.text().encode("utf-16-le")  # Qt's positions count UTF-16 units
    return [
        utf16[2 * r.start : 2 * (r.start + r.length)].decode("utf-16-le")
        for r in block.layout().formats()
        if r.format.underlineStyle() == WAVY
    ]


def point_at(widget: QTextEdit | QPlainTextEdit, position: int) -> QPoint:
    """Where a right click lands on the character after ``position`` (viewport coordinates)."""
    cursor = QTextCursor(widget.document())
    cursor.setPosition(position)
    rect = widget.cursorRect(cursor)
    return QPoint(rect.x() + 3, rect.center().y())


def action(menu_actions: list[QAction], text: str) -> QAction:
    for candidate in menu_actions:
        if candidate.text() == text:
            return candidate
    raise AssertionError(f"no {text!r} in {[a.text() for a in menu_actions]}")


@pytest.fixture
def dictionary(tmp_path: Path) -> PersonalDictionary:
    return PersonalDictionary(tmp_path / "config" / "dictionary.txt")


@pytest.fixture
def field(qtbot: QtBot, request: pytest.FixtureRequest) -> QTextEdit | QPlainTextEdit:
    widget: QTextEdit | QPlainTextEdit = getattr(request, "param", QTextEdit)()
    qtbot.addWidget(widget)
    widget.resize(500, 300)
    widget.show()
    return widget


# -- the underline -------------------------------------------------------------------


@pytest.mark.parametrize("field", [QTextEdit, QPlainTextEdit], indirect=True)
def test_typing_a_misspelt_word_underlines_exactly_that_word(
    field: QTextEdit | QPlainTextEdit, dictionary: PersonalDictionary
) -> None:
    attach_spelling(field, fr, dictionary)
    field.setFocus()
    type_text(field, "Un atelierr à l’OIM aujourd’hui")
    assert field.toPlainText() == "Un atelierr à l’OIM aujourd’hui"
    formats = field.document().firstBlock().layout().formats()
    assert [(r.start, r.length) for r in formats] == [(3, 8)]
    fmt = formats[0].format
    assert fmt.underlineStyle() == WAVY
    assert fmt.underlineColor().name() == "#ff0000"


def test_the_underline_lands_on_the_word_after_an_emoji(
    field: QTextEdit, dictionary: PersonalDictionary
) -> None:
    attach_spelling(field, fr, dictionary)
    field.setPlainText("Merci 🙏 pour l’atelierr")
    assert underlined(field) == ["atelierr"]


def test_no_checker_means_no_underline(field: QTextEdit, dictionary: PersonalDictionary) -> None:
    attach_spelling(field, lambda: checker_for("zh"), dictionary)
    field.setPlainText("Un atelierr 国际移民组织")
    assert underlined(field) == []


def test_highlighting_leaves_the_saved_markup_alone(
    field: QTextEdit, dictionary: PersonalDictionary, qtbot: QtBot
) -> None:
    field.setHtml("<p>Un <b>atelierr</b> et <a href='https://iom.int'>un lienn</a></p><p>Fin</p>")
    before = document_paragraphs(field.document())
    assert before == ["Un **atelierr** et [un lienn](https://iom.int)", "Fin"]
    changes: list[str] = []
    field.textChanged.connect(lambda: changes.append("text"))
    highlighter = attach_spelling(field, fr, dictionary)
    qtbot.wait(10)  # Qt's own first highlight of a full document is queued
    highlighter.rehighlight_quietly()
    dictionary.ignore("lienn")
    assert underlined(field) == ["atelierr"]
    assert document_paragraphs(field.document()) == before
    assert changes == []  # the form would take a textChanged for an edit
    assert not field.document().isModified()


# -- in the form: the body and its undo stack ---------------------------------------------


class Form:
    def __init__(self, qtbot: QtBot, store: DraftStore, dictionary: PersonalDictionary) -> None:
        self.session = EditorSession(store, autosave_ms=200)
        self.form = ReleaseForm(
            self.session, app_translations("en"), "en", lambda: [], dictionary=dictionary
        )
        qtbot.addWidget(self.form)
        self.form.resize(700, 900)
        self.form.show()
        self.body: QTextEdit = self.form.body.editor
        self.service = self.form.spelling


@pytest.fixture
def form(qtbot: QtBot, drafts_store: DraftStore, dictionary: PersonalDictionary) -> Iterator[Form]:
    form = Form(qtbot, drafts_store, dictionary)
    form.session.open_path(drafts_store.save(sample_release()))
    qtbot.waitUntil(lambda: form.service.checker("fr") is not None)
    yield form
    form.session.shutdown()


def type_at_end(form: Form, text: str) -> int:
    """Type at the end of the body; the document position where the text starts."""
    form.body.setFocus()
    form.body.moveCursor(QTextCursor.MoveOperation.End)
    start = form.body.textCursor().position()
    type_text(form.body, text)
    return start


def test_the_sample_body_is_underlined_without_an_edit(form: Form) -> None:
    assert form.session.locale == "fr"
    assert len(form.service.highlighters()) == 4
    last = form.body.document().blockCount() - 1
    assert "clées" in underlined(form.body, last)  # the sample's own typo (clés)
    assert form.session.undo_stack.count() == 0


def test_a_long_body_is_shown_at_once_and_underlined_while_the_window_is_idle(
    form: Form, qtbot: QtBot, drafts_store: DraftStore
) -> None:
    release = sample_release()
    sentence = "Les migrants ont besoin d’une protection durable et de services de base. "
    release.source.body = [Paragraph(f"{i}. " + sentence * 20) for i in range(300)]
    release.source.body[-1] = Paragraph(sentence + "Une erreurr à la fin.")
    form.session.open_path(drafts_store.save(release))
    highlighter = next(
        h for h in form.service.highlighters() if h.document() is form.body.document()
    )
    last = form.body.document().blockCount() - 1
    # Shown before it is all checked: checking 300 paragraphs at once held the window.
    assert highlighter.checking
    assert underlined(form.body, last) == []
    qtbot.waitUntil(lambda: underlined(form.body, last) == ["erreurr"], timeout=10_000)
    assert not highlighter.checking
    assert form.session.undo_stack.count() == 0  # checking is no edit


def test_typing_in_a_quote_underlines_there_too(form: Form) -> None:
    quote = form.form.quotes.findChild(QPlainTextEdit, "quotes_text")
    assert quote is not None
    quote.setFocus()
    quote.moveCursor(QTextCursor.MoveOperation.End)
    type_text(quote, " Un atelierr.")
    assert form.session.version.quotes[0].text.endswith(" Un atelierr.")
    assert underlined(quote, quote.document().blockCount() - 1)[-1] == "atelierr"


def test_choosing_a_suggestion_replaces_the_word_as_an_edit(
    form: Form, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(undo, "MERGE_WINDOW_SECONDS", -1.0)  # each edit its own undo step
    start = type_at_end(form, " Un atelierr.")
    edits = form.session.undo_stack.count()
    word_at = start + len(" Un ")
    menu = spelling_menu(form.body, highlighter(form.body), point_at(form.body, word_at + 2))
    action(menu.actions(), "atelier").trigger()
    assert form.session.version.body[-1].text.endswith("clées. Un atelier.")
    assert form.session.undo_stack.count() == edits + 1
    assert "atelierr" not in underlined(form.body, form.body.document().blockCount() - 1)
    form.session.undo_stack.undo()
    assert form.session.version.body[-1].text.endswith("clées. Un atelierr.")


def test_add_to_dictionary_removes_the_underline_and_saves_the_word(
    form: Form, dictionary: PersonalDictionary
) -> None:
    start = type_at_end(form, " Kakumaa")
    last = form.body.document().blockCount() - 1
    assert "Kakumaa" in underlined(form.body, last)
    menu = spelling_menu(form.body, highlighter(form.body), point_at(form.body, start + 3))
    action(menu.actions(), "Add to dictionary").trigger()
    assert "Kakumaa" not in underlined(form.body, last)
    assert dictionary.path.read_text(encoding="utf-8") == "Kakumaa\n"
    assert form.session.version.body[-1].text.endswith(" Kakumaa")


def test_ignore_removes_the_underline_without_saving(
    form: Form, dictionary: PersonalDictionary
) -> None:
    start = type_at_end(form, " Kakumaa")
    last = form.body.document().blockCount() - 1
    menu = spelling_menu(form.body, highlighter(form.body), point_at(form.body, start + 3))
    action(menu.actions(), "Ignore").trigger()
    assert "Kakumaa" not in underlined(form.body, last)
    assert not dictionary.path.exists()


def test_the_menu_keeps_the_standard_entries_and_puts_spelling_first(form: Form) -> None:
    start = type_at_end(form, " atelierr")
    menu = spelling_menu(form.body, highlighter(form.body), point_at(form.body, start + 3))
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "atelier"
    assert texts.index("Add to dictionary") < texts.index("Ignore") < len(texts) - 1
    assert any(t.startswith("&Copy") for t in texts)
    assert any(t.startswith("Select All") for t in texts)
    elsewhere = spelling_menu(form.body, highlighter(form.body), point_at(form.body, 1))
    assert "Add to dictionary" not in [a.text() for a in elsewhere.actions()]
    assert any(a.text().startswith("&Copy") for a in elsewhere.actions())


def test_a_read_only_field_offers_no_corrections(form: Form) -> None:
    start = type_at_end(form, " atelierr")
    form.body.setReadOnly(True)
    menu = spelling_menu(form.body, highlighter(form.body), point_at(form.body, start + 3))
    assert "atelier" not in [a.text() for a in menu.actions()]


def test_switching_language_checks_the_fields_again(form: Form, qtbot: QtBot) -> None:
    release = form.session.release
    assert release is not None
    assert "en" in release.locales
    form.session.set_locale("en")
    # The list loads in a worker; the fields are checked again when its signal arrives.
    qtbot.waitUntil(lambda: highlighter(form.body).checker is not None)
    assert highlighter(form.body).checker is checker_for("en")
    text = form.body.toPlainText()
    assert "workshop" in text
    assert all(word != "workshop" for word in underlined(form.body))


def highlighter(widget: QWidget) -> SpellingHighlighter:
    found = widget.findChildren(SpellingHighlighter) or widget.document().findChildren(
        SpellingHighlighter
    )
    assert len(found) == 1
    return found[0]


# -- the service: background loading, languages left out --------------------------------------


def test_a_word_list_loads_in_the_background_then_underlines(
    field: QTextEdit,
    dictionary: PersonalDictionary,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(checker_module, "_checkers", {})  # as at start-up: nothing loaded
    service = SpellingService(dictionary)
    highlighter = service.attach(field, lambda: "de")
    field.setPlainText("Die Regierrung hat unterschrieben.")
    assert underlined(field) == []  # not waiting for the list
    assert service.is_loading()
    with qtbot.waitSignal(service.checker_loaded, timeout=10_000) as loaded:
        pass
    assert loaded.args == ["de"]
    assert highlighter.checker is not None
    assert underlined(field) == ["Regierrung"]


@pytest.mark.parametrize(
    ("locale", "text", "misspelt"),
    [
        ("es", "Las familias desplazadas dijo que el gobierrno ayudará.", ["gobierrno"]),
        ("ru", "Семьям мигрантов помогут местные власти, пожалуста.", ["пожалуста"]),
    ],
)
def test_spanish_and_russian_fields_are_checked_with_hunspell_once_it_has_loaded(
    locale: str,
    text: str,
    misspelt: list[str],
    field: QTextEdit,
    dictionary: PersonalDictionary,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(checker_module, "_checkers", {})
    service = SpellingService(dictionary)
    assert service.checks(locale)
    service.attach(field, lambda: locale)
    with qtbot.waitSignal(service.checker_loaded, timeout=10_000):
        field.setPlainText(text)
    assert underlined(field) == misspelt


def test_chinese_is_not_checked(dictionary: PersonalDictionary) -> None:
    service = SpellingService(dictionary)
    assert not service.checks("zh_Hans_CN")
    assert service.checker("zh") is None
    assert service.checks("fr")
