"""The bundle's command line, as IT support and a scripted export use it."""

from __future__ import annotations

import re
from pathlib import Path

from releasewriter import __version__
from releasewriter.i18n.bidi import strip_isolates
from tests.bundle.conftest import CLI_NAME, GUI_NAME, clean_environment, run
from tests.consumers import convert_to_pdf, pdf_text, require_libreoffice, squashed

# The acceptance limit for the unpacked Linux bundle.
MAX_BUNDLE_BYTES = 200_000_000


def test_both_executables_print_the_one_version_number(bundle: Path) -> None:
    for executable in (CLI_NAME, GUI_NAME):
        result = run(bundle / executable, "--version")
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"ReleaseWriter {__version__}"


def test_self_test_passes_inside_the_bundle(bundle: Path, tmp_path: Path) -> None:
    result = run(bundle / CLI_NAME, "self-test", env=clean_environment(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"ReleaseWriter {__version__} (bundle, installed)")
    # The count is isolated (U+2068…U+2069) like every value in the app's messages.
    assert re.fullmatch(r"All \d+ checks passed\.", strip_isolates(lines[-1]))
    # Qt's catalogs are found in the bundle, not skipped.
    assert re.search(r"^Qt catalogs +ar +ok", result.stdout, re.MULTILINE)


def test_the_bundles_export_of_the_sample_opens_in_libreoffice(
    bundle: Path, tmp_path: Path
) -> None:
    require_libreoffice()
    out = tmp_path / "out"
    result = run(
        bundle / CLI_NAME,
        "export",
        "sample",
        "--all-languages",
        "--out",
        str(out),
        env=clean_environment(tmp_path / "home"),
    )
    assert result.returncode == 0, result.stderr
    (french,) = out.glob("*_fr.docx")
    text = squashed(pdf_text(convert_to_pdf(french, tmp_path / "pdf")))
    assert squashed("L’OIM et la Chine œuvrent pour protéger") in text
    assert squashed("Pour plus d’informations, veuillez contacter") in text


def test_the_bundle_imports_the_seed_web_page_and_a_word_export_of_its_own(
    bundle: Path, tmp_path: Path
) -> None:
    # The readers' modules (lxml's HTML parser, the language data) are loaded
    # only by an import: a bundle that left them out would still start.
    seed = Path(__file__).resolve().parent.parent / "data" / "import" / "seed-iom-china-fr.txt"
    env = clean_environment(tmp_path / "home")
    draft = tmp_path / "seed.release.json"
    result = run(bundle / CLI_NAME, "import", str(seed), "-o", str(draft), env=env)
    assert result.returncode == 0, result.stderr
    assert "L’OIM et la Chine œuvrent" in draft.read_text(encoding="utf-8")
    out = tmp_path / "out"
    exported = run(
        bundle / CLI_NAME, "export", "sample", "--lang", "en", "--out", str(out), env=env
    )
    assert exported.returncode == 0, exported.stderr
    for path in sorted(out.iterdir()):
        imported = tmp_path / f"{path.suffix[1:]}.release.json"
        result = run(bundle / CLI_NAME, "import", str(path), "-o", str(imported), env=env)
        assert result.returncode == 0, result.stderr
        assert "IOM and China Work to Protect" in imported.read_text(encoding="utf-8")


def bundle_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def test_the_bundle_stays_within_its_size_and_leaves_out_what_is_not_used(bundle: Path) -> None:
    assert bundle_bytes(bundle) <= MAX_BUNDLE_BYTES
    names = {p.name for p in bundle.rglob("*")}
    assert not {n for n in names if "gtk" in n.lower()}
    assert not {n for n in names if n.startswith(("libqeglfs", "libqvnc", "libqlinuxfb"))}
    catalogs = {n for n in names if n.endswith(".qm")}
    assert "qtbase_ar.qm" in catalogs
    assert not {n for n in catalogs if n.startswith(("qtbase_ja", "qtbase_ko", "qt_help"))}
