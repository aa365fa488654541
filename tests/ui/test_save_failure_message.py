"""An autosave that fails on a full disk says which draft was not saved, and keeps the text."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from releasewriter.store import DraftStore, read_release
from releasewriter.store import atomic as atomic_module
from releasewriter.ui.session import EditorSession
from tests.releases import sample_release


def test_an_autosave_on_a_full_disk_names_the_draft_it_could_not_save(
    qtbot: QtBot, drafts_store: DraftStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = EditorSession(drafts_store, autosave_ms=50)
    path = drafts_store.save(sample_release())
    session.open_path(path)

    def full(*args: Any) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic_module.os, "replace", full)
    with qtbot.waitSignal(session.save_failed, timeout=5000) as failed:
        session.edit("headline", "typed while the disk was full")
    monkeypatch.undo()
    [message] = failed.args
    assert str(path) in message
    assert os.strerror(errno.ENOSPC) in message
    assert not [p for p in Path(path).parent.iterdir() if p.name.endswith(".tmp")]
    assert session.release is not None
    assert session.release.source.headline == "typed while the disk was full"
    session.flush()  # the disk has room again: the text kept in memory is saved
    assert read_release(path).source.headline == "typed while the disk was full"
    session.shutdown()
