"""The Linux desktop files, the icons and the Debian package's parts.

The validators (desktop-file-validate, appstreamcli, update-mime-database,
dpkg-deb) are skipped when missing, except in CI (``CI=true``), where a
missing one fails: see tests/consumers.py. Drawing the icons needs PySide6.
"""

from __future__ import annotations

import configparser
import importlib.util
import itertools
import shutil
import stat
import struct
import subprocess
import sys
import tarfile
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from releasewriter import __version__
from tests.consumers import require

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.releasewriter.ReleaseWriter"
MIME_TYPE = "application/x-releasewriter-draft"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME_XML = LINUX / "releasewriter-draft.xml"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANGUAGES = ("ar", "de", "es", "fr", "pt", "ru", "zh_CN")


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


icons = _load("releasewriter_icons_tool", ROOT / "packaging" / "icons.py")
metainfo = _load("releasewriter_metainfo", LINUX / "metainfo.py")
build_deb = _load("releasewriter_build_deb", LINUX / "build_deb.py")


def _tool(name: str, package: str) -> str:
    found = shutil.which(name)
    require(found is not None, f"{name} ({package})")
    assert found is not None
    return found


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=60, check=False
    )


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


# -- one id everywhere -------------------------------------------------------------


def test_one_application_id_and_mime_type_everywhere() -> None:
    assert icons.APP_ID == metainfo.APP_ID == build_deb.APP_ID == APP_ID
    assert icons.MIME_TYPE == MIME_TYPE
    assert icons.MIME_ICON == "application-x-releasewriter-draft"
    mime = ET.parse(MIME_XML).getroot().find(f"{MIME_NS}mime-type")
    assert mime is not None
    assert mime.get("type") == MIME_TYPE


# -- the desktop file ------------------------------------------------------------------


def test_desktop_file_validates() -> None:
    validate = _tool("desktop-file-validate", "desktop-file-utils")
    completed = _run(validate, DESKTOP)
    # It prints hints and errors alike on stdout; a clean file prints nothing.
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert completed.stdout.strip() == ""


def test_desktop_file_starts_the_launcher_with_a_draft_and_names_icon_and_type() -> None:
    entry = _desktop_entry()
    command, *arguments = entry["Exec"].split()
    assert command in build_deb.LAUNCHERS
    assert build_deb.LAUNCHERS[command] == build_deb.GUI_EXECUTABLE
    assert arguments == ["%f"]
    assert entry["Icon"] == APP_ID
    assert entry["MimeType"] == f"{MIME_TYPE};"
    assert entry["Categories"] == "Office;WordProcessor;"
    # Qt's WM_CLASS is the application name (ui/startup.py: setApplicationName).
    assert entry["StartupWMClass"] == "ReleaseWriter"
    for key in ("GenericName", "Comment", "Keywords"):
        for language in LANGUAGES:
            assert entry.get(f"{key}[{language}]"), f"{key}[{language}] is missing"


# -- the metainfo ---------------------------------------------------------------------


def test_the_metainfo_in_git_validates() -> None:
    appstreamcli = _tool("appstreamcli", "appstream")
    completed = _run(appstreamcli, "validate", "--no-net", METAINFO)
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_the_built_metainfo_validates_and_its_release_is_the_version(tmp_path: Path) -> None:
    built = tmp_path / f"{APP_ID}.metainfo.xml"
    built.write_text(metainfo.render_metainfo(), encoding="utf-8")
    component = ET.parse(built).getroot()
    releases = component.findall("releases/release")
    assert [r.get("version") for r in releases] == [__version__]
    assert metainfo.project_version() == __version__
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("icon") == APP_ID
    assert component.findtext("provides/mediatype") == MIME_TYPE
    assert {b.text for b in component.findall("provides/binary")} == set(build_deb.LAUNCHERS)
    summaries = {s.get(XML_LANG) for s in component.findall("summary")}
    assert summaries == {None, *LANGUAGES}

    appstreamcli = _tool("appstreamcli", "appstream")
    completed = _run(appstreamcli, "validate", "--no-net", "--pedantic", built)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    # The only pedantic remark: an id with capitals, as reverse-DNS ids of apps often are.
    remarks = [line for line in completed.stdout.splitlines() if line.startswith(("E:", "W:"))]
    assert remarks == []


def test_the_release_date_comes_from_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert metainfo.release_date().isoformat() == "2023-11-14"


@pytest.mark.parametrize(
    ("python", "debian"),
    [
        ("1.0.0", "1.0.0"),
        ("1.0.0rc1", "1.0.0~rc1"),
        ("1.0.0-RC.2", "1.0.0~rc2"),
        ("1.0.0a1", "1.0.0~a1"),
        ("1.0.0beta3", "1.0.0~b3"),
        ("1.0.0.dev4", "1.0.0~~dev4"),
        ("1.0.0b1.dev2", "1.0.0~b1~dev2"),
        ("1.0.0.post1", "1.0.0+post1"),
        ("2!1.0", "2:1.0"),
    ],
)
def test_debian_version(python: str, debian: str) -> None:
    assert metainfo.debian_version(python) == debian


@pytest.mark.parametrize("bad", ["1.0+local.1", "one", ""])
def test_debian_version_refuses_what_is_not_a_release(bad: str) -> None:
    with pytest.raises(ValueError, match="version"):
        metainfo.debian_version(bad)


def test_debian_versions_sort_as_python_versions_do() -> None:
    dpkg = _tool("dpkg", "dpkg")
    ordered = [
        "1.0.0.dev1",
        "1.0.0a1.dev1",
        "1.0.0a1",
        "1.0.0b1",
        "1.0.0rc1",
        "1.0.0",
        "1.0.0.post1.dev1",
        "1.0.0.post1",
        "1.0.1",
    ]
    versions = [metainfo.debian_version(v) for v in ordered]
    for older, newer in itertools.pairwise(versions):
        assert _run(dpkg, "--compare-versions", older, "lt", newer).returncode == 0, (older, newer)


# -- the MIME type -------------------------------------------------------------------


def test_mime_type_beats_json_and_is_json() -> None:
    mime = ET.parse(MIME_XML).getroot().find(f"{MIME_NS}mime-type")
    assert mime is not None
    globs = {g.get("pattern"): int(g.get("weight", "50")) for g in mime.findall(f"{MIME_NS}glob")}
    # Drafts' own extension, and their older name, which must beat *.json (weight 50).
    assert globs.keys() == {"*.rwdraft", "*.release.json"}
    assert globs["*.release.json"] > 50
    parents = [e.get("type") for e in mime.findall(f"{MIME_NS}sub-class-of")]
    assert parents == ["application/json"]
    icon = mime.find(f"{MIME_NS}icon")
    assert icon is not None
    assert icon.get("name") == icons.MIME_ICON
    comments = {c.get(XML_LANG) for c in mime.findall(f"{MIME_NS}comment")}
    assert comments == {None, *LANGUAGES}


def test_the_mime_database_knows_drafts(tmp_path: Path) -> None:
    update = _tool("update-mime-database", "shared-mime-info")
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copyfile(MIME_XML, packages / "releasewriter.xml")
    completed = _run(update, tmp_path / "mime")
    assert completed.returncode == 0, completed.stderr
    globs = (tmp_path / "mime" / "globs2").read_text(encoding="utf-8").splitlines()
    assert f"50:{MIME_TYPE}:*.rwdraft" in globs
    assert f"80:{MIME_TYPE}:*.release.json" in globs
    subclasses = (tmp_path / "mime" / "subclasses").read_text(encoding="utf-8")
    assert f"{MIME_TYPE} application/json" in subclasses.splitlines()


# -- icons ------------------------------------------------------------------------------


def _png(width: int, height: int) -> bytes:
    """The start of a PNG: enough for the containers, which read only the header."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr + b"\0\0\0\0"


def _ico_entries(data: bytes) -> list[tuple[int, bytes]]:
    """(width, image) for each image of an .ico file."""
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    entries = []
    for index in range(count):
        width, height, _, _, planes, bits, size, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        assert (width, planes, bits) == (height, 1, 32)
        entries.append((width or 256, data[offset : offset + size]))
    return entries


def _icns_entries(data: bytes) -> dict[bytes, bytes]:
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    entries, offset = {}, 8
    while offset < len(data):
        code, length = (
            data[offset : offset + 4],
            struct.unpack(">I", data[offset + 4 : offset + 8])[0],
        )
        entries[code] = data[offset + 8 : offset + length]
        offset += length
    assert offset == len(data)
    return entries


def test_ico_and_icns_containers_hold_each_size() -> None:
    pngs = {pixels: _png(pixels, pixels) for pixels in (*icons.ICO_SIZES, 128, 512, 1024)}
    ico = icons.ico_bytes(pngs[p] for p in reversed(icons.ICO_SIZES))
    assert [(w, png) for w, png in _ico_entries(ico)] == [(p, pngs[p]) for p in icons.ICO_SIZES]
    icns = _icns_entries(icons.icns_bytes(pngs))
    assert {code: icons.png_size(png)[0] for code, png in icns.items()} == dict(icons.ICNS_TYPES)
    with pytest.raises(ValueError, match="256"):
        icons.ico_bytes([_png(512, 512)])


@pytest.mark.gui
def test_icons_are_drawn_at_every_size(tmp_path: Path) -> None:
    pytest.importorskip("PySide6.QtSvg")
    from PySide6.QtGui import QImage, QImageReader  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    # A QApplication, not the QGuiApplication icons.py would make: the editor's
    # tests that follow in the same process need widgets.
    _app = QApplication.instance() or QApplication([])
    written = icons.generate(tmp_path)
    assert all(path.is_file() for path in written)
    for context, name in (("apps", APP_ID), ("mimetypes", icons.MIME_ICON)):
        for pixels in icons.HICOLOR_SIZES:
            path = tmp_path / "hicolor" / f"{pixels}x{pixels}" / context / f"{name}.png"
            image = QImage(str(path))
            assert (image.width(), image.height()) == (pixels, pixels), path
            assert image.hasAlphaChannel()
            # Something is drawn, and the corners stay transparent.
            assert image.pixelColor(pixels // 2, pixels // 3).alpha() == 255, path
            assert image.pixelColor(0, 0).alpha() == 0, path
        svg = tmp_path / "hicolor" / "scalable" / context / f"{name}.svg"
        assert svg.is_file()

    for stem in ("releasewriter", "releasewriter-draft"):
        ico = (tmp_path / f"{stem}.ico").read_bytes()
        assert [w for w, _ in _ico_entries(ico)] == list(icons.ICO_SIZES)
        icns = _icns_entries((tmp_path / f"{stem}.icns").read_bytes())
        assert {c: icons.png_size(p)[0] for c, p in icns.items()} == dict(icons.ICNS_TYPES)
        # And Qt's own readers open both.
        for suffix, sizes in (
            ("ico", list(icons.ICO_SIZES)),
            ("icns", [pixels for _, pixels in icons.ICNS_TYPES]),
        ):
            reader = QImageReader(str(tmp_path / f"{stem}.{suffix}"))
            read = []
            for index in range(reader.imageCount()):
                assert reader.jumpToImage(index)
                read.append(reader.read().width())
            assert sorted(read) == sorted(sizes), suffix


# -- the Debian package --------------------------------------------------------------------


def _stand_in_bundle(folder: Path, version: str) -> Path:
    """A folder shaped like the PyInstaller bundle, with scripts for executables."""
    bundle = folder / "ReleaseWriter"
    (bundle / "_internal").mkdir(parents=True)
    for name in (build_deb.CLI_EXECUTABLE, build_deb.GUI_EXECUTABLE):
        script = bundle / name
        script.write_text(f'#!/bin/sh\necho "ReleaseWriter {version}"\n', encoding="utf-8")
        script.chmod(0o755)
    library = bundle / "_internal" / "libexample.so.1"
    library.write_bytes(b"not really a library")
    library.chmod(0o755)
    return bundle


def _stand_in_icons(folder: Path) -> Path:
    for size in icons.HICOLOR_SIZES:
        path = folder / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        path.parent.mkdir(parents=True)
        path.write_bytes(_png(size, size))
    return folder


def test_the_package_holds_bundle_launchers_and_desktop_files(tmp_path: Path) -> None:
    _tool("dpkg-deb", "dpkg")
    bundle = _stand_in_bundle(tmp_path, "1.2.0rc1")
    package = build_deb.build(
        bundle,
        tmp_path / "out",
        icons=_stand_in_icons(tmp_path / "icons"),
        version="1.2.0rc1",
        compression="none",
        check_libs=False,
    )
    assert package.path.name == "releasewriter_1.2.0~rc1_all.deb"

    def field(name: str) -> str:
        return _run("dpkg-deb", "-f", package.path, name).stdout.strip()

    assert field("Version") == "1.2.0~rc1"
    assert field("Package") == "releasewriter"
    # No ELF files, so no GLIBC_2.x symbol versions: libc6 with no version.
    assert field("Depends") == ", ".join(["libc6", *build_deb.DEPENDS])
    assert int(field("Installed-Size")) > 0

    tar_path = tmp_path / "data.tar"
    tar_path.write_bytes(
        subprocess.run(
            ["dpkg-deb", "--fsys-tarfile", str(package.path)], capture_output=True, check=True
        ).stdout
    )
    with tarfile.open(tar_path) as tar:
        members = {m.name.removeprefix("./"): m for m in tar.getmembers()}
        for name, target in build_deb.LAUNCHERS.items():
            link = members[f"usr/bin/{name}"]
            assert link.issym()
            assert link.linkname == f"/opt/releasewriter/{target}"
        assert stat.S_IMODE(members["opt/releasewriter/releasewriter-cli"].mode) == 0o755
        assert stat.S_IMODE(members["opt/releasewriter/_internal/libexample.so.1"].mode) == 0o644
        assert all(m.uname == "root" and m.gname == "root" for m in members.values())
        for name in (
            f"usr/share/applications/{APP_ID}.desktop",
            "usr/share/mime/packages/releasewriter.xml",
            f"usr/share/icons/hicolor/48x48/apps/{APP_ID}.png",
            "usr/share/doc/releasewriter/copyright",
            "usr/share/doc/releasewriter/changelog.gz",
        ):
            assert name in members, name
        built = tar.extractfile(members[f"usr/share/metainfo/{APP_ID}.metainfo.xml"])
        assert built is not None
        releases = ET.parse(built).getroot().findall("releases/release")
        assert [r.get("version") for r in releases] == ["1.2.0rc1"]


def test_the_package_refuses_a_bundle_of_another_version(tmp_path: Path) -> None:
    bundle = _stand_in_bundle(tmp_path, "0.0.1")
    with pytest.raises(build_deb.BuildError, match=r"0\.0\.1"):
        build_deb.build(bundle, tmp_path / "out", version="1.2.0", check_libs=False)
