#!/usr/bin/env python3
"""Build the ReleaseWriter bundle: one folder, two executables, no Python needed to run it.

    python3 packaging/build.py [--dist DIR]

Needs only Python 3.11+ (and the network to PyPI the first time). It makes its
own build environment (``build/bundle-env``, pinned PyInstaller), builds the
wheel (the compiled catalogs exist only there), installs it with the pinned
versions of ``packaging/bundle/constraints.txt``, draws the icons, and freezes
``dist/ReleaseWriter/`` with ``ReleaseWriter`` (windowed) and
``releasewriter-cli`` (console). Prints the size and the time it took.

Build Linux bundles on the oldest distribution to be supported: the bundle
needs the glibc it was built against or newer (Debian 12: glibc 2.36).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "packaging" / "bundle"
BUILD = ROOT / "build"
ENV = BUILD / "bundle-env"
SPEC = HERE / "releasewriter.spec"
REQUIREMENTS = HERE / "requirements-build.txt"
CONSTRAINTS = HERE / "constraints.txt"
ICONS_SCRIPT = ROOT / "packaging" / "icons.py"


def env_python() -> Path:
    if sys.platform == "win32":
        return ENV / "Scripts" / "python.exe"
    return ENV / "bin" / "python"


def step(message: str) -> None:
    print(f"==> {message}", flush=True)


def run(*args: str | Path, **kwargs: object) -> None:
    subprocess.run([str(a) for a in args], check=True, **kwargs)  # type: ignore[call-overload]


def pip(*args: str | Path) -> None:
    run(env_python(), "-m", "pip", "--disable-pip-version-check", "--quiet", *args)


def ensure_environment() -> None:
    """The build environment, made once and remade when its pins change."""
    wanted = hashlib.sha256(
        REQUIREMENTS.read_bytes() + CONSTRAINTS.read_bytes() + sys.version.encode()
    ).hexdigest()
    stamp = ENV / ".pins"
    if env_python().exists() and stamp.is_file() and stamp.read_text().strip() == wanted:
        return
    step(f"Build environment in {ENV.relative_to(ROOT)}")
    shutil.rmtree(ENV, ignore_errors=True)
    venv.EnvBuilder(with_pip=True).create(ENV)
    pip("install", "-r", REQUIREMENTS, "-c", CONSTRAINTS)
    stamp.write_text(wanted + "\n")


def install_wheel() -> Path:
    step("Wheel")
    wheels = BUILD / "wheel"
    shutil.rmtree(wheels, ignore_errors=True)
    pip("wheel", "--no-deps", "-w", wheels, ROOT)
    (wheel,) = wheels.glob("releasewriter-*.whl")
    pip("install", "-c", CONSTRAINTS, f"{wheel}[gui]")
    # The version number does not change between two builds of a day's work.
    pip("install", "--force-reinstall", "--no-deps", wheel)
    return wheel


def draw_icons() -> Path | None:
    if not ICONS_SCRIPT.is_file():
        return None
    step("Icons")
    out = BUILD / "icons"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run(env_python(), ICONS_SCRIPT, "--out", out, env=env)
    return out


def freeze(dist: Path, icons: Path | None) -> Path:
    step("PyInstaller")
    env = dict(os.environ)
    if icons is not None:
        env["RELEASEWRITER_ICONS"] = str(icons)
    run(
        env_python(),
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        "--distpath",
        dist,
        "--workpath",
        BUILD / "pyinstaller",
        SPEC,
        env=env,
        cwd=ROOT,
    )
    return dist / "ReleaseWriter"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle goes")
    args = parser.parse_args(argv)
    started = time.monotonic()
    ensure_environment()
    install_wheel()
    icons = draw_icons()
    bundle = freeze(args.dist.resolve(), icons)
    size = folder_size(bundle)
    minutes, seconds = divmod(round(time.monotonic() - started), 60)
    print(
        f"Built {bundle} : {size / 1e6:.1f} MB unpacked, {minutes} min {seconds:02d} s",
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
