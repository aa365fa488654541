#!/usr/bin/env python3
"""Set up ReleaseWriter in a local virtual environment, then run the app or the tests.

Needs nothing but Python 3.11 or newer: the first run creates ``.venv`` and
installs the project with its test and GUI extras; later runs reuse it, and
reinstall only when ``pyproject.toml`` changes.

    python3 dev.py app [ARGS…]    start ReleaseWriter with the sample release open
    python3 dev.py test [ARGS…]   run the whole test suite (arguments go to pytest)
    python3 dev.py cli [ARGS…]    run the releasewriter command line
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("RELEASEWRITER_VENV", ROOT / ".venv"))
EXTRAS = "test,gui,gui-test,dev"


def venv_python() -> Path:
    if sys.platform == "win32":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def ensure_environment() -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 (dev.py runs under any python3)
        sys.exit(f"ReleaseWriter needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    python = venv_python()
    if not python.exists():
        print(f"Creating a virtual environment in {VENV} …", flush=True)
        try:
            venv.EnvBuilder(with_pip=True).create(VENV)
        except (subprocess.CalledProcessError, OSError) as error:
            sys.exit(
                f"Could not create a virtual environment ({error}).\n"
                "On Debian or Ubuntu, install the venv module first: "
                "sudo apt-get install python3-venv"
            )
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + EXTRAS.encode()).hexdigest()
    stamp = VENV / ".releasewriter-installed"
    if not stamp.exists() or stamp.read_text().strip() != wanted:
        print("Installing ReleaseWriter and its dependencies …", flush=True)
        subprocess.run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "-e",
                f"{ROOT}[{EXTRAS}]",
            ],
            check=True,
        )
        stamp.write_text(wanted + "\n")
    return python


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"app", "test", "cli"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    python = ensure_environment()
    if command == "test":
        args = [str(python), "-m", "pytest", *rest]
    elif command == "cli":
        args = [str(python), "-m", "releasewriter", *rest]
    else:
        args = [str(python), "-m", "releasewriter.ui", "--sample", *rest]
    return subprocess.call(args, cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
