#!/usr/bin/env python3
"""Compile ReleaseWriter's Windows installer (packaging/windows/releasewriter.iss).

    python3 packaging/windows/build_installer.py --bundle dist/ReleaseWriter --out dist

runs the Inno Setup 6 compiler on the PyInstaller bundle and writes
``OUT/ReleaseWriter-<version>-setup.exe``; the version comes from
``src/releasewriter/__init__.py``. On Windows ISCC.exe runs as it is; on Linux
it runs under wine (``packaging/windows/setup_wine.sh`` installs both), in a
wine prefix of its own. Prints the setup's size and the time taken, and exits
non-zero when the setup file is not there afterwards: ISCC under a wine
without 32-bit support fails yet exits 0.

Signing: when ``RELEASEWRITER_SIGN_COMMAND`` is set (the whole signing command,
with ``$f`` for the file, e.g. ``signtool.exe sign /fd sha256 /a /tr URL /td
sha256 $f``), the executables, the setup and the uninstaller are signed with
it; otherwise nothing is signed.

A bundle built on Linux has its executables without ``.exe``: they are packed
all the same (and installed as ``ReleaseWriter.exe`` and
``releasewriter-cli.exe``), which is how CI tests the script.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SCRIPT = HERE / "releasewriter.iss"
VERSION_FILE = ROOT / "src" / "releasewriter" / "__init__.py"
DEFAULT_ICONS = ROOT / "build" / "icons"

sys.path.insert(0, str(HERE))
from version_resource import version_tuple  # noqa: E402

APP_NAME = "ReleaseWriter"
GUI_NAME = "ReleaseWriter"
CLI_NAME = "releasewriter-cli"
SIGN_ENV = "RELEASEWRITER_SIGN_COMMAND"
ISCC_ENV = "RELEASEWRITER_ISCC"
# Where setup_wine.sh puts the compiler (npm package "innosetup").
LINUX_ISCC = Path(
    os.environ.get("INNOSETUP_PREFIX", "/opt/innosetup"), "node_modules/innosetup/bin/ISCC.exe"
)
# Environment of every wine command: no debug output, no Mono or Gecko
# installer prompts, and no menu entries for the Linux desktop.
WINE_ENV = {
    "WINEDEBUG": "-all",
    "WINEDLLOVERRIDES": "mscoree,mshtml=;winemenubuilder.exe=d",
}


def read_version(path: Path = VERSION_FILE) -> str:
    """The version in ``__version__ = "..."`` (read, not imported: no dependencies needed)."""
    match = re.search(r"""^__version__\s*=\s*["']([^"']+)["']""", path.read_text("utf-8"), re.M)
    if match is None:
        raise SystemExit(f"no __version__ in {path}")
    return match[1]


def executable_name(bundle: Path, stem: str) -> str:
    """The file name of an executable in the bundle: with .exe (Windows) or without (Linux)."""
    for name in (f"{stem}.exe", stem):
        if (bundle / name).is_file():
            return name
    raise SystemExit(f"{bundle} has neither {stem}.exe nor {stem}")


def windows_path(path: Path) -> str:
    """A path as a Windows program sees it: unchanged on Windows, on drive Z: under wine."""
    if sys.platform == "win32":
        return str(path)
    return "Z:" + str(path.resolve()).replace("/", "\\")


def setup_name(version: str) -> str:
    return f"{APP_NAME}-{version}-setup.exe"


def iscc_arguments(
    *,
    bundle: Path,
    out: Path,
    version: str,
    gui_source: str,
    cli_source: str,
    icons: Path | None = None,
    compression: str | None = None,
    sign_command: str | None = None,
) -> list[str]:
    """ISCC's command line after the program: options, defines and the script."""
    numbers = ".".join(str(n) for n in version_tuple(version))
    arguments = [
        "/Q",
        f"/DBundleDir={windows_path(bundle)}",
        f"/DAppVersion={version}",
        f"/DVersionNumbers={numbers}",
        f"/DOutputDir={windows_path(out)}",
        f"/DGuiExeSource={gui_source}",
        f"/DCliExeSource={cli_source}",
    ]
    if icons is not None:
        arguments.append(f"/DIconDir={windows_path(icons)}")
    if compression:
        arguments.append(f"/DCompression={compression}")
    if sign_command:
        arguments += [f"/Ssigntool={sign_command}", "/DSIGN"]
    arguments.append(windows_path(SCRIPT))
    return arguments


def default_iscc() -> Path:
    """ISCC.exe: RELEASEWRITER_ISCC, else where Inno Setup 6 or setup_wine.sh installs it."""
    if os.environ.get(ISCC_ENV):
        return Path(os.environ[ISCC_ENV])
    if sys.platform != "win32":
        return LINUX_ISCC
    on_path = shutil.which("ISCC.exe")
    if on_path:
        return Path(on_path)
    for base in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"):
        folder = os.environ.get(base)
        if not folder:
            continue
        for candidate in (
            Path(folder, "Inno Setup 6", "ISCC.exe"),
            Path(folder, "Programs", "Inno Setup 6", "ISCC.exe"),
        ):
            if candidate.is_file():
                return candidate
    return Path("ISCC.exe")


def default_wineprefix() -> Path:
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache, "releasewriter", "wine-iscc")


def wine_environment(prefix: Path, base: Mapping[str, str] = os.environ) -> dict[str, str]:
    return {**base, **WINE_ENV, "WINEPREFIX": str(prefix)}


def prepare_wineprefix(prefix: Path) -> dict[str, str]:
    """The compiler's wine prefix, made once: wine hides dot-files unless ShowDotFiles=Y.

    Hidden, they are left out of the setup (python-docx's ``_rels/.rels``) and
    the app breaks on Windows, so the setting is checked on every build.
    """
    env = wine_environment(prefix)
    prefix.parent.mkdir(parents=True, exist_ok=True)
    key = r"HKCU\Software\Wine"
    query = subprocess.run(
        ["wine", "reg", "query", key, "/v", "ShowDotFiles"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if not re.search(r"ShowDotFiles\s+REG_SZ\s+Y\b", query.stdout):
        subprocess.run(
            ["wine", "reg", "add", key, "/v", "ShowDotFiles", "/d", "Y", "/f"],
            env=env,
            capture_output=True,
            check=True,
        )
        # The registry reaches the disk (and the next wine process) when the server stops.
        subprocess.run(["wineserver", "-w"], env=env, check=True)
    return env


def human_size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB ({size} bytes)"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, required=True, help="the PyInstaller bundle")
    parser.add_argument("--out", type=Path, required=True, help="where the setup goes")
    parser.add_argument("--iscc", type=Path, help="ISCC.exe (default: %(default)s)")
    parser.add_argument("--version", help="default: __version__ of src/releasewriter")
    parser.add_argument(
        "--icons",
        type=Path,
        help="folder with releasewriter.ico and releasewriter-draft.ico "
        "(default: build/icons when it exists)",
    )
    parser.add_argument(
        "--compression",
        help="Inno Setup Compression= value (default lzma2/max; lzma2/fast compiles faster)",
    )
    parser.add_argument(
        "--wineprefix",
        type=Path,
        default=default_wineprefix(),
        help="wine prefix of the compiler, Linux only (default: %(default)s)",
    )
    args = parser.parse_args(argv)

    bundle: Path = args.bundle.resolve()
    out: Path = args.out.resolve()
    if not bundle.is_dir():
        parser.error(f"no bundle folder {bundle}")
    version = args.version or read_version()
    icons = args.icons
    if icons is None and DEFAULT_ICONS.is_dir():
        icons = DEFAULT_ICONS
    iscc: Path = args.iscc or default_iscc()
    if not iscc.is_file() and not shutil.which(str(iscc)):
        hint = " (run packaging/windows/setup_wine.sh)" if sys.platform != "win32" else ""
        parser.error(f"no Inno Setup compiler at {iscc}{hint}")

    out.mkdir(parents=True, exist_ok=True)
    setup = out / setup_name(version)
    setup.unlink(missing_ok=True)
    arguments = iscc_arguments(
        bundle=bundle,
        out=out,
        version=version,
        gui_source=executable_name(bundle, GUI_NAME),
        cli_source=executable_name(bundle, CLI_NAME),
        icons=icons.resolve() if icons is not None else None,
        compression=args.compression,
        sign_command=os.environ.get(SIGN_ENV) or None,
    )

    start = time.monotonic()
    if sys.platform == "win32":
        command = [str(iscc), *arguments]
        env = None
    else:
        env = prepare_wineprefix(args.wineprefix)
        command = ["wine", str(iscc), *arguments]
    signing = "signed" if os.environ.get(SIGN_ENV) else "not signed"
    print(f"==> Compiling {SCRIPT.name}: {APP_NAME} {version}, {signing}", flush=True)
    result = subprocess.run(command, env=env, check=False)
    if env is not None:
        subprocess.run(["wineserver", "-w"], env=env, check=False)
    elapsed = time.monotonic() - start

    if result.returncode != 0 or not setup.is_file():
        print(
            f"ISCC failed (exit code {result.returncode}); {setup} "
            + ("is there" if setup.is_file() else "was not written"),
            file=sys.stderr,
        )
        return 1
    print(f"{setup}: {human_size(setup.stat().st_size)}, compiled in {elapsed:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
