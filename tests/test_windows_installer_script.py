"""The Windows installer's script and its Python helpers (packaging/windows), without wine.

The installer itself is compiled and installed, upgraded and uninstalled under
wine by packaging/windows/build_installer.py and check_installer.py; these
tests cover what can go wrong before that: the version resource PyInstaller
reads, the ISCC command line, the registry entries the uninstaller must
remove, and the parsing of wine's registry files.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = ROOT / "packaging" / "windows"
sys.path.insert(0, str(WINDOWS))

import build_installer  # noqa: E402
import check_installer  # noqa: E402
import version_resource  # noqa: E402

SCRIPT = WINDOWS / "releasewriter.iss"


# --- version resource ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1", (1, 0, 0, 0)),
        ("1.2", (1, 2, 0, 0)),
        ("1.2.3.4", (1, 2, 3, 4)),
        ("1.2.0a1", (1, 2, 0, 10001)),
        ("1.2.0b3", (1, 2, 0, 20003)),
        ("1.2.0rc1", (1, 2, 0, 30001)),
        ("1.2.0-RC.2", (1, 2, 0, 30002)),
        ("1.2.0rc1.dev2", (1, 2, 0, 30001)),
        ("2.0.dev4", (2, 0, 0, 40004)),
        ("1.0.post2", (1, 0, 0, 2)),
        ("1.0-3", (1, 0, 0, 3)),
        ("1.0+local.7", (1, 0, 0, 0)),
        ("1!3.1", (3, 1, 0, 0)),
    ],
)
def test_version_numbers_from_pep440(version: str, numbers: tuple[int, int, int, int]) -> None:
    assert version_resource.version_tuple(version) == numbers


@pytest.mark.parametrize("version", ["", "one", "1.2.3.4.5", "1.2.3.4rc1", "70000.0", "1.0.x"])
def test_versions_that_do_not_fit_a_windows_version_are_refused(version: str) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(version))):
        version_resource.version_tuple(version)


def test_the_app_version_fits() -> None:
    from releasewriter import __version__  # noqa: PLC0415

    assert build_installer.read_version() == __version__
    version_resource.version_tuple(__version__)


def _python_with_pyinstaller() -> str | None:
    """This Python if it has PyInstaller, else packaging/build.py's build environment."""
    candidates = [
        Path(sys.executable),
        ROOT / "build" / "bundle-env" / "bin" / "python",
        ROOT / "build" / "bundle-env" / "Scripts" / "python.exe",
    ]
    for python in candidates:
        if not python.is_file():
            continue
        found = subprocess.run(
            [str(python), "-c", "import PyInstaller.utils.win32"],
            capture_output=True,
            check=False,
        )
        if found.returncode == 0:
            return str(python)
    return None


# Reads a version file as PyInstaller's EXE(version=...) does, turns it into the
# binary resource (and back, on Windows), and prints what Windows would show. Away from Windows
# the module's imports of pefile and pywin32 (for reading and writing .exe files,
# not used here) are stood in for.
_PARSE = textwrap.dedent(
    """
    import json, sys, types
    if sys.platform != "win32":
        import PyInstaller.compat
        sys.modules.setdefault("pefile", types.ModuleType("pefile"))
        if not hasattr(PyInstaller.compat, "win32api"):
            PyInstaller.compat.win32api = None
    from PyInstaller.utils.win32 import versioninfo as vi
    info = vi.load_version_info_from_text_file(sys.argv[1])
    raw = info.toRaw()
    if sys.platform == "win32":
        # fromRaw reads LONGs with the C long's size, 4 bytes on Windows only.
        again = vi.VSVersionInfo()
        info.fromRaw(raw)
        assert info.toRaw() == raw
        info = again
    strings = {
        s.name: s.val
        for table in info.kids[0].kids
        for s in table.kids
    }
    print(json.dumps({
        "filevers": [info.ffi.fileVersionMS >> 16, info.ffi.fileVersionMS & 0xFFFF,
                     info.ffi.fileVersionLS >> 16, info.ffi.fileVersionLS & 0xFFFF],
        "prodvers": [info.ffi.productVersionMS >> 16, info.ffi.productVersionMS & 0xFFFF,
                     info.ffi.productVersionLS >> 16, info.ffi.productVersionLS & 0xFFFF],
        "flags": info.ffi.fileFlags,
        "table": info.kids[0].kids[0].name,
        "strings": strings,
        "translation": info.kids[1].kids[0].kids,
    }))
    """
)


@pytest.mark.parametrize(
    ("version", "name", "description", "numbers", "flags"),
    [
        ("0.1.0", "ReleaseWriter", "ReleaseWriter", [0, 1, 0, 0], 0),
        ("1.2.0rc1", "releasewriter-cli", "ReleaseWriter command line", [1, 2, 0, 30001], 2),
    ],
)
def test_pyinstaller_reads_the_version_file(
    tmp_path: Path, version: str, name: str, description: str, numbers: list[int], flags: int
) -> None:
    python = _python_with_pyinstaller()
    if python is None:
        pytest.skip("no PyInstaller here nor in build/bundle-env (packaging/build.py makes it)")
    text = version_resource.version_info_text(
        version, internal_name=name, original_filename=f"{name}.exe", description=description
    )
    path = tmp_path / "version.txt"
    path.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [python, "-c", _PARSE, str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    parsed = json.loads(result.stdout)
    assert parsed["filevers"] == numbers
    assert parsed["prodvers"] == numbers
    assert parsed["flags"] == flags
    assert parsed["table"] == "040904B0"
    assert parsed["translation"] == [1033, 1200]
    assert parsed["strings"] == {
        "CompanyName": "ReleaseWriter developers",
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": name,
        "LegalCopyright": "Copyright © ReleaseWriter developers. MIT License.",
        "OriginalFilename": f"{name}.exe",
        "ProductName": "ReleaseWriter",
        "ProductVersion": version,
    }


# --- the Inno Setup script --------------------------------------------------------------


def _section(name: str) -> list[str]:
    """The entry lines of one [Section] of the script (no comments, no preprocessor lines)."""
    lines: list[str] = []
    inside = False
    for line in SCRIPT.read_text("utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            inside = stripped[1:-1].lower() == name.lower()
            continue
        if inside and stripped and not stripped.startswith((";", "#")):
            lines.append(stripped)
    return lines


def _parameters(line: str) -> dict[str, str]:
    """One entry's parameters by lower-case name: ``Name: "x"; Flags: a b``."""
    fields = re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)', line)
    return {key.lower(): _unquote(value.strip()) for key, value in fields}


def _unquote(value: str) -> str:
    """An Inno Setup parameter's value: quotes around it dropped, doubled quotes made single."""
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].replace('""', '"')
    return value


def _setup(directive: str) -> str:
    for line in _section("Setup"):
        key, _, value = line.partition("=")
        if key.strip().lower() == directive.lower():
            return value.strip()
    raise AssertionError(f"no {directive}= in [Setup]")


def test_app_id_is_a_fixed_guid() -> None:
    value = _setup("AppId")
    # ISCC reads "{{" as one brace.
    assert value.startswith("{{")
    assert value.endswith("}")
    guid = check_installer.app_id()
    assert guid == value[1:]
    assert str(uuid.UUID(guid)).upper() == guid.strip("{}")


def test_per_user_by_default_and_all_users_for_it() -> None:
    assert _setup("PrivilegesRequired") == "lowest"
    assert "dialog" in _setup("PrivilegesRequiredOverridesAllowed").split()
    # {autopf} is not expanded by wine 8 per user; the script picks the same folders.
    assert _setup("DefaultDirName") == r"{code:InstallRoot}\{#AppName}"
    code = SCRIPT.read_text("utf-8").split("[Code]", 1)[1]
    assert "IsAdminInstallMode" in code
    assert "{commonpf}" in code
    assert r"{localappdata}\Programs" in code


def test_upgrade_removes_the_previous_libraries() -> None:
    deletes = [_parameters(line) for line in _section("InstallDelete")]
    assert {"type": "filesandordirs", "name": r"{app}\_internal"} in deletes


def test_compression_is_small_by_default() -> None:
    assert _setup("SolidCompression") == "yes"
    assert '#define Compression "lzma2/max"' in SCRIPT.read_text("utf-8")


def test_signing_only_when_asked() -> None:
    text = SCRIPT.read_text("utf-8")
    block = text.split("#ifdef SIGN", 1)[1].split("#else", 1)[0]
    assert "SignTool=signtool" in block
    assert "SignedUninstaller=yes" in block
    assert text.count("SignTool=") == 1


def test_every_registry_entry_goes_with_the_uninstaller() -> None:
    """Each entry's key or value is deleted on uninstall, itself or with a parent key."""
    entries = [_parameters(line) for line in _section("Registry")]
    assert entries
    deleted_keys = [
        e["subkey"].lower() for e in entries if "uninsdeletekey" in e.get("flags", "").split()
    ]
    for entry in entries:
        assert entry["root"] == "HKA", "HKA: HKCU per user, HKLM for all users"
        subkey = entry["subkey"].lower()
        flags = entry.get("flags", "").split()
        assert subkey.startswith("software\\classes\\")
        assert (
            "uninsdeletekey" in flags
            or "uninsdeletevalue" in flags
            or any(subkey.startswith(key + "\\") for key in deleted_keys)
        ), entry


def test_json_files_are_not_taken_over() -> None:
    entries = [_parameters(line) for line in _section("Registry")]
    json_entries = [
        e for e in entries if e["subkey"].lower().startswith("software\\classes\\.json")
    ]
    assert json_entries == [
        {
            "root": "HKA",
            "subkey": r"Software\Classes\.json\OpenWithProgids",
            "valuetype": "string",
            "valuename": "{#DraftProgId}",
            "valuedata": "",
            "flags": "uninsdeletevalue",
        }
    ]
    text = SCRIPT.read_text("utf-8")
    assert '#define DraftProgId "ReleaseWriter.Draft"' in text
    command = next(
        e for e in entries if e["subkey"] == r"Software\Classes\{#DraftProgId}\shell\open\command"
    )
    assert command["valuedata"] == '"{app}\\{#GuiExe}" "%1"'


def test_a_double_click_on_a_draft_opens_it_in_releasewriter() -> None:
    entries = [_parameters(line) for line in _section("Registry")]
    extension = [e for e in entries if e["subkey"] == r"Software\Classes\.rwdraft"]
    default = next(e for e in extension if e["valuename"] == "")
    assert default["valuedata"] == "{#DraftProgId}"
    # The uninstaller takes the association away, and the key once it is empty.
    assert {"uninsdeletevalue", "uninsdeletekeyifempty"} <= set(default["flags"].split())
    open_with = [e for e in entries if e["subkey"] == r"Software\Classes\.rwdraft\OpenWithProgids"]
    assert [e["valuename"] for e in open_with] == ["{#DraftProgId}"]
    assert "ChangesAssociations=yes" in _section("Setup")


INNO_LANGUAGES = {
    "en": "Default.isl",
    "fr": "French.isl",
    "es": "Spanish.isl",
    "ru": "Russian.isl",
    "ar": "Arabic.isl",
    "pt": "Portuguese.isl",
    "ptbr": "BrazilianPortuguese.isl",
    "de": "German.isl",
}


def test_installer_languages_are_the_apps_that_inno_setup_ships() -> None:
    languages = {
        e["name"]: Path(e["messagesfile"].removeprefix("compiler:").replace("\\", "/")).name
        for e in (_parameters(line) for line in _section("Languages"))
    }
    assert languages == INNO_LANGUAGES
    assert "Simplified Chinese" in SCRIPT.read_text("utf-8")
    iscc = build_installer.LINUX_ISCC
    if iscc.is_file():
        folder = iscc.parent
        for name, file in INNO_LANGUAGES.items():
            assert (folder / file).is_file() or (folder / "Languages" / file).is_file(), name
        assert not list(folder.glob("Languages/ChineseSimplified*"))


# --- build_installer.py -----------------------------------------------------------------


def test_iscc_command_line(tmp_path: Path) -> None:
    arguments = build_installer.iscc_arguments(
        bundle=tmp_path / "bundle",
        out=tmp_path / "out",
        version="1.2.0rc1",
        gui_source="ReleaseWriter",
        cli_source="releasewriter-cli",
    )
    assert "/DAppVersion=1.2.0rc1" in arguments
    assert "/DVersionNumbers=1.2.0.30001" in arguments
    assert "/DGuiExeSource=ReleaseWriter" in arguments
    assert "/DCliExeSource=releasewriter-cli" in arguments
    assert f"/DBundleDir={build_installer.windows_path(tmp_path / 'bundle')}" in arguments
    assert not [a for a in arguments if a.startswith(("/S", "/DSIGN", "/DCompression"))]
    assert arguments[-1] == build_installer.windows_path(build_installer.SCRIPT)


def test_signing_defines_sign_and_names_the_tool(tmp_path: Path) -> None:
    command = 'signtool.exe sign /fd sha256 /f "C:\\cert.pfx" $f'
    arguments = build_installer.iscc_arguments(
        bundle=tmp_path,
        out=tmp_path,
        version="0.1.0",
        gui_source="ReleaseWriter.exe",
        cli_source="releasewriter-cli.exe",
        compression="lzma2/fast",
        sign_command=command,
    )
    assert f"/Ssigntool={command}" in arguments
    assert "/DSIGN" in arguments
    assert "/DCompression=lzma2/fast" in arguments


@pytest.mark.skipif(sys.platform == "win32", reason="wine's drive Z: is Linux's /")
def test_linux_paths_are_on_drive_z() -> None:
    assert build_installer.windows_path(Path("/work/dist/ReleaseWriter")) == (
        r"Z:\work\dist\ReleaseWriter"
    )


def test_executables_with_or_without_exe(tmp_path: Path) -> None:
    (tmp_path / "ReleaseWriter").write_text("elf")
    (tmp_path / "releasewriter-cli.exe").write_text("pe")
    assert build_installer.executable_name(tmp_path, "ReleaseWriter") == "ReleaseWriter"
    assert build_installer.executable_name(tmp_path, "releasewriter-cli") == (
        "releasewriter-cli.exe"
    )
    with pytest.raises(SystemExit):
        build_installer.executable_name(tmp_path, "missing")


# --- check_installer.py -----------------------------------------------------------------

USER_REG = r"""WINE REGISTRY Version 2
;; All keys relative to \\User\\S-1-5-21-0-0-0-1000

#arch=win64

[Software\\Classes\\.json\\OpenWithProgids] 1796460838
#time=1dd84962a9ce3f6
"ReleaseWriter.Draft"=""

[Software\\Classes\\ReleaseWriter.Draft\\shell\\open\\command] 1796460838
#time=1dd84962a9ccc54
@="\"C:\\users\\root\\AppData\\Local\\Programs\\ReleaseWriter\\ReleaseWriter.exe\" \"%1\""

[Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{95781F2A-2789-4025-9D45-690BB6657C22}_is1] 1796460838
"DisplayVersion"="0.1.0"
"EstimatedSize"=dword:0003f561
"Path"=str(2):"%LOCALAPPDATA%\\x"
"Multi"=hex(7):41,00,00,00,\
  00,00
"Caf\xe9"="na\x00efve"
"""  # noqa: E501


def test_wine_registry_files_are_read() -> None:
    registry = check_installer.Registry(check_installer.parse_reg(USER_REG))
    assert registry.value(r"software\classes\.json\openwithprogids", "ReleaseWriter.Draft") == ""
    assert registry.value(r"Software\Classes\ReleaseWriter.Draft\shell\open\command") == (
        r'"C:\users\root\AppData\Local\Programs\ReleaseWriter\ReleaseWriter.exe" "%1"'
    )
    uninstall = (
        r"Software\Microsoft\Windows\CurrentVersion\Uninstall"
        r"\{95781F2A-2789-4025-9D45-690BB6657C22}_is1"
    )
    assert registry.value(uninstall, "DisplayVersion") == "0.1.0"
    assert registry.value(uninstall, "EstimatedSize") == "dword:0003f561"
    assert registry.value(uninstall, "Path") == r"%LOCALAPPDATA%\x"
    assert registry.value(uninstall, "Multi") == "hex(7):41,00,00,00,00,00"
    assert registry.value(uninstall, "Café") == "naïve"
    assert registry.key(r"Software\Classes\ReleaseWriter.Draft") is None


def test_bundle_files_as_installed(tmp_path: Path) -> None:
    (tmp_path / "_internal" / "docx" / "_rels").mkdir(parents=True)
    (tmp_path / "_internal" / "docx" / "_rels" / ".rels").write_text("x")
    (tmp_path / "_internal" / "libQt6Core.so.6.8").write_text("x")
    (tmp_path / "_internal" / "libQt6Core.so.6").symlink_to("libQt6Core.so.6.8")
    (tmp_path / "ReleaseWriter").write_text("x")
    (tmp_path / "releasewriter-cli").write_text("x")
    files = check_installer.bundle_files(tmp_path)
    assert files == {
        "ReleaseWriter.exe",
        "releasewriter-cli.exe",
        "_internal/docx/_rels/.rels",
        "_internal/libQt6Core.so.6.8",
        "_internal/libQt6Core.so.6",
    }
    assert check_installer.dot_files(files) == ["_internal/docx/_rels/.rels"]
