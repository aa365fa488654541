#!/usr/bin/env python3
"""Install, upgrade and uninstall ReleaseWriter's setup under wine, and check each step (Linux).

    python3 packaging/windows/check_installer.py --setup dist/ReleaseWriter-0.1.0-setup.exe \\
        [--bundle dist/ReleaseWriter]

In a throwaway wine prefix (and a throwaway HOME, so that nothing reaches the
real desktop or menus), all under one ``xvfb-run`` (Setup needs an X display;
the prefix is new, so no wineserver started without one is there):

1. a silent per-user install (``/VERYSILENT /CURRENTUSER``): the files are in
   the user's programs folder (with every file of ``--bundle``, dot-files such
   as python-docx's ``_rels/.rels`` included), the uninstall entry is in HKCU
   and not in HKLM, the Start-menu shortcut is there, no desktop icon (an
   unchecked task), the ReleaseWriter.Draft ProgID and its place in
   ``.json\\OpenWithProgids`` are there, ``.rwdraft`` opens with it (double-click),
   and ``.json`` keeps its own default program;
2. an upgrade: a file planted in ``{app}\\_internal`` (a previous version's
   file) is gone after the same setup runs again, the app's files are there,
   the same uninstaller is reused; this run adds the desktop-icon task;
3. the silent uninstall: folder, shortcuts, uninstall entry and file
   association are gone;
4. the same install and uninstall for all users (``/ALLUSERS``: Program Files,
   HKLM), unless ``--no-all-users``.

Prints one line per check (``ok`` or ``FAIL``) and the time of each step;
exits 1 when a check failed. Needs what ``packaging/windows/setup_wine.sh``
installs.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from build_installer import (  # noqa: E402
    APP_NAME,
    CLI_NAME,
    GUI_NAME,
    SCRIPT,
    WINE_ENV,
    read_version,
)

UNDER_XVFB_ENV = "RELEASEWRITER_CHECK_UNDER_XVFB"
PROG_ID = "ReleaseWriter.Draft"
GUI_EXE = f"{GUI_NAME}.exe"
CLI_EXE = f"{CLI_NAME}.exe"
UNINSTALL_ROOT = r"Software\Microsoft\Windows\CurrentVersion\Uninstall"
STALE_NAME = "stale-file-of-a-previous-version.pyd"
SILENT = ("/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART")
WINE_TIMEOUT = 600


def app_id(script: Path = SCRIPT) -> str:
    """The AppId GUID of the script (``AppId={{GUID}`` there), with its braces."""
    match = re.search(r"^AppId=\{(\{[0-9A-Fa-f-]{36}\})\s*$", script.read_text("utf-8"), re.M)
    if match is None:
        raise SystemExit(f"no AppId={{{{GUID}} in {script}")
    return match[1]


# --- wine's registry files (user.reg is HKCU, system.reg is HKLM) -------------------------

_ESCAPES = {"\\": "\\", '"': '"', "n": "\n", "r": "\r", "t": "\t", "0": "\0"}


def _unescape(text: str) -> str:
    """A name or string of a wine .reg file: backslash escapes and ``\\x{hex}`` characters."""
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char != "\\" or i + 1 == len(text):
            out.append(char)
            i += 1
            continue
        following = text[i + 1]
        if following == "x":
            digits = re.match(r"[0-9a-fA-F]{1,4}", text[i + 2 :])
            if digits:
                out.append(chr(int(digits[0], 16)))
                i += 2 + len(digits[0])
                continue
        out.append(_ESCAPES.get(following, following))
        i += 2
    return "".join(out)


def parse_reg(text: str) -> dict[str, dict[str, str]]:
    """Keys of a wine registry file (lower case) and their values (names lower case, "" for @).

    String values (``"..."`` and ``str(2):"..."``) are unescaped; others keep
    their text as written (``dword:00000001``, ``hex:...``).
    """
    keys: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    lines = iter(text.splitlines())
    for raw in lines:
        line = raw
        while line.endswith("\\") and not line.startswith("["):
            line = line[:-1] + next(lines, "").lstrip()
        if line.startswith("["):
            end = line.rfind("]")
            current = keys.setdefault(_unescape(line[1:end]).lower(), {})
            continue
        if current is None or not line or line[0] not in '@"':
            continue
        match = re.match(r'^(@|"((?:[^"\\]|\\.)*)")=(.*)$', line)
        if match is None:
            continue
        name = "" if match[1] == "@" else _unescape(match[2]).lower()
        value = match[3]
        string = re.match(r'^(?:str\(\d\):)?"((?:[^"\\]|\\.)*)"$', value)
        current[name] = _unescape(string[1]) if string else value
    return keys


@dataclass
class Registry:
    keys: dict[str, dict[str, str]]

    @classmethod
    def load(cls, path: Path) -> Registry:
        return cls(parse_reg(path.read_text("utf-8", errors="replace")) if path.is_file() else {})

    def key(self, path: str) -> dict[str, str] | None:
        return self.keys.get(path.lower())

    def value(self, path: str, name: str = "") -> str | None:
        values = self.key(path)
        return None if values is None else values.get(name.lower())


# --- the checks -------------------------------------------------------------------------


@dataclass
class Report:
    failures: list[str] = field(default_factory=list)
    count: int = 0

    def check(self, ok: bool, what: str, detail: str = "") -> bool:
        self.count += 1
        if ok:
            print(f"ok    {what}", flush=True)
        else:
            self.failures.append(what)
            print(f"FAIL  {what}" + (f": {detail}" if detail else ""), flush=True)
        return ok

    def note(self, text: str) -> None:
        print(f"--    {text}", flush=True)


@dataclass
class Wine:
    prefix: Path
    home: Path

    @property
    def env(self) -> dict[str, str]:
        env = {
            key: value for key, value in os.environ.items() if not key.startswith(("XDG_", "WINE"))
        }
        return {**env, **WINE_ENV, "WINEPREFIX": str(self.prefix), "HOME": str(self.home)}

    def run(self, *args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["wine", *(str(a) for a in args)],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=WINE_TIMEOUT,
            check=False,
        )

    def wait(self) -> None:
        """Until every wine process of the prefix has ended and the registry is on disk."""
        subprocess.run(["wineserver", "-w"], env=self.env, timeout=WINE_TIMEOUT, check=False)

    def kill(self) -> None:
        subprocess.run(["wineserver", "-k"], env=self.env, capture_output=True, check=False)

    @staticmethod
    def path(path: Path) -> str:
        return "Z:" + str(path).replace("/", "\\")

    def c_path(self, path: Path) -> str:
        """A path under drive_c as Windows programs in the prefix see it."""
        relative = path.relative_to(self.prefix / "drive_c")
        return "C:\\" + str(relative).replace("/", "\\")

    def user_folder(self) -> Path:
        users = [
            p for p in (self.prefix / "drive_c" / "users").iterdir() if p.name.lower() != "public"
        ]
        if len(users) != 1:
            raise SystemExit(f"expected one user in the wine prefix, found {users}")
        return users[0]


@dataclass(frozen=True)
class Layout:
    """Where one install mode puts things, and which registry file holds its keys."""

    mode: str
    switch: str
    app: Path
    start_menu: Path
    desktop: Path
    registry_file: str
    other_registry_file: str


def layouts(wine: Wine) -> dict[str, Layout]:
    drive_c = wine.prefix / "drive_c"
    user = wine.user_folder()
    programs = Path("Microsoft", "Windows", "Start Menu", "Programs")
    return {
        "user": Layout(
            mode="per user",
            switch="/CURRENTUSER",
            app=user / "AppData" / "Local" / "Programs" / APP_NAME,
            start_menu=user / "AppData" / "Roaming" / programs / f"{APP_NAME}.lnk",
            desktop=user / "Desktop" / f"{APP_NAME}.lnk",
            registry_file="user.reg",
            other_registry_file="system.reg",
        ),
        "all": Layout(
            mode="all users",
            switch="/ALLUSERS",
            app=drive_c / "Program Files" / APP_NAME,
            start_menu=drive_c / "ProgramData" / programs / f"{APP_NAME}.lnk",
            desktop=user.parent / "Public" / "Desktop" / f"{APP_NAME}.lnk",
            registry_file="system.reg",
            other_registry_file="user.reg",
        ),
    }


def bundle_files(bundle: Path) -> set[str]:
    """The bundle's files as installed (relative, "/"), the executables with .exe.

    Symbolic links to files (a Linux bundle has a few) are packed as files.
    """
    renames = {GUI_NAME: GUI_EXE, CLI_NAME: CLI_EXE}
    files = set()
    for path in bundle.rglob("*"):
        if path.is_file():
            relative = path.relative_to(bundle).as_posix()
            files.add(renames.get(relative, relative))
    return files


def installed_files(app: Path) -> set[str]:
    return {p.relative_to(app).as_posix() for p in app.rglob("*") if p.is_file()}


def dot_files(files: set[str]) -> list[str]:
    return sorted(f for f in files if any(part.startswith(".") for part in f.split("/")))


class Checker:
    def __init__(
        self, wine: Wine, report: Report, setup: Path, bundle: Path | None, version: str
    ) -> None:
        self.wine = wine
        self.report = report
        self.setup = setup
        self.bundle_files = bundle_files(bundle) if bundle is not None else None
        self.version = version
        self.uninstall_key = f"{UNINSTALL_ROOT}\\{app_id()}_is1"
        self.logs = wine.prefix.parent / "logs"
        self.logs.mkdir(exist_ok=True)

    def registries(self, layout: Layout) -> tuple[Registry, Registry]:
        return (
            Registry.load(self.wine.prefix / layout.registry_file),
            Registry.load(self.wine.prefix / layout.other_registry_file),
        )

    def run_setup(self, layout: Layout, name: str, *extra: str) -> bool:
        log = self.logs / f"{name}.log"
        result = self.wine.run(self.setup, *SILENT, layout.switch, f"/LOG={Wine.path(log)}", *extra)
        self.wine.wait()
        ok = self.report.check(
            result.returncode == 0,
            f"{name}: setup {' '.join((layout.switch, *extra))} exits 0",
            f"exit code {result.returncode}",
        )
        if not ok:
            self.show_log(log)
        return ok

    def show_log(self, log: Path) -> None:
        if log.is_file():
            lines = log.read_text("utf-8-sig", errors="replace").splitlines()
            print("\n".join(f"      | {line}" for line in lines[-25:]), flush=True)

    def check_installed(self, layout: Layout, step: str) -> None:
        check = self.report.check
        app = layout.app
        check(app.is_dir(), f"{step}: installed in {self.rel(app)}")
        if not app.is_dir():
            return
        files = installed_files(app)
        for name in (GUI_EXE, CLI_EXE, "unins000.exe", "unins000.dat"):
            check(name in files, f"{step}: {name} is there")
        check(
            not any(re.fullmatch(r"unins00[1-9]\.exe", f) for f in files),
            f"{step}: one uninstaller (unins000.exe)",
        )
        if self.bundle_files is None:
            dots = dot_files(files)
            check(bool(dots), f"{step}: dot-files installed ({len(dots)}, e.g. {dots[:1]})")
        else:
            missing = sorted(self.bundle_files - files)
            check(
                not missing,
                f"{step}: all {len(self.bundle_files)} files of the bundle installed",
                f"{len(missing)} missing, e.g. {missing[:5]}",
            )
            dots = dot_files(self.bundle_files)
            check(
                all(d in files for d in dots),
                f"{step}: the bundle's {len(dots)} dot-file(s) installed: {', '.join(dots[:3])}",
            )
        check(
            layout.start_menu.is_file(),
            f"{step}: Start-menu shortcut {self.rel(layout.start_menu)}",
        )

        registry, other = self.registries(layout)
        hive = "HKCU" if layout.registry_file == "user.reg" else "HKLM"
        other_hive = "HKLM" if hive == "HKCU" else "HKCU"
        entry = registry.key(self.uninstall_key)
        check(entry is not None, f"{step}: uninstall entry {hive}\\{self.uninstall_key}")
        if entry is not None:
            check(
                entry.get("displayversion") == self.version,
                f"{step}: its DisplayVersion is {self.version}",
                f"found {entry.get('displayversion')!r}",
            )
            check(
                (entry.get("inno setup: app path") or "").lower() == self.wine.c_path(app).lower(),
                f"{step}: its install folder is {self.wine.c_path(app)}",
                f"found {entry.get('inno setup: app path')!r}",
            )
        check(
            other.key(self.uninstall_key) is None,
            f"{step}: no uninstall entry in {other_hive}",
        )
        self.check_association(registry, hive, app, step)

    def check_association(self, registry: Registry, hive: str, app: Path, step: str) -> None:
        check = self.report.check
        classes = r"Software\Classes"
        command = registry.value(rf"{classes}\{PROG_ID}\shell\open\command")
        expected = f'"{self.wine.c_path(app / GUI_EXE)}" "%1"'
        check(
            command is not None and command.lower() == expected.lower(),
            f"{step}: ProgID {hive}\\{classes}\\{PROG_ID} opens {expected}",
            f"found {command!r}",
        )
        check(
            registry.key(rf"{classes}\{PROG_ID}\DefaultIcon") is not None,
            f"{step}: the ProgID has a DefaultIcon",
        )
        handler = registry.value(rf"{classes}\.rwdraft")
        check(
            handler == PROG_ID,
            f"{step}: .rwdraft files open with {PROG_ID} (double-click)",
            f"found {handler!r}",
        )
        check(
            registry.value(rf"{classes}\.rwdraft\OpenWithProgids", PROG_ID) is not None,
            f"{step}: {PROG_ID} is in .rwdraft\\OpenWithProgids",
        )
        check(
            registry.value(rf"{classes}\.json\OpenWithProgids", PROG_ID) is not None,
            f"{step}: {PROG_ID} is in .json\\OpenWithProgids",
        )
        check(
            (registry.value(rf"{classes}\.json") or "") != PROG_ID,
            f"{step}: .json keeps its own default program",
        )

    def check_removed(self, layout: Layout, step: str) -> None:
        check = self.report.check
        leftovers = installed_files(layout.app) if layout.app.exists() else set()
        check(
            not layout.app.exists(),
            f"{step}: {self.rel(layout.app)} is gone",
            f"left: {sorted(leftovers)[:5]}",
        )
        check(not layout.start_menu.exists(), f"{step}: Start-menu shortcut is gone")
        check(not layout.desktop.exists(), f"{step}: desktop icon is gone")
        registry, _ = self.registries(layout)
        classes = r"Software\Classes"
        check(registry.key(self.uninstall_key) is None, f"{step}: uninstall entry is gone")
        check(registry.key(rf"{classes}\{PROG_ID}") is None, f"{step}: ProgID is gone")
        check(
            registry.value(rf"{classes}\.rwdraft") is None
            and registry.value(rf"{classes}\.rwdraft\OpenWithProgids", PROG_ID) is None,
            f"{step}: .rwdraft no longer opens with {PROG_ID}",
        )
        check(
            registry.value(rf"{classes}\.json\OpenWithProgids", PROG_ID) is None,
            f"{step}: {PROG_ID} is out of .json\\OpenWithProgids",
        )
        check(
            registry.key(rf"{classes}\Applications\{GUI_EXE}") is None,
            f"{step}: Applications\\{GUI_EXE} is gone",
        )

    def uninstall(self, layout: Layout, step: str) -> None:
        uninstaller = layout.app / "unins000.exe"
        if not self.report.check(uninstaller.is_file(), f"{step}: uninstaller is there"):
            return
        log = self.logs / f"{step}.log"
        result = self.wine.run(uninstaller, *SILENT, f"/LOG={Wine.path(log)}")
        # The uninstaller copies itself to a temporary folder, starts the copy and returns.
        self.wine.wait()
        if not self.report.check(
            result.returncode == 0, f"{step}: unins000.exe exits 0", f"{result.returncode}"
        ):
            self.show_log(log)
        self.check_removed(layout, step)

    def rel(self, path: Path) -> str:
        return str(path.relative_to(self.wine.prefix))


def timed(report: Report, what: str, start: float) -> None:
    report.note(f"{what}: {time.monotonic() - start:.0f} s")


def run_checks(setup: Path, bundle: Path | None, version: str, all_users: bool, keep: bool) -> int:
    report = Report()
    work = Path(tempfile.mkdtemp(prefix="releasewriter-wine-"))
    wine = Wine(prefix=work / "prefix", home=work / "home")
    wine.home.mkdir()
    began = time.monotonic()
    try:
        start = time.monotonic()
        init = wine.run("wineboot", "--init")
        # Debian's wine 8 says it is Windows 7; the app and its installer need 10.
        version_set = wine.run(
            "reg", "add", r"HKCU\Software\Wine", "/v", "Version", "/d", "win10", "/f"
        )
        wine.wait()
        report.check(
            init.returncode == 0 and version_set.returncode == 0,
            f"new wine prefix {wine.prefix} (Windows 10) on DISPLAY {os.environ.get('DISPLAY')}",
            init.stderr[-500:] + version_set.stderr[-500:],
        )
        timed(report, "wine prefix", start)
        checker = Checker(wine, report, setup, bundle, version)
        places = layouts(wine)
        user = places["user"]

        start = time.monotonic()
        if checker.run_setup(user, "install"):
            checker.check_installed(user, "install")
            report.check(not user.desktop.exists(), "install: no desktop icon (unchecked task)")
        timed(report, "install", start)

        start = time.monotonic()
        stale = user.app / "_internal" / STALE_NAME
        if user.app.joinpath("_internal").is_dir():
            stale.write_bytes(b"a file of the previous version\n")
        report.check(stale.is_file(), f"upgrade: planted {checker.rel(stale)}")
        if checker.run_setup(user, "upgrade", "/MERGETASKS=desktopicon"):
            report.check(not stale.exists(), "upgrade: the previous version's file is gone")
            checker.check_installed(user, "upgrade")
            report.check(user.desktop.is_file(), "upgrade: desktop icon (task desktopicon)")
        timed(report, "upgrade", start)

        start = time.monotonic()
        checker.uninstall(user, "uninstall")
        timed(report, "uninstall", start)

        if all_users:
            everyone = places["all"]
            start = time.monotonic()
            if checker.run_setup(everyone, "all-users install"):
                checker.check_installed(everyone, "all-users install")
                report.check(
                    not user.app.exists(), "all-users install: nothing in the user's programs"
                )
            checker.uninstall(everyone, "all-users uninstall")
            timed(report, "all users install and uninstall", start)
    finally:
        wine.kill()
        if keep:
            report.note(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    timed(report, "check in all", began)
    failed = len(report.failures)
    print(f"{report.count - failed} passed, {failed} failed", flush=True)
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--setup", type=Path, required=True, help="the setup .exe to check")
    parser.add_argument(
        "--bundle", type=Path, help="the bundle it was built from: every file must be installed"
    )
    parser.add_argument("--version", help="expected DisplayVersion (default: __version__)")
    parser.add_argument(
        "--no-all-users", action="store_true", help="skip the /ALLUSERS install and uninstall"
    )
    parser.add_argument("--keep", action="store_true", help="keep the wine prefix and the logs")
    args = parser.parse_args(argv)
    if sys.platform == "win32":
        parser.error("this check runs the setup under wine, on Linux")
    setup: Path = args.setup.resolve()
    if not setup.is_file():
        parser.error(f"no setup file {setup}")
    if args.bundle is not None and not args.bundle.is_dir():
        parser.error(f"no bundle folder {args.bundle}")

    if os.environ.get(UNDER_XVFB_ENV) != "1":
        # Once more inside one X server that lasts for the whole sequence.
        command = [
            "xvfb-run",
            "--auto-servernum",
            "--server-args=-screen 0 1024x768x24",
            sys.executable,
            str(Path(__file__).resolve()),
            *(argv if argv is not None else sys.argv[1:]),
        ]
        return subprocess.run(
            command, env={**os.environ, UNDER_XVFB_ENV: "1"}, check=False
        ).returncode

    bundle = args.bundle.resolve() if args.bundle is not None else None
    return run_checks(
        setup, bundle, args.version or read_version(), not args.no_all_users, args.keep
    )


if __name__ == "__main__":
    sys.exit(main())
