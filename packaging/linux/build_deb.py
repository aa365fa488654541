#!/usr/bin/env python3
"""A Debian package of the ReleaseWriter bundle, for Debian 12 and later.

    python3 packaging/linux/build_deb.py --bundle dist/ReleaseWriter --out dist

writes ``dist/releasewriter_VERSION_ARCH.deb`` (the version from ``__version__``
in Debian's spelling: 1.0.0rc1 is 1.0.0~rc1) with ``dpkg-deb --build
--root-owner-group``. Nothing is compiled: the package holds

* the bundle (packaging/build.py) as it is, in /opt/releasewriter;
* /usr/bin/releasewriter and /usr/bin/releasewriter-gui, symbolic links to its
  two executables (a PyInstaller bootloader follows its own link to find its
  folder);
* the desktop file, the AppStream metainfo (with this version's release), the
  draft files' MIME type and the icons in /usr/share; dpkg's triggers of
  desktop-file-utils, shared-mime-info and hicolor-icon-theme update their
  caches, so there are no maintainer scripts;
* a copyright file and a changelog in /usr/share/doc/releasewriter.

Needs dpkg-deb, and PySide6 to draw the icons unless ``--icons`` names the
output of ``packaging/icons.py``. Before building, every ELF file of the bundle
is run through ``ldd`` and each shared library it takes from the system (not
from the bundle) is looked up with ``dpkg-query -S``: the package fails to build
when one of those packages is not among what Depends pulls in (or Recommends,
for the plug-ins Qt can do without: Wayland, EGL, GTK). ``--skip-library-check``
builds anyway (say, on a machine without Qt's system libraries).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

PACKAGE = "releasewriter"
APP_ID = "org.releasewriter.ReleaseWriter"
INSTALL_DIR = f"/opt/{PACKAGE}"
GUI_EXECUTABLE = "ReleaseWriter"
CLI_EXECUTABLE = "releasewriter-cli"
# What goes on the PATH: name → the bundle's executable it runs.
LAUNCHERS = {"releasewriter": CLI_EXECUTABLE, "releasewriter-gui": GUI_EXECUTABLE}
MAINTAINER = "ReleaseWriter developers <packaging@releasewriter.org>"
HOMEPAGE = "https://releasewriter.org/"

# What the bundle takes from the system. It carries its own Qt, GLib, X11 and
# xcb helper libraries, but (as PyInstaller does) not the C library, libxcb or
# the OpenGL/EGL dispatch libraries, which must match the machine's drivers.
# libc6's minimum version is the newest GLIBC_2.* symbol version the bundle
# uses (read from its files). fontconfig-config brings /etc/fonts (the bundled
# libfontconfig reads it) and a font.
DEPENDS = ("libxcb1", "libgl1", "libegl1", "fontconfig-config")
# Qt's Wayland platform, the GTK theme and EGL plug-ins, and the fonts for
# Arabic and Chinese releases; the editor runs on X11 (XWayland) without them.
RECOMMENDS = (
    "libwayland-client0",
    "libwayland-cursor0",
    "libwayland-egl1",
    "xkb-data",
    "fonts-noto-core",
    "fonts-noto-cjk",
)
# Files of the bundle that Qt loads only when it needs them: a library that
# only these use from the system may come from Recommends.
OPTIONAL_FILE = re.compile(r"wayland|wlshell|egl|gtk|gdk|kms|drm", re.IGNORECASE)

DESCRIPTION = """\
write multilingual press releases offline
 ReleaseWriter is an editor for the press releases of field offices, for
 communication staff who write offline, often with a poor connection and a
 deadline. Each release is kept as a draft on the computer and saved as it is
 typed; a live preview shows the release as readers will see it.
 .
 One release holds its language versions side by side (Arabic, Chinese,
 English, French, Russian, Spanish and any other language), with translation
 side by side, XLIFF for translation tools and a bilingual review document.
 Before sending, it lists what to fix. It exports DOCX, self-contained HTML
 and e-mail.
 .
 This package holds a self-contained build (Python, Qt and the libraries it
 uses) in /opt/releasewriter."""

MIT_LICENSE = """\
Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE."""

# What lintian says of any self-contained bundle, by design of this package.
LINTIAN_OVERRIDES = """\
# A self-contained application (PyInstaller bundle) installed as an add-on in /opt.
releasewriter: dir-or-file-in-opt
# The bundle carries its own Python, Qt and their libraries, and finds them
# with an RPATH; Python's extension modules take libc from the interpreter.
releasewriter: embedded-library
releasewriter: custom-library-search-path
releasewriter: shared-library-lacks-prerequisites
releasewriter: library-not-linked-against-libc
# PyInstaller's bootloader.
releasewriter: hardening-no-pie
"""

# ELF e_machine → Debian architecture.
ELF_MACHINES = {0x3E: "amd64", 0xB7: "arm64", 0x03: "i386", 0x28: "armhf"}


class BuildError(Exception):
    """The package cannot be built; the message says why."""


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise BuildError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


metainfo = _load("releasewriter_metainfo", HERE / "metainfo.py")


# -- the bundle -----------------------------------------------------------------


def is_elf(path: Path) -> bool:
    if not path.is_file() or path.is_symlink():
        return False
    with path.open("rb") as file:
        return file.read(4) == b"\x7fELF"


def elf_architecture(path: Path) -> str:
    """The Debian architecture of an ELF executable."""
    header = path.read_bytes()[:20]
    little = header[5] == 1
    machine = int.from_bytes(header[18:20], "little" if little else "big")
    try:
        return ELF_MACHINES[machine]
    except KeyError:
        raise BuildError(f"{path}: unknown ELF machine {machine:#x}") from None


def bundle_architecture(bundle: Path) -> str:
    """The architecture of the bundle's executables; ``all`` when they are scripts."""
    executable = bundle / CLI_EXECUTABLE
    return elf_architecture(executable) if is_elf(executable) else "all"


def check_bundle(bundle: Path) -> None:
    for name in (GUI_EXECUTABLE, CLI_EXECUTABLE):
        path = bundle / name
        if not path.is_file() or not os.access(path, os.X_OK):
            raise BuildError(f"{path} is missing or not executable: is {bundle} a bundle?")


def bundle_version(bundle: Path) -> str | None:
    """What ``releasewriter-cli --version`` says its version is (None: it cannot run here)."""
    try:
        completed = subprocess.run(
            [str(bundle / CLI_EXECUTABLE), "--version"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    except OSError:
        return None
    words = completed.stdout.split()
    if completed.returncode != 0 or len(words) != 2 or words[0] != "ReleaseWriter":
        raise BuildError(
            f"{CLI_EXECUTABLE} --version printed {completed.stdout!r} "
            f"(exit {completed.returncode}): {completed.stderr.strip()}"
        )
    return words[1]


def glibc_minimum(files: Iterable[Path]) -> str | None:
    """The newest GLIBC_2.x symbol version the files ask for (``2.36``), if any."""
    pattern = re.compile(rb"GLIBC_(2\.[0-9]+(?:\.[0-9]+)?)\x00")
    newest: tuple[int, ...] | None = None
    for path in files:
        for found in pattern.findall(path.read_bytes()):
            version = tuple(int(part) for part in found.decode().split("."))
            newest = version if newest is None or version > newest else newest
    return None if newest is None else ".".join(map(str, newest))


# -- the system libraries the bundle needs --------------------------------------


@dataclass
class LibraryNeeds:
    """Per system library (a path outside the bundle), the bundle's files that load it."""

    found: dict[str, set[str]] = field(default_factory=dict)
    missing: dict[str, set[str]] = field(default_factory=dict)


def system_libraries(bundle: Path, elves: Sequence[Path]) -> LibraryNeeds:
    """What ``ldd`` resolves outside the bundle, or cannot resolve, for each ELF file."""
    folders = sorted({str(p.parent) for p in elves if ".so" in p.name})
    env = dict(os.environ, LD_LIBRARY_PATH=os.pathsep.join(folders), LC_ALL="C")
    needs = LibraryNeeds()
    line = re.compile(r"^\s*(\S+)\s+=>\s+(.*?)(?:\s+\(0x[0-9a-f]+\))?$")
    inside = str(bundle.resolve())
    for elf in elves:
        completed = subprocess.run(
            ["ldd", str(elf)], capture_output=True, text=True, env=env, timeout=60, check=False
        )
        if completed.returncode != 0:
            continue  # not dynamic (ldd says so on stderr)
        relative = str(elf.relative_to(bundle))
        for text in completed.stdout.splitlines():
            match = line.match(text)
            if match is None:
                continue
            soname, target = match.groups()
            if target == "not found":
                needs.missing.setdefault(soname, set()).add(relative)
            elif target and not os.path.realpath(target).startswith(inside + os.sep):
                needs.found.setdefault(target, set()).add(relative)
    return needs


def owning_package(path: str) -> str | None:
    """The installed package that holds a library file (merged /usr: either spelling)."""
    candidates = [path, os.path.realpath(path)]
    for candidate in list(candidates):
        if candidate.startswith("/usr/"):
            candidates.append(candidate[len("/usr") :])
        else:
            candidates.append("/usr" + candidate)
    for candidate in candidates:
        completed = subprocess.run(
            ["dpkg-query", "-S", candidate], capture_output=True, text=True, check=False
        )
        if completed.returncode == 0:
            return completed.stdout.split(":")[0].strip()
    return None


def dependency_closure(packages: Iterable[str]) -> set[str]:
    """The packages, and all they depend on, as installed on this machine."""
    seen: set[str] = set()
    todo = list(packages)
    while todo:
        package = todo.pop()
        if package in seen:
            continue
        seen.add(package)
        completed = subprocess.run(
            ["dpkg-query", "-W", "-f", "${Depends}, ${Pre-Depends}", package],
            capture_output=True,
            text=True,
            check=False,
        )
        for relation in completed.stdout.split(","):
            for alternative in relation.split("|"):
                name = alternative.strip().split(" ")[0].split(":")[0]
                if name:
                    todo.append(name)
    return seen


def check_libraries(bundle: Path, elves: Sequence[Path], depends: Sequence[str]) -> list[str]:
    """Each system library the bundle needs and where it comes from; raises when not covered."""
    needs = system_libraries(bundle, elves)
    required = dependency_closure(depends)
    recommended = dependency_closure([*depends, *RECOMMENDS])
    report: list[str] = []
    problems: list[str] = []
    for library, users in sorted(needs.found.items()):
        optional = all(OPTIONAL_FILE.search(user) for user in users)
        package = owning_package(library)
        covered = recommended if optional else required
        kind = "Recommends" if optional else "Depends"
        # Name a file Qt cannot do without, if there is one.
        first = sorted(users, key=lambda user: (bool(OPTIONAL_FILE.search(user)), user))[0]
        example = first + (f" and {len(users) - 1} more" if len(users) > 1 else "")
        report.append(f"{library}: {package or '?'} ({kind}; for {example})")
        if package is None:
            problems.append(f"no installed package holds {library} (for {example})")
        elif package not in covered:
            problems.append(f"{package} (for {library}, used by {example}) is not in {kind}")
    for soname, users in sorted(needs.missing.items()):
        if not all(OPTIONAL_FILE.search(user) for user in users):
            problems.append(f"{soname} is not found (for {sorted(users)[0]})")
        report.append(f"{soname}: not found on this machine (for {sorted(users)[0]})")
    if problems:
        raise BuildError(
            "The package's Depends miss what the bundle needs from the system:\n  "
            + "\n  ".join(problems)
            + "\n(--skip-library-check builds anyway)"
        )
    return report


# -- the package's tree -----------------------------------------------------------


SHARED_LIBRARY = re.compile(r"\.so(\.[0-9.]+)?$")


def _normalise_modes(root: Path) -> None:
    """Folders 0755; programs 0755; shared libraries and other files 0644."""
    for folder, _dirs, files in os.walk(root):
        os.chmod(folder, 0o755)
        for name in files:
            path = Path(folder, name)
            if path.is_symlink():
                continue
            runnable = path.stat().st_mode & stat.S_IXUSR and not SHARED_LIBRARY.search(name)
            path.chmod(0o755 if runnable else 0o644)


def _copyright(year: int) -> str:
    return textwrap.dedent(
        """\
        Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
        Upstream-Name: ReleaseWriter
        Source: {homepage}

        Files: *
        Copyright: {year} ReleaseWriter developers
        License: MIT

        Files: opt/releasewriter/_internal/*
        Copyright: the authors of each component
        License: various
         The bundle carries Python (PSF-2.0), Qt and PySide6 (LGPL-3.0-only),
         and the Python packages and libraries ReleaseWriter uses, each under its
         own licence; the licence files of the Python packages are in their
         *.dist-info folders in /opt/releasewriter/_internal. The Spanish and
         Russian spelling dictionaries' licences are next to them in
         /opt/releasewriter/_internal/releasewriter/_resources/dictionaries.

        License: MIT
        """
    ).format(homepage=HOMEPAGE, year=year) + "".join(
        f" {line}\n" if line else " .\n" for line in MIT_LICENSE.splitlines()
    )


def _changelog(version: str, date: str) -> bytes:
    text = (
        f"{PACKAGE} ({version}) unstable; urgency=medium\n\n"
        f"  * ReleaseWriter {version}.\n\n"
        f" -- {MAINTAINER}  {date}\n"
    )
    # mtime=0 and no file name: the same bytes from every build.
    return gzip.compress(text.encode(), compresslevel=9, mtime=0)


def _installed_size(root: Path) -> int:
    """Installed-Size in KiB, as dpkg-gencontrol counts it (each file rounded up, 1 per link)."""
    total = 0
    for folder, dirs, files in os.walk(root):
        if Path(folder).relative_to(root).parts[:1] == ("DEBIAN",):
            continue
        total += len(dirs)
        for name in files:
            path = Path(folder, name)
            total += 1 if path.is_symlink() else -(-path.stat().st_size // 1024)
    return total


def _md5sums(root: Path) -> str:
    lines = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if relative.parts[0] == "DEBIAN" or path.is_symlink() or not path.is_file():
            continue
        digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
        lines.append(f"{digest}  {relative.as_posix()}\n")
    return "".join(lines)


def _icons(icons: Path | None, work: Path) -> Path:
    if icons is not None:
        return icons
    out = work / "icons"
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    completed = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "icons.py"), "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    if completed.returncode != 0:
        raise BuildError(
            "packaging/icons.py failed (it needs PySide6; or give --icons DIR):\n"
            + completed.stderr
        )
    return out


@dataclass
class Package:
    path: Path
    version: str
    architecture: str
    installed_kib: int
    libraries: list[str]


def build(
    bundle: Path,
    out: Path,
    *,
    icons: Path | None = None,
    version: str | None = None,
    compression: str = "xz",
    check_libs: bool = True,
) -> Package:
    """Build the package; raises BuildError with a message for the user."""
    bundle = bundle.resolve()
    check_bundle(bundle)
    python_version = version or metainfo.project_version()
    found = bundle_version(bundle)
    if found is not None and found != python_version:
        raise BuildError(
            f"the bundle is ReleaseWriter {found}, the sources say {python_version}: "
            "rebuild the bundle"
        )
    deb_version = metainfo.debian_version(python_version)
    architecture = bundle_architecture(bundle)
    elves = sorted(p for p in bundle.rglob("*") if is_elf(p))
    depends = list(DEPENDS)
    glibc = glibc_minimum(elves)
    libc = f"libc6 (>= {glibc})" if glibc else "libc6"
    libraries = check_libraries(bundle, elves, ["libc6", *depends]) if check_libs else []

    with tempfile.TemporaryDirectory(prefix="releasewriter-deb-") as temporary:
        work = Path(temporary)
        icon_tree = _icons(icons, work)
        root = work / "root"
        opt = root / INSTALL_DIR.lstrip("/")
        shutil.copytree(bundle, opt, symlinks=True)
        bin_dir = root / "usr" / "bin"
        bin_dir.mkdir(parents=True)
        for name, target in LAUNCHERS.items():
            # Absolute: the link goes from /usr to another top-level folder.
            (bin_dir / name).symlink_to(f"{INSTALL_DIR}/{target}")
        share = root / "usr" / "share"
        (share / "applications").mkdir(parents=True)
        shutil.copyfile(HERE / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
        (share / "metainfo").mkdir()
        (share / "metainfo" / f"{APP_ID}.metainfo.xml").write_text(
            metainfo.render_metainfo(python_version), encoding="utf-8"
        )
        (share / "mime" / "packages").mkdir(parents=True)
        shutil.copyfile(
            HERE / "releasewriter-draft.xml", share / "mime" / "packages" / f"{PACKAGE}.xml"
        )
        shutil.copytree(icon_tree / "hicolor", share / "icons" / "hicolor")
        doc = share / "doc" / PACKAGE
        doc.mkdir(parents=True)
        released = metainfo.release_date()
        (doc / "copyright").write_text(_copyright(released.year), encoding="utf-8")
        date = released.strftime("%a, %d %b %Y 00:00:00 +0000")
        (doc / "changelog.gz").write_bytes(_changelog(deb_version, date))
        overrides = share / "lintian" / "overrides"
        overrides.mkdir(parents=True)
        (overrides / PACKAGE).write_text(LINTIAN_OVERRIDES, encoding="utf-8")
        _normalise_modes(root)

        control_dir = root / "DEBIAN"
        control_dir.mkdir()
        installed = _installed_size(root)
        fields = {
            "Package": PACKAGE,
            "Version": deb_version,
            "Architecture": architecture,
            "Maintainer": MAINTAINER,
            "Installed-Size": str(installed),
            "Depends": ", ".join([libc, *depends]),
            "Recommends": ", ".join(RECOMMENDS),
            "Section": "editors",
            "Priority": "optional",
            "Homepage": HOMEPAGE,
            "Description": DESCRIPTION,
        }
        control = "".join(f"{key}: {value}\n" for key, value in fields.items())
        (control_dir / "control").write_text(control, encoding="utf-8")
        (control_dir / "md5sums").write_text(_md5sums(root), encoding="utf-8")
        for path in (control_dir / "control", control_dir / "md5sums"):
            path.chmod(0o644)
        control_dir.chmod(0o755)

        out.mkdir(parents=True, exist_ok=True)
        deb = out / f"{PACKAGE}_{deb_version.split(':')[-1]}_{architecture}.deb"
        completed = subprocess.run(
            ["dpkg-deb", "--build", "--root-owner-group", f"-Z{compression}", str(root), str(deb)],
            capture_output=True,
            text=True,
            check=False,
        )
        if completed.returncode != 0:
            raise BuildError(f"dpkg-deb failed:\n{completed.stdout}{completed.stderr}")
    return Package(deb, deb_version, architecture, installed, libraries)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "ReleaseWriter")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--icons", type=Path, help="the output of packaging/icons.py")
    parser.add_argument("--version", help="a PEP 440 version instead of __version__ (tests)")
    parser.add_argument("--compression", default="xz", choices=("xz", "gzip", "zstd", "none"))
    parser.add_argument("--skip-library-check", action="store_true")
    parser.add_argument(
        "--verbose", action="store_true", help="list the system libraries the bundle uses"
    )
    args = parser.parse_args(argv)
    try:
        package = build(
            args.bundle,
            args.out,
            icons=args.icons,
            version=args.version,
            compression=args.compression,
            check_libs=not args.skip_library_check,
        )
    except (BuildError, ValueError) as error:
        print(f"build_deb: {error}", file=sys.stderr)
        return 1
    if args.verbose:
        for line in package.libraries:
            print(f"  {line}")
    size = package.path.stat().st_size / 1024 / 1024
    installed = package.installed_kib / 1024
    print(
        f"{package.path} ({size:.1f} MiB; {installed:.1f} MiB installed; "
        f"version {package.version}, {package.architecture})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
