"""Headless Chromium as a real consumer of the HTML export."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

# Hosts Chromium itself calls in the background (updates, accounts, time);
# anything else in the network log was asked for by the page.
_BROWSER_OWN_HOSTS = re.compile(
    r"^https?://([a-z0-9-]+\.)*(google\.com|googleapis\.com|gstatic\.com)(/|$)"
)


def require_program(name: str) -> str:
    """The program's path; skip the test without it, except in CI where a skip would hide a gap."""
    path = shutil.which(name)
    if path:
        return path
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{name} is not installed; .ci/run must install it")
    pytest.skip(f"{name} is not installed")


def chromium_flags(profile: Path) -> list[str]:
    return [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
    ]


def print_to_pdf(html_file: Path, pdf: Path) -> list[str]:
    """Print the page to PDF; return the URLs the page made Chromium request over the network."""
    chromium = require_program("chromium")
    with tempfile.TemporaryDirectory(prefix="rw-chromium-") as profile:
        netlog = Path(profile) / "netlog.json"
        subprocess.run(
            [
                chromium,
                *chromium_flags(Path(profile) / "profile"),
                f"--log-net-log={netlog}",
                f"--print-to-pdf={pdf}",
                "--no-pdf-header-footer",
                html_file.resolve().as_uri(),
            ],
            capture_output=True,
            timeout=120,
            check=True,
        )
        urls = set(
            re.findall(r'"url":"([^"]+)"', netlog.read_text(encoding="utf-8", errors="replace"))
        )
    return sorted(
        json.loads(f'"{u}"')
        for u in urls
        if u.startswith(("http:", "https:", "ws:", "wss:", "ftp:"))
        and not _BROWSER_OWN_HOSTS.match(u)
    )


def screenshot(html_file: Path, png: Path, size: tuple[int, int] = (1000, 1400)) -> None:
    chromium = require_program("chromium")
    with tempfile.TemporaryDirectory(prefix="rw-chromium-") as profile:
        subprocess.run(
            [
                chromium,
                *chromium_flags(Path(profile)),
                f"--window-size={size[0]},{size[1]}",
                f"--screenshot={png}",
                "--hide-scrollbars",
                html_file.resolve().as_uri(),
            ],
            capture_output=True,
            timeout=120,
            check=True,
        )


def pdf_text(pdf: Path) -> str:
    pdftotext = require_program("pdftotext")
    result = subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, timeout=60, check=True
    )
    return result.stdout.decode("utf-8")


def normalise_space(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()


def dump_dom(html_file: Path, size: tuple[int, int] = (1000, 1400)) -> str:
    """The page's DOM after its scripts ran, laid out in a window of ``size``."""
    chromium = require_program("chromium")
    with tempfile.TemporaryDirectory(prefix="rw-chromium-") as profile:
        completed = subprocess.run(
            [
                chromium,
                *chromium_flags(Path(profile)),
                f"--window-size={size[0]},{size[1]}",
                "--virtual-time-budget=5000",
                "--dump-dom",
                html_file.resolve().as_uri(),
            ],
            capture_output=True,
            timeout=120,
            check=True,
        )
    return completed.stdout.decode("utf-8")
