"""One hostile file in the drafts folder never hides the others, nor stops a command.

Each file below is put beside a good draft; through the ``releasewriter``
command, the good draft still lists, shows and exports, the hostile one is
listed as a problem with a one-line reason, reading it by name ends in one
line and a non-zero exit, and nothing in the folder changes. The store's scan
and the library's search index (what the GUI lists) survive it too.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from releasewriter.store import DraftStore, dumps_release
from releasewriter.store.reading import MAX_DRAFT_BYTES, MAX_NESTING
from releasewriter.store.search import DraftIndex
from tests.releases import sample_release
from tests.test_cli import run

_Maker = Callable[[Path], None]


def _text(content: str) -> _Maker:
    return lambda path: path.write_text(content, encoding="utf-8")


def _bytes(content: bytes) -> _Maker:
    return lambda path: path.write_bytes(content)


def _sparse(size: int) -> _Maker:
    def make(path: Path) -> None:
        with path.open("wb") as handle:
            handle.truncate(size)

    return make


def _draft_with(**changes: object) -> _Maker:
    def make(path: Path) -> None:
        data = json.loads(dumps_release(sample_release()))
        data["id"] = "hostile"
        data.update(changes)
        path.write_text(json.dumps(data), encoding="utf-8")

    return make


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _folder(path: Path) -> None:
    path.mkdir()
    (path / "inside.txt").write_text("not a draft", encoding="utf-8")


def _symlink_loop(path: Path) -> None:
    path.symlink_to(path.name)  # points at itself


def _dangling_link(path: Path) -> None:
    path.symlink_to("nowhere.rwdraft")


HOSTILE: dict[str, tuple[_Maker, str]] = {
    # name: (how the file is made, a word of the reason given)
    "deep-nesting": (_text("[" * 100_000 + "]" * 100_000), "nested"),
    "deep-objects": (_text('{"a":' * 50_000 + "1" + "}" * 50_000), "nested"),
    "huge-number": (_text('{"schema_version": 1' + "0" * 5000 + "}"), "digits"),
    "huge-number-in-a-list": (_text("[" + "9" * 5000 + "]"), "digits"),
    "fifty-megabytes": (_sparse(50 * 1024 * 1024), "too large"),
    "binary-garbage": (_bytes(bytes(range(256)) * 64), "UTF-8"),
    "invalid-utf8": (_bytes(b'{"id": "caf\xe9"}'), "UTF-8"),
    "empty": (_text(""), "empty"),
    "only-spaces": (_text("  \n\t "), "empty"),
    "json-list": (_text("[1, 2, 3]"), "object"),
    "json-string": (_text('"a draft"'), "object"),
    "json-null": (_text("null"), "object"),
    "json-number": (_text("7"), "object"),
    "not-json": (_text("{"), "JSON"),
    "versions-a-dict": (_draft_with(versions={"fr": {}}), "versions"),
    "versions-of-strings": (_draft_with(versions=["fr"]), "versions[0]"),
    "organisation-a-list": (_draft_with(organisation=[1]), "organisation"),
    "schema-version-text": (_draft_with(schema_version="6"), "schema_version"),
    "schema-version-huge": (_draft_with(schema_version=10**30), "newer"),
    "schema-version-negative": (_draft_with(schema_version=-5), "draft"),
    "id-of-a-megabyte": (_draft_with(id="x" * 1_000_000), "id"),
    "nan-dateline": (_draft_with(dateline=float("nan")), "dateline: expected an object"),
    "a-folder": (_folder, "folder"),
    "symlink-loop": (_symlink_loop, "symbolic links"),
    "dangling-link": (_dangling_link, "No such file"),
}
if hasattr(os, "mkfifo"):
    HOSTILE["named-pipe"] = (_fifo, "named pipe")


@contextlib.contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail instead of hanging (reading a named pipe used to wait for ever)."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def expired(*_args: object) -> None:
        raise TimeoutError(f"still reading after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def snapshot(folder: Path) -> dict[str, object]:
    """What is in the folder, without reading anything that could block or loop."""
    found: dict[str, object] = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        found[str(path.relative_to(folder))] = (info.st_mode, info.st_size, info.st_mtime_ns)
    return found


@pytest.fixture(params=sorted(HOSTILE), ids=sorted(HOSTILE))
def hostile(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, Path, str, str]:
    """A drafts folder with a good draft and one hostile file (of each name, in turn)."""
    make, reason = HOSTILE[request.param]
    good = DraftStore(tmp_path).save(sample_release(), backup=False)
    suffix = ".release.json" if request.param.startswith("json") else ".rwdraft"
    bad = tmp_path / f"{request.param}{suffix}"
    make(bad)
    return good, bad, reason, sample_release().id


def test_a_hostile_file_is_listed_as_a_problem_and_the_good_draft_still_lists(
    hostile: tuple[Path, Path, str, str],
) -> None:
    good, bad, reason, good_id = hostile
    before = snapshot(good.parent)
    with deadline(60):
        code, out, err = run("--drafts-dir", str(good.parent), "list")
    assert code == 1
    assert good_id[:8] in out
    assert "L’OIM et la Chine" in out
    assert "Traceback" not in out + err
    (line,) = err.splitlines()
    prefix = f"cannot read draft {bad}: "
    assert line.startswith(prefix)
    assert reason in line.removeprefix(prefix)
    assert len(line) < len(prefix) + 250
    assert snapshot(good.parent) == before


def test_reading_a_hostile_file_by_name_is_one_line_and_a_nonzero_exit(
    hostile: tuple[Path, Path, str, str],
) -> None:
    good, bad, reason, _ = hostile
    before = snapshot(good.parent)
    for command in (["show"], ["validate"], ["check"], ["export", "--out", str(good.parent)]):
        with deadline(60):
            code, out, err = run(*command, str(bad))
        assert code == 2, command
        assert out == ""
        (line,) = err.splitlines()
        prefix = f"releasewriter: cannot read draft {bad}: "
        assert line.startswith(prefix)
        assert reason in line.removeprefix(prefix)
    assert snapshot(good.parent) == before


def test_the_good_draft_beside_a_hostile_file_shows_validates_and_exports(
    hostile: tuple[Path, Path, str, str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    good, _, _, good_id = hostile
    drafts = ("--drafts-dir", str(good.parent))
    with deadline(60):
        code, out, _ = run(*drafts, "show", good_id[:12])
        assert code == 0
        assert "L’OIM" in out
        code, out, _ = run(*drafts, "validate", good_id[:12])
        assert code in (0, 1)
        assert out
        target = tmp_path_factory.mktemp("out")
        code, out, err = run(
            *drafts, "export", good_id[:12], "--format", "html", "--out", str(target)
        )
    assert (code, err) == (0, "")
    assert [p.name for p in target.iterdir()] == [Path(out.strip()).name]


def test_the_store_scan_and_the_search_index_survive_a_hostile_file(
    hostile: tuple[Path, Path, str, str],
) -> None:
    good, bad, reason, good_id = hostile
    store = DraftStore(good.parent)
    with deadline(60):
        entries, problems = store.scan()
        indexed = DraftIndex(store).drafts()
    assert [e.release_id for e in entries] == [good_id]
    assert [(p.path, reason in p.message) for p in problems] == [(bad, True)]
    assert {(i.path, i.entry is None) for i in indexed} == {(good, False), (bad, True)}
    assert reason in next(i.problem for i in indexed if i.path == bad)


def test_the_limits_are_far_above_any_real_draft() -> None:
    # A draft nests six deep; a letterhead and a logo are a few megabytes of base64.
    text = dumps_release(sample_release())
    depth = max(
        text[:i].count("[") + text[:i].count("{") - text[:i].count("]") - text[:i].count("}")
        for i in range(0, len(text), 50)
    )
    assert depth < MAX_NESTING // 4
    assert MAX_DRAFT_BYTES >= 16 * 1024 * 1024


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file types")
def test_a_draft_named_on_the_command_line_that_is_a_pipe_does_not_hang(tmp_path: Path) -> None:
    pipe = tmp_path / "waiting.rwdraft"
    os.mkfifo(pipe)
    with deadline(30):
        code, out, err = run("show", str(pipe))
    assert (code, out) == (2, "")
    assert err == f"releasewriter: cannot read draft {pipe}: a named pipe\n"
