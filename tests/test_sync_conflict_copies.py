"""Conflict copies left by synchronisation tools are listed with the draft they copy."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from releasewriter.store import DraftStore, dumps_release
from releasewriter.store.search import DraftIndex
from tests.releases import sample_release
from tests.test_cli import run

ID = sample_release().id

# The mark each tool puts before a file's last extension.
MARKS = {
    "onedrive": "-LAPTOP",
    "onedrive-second": "-LAPTOP-2",
    "dropbox": " (conflicted copy 2026-12-05)",
    "dropbox-named": " (Amal's conflicted copy 2026-12-05)",
    "nextcloud": " (conflicted copy 2026-12-05 101530)",
    "owncloud-older": "_conflict-20261205-101530",
    "syncthing": ".sync-conflict-20261205-101530-ABCDEFG",
    "google-drive": " (1)",
}
# A draft's name, split where the tools put their mark.
NAMINGS = {"rwdraft": (ID, ".rwdraft"), "release-json": (f"{ID}.release", ".json")}


@pytest.fixture(
    params=[(tool, naming) for tool in MARKS for naming in NAMINGS],
    ids=lambda p: f"{p[0]}-{p[1]}",
)
def conflict(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, Path]:
    """An original draft and a later conflict copy of it, with another headline."""
    tool, naming = request.param
    stem, extension = NAMINGS[naming]
    original = tmp_path / f"{stem}{extension}"
    copy = tmp_path / f"{stem}{MARKS[tool]}{extension}"
    release = sample_release()
    original.write_text(dumps_release(release), encoding="utf-8")
    release.source.headline = "Changed on the laptop"
    release.modified += dt.timedelta(hours=1)
    copy.write_text(dumps_release(release), encoding="utf-8")
    # An unrelated, newer draft: the copy is still listed right after its original.
    other = sample_release()
    other.id = "0" * 32
    other.source.headline = "Another release"
    other.modified += dt.timedelta(hours=2)
    DraftStore(tmp_path).save(other, backup=False)
    return original, copy


def test_list_marks_a_conflict_copy_right_after_its_original(conflict: tuple[Path, Path]) -> None:
    original, _ = conflict
    code, out, err = run("--drafts-dir", str(original.parent), "list")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert [line.split("\t")[3] for line in lines] == [
        "Another release",
        sample_release().source.headline,
        "Changed on the laptop",
    ]
    assert lines[2].endswith(f"\tconflict copy of {ID}")
    assert "conflict copy" not in lines[0] + lines[1]


def test_the_store_and_the_library_index_link_a_copy_to_its_original(
    conflict: tuple[Path, Path],
) -> None:
    original, copy = conflict
    store = DraftStore(original.parent)
    entries, problems = store.scan()
    assert problems == []
    assert {e.path: e.conflict_of for e in entries if e.conflict_of} == {copy: original}
    indexed = DraftIndex(store).drafts()
    assert {i.path: i.conflict_of for i in indexed if i.conflict_of} == {copy: original}


def test_an_unreadable_conflict_copy_is_reported_with_its_original(tmp_path: Path) -> None:
    DraftStore(tmp_path).save(sample_release(), backup=False)
    copy = tmp_path / f"{ID} (conflicted copy 2026-12-05).rwdraft"
    copy.write_text("{", encoding="utf-8")
    code, _, err = run("--drafts-dir", str(tmp_path), "list")
    assert code == 1
    assert err.strip().endswith(f"(conflict copy of {ID})")


@pytest.mark.parametrize(
    "name",
    [
        "release-2026.rwdraft",  # a hyphen of the id, no draft "release" beside it
        f"{ID} (1).rwdraft",  # a "(1)" whose original is gone: a draft of its own
    ],
)
def test_a_name_like_a_copy_without_its_original_is_an_ordinary_draft(
    tmp_path: Path, name: str
) -> None:
    release = sample_release()
    (tmp_path / name).write_text(dumps_release(release), encoding="utf-8")
    code, out, err = run("--drafts-dir", str(tmp_path), "list")
    assert (code, err) == (0, "")
    assert "conflict copy" not in out
    assert len(out.splitlines()) == 1


def test_the_id_names_the_original_and_a_copy_is_given_by_its_file_name(
    conflict: tuple[Path, Path],
) -> None:
    original, copy = conflict
    drafts = ("--drafts-dir", str(original.parent))
    code, out, err = run(*drafts, "show", ID[:10])
    assert (code, err) == (0, "")
    assert "Changed on the laptop" not in out
    code, out, err = run(*drafts, "show", str(copy))
    assert (code, err) == (0, "")
    assert "Changed on the laptop" in out
