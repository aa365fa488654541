"""The form edits the model, the preview follows, autosave writes, undo restores."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QMimeData, Qt, QUrl
from PySide6.QtWidgets import QDateEdit, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from releasewriter.i18n import app_translations
from releasewriter.render import render_html, render_release
from releasewriter.store import DraftStore, read_release
from releasewriter.ui.form.markup import document_paragraphs
from releasewriter.ui.form.release_form import ReleaseForm
from releasewriter.ui.preview import PreviewController, PreviewPane
from releasewriter.ui.session import EditorSession
from tests.releases import arabic_release, sample_release
from tests.ui.typing import type_text


class Editor:
    def __init__(self, qtbot: QtBot, store: DraftStore) -> None:
        self.session = EditorSession(store, autosave_ms=200)
        self.form = ReleaseForm(self.session, app_translations("en"), "en", lambda: [])
        self.preview = PreviewPane()
        self.controller = PreviewController(self.session, self.preview)
        qtbot.addWidget(self.form)
        qtbot.addWidget(self.preview)
        self.form.resize(700, 900)
        self.form.show()

    def field(self, name: str) -> QWidget:
        widget = self.form.findChild(QWidget, name)
        assert widget is not None, name
        return widget


@pytest.fixture
def editor(qtbot: QtBot, drafts_store: DraftStore) -> Editor:
    editor = Editor(qtbot, drafts_store)
    path = drafts_store.save(sample_release())
    editor.session.open_path(path)
    yield editor
    editor.session.shutdown()


def test_typing_in_the_headline_updates_model_preview_and_file(
    qtbot: QtBot, editor: Editor
) -> None:
    headline = editor.field("headlineEdit")
    headline.selectAll()
    qtbot.keyClicks(headline, "Nouveau titre")
    assert editor.session.version.headline == "Nouveau titre"
    qtbot.waitUntil(lambda: "Nouveau titre" in editor.preview.toPlainText())
    assert editor.session.path is not None
    qtbot.waitUntil(
        lambda: read_release(editor.session.path).source.headline == "Nouveau titre", timeout=3000
    )


def test_undo_restores_the_headline_and_redo_brings_it_back(qtbot: QtBot, editor: Editor) -> None:
    headline = editor.field("headlineEdit")
    original = editor.session.version.headline
    headline.end(False)
    qtbot.keyClicks(headline, " !")
    editor.session.undo_stack.undo()
    assert editor.session.version.headline == original
    assert headline.text() == original
    editor.session.undo_stack.redo()
    assert editor.session.version.headline == original + " !"


def test_the_dateline_date_is_one_for_every_version_and_the_city_is_each_ones_own(
    qtbot: QtBot, editor: Editor
) -> None:
    date = editor.field("dateEdit")
    assert isinstance(date, QDateEdit)
    assert "every language version" in date.toolTip()
    type_text(editor.field("cityEdit"), "Pékin")
    date.setDate(QDate(2013, 7, 18))
    editor.session.set_locale("en")
    assert date.date() == QDate(2013, 7, 18)  # the English version shows the same date
    assert editor.field("cityEdit").text() == ""  # but its own city  # type: ignore[attr-defined]
    type_text(editor.field("cityEdit"), "Beijing")
    qtbot.waitUntil(lambda: "Beijing, China, July 18, 2013" in editor.preview.toPlainText())
    editor.session.set_locale("fr")
    qtbot.waitUntil(lambda: "Pékin, Chine, 18 juillet 2013" in editor.preview.toPlainText())
    undo = editor.session.undo_stack
    undo.undo()  # Beijing
    undo.undo()  # the date, changed while the French version was on screen
    assert date.date() == QDate(2013, 7, 16)
    assert editor.session.release is not None
    assert editor.session.release.dateline.date == dt.date(2013, 7, 16)
    assert [v.city for v in editor.session.release.versions] == ["Pékin", ""]


def test_the_city_field_offers_cldr_city_names_in_the_versions_language(
    qtbot: QtBot, editor: Editor
) -> None:
    city = editor.field("cityEdit")
    assert isinstance(city, QLineEdit)
    completer = city.completer()
    assert completer is not None
    completer.setCompletionPrefix("le c")
    assert completer.currentCompletion() == "Le Caire"
    completer.activated.emit("Le Caire")
    assert editor.session.version.city == "Le Caire"
    editor.session.set_locale("en")
    completer.setCompletionPrefix("cai")
    assert completer.currentCompletion() == "Cairo"


def test_typing_in_the_body_keeps_paragraph_ids(qtbot: QtBot, editor: Editor) -> None:
    body = editor.field("bodyEdit")
    ids = [p.id for p in editor.session.version.body]
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClicks(body, " Fin.")
    assert editor.session.version.body[-1].text.endswith("clées. Fin.")
    assert [p.id for p in editor.session.version.body] == ids


def test_enter_in_the_body_starts_a_new_paragraph(qtbot: QtBot, editor: Editor) -> None:
    body = editor.field("bodyEdit")
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClick(body, Qt.Key.Key_Return)
    type_text(body, "Un cinquième paragraphe.")
    assert [p.text for p in editor.session.version.body][-1] == "Un cinquième paragraphe."
    assert len(editor.session.version.body) == 5
    qtbot.waitUntil(lambda: "Un cinquième paragraphe." in editor.preview.toPlainText())


def test_pasting_from_word_keeps_only_bold_italic_and_links(editor: Editor) -> None:
    body = editor.field("bodyEdit")
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    data = QMimeData()
    data.setHtml(
        "<html><head><style>p.MsoNormal{font-family:Calibri}</style></head><body>"
        '<p class="MsoNormal"><span style="color:red;font-size:20pt">Rouge</span> '
        '<b>gras</b> <i>penché</i> <a href="https://iom.int">lien</a> '
        '<a href="javascript:alert(1)">piège</a><img src="file:///etc/passwd"></p></body></html>'
    )
    body.insertFromMimeData(data)
    last = editor.session.version.body[-1].text
    assert last.endswith("Rouge **gras** *penché* [lien](https://iom.int) piège")


def test_quote_speaker_edits_and_attribution_reaches_the_preview(
    qtbot: QtBot, editor: Editor
) -> None:
    speaker = editor.field("quotes_speaker")
    speaker.selectAll()
    qtbot.keyClicks(speaker, "Amy Pope")
    assert editor.session.version.quotes[0].speaker == "Amy Pope"
    qtbot.waitUntil(lambda: "a déclaré Amy Pope" in editor.preview.toPlainText())


def test_adding_and_removing_a_contact_is_undoable(qtbot: QtBot, editor: Editor) -> None:
    editor.field("contactsAdd").click()
    assert len(editor.session.version.contacts) == 2
    qtbot.keyClicks(editor.field("contacts_name"), "Nadia")
    assert editor.session.version.contacts[1].name == "Nadia"
    editor.session.undo_stack.undo()  # the name
    editor.session.undo_stack.undo()  # the new contact
    assert len(editor.session.version.contacts) == 1


def test_switching_to_arabic_lays_the_fields_out_right_to_left(
    qtbot: QtBot, drafts_store: DraftStore
) -> None:
    editor = Editor(qtbot, drafts_store)
    release = sample_release()
    release.versions.append(arabic_release().versions[0])
    editor.session.open_path(drafts_store.save(release))
    editor.session.set_locale("ar")
    assert editor.field("headlineEdit").layoutDirection() == Qt.LayoutDirection.RightToLeft
    qtbot.waitUntil(lambda: "عمّان" in editor.preview.toPlainText())
    editor.session.shutdown()


def test_preview_follows_no_file_link_and_loads_no_local_file(editor: Editor) -> None:
    opened: list[str] = []
    editor.preview.opener = lambda url: opened.append(url.toString()) or True
    editor.preview.anchorClicked.emit(QUrl("file:///etc/passwd"))
    editor.preview.anchorClicked.emit(QUrl("https://www.iom.int"))
    assert opened == ["https://www.iom.int"]
    assert editor.preview.loadResource(2, QUrl("file:///etc/hostname")) is None
    assert "file:///etc/hostname" in editor.preview.refused


def test_a_second_session_on_the_same_draft_is_read_only(
    qtbot: QtBot, editor: Editor, drafts_store: DraftStore
) -> None:
    other = Editor(qtbot, drafts_store)
    assert editor.session.path is not None
    other.session.open_path(editor.session.path)
    assert other.session.read_only
    assert other.field("readOnlyNote").isVisibleTo(other.form)
    other.session.edit("headline", "écrasé")
    assert read_release(editor.session.path).source.headline != "écrasé"
    other.session.shutdown()


def test_closing_saves_immediately_without_waiting_for_the_timer(
    qtbot: QtBot, drafts_store: DraftStore
) -> None:
    editor = Editor(qtbot, drafts_store)
    editor.session.autosave_timer.setInterval(60_000)
    path = drafts_store.save(sample_release())
    editor.session.open_path(path)
    type_text(editor.field("cityEdit"), "Pékin")
    editor.session.shutdown()
    assert read_release(Path(path)).source.city == "Pékin"


def _body_of(html: str) -> str:
    return html.split("</head>", 1)[1]


def test_a_patched_preview_shows_what_a_full_render_shows(qtbot: QtBot, editor: Editor) -> None:
    body = editor.field("bodyEdit")
    body.setFocus()
    cursor = body.textCursor()
    cursor.setPosition(40)
    body.setTextCursor(cursor)
    qtbot.keyClicks(body, "xyz")
    speaker = editor.field("quotes_speaker")
    speaker.end(False)
    qtbot.keyClicks(speaker, " Jr")
    qtbot.waitUntil(lambda: "Liljert Jr" in editor.preview.toPlainText())
    assert editor.preview._shown is not None  # it patched rather than reloaded
    html = editor.preview.toHtml()
    rendered_again = PreviewPane()
    qtbot.addWidget(rendered_again)
    assert editor.session.release is not None
    rendered_again.setHtml(
        render_html(render_release(editor.session.release, "fr"), profile="preview")
    )
    assert _body_of(html) == _body_of(rendered_again.toHtml())


def test_typing_anywhere_in_the_body_keeps_model_and_editor_in_step(
    qtbot: QtBot, editor: Editor
) -> None:
    body = editor.field("bodyEdit")
    body.setFocus()
    for position, text in ((5, "ab"), (300, "cd"), (700, " ef")):
        cursor = body.textCursor()
        cursor.setPosition(min(position, len(body.toPlainText())))
        body.setTextCursor(cursor)
        qtbot.keyClicks(body, text)
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClicks(body, "new")
    qtbot.keyClick(body, Qt.Key.Key_Backspace)
    assert [p.text for p in editor.session.version.body] == document_paragraphs(body.document())


def test_the_preview_scrolls_to_the_paragraph_being_edited(
    qtbot: QtBot, drafts_store: DraftStore
) -> None:
    editor = Editor(qtbot, drafts_store)
    release = sample_release()
    release.source.body = [type(release.source.body[0])(f"Paragraphe {i} " * 30) for i in range(40)]
    editor.session.open_path(drafts_store.save(release))
    editor.preview.resize(500, 300)
    editor.preview.show()
    qtbot.waitExposed(editor.preview)
    editor.preview.verticalScrollBar().setValue(0)
    body = editor.field("bodyEdit")
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClicks(body, " fin")
    qtbot.waitUntil(lambda: editor.preview.verticalScrollBar().value() > 0)
    editor.session.shutdown()


def test_slow_preview_renders_do_not_hold_back_a_key_typed_after_a_pause(
    qtbot: QtBot, editor: Editor, monkeypatch: pytest.MonkeyPatch
) -> None:
    import releasewriter.ui.preview as preview_module  # noqa: PLC0415

    real_render = preview_module.render_html
    renders: list[str] = []

    def slow_render(*args: object, **kwargs: object) -> str:
        time.sleep(0.06)  # a long release, or the machine busy for a moment
        renders.append("")
        return real_render(*args, **kwargs)  # type: ignore[arg-type]

    headline = editor.field("headlineEdit")
    headline.end(False)
    monkeypatch.setattr(preview_module, "render_html", slow_render)
    editor.controller.render_now()
    # A key straight after a slow render waits: the preview gives the thread back.
    qtbot.keyClicks(headline, "a")
    assert editor.controller.timer.isActive()
    assert editor.controller.timer.interval() > 0
    qtbot.waitUntil(lambda: len(renders) == 2)
    # After a pause longer than a render takes, the next key is rendered at once.
    qtbot.wait(150)
    qtbot.keyClicks(headline, "b")
    assert editor.controller.timer.interval() == 0
    qtbot.waitUntil(lambda: editor.session.version.headline in editor.preview.toPlainText())
