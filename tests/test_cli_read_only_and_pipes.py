"""The command line in a read-only drafts folder, and with its output cut short by a pipe."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from releasewriter.store import DraftStore, dumps_release, read_release
from releasewriter.store.atomic import temp_name_for
from tests.releases import sample_release
from tests.test_cli import run
from tests.test_hostile_drafts import snapshot


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A drafts folder that cannot be written (for root too: ``.backups`` is a file, so no
    backup can be made), with a complete save left behind by a crash and an older-named draft."""
    store = DraftStore(tmp_path)
    release = sample_release()
    path = store.save(release, backup=False)
    newer = sample_release()
    newer.source.headline = "Saved just before the crash"
    temp = temp_name_for(path)
    # A writer that is long gone: the name carries a process id no system hands out.
    temp = temp.with_name(temp.name.replace(f".{os.getpid()}-", ".999999999-"))
    temp.write_text(dumps_release(newer), encoding="utf-8")
    older = sample_release()
    older.id = "older0named0draft"
    (tmp_path / "older0named0draft.release.json").write_text(dumps_release(older), "utf-8")
    (tmp_path / ".backups").write_text("not a folder", encoding="utf-8")
    tmp_path.chmod(0o555)
    yield tmp_path, path
    tmp_path.chmod(0o755)


def test_list_in_a_read_only_folder_lists_every_draft_and_writes_nothing(
    read_only_folder: tuple[Path, Path],
) -> None:
    folder, _ = read_only_folder
    before = snapshot(folder)
    code, out, err = run("--drafts-dir", str(folder), "list")
    assert code == 0
    assert len(out.splitlines()) == 2
    assert "older0na" in out
    assert sample_release().id[:8] in out
    assert "Permission denied" not in err
    assert "is a save that was interrupted; ReleaseWriter finishes it when it starts" in err
    assert snapshot(folder) == before


def test_an_xliff_import_that_cannot_be_saved_says_so(
    read_only_folder: tuple[Path, Path],
) -> None:
    folder, path = read_only_folder
    xlf = folder.parent / f"{folder.name}-en.xlf"
    assert run("xliff", "export", str(path), "--target", "en", "-o", str(xlf))[0] == 0
    xlf.write_text(
        xlf.read_text(encoding="utf-8").replace("IOM and China Work", "IOM and China Act"),
        encoding="utf-8",
    )
    before = snapshot(folder)
    code, out, err = run("xliff", "import", str(path), str(xlf))
    assert code == 1
    assert out == ""
    (line,) = err.splitlines()
    assert line.startswith(f"releasewriter: the import was not saved: {path} cannot be written: ")
    assert snapshot(folder) == before
    assert "IOM and China Work" in read_release(path).version("en").headline


def _run_into_a_closed_pipe(*args: str) -> subprocess.CompletedProcess[bytes]:
    """Run the command with its output going to a pipe whose reader has already left."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [sys.executable, "-m", "releasewriter", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGPIPE and its exit status are POSIX")
@pytest.mark.parametrize(
    "command",
    [("list",), ("show", "sample"), ("validate", "sample"), ("check", "sample")],
    ids=lambda command: command[0],
)
def test_output_into_a_closed_pipe_ends_quietly_as_after_sigpipe(
    command: tuple[str, ...], tmp_path: Path
) -> None:
    DraftStore(tmp_path).save(sample_release(), backup=False)
    result = _run_into_a_closed_pipe("--drafts-dir", str(tmp_path), *command)
    assert result.stderr.decode() == ""
    assert result.returncode == 141


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell's pipe")
def test_list_piped_into_head_prints_the_first_line_and_no_error(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    release = sample_release()
    for n in range(1200):  # more lines than a pipe's buffer holds
        release.id = f"{n:04d}" + "0" * 28
        store.save(release, backup=False)
    result = subprocess.run(
        f'"{sys.executable}" -m releasewriter --drafts-dir "{tmp_path}" list | head -n1',
        shell=True,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 1
