"""A portable copy (a ``portable`` file beside the executable) keeps everything beside it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tests.bundle.conftest import CLI_NAME, GUI_NAME, clean_environment, run


def copy_of(bundle: Path, target: Path) -> Path:
    """The bundle copied as onto a USB stick (hard links where the disk allows)."""
    try:
        shutil.copytree(bundle, target, symlinks=True, copy_function=os.link)
    except OSError:
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(bundle, target, symlinks=True)
    return target


def test_a_portable_copy_writes_nothing_to_the_user_profile(bundle: Path, tmp_path: Path) -> None:
    stick = copy_of(bundle, tmp_path / "USB" / "ReleaseWriter")
    (stick / "portable").write_text("")
    home = tmp_path / "home"
    home.mkdir()
    env = clean_environment(home, QT_QPA_PLATFORM="offscreen")

    test = run(stick / CLI_NAME, "self-test", env=env)
    assert test.returncode == 0, test.stdout + test.stderr
    assert "(bundle, portable)" in test.stdout.splitlines()[0]
    shown = run(stick / GUI_NAME, "--report-startup", env=env, timeout=120)
    assert shown.returncode == 0, shown.stderr
    exported = run(stick / CLI_NAME, "export", "sample", "--out", str(tmp_path / "out"), env=env)
    assert exported.returncode == 0, exported.stderr

    data = stick / "data"
    assert len(list((data / "drafts").glob("*.rwdraft"))) == 1  # the sample, first start
    assert (data / "settings").is_dir()
    assert list((data / "logs").glob("*.log"))
    assert (data / "cache").is_dir()
    assert not [p for p in home.rglob("*") if "releasewriter" in p.name.lower()]
