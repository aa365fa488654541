"""Run real consumers of the exports: LibreOffice converts, poppler reads the PDF.

A check against a consumer is skipped when the program is missing, except in
CI (``CI=true``), where a missing consumer fails the run: CI installs them,
and a silent skip there would hide a broken export.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

import pytest

SOFFICE_NAMES = ("soffice", "libreoffice")
CONVERT_TIMEOUT = 120


def soffice_path() -> str | None:
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def soffice_available() -> bool:
    return soffice_path() is not None


def pdftotext_available() -> bool:
    return shutil.which("pdftotext") is not None


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def require(available: bool, what: str) -> None:
    """Skip when a consumer is missing; in CI, fail instead."""
    if available:
        return
    message = f"{what} is not installed"
    if in_ci():
        pytest.fail(f"{message}, and CI must run the consumer checks", pytrace=False)
    pytest.skip(message)


def require_libreoffice() -> None:
    require(soffice_available(), "LibreOffice (soffice)")
    require(pdftotext_available(), "pdftotext (poppler-utils)")


@functools.cache
def _profile() -> Path:
    """One LibreOffice user profile per test session, never the user's own.

    A profile in use by another soffice (the user's, or a parallel test run)
    makes a headless conversion exit at once without writing anything.
    """
    profile = Path(tempfile.mkdtemp(prefix="releasewriter-lo-profile-"))
    atexit.register(shutil.rmtree, profile, ignore_errors=True)
    return profile


def convert_to_pdf(path: Path, outdir: Path, *, timeout: float = CONVERT_TIMEOUT) -> Path:
    """``path`` converted to PDF by LibreOffice in ``outdir``; the PDF's path."""
    return convert(path, outdir, "pdf", timeout=timeout)


def convert(path: Path, outdir: Path, extension: str, *, timeout: float = CONVERT_TIMEOUT) -> Path:
    """``path`` converted by LibreOffice to ``extension`` (pdf, fodt…) in ``outdir``."""
    soffice = soffice_path()
    if soffice is None:
        raise RuntimeError("LibreOffice is not installed")
    outdir.mkdir(parents=True, exist_ok=True)
    command = [
        soffice,
        f"-env:UserInstallation={_profile().as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        extension,
        "--outdir",
        str(outdir),
        str(path),
    ]
    completed = subprocess.run(
        command, capture_output=True, text=True, timeout=timeout, check=False
    )
    pdf = outdir / f"{path.stem}.{extension}"
    if completed.returncode != 0 or not pdf.is_file():
        raise AssertionError(
            f"LibreOffice did not convert {path.name} (exit {completed.returncode}):\n"
            f"{completed.stdout}\n{completed.stderr}"
        )
    return pdf


def pdf_text(pdf: Path, *, raw: bool = False) -> str:
    """The text poppler reads from the PDF (``raw``: in content-stream order)."""
    command = ["pdftotext", "-enc", "UTF-8", *(["-raw"] if raw else []), str(pdf), "-"]
    completed = subprocess.run(command, capture_output=True, timeout=60, check=True)
    return completed.stdout.decode("utf-8")


def pdf_to_png(pdf: Path, prefix: Path, *, resolution: int = 60) -> list[Path]:
    """Each page as a PNG (for looking at a layout by eye while debugging)."""
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(resolution), str(pdf), str(prefix)],
        capture_output=True,
        timeout=60,
        check=True,
    )
    return sorted(prefix.parent.glob(prefix.name + "*.png"))


def squashed(text: str) -> str:
    """Text with compatibility forms folded and all whitespace removed.

    pdftotext breaks lines where the PDF does (even inside a hyphenated word),
    writes ligatures and Arabic presentation forms as such, and turns NBSP and
    U+202F into spaces or drops them; NFKC folds ligatures, presentation forms
    and narrow spaces, and dropping whitespace makes line breaks irrelevant.
    """
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if not ch.isspace() and unicodedata.category(ch) != "Cf")


def word_keys(text: str) -> set[str]:
    """Each word as its sorted letters: robust to how poppler orders right-to-left text.

    pdftotext writes Arabic words in visual order, wraps them in embedding
    controls, and emits a lam-alef ligature as alef-lam ("االتجار" for
    "الاتجار"); combining marks (shadda) may land outside their word. Sorting
    the letters of a word, without marks or controls, gives the same key for
    what the document says and what poppler read.
    """
    folded = unicodedata.normalize("NFKC", text)
    # Marks, format controls and the tatweel (a modifier letter) are left out.
    kept = "".join(ch for ch in folded if unicodedata.category(ch) not in ("Mn", "Cf", "Lm"))
    cleaned = "".join(ch if ch.isalnum() or ch in "@.+" else " " for ch in kept)
    return {"".join(sorted(w.strip("."))) for w in cleaned.split() if w.strip(".")}
