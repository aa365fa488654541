"""The wheel carries the resources and compiled catalogs an installed app reads."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_the_wheel_holds_templates_sample_and_compiled_catalogs(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (wheel,) = tmp_path.glob("releasewriter-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "releasewriter/_resources/templates/release.html" in names
    assert "releasewriter/_resources/samples/iom-china-trafficking.release.json" in names
    assert "releasewriter/_resources/schemas/draft.schema.json" in names
    for dictionary in ("es/es.aff", "es/es.dic", "es/LICENSE.md", "ru/ru_RU.dic", "ru/LICENSE.txt"):
        assert f"releasewriter/_resources/dictionaries/{dictionary}" in names
    for language in ("ar", "zh", "fr", "ru", "es"):
        for domain in ("releasewriter", "release-labels"):
            assert f"releasewriter/_resources/locale/{language}/LC_MESSAGES/{domain}.mo" in names
    assert not [n for n in names if n.endswith(".po")]
