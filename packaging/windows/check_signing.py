#!/usr/bin/env python3
"""Compile the installer script with signing switched on, and check the signatures (Linux).

    python3 packaging/windows/check_signing.py

The signing branch of releasewriter.iss (``#ifdef SIGN``: SignTool,
SignedUninstaller, the executables' ``signonce``) runs only when a certificate
is configured, which CI has not. This check configures one for a moment: a
self-signed code-signing certificate made here with openssl, and
``RELEASEWRITER_SIGN_COMMAND`` set to a small script that signs with
osslsigncode (ISCC runs it under wine, through cmd.exe, as it runs
signtool.exe on Windows). It
compiles a stand-in bundle whose two executables are real PE files (wine's
notepad.exe), fast, and checks that the setup and both executables carry a
signature from that certificate. ISCC itself refuses to go on when the sign
command leaves a file (the uninstaller included) without a signature.

Needs what ``setup_wine.sh`` installs (osslsigncode among it) and openssl.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from build_installer import CLI_NAME, GUI_NAME, SIGN_ENV, setup_name, windows_path  # noqa: E402

# A PE executable to stand in for the app's (any will do: it is only signed).
PE_CANDIDATES = (
    Path("/usr/lib/x86_64-linux-gnu/wine/x86_64-windows/notepad.exe"),
    Path("/usr/lib/wine/x86_64-windows/notepad.exe"),
    Path("/usr/lib/i386-linux-gnu/wine/i386-windows/notepad.exe"),
)
VERSION = "0.0.1"

# ISCC runs the sign command and waits for it. A Unix program started from wine
# has no process handle to wait for ("WaitForSingleObject failed"), so the
# command is a batch file run by wine's cmd.exe: it starts the Unix signer and
# waits for the file in which the signer leaves its exit code.
SIGNER = """\
#!/bin/sh
# Signs $1 (a Windows path) with osslsigncode; writes the exit code to $1.signed-rc.
file="$(winepath -u "$1")"
osslsigncode sign -certs "{cert}" -key "{key}" -n ReleaseWriter -h sha256 \\
  -in "$file" -out "$file.signed" >/dev/null && mv -f "$file.signed" "$file"
echo $? > "$file.rc.tmp" && mv -f "$file.rc.tmp" "$file.signed-rc"
"""
SIGN_BATCH = (
    "@echo off",
    'if exist "%~1.signed-rc" del "%~1.signed-rc"',
    # The name ends in .exe for cmd.exe; wine sees the #! line and runs it as a script.
    '"%~dp0signer.exe" %1',
    "set n=0",
    ":wait",
    'if exist "%~1.signed-rc" goto done',
    "set /a n+=1",
    "if %n% gtr 120 exit /b 1",
    # wine has no timeout.exe: ping waits a second between two pings.
    "ping -n 2 127.0.0.1 >nul",
    "goto wait",
    ":done",
    'set /p rc=<"%~1.signed-rc"',
    'del "%~1.signed-rc"',
    "exit /b %rc%",
)


def verify(path: Path, cert: Path) -> bool:
    result = subprocess.run(
        ["osslsigncode", "verify", "-CAfile", str(cert), "-in", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    ok = result.returncode == 0 and "Signature verification: ok" in result.stdout
    print(f"{'ok  ' if ok else 'FAIL'}  {path.name} is signed by the test certificate", flush=True)
    if not ok:
        print(textwrap.indent((result.stdout + result.stderr)[-1500:], "      | "))
    return ok


def main() -> int:
    for tool in ("osslsigncode", "openssl", "wine", "winepath"):
        if shutil.which(tool) is None:
            print(f"{tool} is missing: run packaging/windows/setup_wine.sh", file=sys.stderr)
            return 2
    pe = next((p for p in PE_CANDIDATES if p.is_file()), None)
    if pe is None:
        print("no PE executable of wine's to stand in for the app's", file=sys.stderr)
        return 2

    work = Path(tempfile.mkdtemp(prefix="releasewriter-signing-"))
    try:
        cert, key = work / "cert.pem", work / "key.pem"
        subprocess.run(
            [
                *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"),
                *("-keyout", str(key), "-out", str(cert)),
                *("-subj", "/CN=ReleaseWriter test signing"),
                *("-addext", "extendedKeyUsage=codeSigning"),
            ],
            check=True,
            capture_output=True,
        )
        signer = work / "signer.exe"
        signer.write_text(SIGNER.format(cert=cert, key=key), encoding="utf-8")
        signer.chmod(0o755)
        batch = work / "sign.bat"
        batch.write_bytes("\r\n".join(SIGN_BATCH).encode("ascii") + b"\r\n")

        bundle = work / "ReleaseWriter"
        (bundle / "_internal").mkdir(parents=True)
        (bundle / "_internal" / "base_library.zip").write_bytes(b"stand-in\n")
        for name in (GUI_NAME, CLI_NAME):
            shutil.copyfile(pe, bundle / f"{name}.exe")

        out = work / "out"
        env = {**os.environ, SIGN_ENV: f"cmd.exe /c {windows_path(batch)} $f"}
        build = subprocess.run(
            [
                *(sys.executable, str(HERE / "build_installer.py")),
                *("--bundle", str(bundle), "--out", str(out), "--version", VERSION),
                *("--compression", "lzma2/fast"),
            ],
            env=env,
            check=False,
        )
        compiled = build.returncode == 0
        print(f"{'ok  ' if compiled else 'FAIL'}  compiled with SIGN defined", flush=True)
        results = [compiled]
        if compiled:
            results.append(verify(out / setup_name(VERSION), cert))
            # "signonce" signs the bundle's own files, before packing them.
            results += [verify(bundle / f"{name}.exe", cert) for name in (GUI_NAME, CLI_NAME)]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
