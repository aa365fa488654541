"""Files made to hurt: refused in one line or read, in bounded time and memory, fetching nothing."""

from __future__ import annotations

import io
import json
import socket
import struct
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from releasewriter.importing.blocks import ImportRefused
from releasewriter.importing.docx_reader import read_docx
from releasewriter.importing.html_reader import read_html
from tests.importing.samples import release_docx, replace_member

_SRC = Path(__file__).resolve().parents[2] / "src"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _refused(data: bytes) -> str:
    start = time.perf_counter()
    with pytest.raises(ImportRefused) as refused:
        read_docx(data)
    assert time.perf_counter() - start < 2
    assert "\n" not in str(refused.value)
    return str(refused.value)


def _document_xml(body: str, prolog: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}'
        f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'
    ).encode()


# --- zip bombs and broken zips ---------------------------------------------------------


def test_a_zip_bomb_is_refused_before_anything_is_inflated(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        # 256 MB of spaces, streamed: the test never holds them.
        with package.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b" " * (1 << 20)
            for _ in range(256):
                member.write(chunk)
    bomb = out.getvalue()
    assert len(bomb) < 1 << 20

    def no_inflating(*args: object) -> bytes:
        raise AssertionError("a member was inflated")

    monkeypatch.setattr(zipfile.ZipExtFile, "read", no_inflating)
    assert "zip bomb" in _refused(bomb)


def _patch_sizes(data: bytes, name: str, size: int, central_only: bool = False) -> bytes:
    """The package with ``name``'s uncompressed size rewritten in its headers (a lie)."""
    patched = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        info = package.getinfo(name)
    if not central_only:
        struct.pack_into("<I", patched, info.header_offset + 22, size)
    entry = patched.find(b"PK\x01\x02")
    while entry >= 0:
        if patched[entry + 46 : entry + 46 + len(name)] == name.encode():
            struct.pack_into("<I", patched, entry + 24, size)
            return bytes(patched)
        entry = patched.find(b"PK\x01\x02", entry + 4)
    raise AssertionError("no central directory entry")


def test_a_central_directory_that_declares_2_gb_is_refused_unread() -> None:
    lying = _patch_sizes(release_docx(), "word/document.xml", 2 * 1024**3, central_only=True)
    assert "zip bomb" in _refused(lying)


def test_a_part_larger_than_its_headers_say_stops_at_what_they_say() -> None:
    spaces = b" " * (8 << 20)
    data = replace_member(release_docx(), "word/document.xml", _document_xml("") + spaces)
    lying = _patch_sizes(data, "word/document.xml", 1000)
    assert "damaged" in _refused(lying)


def test_a_zip_with_an_encrypted_part_is_refused_as_password_protected() -> None:
    patched = bytearray(release_docx())
    with zipfile.ZipFile(io.BytesIO(bytes(patched))) as package:
        info = package.getinfo("word/document.xml")
    patched[info.header_offset + 6] |= 1  # the local header's "encrypted" flag
    entry = patched.find(b"PK\x01\x02")
    while patched[entry + 46 : entry + 46 + 17] != b"word/document.xml":
        entry = patched.find(b"PK\x01\x02", entry + 4)
    patched[entry + 8] |= 1  # and the central directory's
    assert "password-protected" in _refused(bytes(patched))


def test_a_zip_of_100000_parts_is_refused_by_its_count() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("word/document.xml", _document_xml(""))
        for number in range(100_000):
            package.writestr(f"p/{number}", b"")
    assert "too many parts" in _refused(out.getvalue())


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: data[:-10],
        lambda data: b"PK\x03\x04" + b"\x00" * 100,
        lambda data: data[:4000] + b"\xff" * 4000 + data[8000:],
    ],
    ids=["half", "cut-end", "header-only", "garbled-middle"],
)
def test_a_damaged_zip_is_refused_in_one_line(damage: object) -> None:
    message = _refused(damage(release_docx()))  # type: ignore[operator]
    assert "damaged" in message or "not readable" in message


def test_a_zip_without_a_document_is_not_a_word_document() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("hello.txt", "hello")
    assert "not a Word document" in _refused(out.getvalue())


# --- entities ----------------------------------------------------------------------------

LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10 if n > 1 else "&lol;" * 10}">'
        for n in range(1, 10)
    )
    + "]>"
)


@pytest.mark.parametrize("padding", ["", "<!--" + " " * 5000 + "-->"], ids=["at-start", "late"])
def test_billion_laughs_in_a_word_document_fails_fast(padding: str) -> None:
    document = _document_xml("<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>", padding + LAUGHS)
    data = replace_member(release_docx(), "word/document.xml", document)
    assert "declaration Word never writes" in _refused(data)


def test_billion_laughs_in_a_web_page_expands_nothing() -> None:
    page = f"<!DOCTYPE html {LAUGHS[14:]}<html><body><p>Before &lol9; after</p></body></html>"
    start = time.perf_counter()
    blocks = read_html(page.encode())
    assert time.perf_counter() - start < 1
    assert sum(len(block.plain) for block in blocks) < 100
    assert "lollol" not in " ".join(block.plain for block in blocks)


def test_a_deeply_nested_page_is_read_without_a_crash() -> None:
    page = b"<html><body>" + b"<div><b>" * 5000 + b"deep" + b"</b></div>" * 5000
    assert read_html(page + b"<p>after</p>") is not None  # libxml2 stops at its depth limit


def test_a_deeply_nested_document_is_refused() -> None:
    body = "<w:tbl><w:tr><w:tc>" * 200 + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * 200
    data = replace_member(release_docx(), "word/document.xml", _document_xml(body))
    assert "not readable XML" in _refused(data)


# --- nothing is fetched -----------------------------------------------------------------


@pytest.fixture
def listener(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, socket.socket]]:
    """An address that records any connection, and Python's own connections forbidden."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    address = f"http://127.0.0.1:{server.getsockname()[1]}"

    def no_network(*args: object) -> None:
        raise AssertionError("the reader opened a connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    yield address, server
    try:
        server.accept()
        raise AssertionError("something connected to the test server")
    except BlockingIOError:
        pass
    finally:
        server.close()


def test_a_web_page_fetches_nothing_and_runs_no_script(listener: tuple[str, socket.socket]) -> None:
    url = listener[0]
    page = f"""<?xml version="1.0"?>
<!DOCTYPE html SYSTEM "{url}/dtd" [<!ENTITY xxe SYSTEM "{url}/entity">]>
<html><head><link rel="stylesheet" href="{url}/style.css"><script src="{url}/x.js"></script>
<script>document.write("SCRIPT OUTPUT"); fetch("{url}/beacon")</script></head>
<body><p>Visible &xxe; text</p><img src="{url}/pixel.gif"><iframe src="{url}/frame"></iframe>
<object data="{url}/object"></object><p style="background:url({url}/bg)">Second</p></body></html>"""
    blocks = read_html(page.encode())
    # The entity stays as the text it is: neither resolved nor fetched.
    assert [block.plain for block in blocks] == ["Visible &xxe; text", "Second"]
    time.sleep(0.05)  # a connection the parser started would be waiting by now


def test_a_word_document_fetches_nothing(listener: tuple[str, socket.socket]) -> None:
    url = listener[0]
    document = docx.Document()
    document.add_paragraph("Body")
    document.part.relate_to(f"{url}/image.png", RT.IMAGE, is_external=True)
    out = io.BytesIO()
    document.save(out)
    assert [block.plain for block in read_docx(out.getvalue())] == ["Body"]
    entity = _document_xml(
        "<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>", f'<!DOCTYPE d [<!ENTITY xxe SYSTEM "{url}/">]>'
    )
    _refused(replace_member(out.getvalue(), "word/document.xml", entity))
    time.sleep(0.05)


# --- size -----------------------------------------------------------------------------------

# Peak memory from /proc (VmHWM): ru_maxrss would count the forked test process.
_MEASURE = """
import json, re, sys, time
from pathlib import Path
from releasewriter.importing.blocks import ImportRefused
from releasewriter.importing.reading import read_blocks
def kb(field):
    return int(re.search(field + r":\\s+(\\d+)", Path("/proc/self/status").read_text()).group(1))
before = kb("VmRSS")
start = time.perf_counter()
try:
    outcome = f"{len(read_blocks(Path(sys.argv[1])).blocks)} blocks"
except ImportRefused as refused:
    outcome = str(refused)
print(json.dumps({"outcome": outcome, "seconds": time.perf_counter() - start,
    "peak_mb": (kb("VmHWM") - before) / 1024}))
"""


def _page(path: Path, megabytes: int) -> Path:
    sentence = b"Acme and its partners announced today a programme of work in twelve cities. "
    paragraph = b"<p>" + sentence * 6 + b"<b>Bold words.</b></p>\n"
    chunk = paragraph * ((1 << 20) // len(paragraph))
    with path.open("wb") as stream:
        stream.write(b"<!doctype html><html><body>")
        for _ in range(megabytes):
            stream.write(chunk)
        stream.write(b"</body></html>")
    return path


def _measured(path: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(path)],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(_SRC)},
        timeout=60,
    )
    result: dict[str, object] = json.loads(done.stdout)
    print(f"\n{path.name}: {result}")
    return result


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_a_100_mb_page_is_refused_unread_in_bounded_memory(tmp_path: Path) -> None:
    result = _measured(_page(tmp_path / "huge.html", 100))
    assert result["outcome"] == (
        "huge.html cannot be imported: The file is too large to import (100 MB; at most 20 MB)."
    )
    assert float(str(result["seconds"])) < 1
    assert float(str(result["peak_mb"])) < 20


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_a_page_just_under_the_limit_is_read_in_bounded_memory(tmp_path: Path) -> None:
    result = _measured(_page(tmp_path / "large.html", 19))
    assert str(result["outcome"]).endswith(" blocks")
    # Measured: about 120 MB for 19 MB of text-heavy HTML.
    assert float(str(result["peak_mb"])) < 400


def test_a_page_of_too_many_tiny_elements_is_refused_before_it_is_walked() -> None:
    page = b"<html><body><p>" + b"<b>x</b>" * 250_000 + b"</p></body></html>"
    start = time.perf_counter()
    with pytest.raises(ImportRefused, match="too many elements"):
        read_html(page)
    assert time.perf_counter() - start < 3
