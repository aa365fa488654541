"""Where drafts, settings, logs and caches live: the user profile, or beside a portable copy."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from releasewriter.locations import PORTABLE_MARKER, locations, portable_root


def test_a_portable_marker_beside_the_executable_keeps_everything_beside_it(
    tmp_path: Path,
) -> None:
    (tmp_path / PORTABLE_MARKER).write_text("")
    where = locations({}, executable_dir=tmp_path)
    assert where.portable
    for folder in (where.config, where.drafts, where.logs, where.cache):
        assert folder.is_relative_to(tmp_path / "data")
    assert len({where.config, where.drafts, where.logs, where.cache}) == 4


def test_without_the_marker_the_folders_are_the_user_profiles(tmp_path: Path) -> None:
    where = locations({}, executable_dir=tmp_path)
    assert not where.portable
    assert where.config == platformdirs.user_config_path("ReleaseWriter", appauthor=False)
    assert where.drafts.parent == platformdirs.user_data_path("ReleaseWriter", appauthor=False)
    assert portable_root(tmp_path) is None


def test_environment_variables_win_over_a_portable_copy(tmp_path: Path) -> None:
    (tmp_path / PORTABLE_MARKER).write_text("")
    where = locations(
        {"RELEASEWRITER_DRAFTS_DIR": "/elsewhere/drafts", "RELEASEWRITER_CONFIG_DIR": "/cfg"},
        executable_dir=tmp_path,
    )
    assert where.drafts == Path("/elsewhere/drafts")
    assert where.config == Path("/cfg")
    assert where.logs == tmp_path / "data" / "logs"


def test_running_from_python_is_never_portable() -> None:
    assert portable_root() is None
