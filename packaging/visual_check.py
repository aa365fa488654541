"""Pictures of the exports in six languages, to look at before a release goes out.

    python packaging/visual_check.py [--out DIR]

(default ``--out build/visual-check``). Exports the six-language test release
(``tests/data/six-languages.release.json``: ar, zh_Hans_CN, en, fr, ru, es,
French the source) to DOCX and HTML with
:func:`releasewriter.export.files.export_release`, and writes two review
documents (French → Arabic, French → Chinese; in each, one paragraph of the
source is reworded after translation so that a needs-review row shows its
word diff). Then:

* each DOCX is printed to PDF by LibreOffice (``soffice --headless
  --convert-to pdf``, with a throw-away user profile) and each page drawn as
  a PNG by ``pdftoppm -png -r 70``;
* each HTML file is screenshot by headless Chromium at 1000×1400.

The paths of every PNG are printed, one a line. What to look for: Arabic
right to left and right-aligned, its punctuation (، . ؟) at the left end of
the sentence; Chinese with no empty boxes and full-width punctuation (，。《》);
each language's date and quotation marks (fr « … » with narrow no-break
spaces, en “…”, zh “…”, ru « », es « », ar ”…“ as CLDR gives it, which
reads “…” on a right-to-left line).

Needs LibreOffice, poppler-utils and Chromium (Debian: libreoffice-writer
poppler-utils chromium), and fonts for the scripts (fonts-noto-core
fonts-noto-cjk).
"""

from __future__ import annotations

import argparse
import copy
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RELEASE = ROOT / "tests" / "data" / "six-languages.release.json"
LOCALES = ("ar", "zh_Hans_CN", "en", "fr", "ru", "es")
REVIEW_TARGETS = ("ar", "zh_Hans_CN")
RESOLUTION = 70
WINDOW = (1000, 1400)
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
SOFFICE_NAMES = ("soffice", "libreoffice")
TIMEOUT = 180

if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))  # a checkout without an installed package

from releasewriter.export.files import export_release  # noqa: E402
from releasewriter.export.review_docx import write_review_docx  # noqa: E402
from releasewriter.model import Release  # noqa: E402
from releasewriter.store import read_release  # noqa: E402
from releasewriter.translation.state import pairs, record_translation  # noqa: E402


class MissingProgram(Exception):
    pass


def _program(names: Sequence[str]) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    raise MissingProgram(f"{' or '.join(names)} is not installed")


def export_files(release: Release, folder: Path) -> tuple[list[Path], list[Path]]:
    """The release in every language, as DOCX and HTML files in ``folder``."""
    report = export_release(release, LOCALES, ("docx", "html"), folder)
    docx = [r.path for r in report.written if r.format == "docx"]
    html = [r.path for r in report.written if r.format == "html"]
    return docx, html


def review_files(release: Release, folder: Path) -> list[Path]:
    """French → Arabic and French → Chinese reviews, each with one stale paragraph."""
    written = []
    for target in REVIEW_TARGETS:
        reviewed = copy.deepcopy(release)
        for pair in pairs(reviewed, target):
            record_translation(reviewed, target, pair.key)
        paragraph = reviewed.source.body[1]
        paragraph.text = paragraph.text.replace("se sont intensifiés", "se sont multipliés")
        path = folder / f"review_{release.source_locale}_{target}.docx"
        written.append(write_review_docx(reviewed, target, path))
    return written


def docx_pages(documents: Sequence[Path], pdf_folder: Path, png_folder: Path) -> list[Path]:
    """Each document printed by LibreOffice, each page as a PNG."""
    soffice = _program(SOFFICE_NAMES)
    pdftoppm = _program(("pdftoppm",))
    pdf_folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="rw-visual-lo-") as profile:
        # One soffice for all the files; a profile of its own, so that a
        # LibreOffice the user has open does not swallow the conversion.
        completed = subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(pdf_folder),
                *map(str, documents),
            ],
            capture_output=True,
            text=True,
            timeout=TIMEOUT * max(len(documents), 1),
            check=False,
        )
    pages: list[Path] = []
    for document in documents:
        pdf = pdf_folder / (document.stem + ".pdf")
        if not pdf.is_file():
            raise RuntimeError(
                f"LibreOffice did not print {document.name} (exit {completed.returncode}):\n"
                f"{completed.stdout}{completed.stderr}"
            )
        prefix = png_folder / f"docx_{document.stem}"
        subprocess.run(
            [pdftoppm, "-png", "-r", str(RESOLUTION), str(pdf), str(prefix)],
            capture_output=True,
            timeout=TIMEOUT,
            check=True,
        )
        pages += sorted(png_folder.glob(f"{prefix.name}-*.png"))
    return pages


def html_screenshot(page: Path, png_folder: Path) -> Path:
    """The page as headless Chromium draws it in a 1000×1400 window."""
    chromium = _program(CHROMIUM_NAMES)
    png = png_folder / f"html_{page.stem}.png"
    png.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="rw-visual-chromium-") as profile:
        completed = subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                f"--window-size={WINDOW[0]},{WINDOW[1]}",
                f"--screenshot={png}",
                "--hide-scrollbars",
                page.resolve().as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
    if not png.is_file():
        raise RuntimeError(
            f"Chromium took no screenshot of {page.name} (exit {completed.returncode}):\n"
            f"{completed.stderr}"
        )
    return png


def run(out: Path) -> list[Path]:
    release = read_release(RELEASE)
    files, pdfs, pngs = out / "files", out / "pdf", out / "png"
    for folder in (files, pdfs, pngs):
        # Only what this script wrote: no picture of an earlier run is left to mislead.
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    documents, pages = export_files(release, files)
    documents += review_files(release, files)
    shots = docx_pages(documents, pdfs, pngs)
    shots += [html_screenshot(page, pngs) for page in pages]
    return shots


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=ROOT / "build" / "visual-check",
        help="folder for the files, PDFs and PNGs (default: build/visual-check)",
    )
    args = parser.parse_args(argv)
    try:
        shots = run(args.out.resolve())
    except (MissingProgram, RuntimeError, subprocess.SubprocessError) as error:
        print(f"visual_check: {error}", file=sys.stderr)
        return 1
    for shot in shots:
        print(shot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
