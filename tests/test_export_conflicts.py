"""Exports and files already in the folder: replace, keep both under a number, or refuse;
and a failed write names the file the user chose."""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest

from releasewriter.export.errors import ExportExistsError, ExportWriteError
from releasewriter.export.filenames import export_filename, next_free_numbered, numbered
from releasewriter.export.files import (
    existing_paths,
    export_email,
    export_release,
    planned_paths,
    prepare_email,
)
from releasewriter.store import atomic
from tests.releases import sample_release


def test_planned_paths_are_the_files_an_export_writes(tmp_path: Path) -> None:
    release = sample_release()
    planned = planned_paths(release, ["fr", "en"], ["docx", "html"], tmp_path)
    report = export_release(release, ["fr", "en"], ["docx", "html"], tmp_path)
    assert planned == [result.path for result in report.written]
    assert existing_paths(planned) == planned


def test_numbered_names_put_the_number_before_the_extension() -> None:
    assert numbered(Path("out/2013-07-16_news_fr.docx"), 2).name == "2013-07-16_news_fr (2).docx"


def test_one_free_number_serves_every_file_of_an_export(tmp_path: Path) -> None:
    fr, en = tmp_path / "a_fr.docx", tmp_path / "a_en.html"
    (tmp_path / "a_fr (2).docx").write_text("taken")
    (tmp_path / "a_en (3).html").write_text("taken")
    assert next_free_numbered([fr, en]) == [tmp_path / "a_fr (4).docx", tmp_path / "a_en (4).html"]


def test_the_default_replaces_an_earlier_export_as_the_command_line_always_did(
    tmp_path: Path,
) -> None:
    release = sample_release()
    [path] = planned_paths(release, ["fr"], ["html"], tmp_path)
    path.write_text("edited by hand")
    report = export_release(release, ["fr"], ["html"], tmp_path)
    assert [result.path for result in report.written] == [path]
    assert path.read_text(encoding="utf-8") != "edited by hand"


def test_keep_both_writes_numbered_files_and_leaves_the_earlier_ones(tmp_path: Path) -> None:
    release = sample_release()
    fr_html, en_html = planned_paths(release, ["fr", "en"], ["html"], tmp_path)
    fr_html.write_text("edited by hand")
    report = export_release(release, ["fr", "en"], ["html"], tmp_path, on_conflict="keep_both")
    written = [result.path for result in report.written]
    assert written == [numbered(fr_html, 2), numbered(en_html, 2)]
    assert fr_html.read_text() == "edited by hand"
    assert not en_html.exists()  # numbered too: the export's files keep one number


def test_refuse_writes_nothing_and_names_the_files_in_the_way(tmp_path: Path) -> None:
    release = sample_release()
    _fr_html, en_html = planned_paths(release, ["fr", "en"], ["html"], tmp_path)
    en_html.write_text("edited by hand")
    with pytest.raises(ExportExistsError) as caught:
        export_release(release, ["fr", "en"], ["html"], tmp_path, on_conflict="refuse")
    assert caught.value.paths == [en_html]
    assert sorted(tmp_path.iterdir()) == [en_html]
    assert str(en_html) in caught.value.describe(gettext.NullTranslations())


def test_an_email_keeps_both_under_a_number_and_reports_its_attachments(tmp_path: Path) -> None:
    release = sample_release()
    eml = tmp_path / export_filename(release, "fr", "eml")
    eml.write_text("an earlier draft")
    report = export_email(release, ["fr", "en"], ["html"], eml, on_conflict="keep_both")
    assert report.path == numbered(eml, 2)
    assert eml.read_text() == "an earlier draft"
    names = [attached.name for attached in report.attachments]
    assert names == [export_filename(release, locale, "html") for locale in ("fr", "en")]
    assert all(attached.size > 1000 for attached in report.attachments)
    assert report.attached_size == sum(attached.size for attached in report.attachments)


def test_an_email_replaces_by_default(tmp_path: Path) -> None:
    eml = tmp_path / "fr.eml"
    eml.write_text("an earlier draft")
    assert prepare_email(sample_release(), ["fr"], ["html"], eml)[0] == eml
    assert eml.read_text() != "an earlier draft"


def test_a_folder_where_the_file_should_be_is_reported_by_the_files_name(tmp_path: Path) -> None:
    release = sample_release()
    [path] = planned_paths(release, ["fr"], ["html"], tmp_path)
    path.mkdir()
    with pytest.raises(ExportWriteError) as caught:
        export_release(release, ["fr"], ["html"], tmp_path)
    assert caught.value.path == path
    assert str(caught.value).startswith(f"cannot write {path}: ")
    assert atomic.TEMP_SUFFIX not in str(caught.value)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left


def test_a_refused_replace_names_the_destination_not_the_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As when Word holds the file open on Windows."""
    eml = tmp_path / "release-fr.eml"

    def refuse(source: object, target: object) -> None:
        raise PermissionError(13, "Permission denied", str(source), None, str(target))

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(ExportWriteError) as caught:
        export_email(sample_release(), ["fr"], [], eml)
    text = caught.value.describe(gettext.NullTranslations())
    assert text == f"Cannot write {eml}: Permission denied"
    assert list(tmp_path.iterdir()) == []
