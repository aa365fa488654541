"""The open release follows the organisation profile as a person changes it, and a
draft from a colleague's profile says so, with "Use my profile"."""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from releasewriter.model import Contact, LanguageVersion, Organisation, Release
from releasewriter.model.following import usual_contacts
from releasewriter.settings import load_organisation, save_organisation
from releasewriter.store import DraftStore, read_release
from releasewriter.ui.main_window import MainWindow
from tests.ui.conftest import show_window
from tests.ui.test_first_run import file_menu, when_dialog_opens

DESK = Contact("Media desk", "", "IOM Nairobi", "media@iom.int", "")


def saved_profile(config: Path, **fields: object) -> Organisation:
    organisation = Organisation(
        name="IOM Kenya", boilerplate={"en": "IOM has worked in Kenya since 1985."}, contacts=[DESK]
    )
    for name, value in fields.items():
        setattr(organisation, name, value)
    save_organisation(config, organisation)
    loaded = load_organisation(config)
    assert loaded is not None
    return loaded


def open_release(qtbot: QtBot, tmp_path: Path, organisation: Organisation) -> MainWindow:
    store = DraftStore(tmp_path / "drafts")
    version = LanguageVersion(
        "en", headline="IOM opens a centre", contacts=usual_contacts(organisation)
    )
    path = store.save(Release("en", [version], organisation=copy.deepcopy(organisation)))
    return show_window(qtbot, tmp_path, store, path)


def test_saving_the_profile_brings_the_open_release_up_to_date(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_release(qtbot, tmp_path, saved_profile(tmp_path / "config"))
    assert "since 1985" in window.form.closing.boilerplate.toPlainText()

    def edit(dialog: object) -> None:
        dialog.languages.set_text("boilerplate", "IOM, the UN Migration Agency, in Kenya.")  # type: ignore[attr-defined]
        dialog.save_button.click()  # type: ignore[attr-defined]

    (item,) = [a for a in file_menu(window).actions() if a.objectName() == "profileAction"]
    when_dialog_opens(edit)
    item.trigger()

    assert window.form.closing.boilerplate.toPlainText() == (
        "IOM, the UN Migration Agency, in Kenya."
    )
    window.session.flush()
    assert window.session.path is not None
    on_disk = read_release(window.session.path)
    assert on_disk.organisation.boilerplate == {"en": "IOM, the UN Migration Agency, in Kenya."}
    window.close()


def test_a_draft_from_a_colleagues_profile_says_so_until_use_my_profile(
    qtbot: QtBot, tmp_path: Path
) -> None:
    theirs = saved_profile(
        tmp_path / "colleague", name="IOM Somalia", boilerplate={"en": "IOM in Somalia."}
    )
    mine = saved_profile(tmp_path / "config")
    window = open_release(qtbot, tmp_path, theirs)
    banner = window.form.profile_banner
    assert banner.isVisible()
    assert "IOM Somalia" in banner.note.text()
    assert window.form.closing.boilerplate.toPlainText() == "IOM in Somalia."

    qtbot.mouseClick(banner.button, Qt.MouseButton.LeftButton)

    assert not banner.isVisible()
    assert window.form.closing.boilerplate.toPlainText() == "IOM has worked in Kenya since 1985."
    release = window.session.release
    assert release is not None
    assert release.organisation.id == mine.id
    assert [c.name for c in release.source.contacts] == ["Media desk"]
    window.close()


def test_contacts_changed_for_the_release_offer_the_profiles_back(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_release(qtbot, tmp_path, saved_profile(tmp_path / "config"))
    contacts = window.form.contacts
    assert "follows the profile" in contacts.origin.text()
    assert not contacts.use_profile_button.isVisible()

    name = contacts.findChild(type(contacts.bound[0]), "contacts_name")
    assert name is not None
    name.selectAll()
    qtbot.keyClicks(name, "Anna Njeri")
    qtbot.waitUntil(contacts.use_profile_button.isVisible, timeout=2000)
    assert "Changed for this release" in contacts.origin.text()

    qtbot.mouseClick(contacts.use_profile_button, Qt.MouseButton.LeftButton)

    assert [c.name for c in window.session.version.contacts] == ["Media desk"]
    assert not contacts.use_profile_button.isVisible()
    window.close()
