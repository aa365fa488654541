"""An export writes inside the folder chosen for it, every file or none."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Any

import pytest

from releasewriter.export import files as files_module
from releasewriter.export.errors import ExportPathError, ExportWriteError
from releasewriter.export.files import export_email, export_release
from releasewriter.i18n import app_translations
from releasewriter.store import DraftReadError, dumps_release, read_release
from releasewriter.store.draft_format import loads_release
from tests.releases import sample_release
from tests.test_cli import run

ESCAPING = "x/../../escaped"


def _draft_with_locale(folder: Path, locale: str) -> Path:
    data = json.loads(dumps_release(sample_release()))
    data["versions"] = data["versions"][:1]
    data["versions"][0]["locale"] = locale
    data["source_locale"] = locale
    path = folder / "drafts" / "escaping.rwdraft"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _every_file(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_a_draft_whose_language_code_climbs_out_of_the_folder_exports_nothing(
    tmp_path: Path,
) -> None:
    draft = _draft_with_locale(tmp_path, ESCAPING)
    out = tmp_path / "a" / "b" / "out"
    code, stdout, err = run("export", str(draft), "--format", "html", "--out", str(out))
    assert code != 0
    assert stdout == ""
    assert len(err.strip().splitlines()) == 1
    assert "is not a known language code" in err
    assert _every_file(tmp_path) == ["drafts/escaping.rwdraft"]


def test_validate_names_the_bad_language_code_in_one_line(tmp_path: Path) -> None:
    draft = _draft_with_locale(tmp_path, ESCAPING)
    code, _, err = run("validate", str(draft))
    assert code != 0
    assert err.count("\n") == 1
    assert repr(ESCAPING) in err


@pytest.mark.parametrize("locale", ["en", "fr_CA", "zh_Hans", "pt_BR", "fr-CA", "es_419"])
def test_language_codes_of_real_languages_are_read(tmp_path: Path, locale: str) -> None:
    release = read_release(_draft_with_locale(tmp_path, locale))
    assert release.source_locale == locale


@pytest.mark.parametrize("locale", ["qq", "en_XX", "fr:CA", "..", "", "fr_CA/..", "C:fr"])
def test_language_codes_no_language_has_make_the_draft_unreadable(
    tmp_path: Path, locale: str
) -> None:
    with pytest.raises(DraftReadError, match="language code"):
        read_release(_draft_with_locale(tmp_path, locale))


def test_a_segment_id_that_is_not_a_safe_id_makes_the_draft_unreadable() -> None:
    data = json.loads(dumps_release(sample_release()))
    data["versions"][0]["body"][0]["id"] = "p1:../x"
    with pytest.raises(ValueError, match="not a valid id"):
        loads_release(json.dumps(data))


def test_an_export_name_reaching_out_of_the_folder_is_refused_even_past_the_reader(
    tmp_path: Path,
) -> None:
    release = sample_release()
    release.source.locale = ESCAPING  # as if built in memory, never read from a file
    release.source_locale = ESCAPING
    out = tmp_path / "a" / "b" / "out"
    with pytest.raises(ExportPathError) as caught:
        export_release(release, [ESCAPING], ["html"], out)
    assert caught.value.problem == "outside"
    assert "outside the folder" in caught.value.describe(app_translations("en"))
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


@pytest.mark.parametrize("name", ["CON.eml", "nul.eml", "com1.eml", "Aux .eml", "a:b.eml"])
def test_an_email_named_what_windows_cannot_hold_is_refused_with_a_reason(
    tmp_path: Path, name: str
) -> None:
    with pytest.raises(ExportPathError) as caught:
        export_email(sample_release(), ["fr"], ["html"], tmp_path / name)
    message = caught.value.describe(app_translations("en"))
    assert name in message
    assert ("device" in message) or ("“:”" in message)
    assert list(tmp_path.iterdir()) == []


def test_a_path_longer_than_windows_opens_is_refused_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files_module, "WINDOWS", True)
    deep = tmp_path / ("d" * 120) / ("e" * 120)
    with pytest.raises(ExportPathError) as caught:
        export_release(sample_release(), ["fr", "en"], ["html"], deep)
    assert caught.value.problem == "too_long"
    assert "260" in caught.value.describe(app_translations("en"))
    assert list(deep.iterdir()) == []


def test_an_export_failing_at_its_second_file_leaves_the_earlier_export_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = sample_release()
    first = export_release(release, ["fr", "en"], ["html", "docx"], tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert len(before) == 4
    release.source.headline = release.source.headline  # same names: a second export replaces
    release.versions[0].body[0].text = "a changed first paragraph"
    real_replace = os.replace
    renames: list[Path] = []

    def full_at_the_third(source: Any, target: Any) -> None:
        if str(source).endswith(".tmp") and not str(target).endswith(".tmp"):
            renames.append(Path(target))
            if len(renames) == 3:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_replace(source, target)

    monkeypatch.setattr(files_module.os, "replace", full_at_the_third)
    with pytest.raises(ExportWriteError) as caught:
        export_release(release, ["fr", "en"], ["html", "docx"], tmp_path)
    monkeypatch.undo()
    assert caught.value.path == renames[2]
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    assert sorted(r.path.name for r in first.written) == sorted(before)


def test_a_failed_first_export_leaves_no_file_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_replace = os.replace
    calls: list[Any] = []

    def full_at_the_second(source: Any, target: Any) -> None:
        calls.append(target)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_replace(source, target)

    monkeypatch.setattr(files_module.os, "replace", full_at_the_second)
    with pytest.raises(ExportWriteError):
        export_release(sample_release(), ["fr", "en"], ["html"], tmp_path)
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []
