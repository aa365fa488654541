from __future__ import annotations

import os
from pathlib import Path

import pytest

from releasewriter.store import (
    DraftReadError,
    DraftStore,
    ReadOnlyDraftError,
    default_drafts_dir,
    dumps_release,
)
from releasewriter.store.atomic import temp_name_for
from releasewriter.store.locks import DraftLock
from tests.releases import arabic_release, sample_release


def test_drafts_folder_follows_the_environment_variable(tmp_path: Path) -> None:
    assert default_drafts_dir({"RELEASEWRITER_DRAFTS_DIR": str(tmp_path)}) == tmp_path


def test_default_drafts_folder_is_the_user_data_folder_without_an_author_level() -> None:
    folder = default_drafts_dir({})
    assert folder.name == "drafts"
    assert folder.parent.name == "ReleaseWriter"


def test_saved_draft_loads_back_equal(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    release = sample_release()
    path = store.save(release)
    assert path == tmp_path / f"{release.id}.rwdraft"
    assert store.load(path) == release


def test_saving_keeps_three_rolling_backups_of_earlier_content(tmp_path: Path) -> None:
    store = DraftStore(tmp_path, backups=3)
    release = sample_release()
    for n in range(5):
        release.source.headline = f"version {n}"
        path = store.save(release)
    backups = sorted((tmp_path / ".backups").iterdir())
    assert [b.name.rsplit(".", 1)[1] for b in backups] == ["1", "2", "3"]
    headlines = [
        store.load(tmp_path / ".backups" / f"{path.name}.{i}").source.headline for i in (1, 2, 3)
    ]
    assert headlines == ["version 3", "version 2", "version 1"]
    assert store.load(path).source.headline == "version 4"


def test_a_corrupt_draft_is_reported_by_name_and_the_others_still_load(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    good = store.save(sample_release())
    broken = tmp_path / "0123456789abcdef.release.json"
    broken.write_text('{"schema_version": 2, "versions": [', encoding="utf-8")
    entries, problems = store.scan()
    assert [e.path for e in entries] == [good]
    assert len(problems) == 1
    assert problems[0].path == broken
    assert "not valid JSON" in problems[0].message


def test_a_corrupt_draft_is_never_overwritten(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    release = sample_release()
    path = store.path_for(release)
    path.write_bytes(b"\xff\xfe garbage")
    with pytest.raises(DraftReadError, match="not UTF-8"):
        store.load(path)
    with pytest.raises(ReadOnlyDraftError):
        store.save(release)
    assert path.read_bytes() == b"\xff\xfe garbage"


def test_error_message_names_the_file_and_the_field(tmp_path: Path) -> None:
    path = tmp_path / "x.release.json"
    path.write_text(
        dumps_release(sample_release()).replace('"headline": "L', '"headline": 5, "x": "L', 1)
    )
    with pytest.raises(DraftReadError) as caught:
        DraftStore(tmp_path).load(path)
    assert str(path) in str(caught.value)
    assert "versions[0].headline" in str(caught.value)


def _dead_pid() -> int:
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
    return pid


def _orphan(target: Path, data: bytes) -> Path:
    temp = temp_name_for(target)
    temp = temp.with_name(temp.name.replace(f".{os.getpid()}-", f".{_dead_pid()}-"))
    temp.write_bytes(data)
    return temp


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork to make a dead writer")
def test_a_complete_orphaned_save_of_a_missing_draft_is_recovered(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    release = arabic_release()
    target = store.path_for(release)
    temp = _orphan(target, dumps_release(release).encode())
    assert store.recover_orphans() == [target]
    assert not temp.exists()
    assert store.load(target) == release


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork to make a dead writer")
def test_a_half_written_orphan_is_removed_and_the_draft_kept(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    release = sample_release()
    target = store.save(release)
    temp = _orphan(target, dumps_release(release).encode()[:200])
    assert store.recover_orphans() == []
    assert not temp.exists()
    assert store.load(target) == release


def test_a_temporary_file_of_a_running_writer_is_left_alone(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    target = store.path_for(sample_release())
    temp = temp_name_for(target).with_name(
        temp_name_for(target).name.replace(f".{os.getpid()}-", f".{os.getppid()}-")
    )
    temp.write_bytes(b"{")
    store.recover_orphans()
    assert temp.exists()


def test_a_version_1_draft_gets_the_same_id_at_every_read(tmp_path: Path) -> None:
    path = Path(__file__).parent / "data" / "draft-v1.release.json"
    first = DraftStore(tmp_path).load(path)
    second = DraftStore(tmp_path).load(path)
    assert first.id == second.id


def test_a_draft_id_that_would_leave_the_drafts_folder_is_refused(tmp_path: Path) -> None:
    text = dumps_release(sample_release())
    release_id = sample_release().id
    path = tmp_path / "evil.release.json"
    path.write_text(text.replace(release_id, "../escaped"), encoding="utf-8")
    with pytest.raises(DraftReadError, match="not a valid draft id"):
        DraftStore(tmp_path).load(path)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork to make a dead writer")
def test_a_complete_orphan_replaces_an_unreadable_draft_which_is_kept_aside(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    release = sample_release()
    target = store.path_for(release)
    target.write_text("{torn", encoding="utf-8")
    _orphan(target, dumps_release(release).encode())
    assert store.recover_orphans() == [target]
    assert store.load(target) == release
    kept = list((tmp_path / ".backups").glob("*.unreadable-*"))
    assert [k.read_text() for k in kept] == ["{torn"]


def test_drafts_named_the_older_way_are_listed_and_renamed_with_their_backups(
    tmp_path: Path,
) -> None:
    store = DraftStore(tmp_path)
    release = sample_release()
    legacy = tmp_path / f"{release.id}.release.json"
    legacy.write_text(dumps_release(release), encoding="utf-8")
    (tmp_path / ".backups").mkdir()
    (tmp_path / ".backups" / f"{legacy.name}.1").write_text("older", encoding="utf-8")
    assert [entry.path for entry in store.scan()[0]] == [legacy]

    renamed = store.adopt_legacy_names()

    assert renamed == [tmp_path / f"{release.id}.rwdraft"]
    assert not legacy.exists()
    assert store.load(renamed[0]) == release
    assert (tmp_path / ".backups" / f"{release.id}.rwdraft.1").read_text() == "older"
    assert store.current_path(legacy) == renamed[0]


def test_a_draft_named_the_older_way_and_open_elsewhere_keeps_its_name(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    release = sample_release()
    legacy = tmp_path / f"{release.id}.release.json"
    legacy.write_text(dumps_release(release), encoding="utf-8")
    lock = DraftLock.acquire(legacy)  # held by this (running) process

    assert store.adopt_legacy_names() == []
    assert legacy.exists()
    lock.release()
    assert store.adopt_legacy_names() == [tmp_path / f"{release.id}.rwdraft"]


def test_an_older_copy_beside_its_renamed_draft_is_kept_aside_not_listed_twice(
    tmp_path: Path,
) -> None:
    store = DraftStore(tmp_path)
    release = sample_release()
    current = store.save(release)
    older = tmp_path / f"{release.id}.release.json"
    older.write_text(dumps_release(release), encoding="utf-8")
    assert len(store.scan()[0]) == 2

    store.adopt_legacy_names()

    assert [entry.path for entry in store.scan()[0]] == [current]
    assert (tmp_path / ".backups" / f"{older.name}.older").is_file()
