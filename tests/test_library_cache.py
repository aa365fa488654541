"""The drafts library's cache: a restart reads only the files that changed; a damaged cache
is rebuilt and never hides a draft; ``releasewriter list`` uses it and writes nothing else."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from releasewriter.model import Release
from releasewriter.store import DraftStore, read_release
from releasewriter.store import library_cache as library_cache_module
from releasewriter.store.library_cache import CACHE_VERSION, LibraryCache, list_drafts
from releasewriter.store.search import DraftIndex, matches, query_terms
from tests.releases import arabic_release, chinese_release, sample_release
from tests.store_reads import count_loads
from tests.test_cli import run
from tests.test_hostile_drafts import snapshot


@pytest.fixture
def store(tmp_path: Path) -> DraftStore:
    store = DraftStore(tmp_path / "drafts")
    store.ensure_folder()
    return store


@pytest.fixture
def cache(store: DraftStore, tmp_path: Path) -> LibraryCache:
    return LibraryCache.for_folder(store.folder, tmp_path / "cache")


@pytest.fixture
def reads(store: DraftStore, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every draft file the index or the list reads."""
    found = count_loads(store, monkeypatch)

    def counting_read(path: Path) -> Release:
        found.append(path)
        return read_release(path)

    monkeypatch.setattr(library_cache_module, "read_release", counting_read)
    return found


@pytest.fixture
def three(store: DraftStore) -> list[Path]:
    paths = [store.save(r) for r in (sample_release(), arabic_release(), chinese_release())]
    (store.folder / "broken.rwdraft").write_text("{ not json", encoding="utf-8")
    return [*paths, store.folder / "broken.rwdraft"]


def _listed(index: DraftIndex) -> dict[Path, tuple[str, str]]:
    return {d.path: (d.entry.headline if d.entry else "", d.problem) for d in index.drafts()}


def test_a_restart_reads_no_unchanged_file(
    store: DraftStore, cache: LibraryCache, three: list[Path], reads: list[Path]
) -> None:
    first = DraftIndex(store, cache)
    listed = _listed(first)
    assert sorted(reads) == sorted(three)
    reads.clear()

    again = DraftIndex(store, cache)
    assert _listed(again) == listed
    assert reads == []
    # The folded text came back too: the search finds words of the body and of the problem.
    found = [d.path for d in again.drafts() if matches(d.text, query_terms("ورشة"))]
    assert found == [three[1]]
    broken = [d for d in again.drafts() if d.entry is None]
    assert [d.path for d in broken] == [three[3]]
    assert matches(broken[0].text, query_terms("broken"))


def test_a_file_with_the_same_size_and_time_is_taken_from_the_cache(
    store: DraftStore, cache: LibraryCache, three: list[Path], reads: list[Path]
) -> None:
    DraftIndex(store, cache).drafts()
    path = three[0]
    info = path.stat()
    data = path.read_bytes()
    with path.open("r+b") as file:  # same file, same size, same time: nothing to notice
        file.write(data.replace(b"IOM", b"MOI", 1))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    reads.clear()
    DraftIndex(store, cache).drafts()
    assert reads == []


def test_a_changed_file_is_read_again(
    store: DraftStore, cache: LibraryCache, three: list[Path], reads: list[Path]
) -> None:
    DraftIndex(store, cache).drafts()
    release = read_release(three[2])
    release.source.headline = "Changed elsewhere"
    store.save(release)
    reads.clear()
    listed = _listed(DraftIndex(store, cache))
    assert reads == [three[2]]
    assert listed[three[2]] == ("Changed elsewhere", "")


def test_drafts_added_or_removed_since_the_cache_are_listed_as_they_are(
    store: DraftStore, cache: LibraryCache, three: list[Path], reads: list[Path]
) -> None:
    DraftIndex(store, cache).drafts()
    three[1].unlink()
    newer = sample_release()
    newer.id = "newer0draft"
    added = store.save(newer)
    reads.clear()
    listed = _listed(DraftIndex(store, cache))
    assert set(listed) == {three[0], three[2], three[3], added}
    assert reads == [added]


def _damage_by(kind: str, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    if kind == "truncated":
        path.write_text(text[: len(text) // 2], encoding="utf-8")
    elif kind == "garbage":
        path.write_bytes(b"\x00\xff" * 100)
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "folder":
        path.unlink()
        path.mkdir()
    elif kind == "older version":
        header = json.loads(lines[0])
        header["releasewriter-library-cache"] = CACHE_VERSION - 1
        path.write_text(json.dumps(header) + "\n" + "".join(lines[1:]), encoding="utf-8")
    elif kind == "wrong shapes":
        bad = ['{"a": 1}\n', "[1, 2, 3, 4, 5]\n", '["x", [1, 2], "t"]\n', "[[[[[[\n", "null\n"]
        path.write_text(lines[0] + "".join(bad) + "".join(lines[2:]), encoding="utf-8")
    elif kind == "lies":
        # A record that claims another file's stamp for an unknown name, and one
        # with a name that leaves the folder.
        record = json.loads(lines[1])
        record[0] = "../elsewhere.rwdraft"
        path.write_text(lines[0] + json.dumps(record) + "\n" + "".join(lines[2:]), "utf-8")


DAMAGES = ["truncated", "garbage", "empty", "folder", "older version", "wrong shapes", "lies"]


@pytest.mark.parametrize("which", ["summaries", "texts"])
@pytest.mark.parametrize("kind", DAMAGES)
def test_a_damaged_cache_is_rebuilt_and_hides_no_draft(
    store: DraftStore,
    cache: LibraryCache,
    three: list[Path],
    reads: list[Path],
    which: str,
    kind: str,
) -> None:
    listed = _listed(DraftIndex(store, cache))
    _damage_by(kind, getattr(cache, which))
    reads.clear()
    index = DraftIndex(store, cache)
    assert _listed(index) == listed
    assert len(reads) <= len(three)
    if kind != "folder":  # a folder in its place cannot be replaced: the cache is left unused
        reads.clear()
        assert _listed(DraftIndex(store, cache)) == listed
        assert reads == []
    # The command line copes with the same cache.
    entries, problems = list_drafts(store, cache)
    assert {e.path for e in entries} | {p.path for p in problems} == set(three)


def test_the_cache_lives_in_the_cache_folder_and_a_failure_to_write_it_is_silent(
    store: DraftStore, three: list[Path], tmp_path: Path, reads: list[Path]
) -> None:
    before = snapshot(store.folder)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    cache = LibraryCache.for_folder(store.folder, blocked / "library")
    assert len(DraftIndex(store, cache).drafts()) == 4
    assert list_drafts(store, cache)[0]
    assert snapshot(store.folder) == before
    assert not (store.folder / "library").exists()


def test_the_cache_is_encoded_record_by_record_with_a_pause_between_records(
    store: DraftStore,
    cache: LibraryCache,
    three: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Written at the end of a pass on the worker thread: one encoding of the whole (40 MB
    for 10,000 drafts) would hold the interpreter, and so the GUI thread, for 0.2 s."""
    monkeypatch.setattr(library_cache_module, "WRITE_CHUNK", 1)  # a chunk per record
    chunks: list[int] = []
    real_write = library_cache_module.atomic_write_bytes

    def counting_write(path: Path, data: bytes | Iterable[bytes]) -> None:
        assert not isinstance(data, bytes)  # made as it is written, not all at once
        writing.append(path)

        def counted() -> Iterator[bytes]:
            for chunk in data:
                chunks.append(len(chunk))
                yield chunk

        real_write(path, counted())

    monkeypatch.setattr(library_cache_module, "atomic_write_bytes", counting_write)
    writing: list[Path] = []
    paces: list[None] = []
    index = DraftIndex(store, cache)
    batches = list(index.draft_batches(stop=lambda: bool(writing and paces.append(None))))
    assert sum(map(len, batches)) == len(three)
    # Asked once per record of the summaries and of the texts.
    assert len(paces) == 2 * len(three)
    assert len(chunks) >= 2 * len(three)  # a chunk per record, each encoded on its own
    assert _listed(DraftIndex(store, cache)) == _listed(index)


def test_a_cache_write_stopped_by_its_pace_leaves_the_cache_as_it_was(
    store: DraftStore, cache: LibraryCache, three: list[Path]
) -> None:
    DraftIndex(store, cache).drafts()
    before = (cache.summaries.read_bytes(), cache.texts.read_bytes())
    summaries = cache.read_summaries()
    texts = {name: (stamp, text + " changed") for name, stamp, text in cache.read_texts()}
    calls: list[None] = []

    def stop_at_the_third_record() -> bool:
        calls.append(None)
        return len(calls) >= 3

    assert cache.write(summaries, texts, pace=stop_at_the_third_record) is False
    assert (cache.summaries.read_bytes(), cache.texts.read_bytes()) == before
    assert sorted(cache.summaries.parent.iterdir()) == sorted([cache.summaries, cache.texts])
    assert cache.write(summaries, texts, pace=lambda: False) is True
    assert {text for _name, _stamp, text in cache.read_texts()} == {
        text for _stamp, text in texts.values()
    }


def test_a_cache_write_stopped_as_the_window_closes_is_made_at_the_close(
    store: DraftStore,
    cache: LibraryCache,
    three: list[Path],
    reads: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    index = DraftIndex(store, cache)
    writing: list[Path] = []
    real_write = library_cache_module.atomic_write_bytes

    def noted_write(path: Path, data: bytes | Iterable[bytes]) -> None:
        writing.append(path)
        real_write(path, data)

    monkeypatch.setattr(library_cache_module, "atomic_write_bytes", noted_write)
    # The window closes once the write has begun.
    assert sum(map(len, index.draft_batches(stop=lambda: bool(writing)))) == len(three)
    assert writing
    assert not cache.summaries.exists()
    index.save_cache(now=True)  # what the window does as it closes
    reads.clear()
    assert len(DraftIndex(store, cache).drafts()) == len(three)
    assert reads == []


def test_a_restart_that_reads_no_file_still_pauses_at_every_step_of_its_pass(
    store: DraftStore, cache: LibraryCache, three: list[Path], reads: list[Path]
) -> None:
    """Each step holds the interpreter that the GUI thread waits for: the worker pauses
    between them, not only between the files it reads."""
    DraftIndex(store, cache).drafts()
    reads.clear()
    calls: list[None] = []
    index = DraftIndex(store, cache)
    assert sum(map(len, index.draft_batches(stop=lambda: bool(calls.append(None))))) == len(three)
    assert reads == []
    # Per file: its stamp, its records in the cache's two files, the look for files gone.
    assert len(calls) >= 4 * len(three)


def test_the_cache_goes_to_the_applications_cache_folder_by_default(
    store: DraftStore, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("RELEASEWRITER_CACHE_DIR", str(tmp_path / "app-cache"))
    cache = LibraryCache.for_folder(store.folder)
    assert cache.summaries.parent == tmp_path / "app-cache" / "library"
    other = LibraryCache.for_folder(tmp_path / "other drafts")
    assert other.summaries != cache.summaries


def test_list_says_what_scan_says_and_reads_only_changed_files_the_second_time(
    store: DraftStore,
    cache: LibraryCache,
    three: list[Path],
    reads: list[Path],
) -> None:
    conflict = store.folder / f"{three[0].stem} (conflicted copy).rwdraft"
    conflict.write_bytes(three[0].read_bytes())
    scanned = store.scan()
    assert list_drafts(store, cache) == scanned
    reads.clear()
    assert list_drafts(store, cache) == scanned
    assert reads == []


def test_the_list_command_uses_the_cache_and_writes_nothing_in_the_drafts_folder(
    store: DraftStore, three: list[Path], reads: list[Path]
) -> None:
    before = snapshot(store.folder)
    code, out, err = run("--drafts-dir", str(store.folder), "list")
    assert code == 1  # the broken draft
    assert len(reads) == 4
    reads.clear()
    assert run("--drafts-dir", str(store.folder), "list") == (code, out, err)
    assert reads == []
    assert snapshot(store.folder) == before
    assert LibraryCache.for_folder(store.folder).summaries.is_file()
