from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from releasewriter import __version__
from releasewriter.cli import Cli, main, sample_path
from releasewriter.i18n import app_translations
from releasewriter.i18n.bidi import strip_isolates
from releasewriter.store import DraftStore, dumps_release, read_release
from releasewriter.store.locks import DraftLock
from releasewriter.translation.versions import add_version
from tests.releases import faithful_six_languages, sample_release


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = Cli(app_translations("en"), out, err).run(list(args))
    # Messages isolate what they are filled with (see test_cli_messages_isolate_…).
    return code, strip_isolates(out.getvalue()), strip_isolates(err.getvalue())


def run_process(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "releasewriter", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=120,
        check=False,
    )


def test_version_is_printed() -> None:
    result = run_process("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"ReleaseWriter {__version__}"


def test_export_writes_each_language_and_format_and_prints_the_paths(tmp_path: Path) -> None:
    code, out, err = run(
        "export", "sample", "--all-languages", "--format", "html", "--out", str(tmp_path)
    )
    assert (code, err) == (0, "")
    printed = [Path(line) for line in out.splitlines()]
    assert sorted(p.name for p in printed) == sorted(p.name for p in tmp_path.iterdir())
    assert {p.name.rsplit("_", 1)[1] for p in printed} == {"fr.html", "en.html"}


def test_a_failed_write_names_the_file_not_a_temporary_one(tmp_path: Path) -> None:
    code, out, _ = run("export", "sample", "--format", "html", "--out", str(tmp_path))
    path = Path(out.strip())
    path.unlink()
    path.mkdir()  # stands where the file should be, as a file held open would on Windows
    code, out, err = run("export", "sample", "--format", "html", "--out", str(tmp_path))
    assert code != 0
    assert err.startswith(f"releasewriter: export failed: Cannot write {path}: ")
    assert ".tmp" not in err
    assert len(err.splitlines()) == 1


def test_export_defaults_to_the_source_language(tmp_path: Path) -> None:
    code, out, _ = run("export", "sample", "--format", "html", "--out", str(tmp_path))
    assert code == 0
    assert out.strip().endswith("_fr.html")


def test_export_of_an_unknown_language_is_a_one_line_error(tmp_path: Path) -> None:
    code, out, err = run("export", "sample", "--lang", "de", "--out", str(tmp_path))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "fr, en" in err


def test_validate_exits_zero_for_the_sample_and_one_with_problems(tmp_path: Path) -> None:
    assert run("validate", "sample")[0] == 0
    release = sample_release()
    release.source.headline = ""
    release.source.contacts[0].email = "ewong-at-iom"
    path = tmp_path / "draft.release.json"
    path.write_text(dumps_release(release), encoding="utf-8")
    code, out, _ = run("validate", str(path))
    assert code == 1
    assert "fr\theadline\terror" in out
    assert "contacts[0].email" in out


def test_list_shows_drafts_and_reports_an_unreadable_one(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.save(sample_release())
    (tmp_path / "broken.rwdraft").write_text("{", encoding="utf-8")
    code, out, err = run("--drafts-dir", str(tmp_path), "list")
    assert code == 1
    assert "L’OIM et la Chine" in out
    assert "broken.rwdraft" in err


def test_a_draft_is_found_by_the_start_of_its_id(tmp_path: Path) -> None:
    release = sample_release()
    DraftStore(tmp_path).save(release)
    code, out, _ = run("--drafts-dir", str(tmp_path), "show", release.id[:6], "--lang", "en")
    assert code == 0
    assert out.splitlines()[2].startswith("IOM and China")


@pytest.mark.parametrize(
    "args",
    [
        ("show", "no-such-draft"),
        ("export", "sample", "--lang", "xx"),
        ("validate", "CORRUPT"),
        ("export", "sample", "--out", "NOT_A_FOLDER"),
    ],
)
def test_bad_input_gets_one_line_and_a_nonzero_exit_never_a_traceback(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    corrupt = tmp_path / "corrupt.release.json"
    corrupt.write_text('{"schema_version": 2', encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    args = tuple(
        str(corrupt) if a == "CORRUPT" else str(blocker / "sub") if a == "NOT_A_FOLDER" else a
        for a in args
    )
    result = run_process(*args, cwd=tmp_path)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_show_sample_prints_the_release_as_a_reader_sees_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["show", "sample"]) == 0
    out = capsys.readouterr().out
    assert "L’OIM et la Chine œuvrent pour protéger les victimes de traite" in out
    assert "ewong@iom.int" in out


def test_the_bundled_sample_is_a_draft_file_with_french_and_english() -> None:
    data = json.loads(sample_path().read_text(encoding="utf-8"))
    assert [v["locale"] for v in data["versions"]] == ["fr", "en"]
    assert data["source_locale"] == "fr"


def test_check_lists_what_a_translation_lost_and_exits_one(tmp_path: Path) -> None:
    release = sample_release()
    paragraph = release.version("en").body[3]
    paragraph.text = paragraph.text.replace("2013-2020", "2013-2021")
    release.version("en").quotes[0].speaker = "Par Liljert"
    path = tmp_path / "draft.release.json"
    path.write_text(dumps_release(release), encoding="utf-8")
    code, out, _ = run("check", str(path))
    assert code == 1
    assert (
        "en\tbody[3].text\terror: The number 2020 of the source is not in this translation." in out
    )
    assert (
        "en\tquotes[0].speaker\twarning: “Par Liljert” is written “Pär Liljert” in the source."
        in out
    )


def test_check_finds_no_problem_in_a_faithful_six_language_release(tmp_path: Path) -> None:
    path = tmp_path / "six.release.json"
    path.write_text(dumps_release(faithful_six_languages()), encoding="utf-8")
    code, out, _ = run("check", str(path))
    assert (code, out) == (0, "No problems found.\n")


def test_xliff_export_then_import_through_the_command_line(tmp_path: Path) -> None:
    draft = tmp_path / "d.release.json"
    release = sample_release()
    draft.write_text(dumps_release(release), encoding="utf-8")
    xlf = tmp_path / "en.xlf"
    code, out, err = run("xliff", "export", str(draft), "--target", "en", "-o", str(xlf))
    assert (code, err) == (0, "")
    assert out.strip() == str(xlf)
    data = xlf.read_text(encoding="utf-8").replace(
        "IOM and China Work to Protect", "IOM and China Act to Protect"
    )
    xlf.write_text(data, encoding="utf-8")
    code, out, _ = run("xliff", "import", str(draft), str(xlf))
    assert code == 0
    assert out.startswith("9 segments imported into English.")
    assert read_release(draft).version("en").headline.startswith("IOM and China Act to Protect")


def test_xliff_import_refuses_a_draft_open_in_the_editor(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    path = store.save(sample_release())
    xlf = tmp_path / "en.xlf"
    assert run("xliff", "export", str(path), "--target", "en", "-o", str(xlf))[0] == 0
    lock = DraftLock.acquire(path, "editor")
    try:
        code, _, err = run("xliff", "import", str(path), str(xlf))
    finally:
        lock.release()
    assert code == 2
    assert "open in ReleaseWriter" in err


def test_review_writes_a_bilingual_document(tmp_path: Path) -> None:
    out_path = tmp_path / "review.docx"
    code, out, err = run("review", "sample", "--target", "en", "-o", str(out_path))
    assert (code, err, out.strip()) == (0, "", str(out_path))
    table = docx.Document(str(out_path)).tables[0]
    assert "IOM and China Work to Protect" in table.rows[1].cells[2].text
    assert run("review", "sample", "--target", "fr", "-o", str(out_path))[0] == 2


def test_validate_warns_of_a_country_printed_as_typed(tmp_path: Path) -> None:
    release = sample_release()
    release.dateline.country = "Narnia"
    path = tmp_path / "draft.release.json"
    path.write_text(dumps_release(release), encoding="utf-8")
    code, out, _ = run("validate", str(path))
    assert code == 1
    assert out == (
        "fr\tdateline.country\twarning: “Narnia” is not a country the app knows; "
        "it is printed as typed in every language.\n"
    )


def test_check_warns_that_a_version_still_in_the_source_text_is_untranslated(
    tmp_path: Path,
) -> None:
    release = sample_release()
    add_version(release, "ar", copy_text=True)
    path = tmp_path / "draft.release.json"
    path.write_text(dumps_release(release), encoding="utf-8")
    _code, out, _ = run("check", str(path))
    assert "ar\t\twarning: 9 segments are not translated yet." in out


def test_export_warns_of_an_unfinished_translation_and_strict_writes_nothing(
    tmp_path: Path,
) -> None:
    release = sample_release()
    add_version(release, "ar", copy_text=True)
    path = tmp_path / "draft.rwdraft"
    path.write_text(dumps_release(release), encoding="utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()

    code, out, err = run("export", str(path), "--all-languages", "--out", str(out_dir))
    assert code == 0
    assert len(out.splitlines()) == 6  # three languages, two formats each
    assert err == "warning: Arabic: 9 segments not translated\n"

    code, out, err = run(
        "export", str(path), "--all-languages", "--strict", "--out", str(out_dir / "strict")
    )
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "warning: Arabic: 9 segments not translated",
        "Nothing was written: the translations above are unfinished.",
    ]
    assert not (out_dir / "strict").exists()


def test_strict_export_of_finished_translations_writes_them(tmp_path: Path) -> None:
    code, out, err = run("export", "sample", "--all-languages", "--strict", "--out", str(tmp_path))
    assert (code, err) == (0, "")
    assert len(out.splitlines()) == 4


def test_cli_messages_isolate_language_names_file_names_and_numbers(tmp_path: Path) -> None:
    release = sample_release()
    add_version(release, "ar", copy_text=True)
    path = tmp_path / "draft.rwdraft"
    path.write_text(dumps_release(release), encoding="utf-8")
    err = io.StringIO()
    Cli(app_translations("en"), io.StringIO(), err).run(
        ["export", str(path), "--lang", "ar", "--strict", "--out", str(tmp_path)]
    )
    # An Arabic name at the start of an English line would otherwise carry the
    # number after it to its left: "9 :Arabic segments…" in a right-to-left terminal.
    assert err.getvalue().splitlines()[0] == (
        "warning: \u2068\u2068Arabic\u2069: \u2068\u20689\u2069 segments not translated\u2069\u2069"
    )
