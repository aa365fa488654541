"""The document a release is built on, and its package-level properties.

Either python-docx's default document or an organisation's letterhead: a
.docx, or a .dotx template whose main part python-docx refuses until its
content type says "document", given as bytes (the profile holds the
letterhead itself, not a path). It is cleaned first (comments, tracked
changes, personal properties… see ``releasewriter.export.letterheads``), then
keeps its styles, headers, footers and section settings; its body (sample
text, instructions) is cleared.

Whatever does not depend on the release (clearing a template, dropping the
thumbnail, the page, our styles without their language) is done once per
process by :func:`prepared_base`, which keeps the result as the bytes of a
.docx (for python-docx's default document, in the user cache too). What
depends on the language only (the styles and settings tagged with it) is
done once per process and language script by :func:`script_base`, which
keeps each part's bytes, as read and as compressed. Each export then opens a
fresh python-docx document from those bytes (parsing only the parts it
changes), so nothing one export adds (text, title, logo, links) can reach
the next; the parts it left as they were are written with their compressed
bytes (:mod:`releasewriter.export.docx_zip`).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import json
import os
import sys
import threading
import time
import zipfile
import zlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

import docx
import docx.package
from docx.opc import package as opc_package
from docx.opc import pkgreader, pkgwriter
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI, PackURI
from docx.opc.part import Part, PartFactory
from docx.oxml.ns import qn

from releasewriter.export.docx_styles import StyleLayout
from releasewriter.export.docx_xml import Script
from releasewriter.export.docx_zip import ZipEntry, deflate, raw_entries, write_zip
from releasewriter.export.errors import ExportError
from releasewriter.locations import cache_dir
from releasewriter.render.document import RenderedRelease

CONTENT_TYPES = "[Content_Types].xml"
DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
OTHER_MAINS = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
# A .docx may not carry macros: Word refuses to open one that does.
MACRO_RELATIONSHIPS = ("/vbaProject", "/keyMapCustomizations", "/wordVbaData")
CORE_TEXT_LIMIT = 255


def as_document_package(data: bytes) -> bytes:
    """The same package with a template's (or macro-enabled) main content type made .docx."""
    source = zipfile.ZipFile(io.BytesIO(data))
    types = source.read(CONTENT_TYPES)
    patched = types
    for content_type in OTHER_MAINS:
        patched = patched.replace(content_type.encode("ascii"), DOCUMENT_MAIN.encode("ascii"))
    if patched == types:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = patched if info.filename == CONTENT_TYPES else source.read(info)
            target.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def open_template(data: bytes) -> Any:
    """The (cleaned) letterhead as a document with an empty body; ExportError when it is not one."""
    try:
        document = docx.Document(io.BytesIO(as_document_package(data)))
    except (
        zipfile.BadZipFile,
        PackageNotFoundError,
        KeyError,
        ValueError,
        SyntaxError,  # lxml's XMLSyntaxError
    ) as error:
        raise ExportError(f"the letterhead is not a Word document: {error}") from error
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith(MACRO_RELATIONSHIPS):
            del document.part.rels[rel_id]
    clear_body(document)
    return document


def cleaned_template(data: bytes) -> bytes:
    """The letterhead as exports use it: see ``letterheads.clean_letterhead``."""
    # Loaded with the first letterhead: the default document does without it.
    from releasewriter.export.letterheads import (  # noqa: PLC0415
        LetterheadRejected,
        clean_letterhead,
    )

    try:
        return clean_letterhead(data).data
    except LetterheadRejected as error:
        raise ExportError(f"the organisation's letterhead cannot be used: {error}") from error


def open_default() -> Any:
    return docx.Document()


class PreparedBase(NamedTuple):
    """A base document prepared once: its .docx bytes and where its styles are."""

    data: bytes
    layout: StyleLayout
    # What made it, for python-docx's default document (see _recipe_key): the bases
    # tagged with each script are kept in the user cache under it. None: not kept.
    recipe: str | None = None

    def open(self) -> Any:
        """A new python-docx document, independent of every other one opened from the base."""
        return docx.Document(io.BytesIO(self.data))


Prepare = Callable[[Any], StyleLayout]


def _saved(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# Prepared templates by their content's digest: an edited template is prepared
# again, whatever its path or time stamp. A few are kept (one organisation has
# one letterhead; a test suite makes many).
_TEMPLATE_BASES: dict[tuple[bytes, Prepare], PreparedBase] = {}
_TEMPLATE_BASES_KEPT = 8
_lock = threading.Lock()


def prepared_base(template: bytes | None, prepare: Prepare) -> PreparedBase:
    """The base document for the letterhead ``template`` (None: python-docx's default),
    cleaned and prepared once.

    ``prepare(document)`` makes the release-independent changes and returns
    where it left the styles. It must be a module-level function: it is part
    of the cache keys. Raises ExportError for a template that cannot be read
    as a Word document.
    """
    if template is None:
        return _default_base(prepare)
    # By the letterhead's digest before cleaning: a letterhead is cleaned once per process.
    key = (hashlib.sha256(template).digest(), prepare)
    with _lock:
        base = _TEMPLATE_BASES.get(key)
    if base is not None:
        return base
    document = open_template(cleaned_template(template))
    drop_thumbnail(document)
    drop_custom_xml(document)
    layout = prepare(document)
    base = PreparedBase(_saved(document), layout)
    with _lock:
        while len(_TEMPLATE_BASES) >= _TEMPLATE_BASES_KEPT:
            del _TEMPLATE_BASES[next(iter(_TEMPLATE_BASES))]
        _TEMPLATE_BASES[key] = base
    return base


@functools.cache
def _default_base(prepare: Prepare) -> PreparedBase:
    """python-docx's default document, prepared: from the user cache when it has it."""
    key = _recipe_key(prepare)
    cached = None if key is None else _base_file(key)
    base = None if cached is None else _read_base(cached)
    if base is None:
        document = open_default()
        drop_thumbnail(document)
        drop_custom_xml(document)
        layout = prepare(document)
        base = PreparedBase(_saved(document), layout)
        if cached is not None:
            _write_base(cached, base)
    return base._replace(recipe=key)


# --- the base tagged with one script, kept as parts -----------------------------------

# Parts an export never changes once the base is tagged with its language: read as
# plain bytes, not parsed (the styles alone are 350 KB of XML), and written as they were.
_AS_READ = frozenset({CT.WML_STYLES, CT.WML_SETTINGS})
# python-docx's own reading and writing of a package (untyped), driven part by part here.
_Unmarshaller: Any = opc_package.Unmarshaller
_PackageReader: Any = pkgreader.PackageReader
_ContentTypeMap: Any = pkgreader._ContentTypeMap
_PackageWriter: Any = pkgwriter.PackageWriter
_PartFactory: Any = PartFactory


def _light_part(
    partname: PackURI, content_type: str, reltype: str, blob: bytes, package: Any
) -> Part:
    if content_type in _AS_READ:
        return Part(partname, content_type, blob, package)
    return _PartFactory(partname, content_type, reltype, blob, package)  # type: ignore[no-any-return]


class _Parts:
    """python-docx's physical package reader, over parts held in memory."""

    def __init__(self, blobs: Mapping[str, bytes]) -> None:
        self.blobs = blobs

    def blob_for(self, pack_uri: PackURI) -> bytes:
        return self.blobs[pack_uri.membername]

    @property
    def content_types_xml(self) -> bytes:
        return self.blob_for(CONTENT_TYPES_URI)

    def rels_xml_for(self, source_uri: PackURI) -> bytes | None:
        return self.blobs.get(source_uri.rels_uri.membername)

    def close(self) -> None:
        pass


def _reader(blobs: Mapping[str, bytes]) -> Any:
    """A python-docx PackageReader of ``blobs`` (member name -> bytes)."""
    parts = _Parts(blobs)
    content_types = _ContentTypeMap.from_xml(parts.content_types_xml)
    package_rels = _PackageReader._srels_for(parts, PACKAGE_URI)
    serialized = _PackageReader._load_serialized_parts(parts, package_rels, content_types)
    return _PackageReader(content_types, package_rels, serialized)


class _Writer:
    """python-docx's physical package writer, collecting zip entries: a part whose bytes
    are those of a known entry is not compressed again."""

    def __init__(self, known: Mapping[str, tuple[bytes, ZipEntry]]) -> None:
        self.known = known
        self.entries: list[ZipEntry] = []
        self.blobs: dict[str, bytes] = {}

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        name = pack_uri.membername
        known = self.known.get(name)
        if known is not None and (known[0] is blob or known[0] == blob):
            blob, entry = known
        else:
            entry = deflate(name, blob)
        self.entries.append(entry)
        self.blobs[name] = blob


def _write(package: Any, known: Mapping[str, tuple[bytes, ZipEntry]]) -> _Writer:
    """``package.save`` into a :class:`_Writer`: the same members, in the same order."""
    parts = package.parts
    for part in parts:
        part.before_marshal()
    writer = _Writer(known)
    _PackageWriter._write_content_types_stream(writer, parts)
    _PackageWriter._write_pkg_rels(writer, package.rels)
    _PackageWriter._write_parts(writer, parts)
    return writer


class ScriptBase:
    """A prepared base tagged with one script, as parts: each export opens a copy."""

    def __init__(self, blobs: Mapping[str, bytes], entries: Mapping[str, ZipEntry]) -> None:
        self.reader = _reader(blobs)
        self.known = {name: (blob, entries[name]) for name, blob in blobs.items()}

    def open(self) -> Any:
        """A new python-docx document, independent of every other one opened from the base.

        Its styles and settings are bytes, not elements: they are the script's, and
        an export does not change them.
        """
        package = docx.package.Package()
        _Unmarshaller.unmarshal(self.reader, package, _light_part)
        document_part = package.main_document_part
        if document_part.content_type != CT.WML_DOCUMENT_MAIN:
            raise ExportError("the base document is not a Word document")
        return document_part.document

    def save(self, document: Any) -> bytes:
        """The bytes of the .docx file: what ``document.save`` writes, with the
        unchanged parts' compressed bytes reused."""
        writer = _write(document.part.package, self.known)
        return write_zip(writer.entries, time.localtime(time.time())[:6])


class _BaseParts(NamedTuple):
    reader: Any
    known: dict[str, tuple[bytes, ZipEntry]]


@functools.lru_cache(maxsize=4)
def _base_parts(data: bytes) -> _BaseParts:
    """The prepared base's parts, read once: bytes and compressed entries."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    blobs = {name: archive.read(name) for name in archive.namelist()}
    entries = raw_entries(data)
    known = {name: (blob, entries[name]) for name, blob in blobs.items() if name in entries}
    return _BaseParts(_reader(blobs), known)


TagScript = Callable[[Any, StyleLayout, Script], None]
_SCRIPT_BASES: dict[tuple[bytes, bool, Script, TagScript], ScriptBase] = {}
_SCRIPT_BASES_KEPT = 16  # the UN's six languages, for a few letterheads


def script_base(base: PreparedBase, script: Script, tag: TagScript) -> ScriptBase:
    """``base`` opened, tagged by ``tag(document, layout, script)`` and kept as parts.

    Once per process, base and script: whatever differs between two releases
    in the same language is added by each export to its own copy.
    """
    key = (base.data, base.layout.own, script, tag)
    with _lock:
        found = _SCRIPT_BASES.get(key)
    if found is not None:
        return found
    kept = _script_file(base, script, tag)
    parts = _base_parts(base.data)
    made = None if kept is None else _read_script(kept, parts.known)
    if made is None:
        package = docx.package.Package()
        _Unmarshaller.unmarshal(parts.reader, package, PartFactory)
        document = package.main_document_part.document
        tag(document, base.layout, script)
        writer = _write(package, parts.known)
        made = ScriptBase(writer.blobs, {entry.name: entry for entry in writer.entries})
        if kept is not None:
            _write_script(kept, writer.entries)
    with _lock:
        while len(_SCRIPT_BASES) >= _SCRIPT_BASES_KEPT:
            del _SCRIPT_BASES[next(iter(_SCRIPT_BASES))]
        _SCRIPT_BASES[key] = made
    return made


# The default base tagged with a script, kept between runs too: tagging it costs
# ~9 ms a language (parsing, tagging, writing and compressing 350 KB of styles),
# which a command-line export of six languages paid at every run. Kept under a
# digest of the base's recipe, the tagging function and every field of the script.

_SCRIPT_FORMAT = 1
_SCRIPTS_KEPT = 24


def _script_file(base: PreparedBase, script: Script, tag: TagScript) -> Path | None:
    if base.recipe is None:
        return None
    recipe = f"{_SCRIPT_FORMAT}|{base.recipe}|{tag.__module__}.{tag.__qualname__}|{script!r}"
    return cache_dir("docx-scripts") / f"{hashlib.sha256(recipe.encode()).hexdigest()[:32]}.bin"


def _read_script(path: Path, known: Mapping[str, tuple[bytes, ZipEntry]]) -> ScriptBase | None:
    """The tagged base kept at ``path``: a line of JSON, then a zip; None if it is not that.

    Parts stored as the base stores them (``known``) are taken from it, not inflated again.
    """
    try:
        header, _, data = path.read_bytes().partition(b"\n")
        meta = json.loads(header)
        if meta["format"] != _SCRIPT_FORMAT or meta["sha256"] != hashlib.sha256(data).hexdigest():
            return None
        entries = raw_entries(data)
        if set(entries) != set(zipfile.ZipFile(io.BytesIO(data)).namelist()):
            return None
        blobs: dict[str, bytes] = {}
        for name, entry in entries.items():
            same = known.get(name)
            if same is not None and same[1] == entry:
                blobs[name] = same[0]
                continue
            blob = zlib.decompress(entry.payload, -15)
            if len(blob) != entry.size or zlib.crc32(blob) != entry.crc:
                return None
            blobs[name] = blob
        return ScriptBase(blobs, entries)
    except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile, zlib.error, SyntaxError):
        return None


def _write_script(path: Path, entries: list[ZipEntry]) -> None:
    data = write_zip(entries, (1980, 1, 1, 0, 0, 0))
    meta = {"format": _SCRIPT_FORMAT, "sha256": hashlib.sha256(data).hexdigest()}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        temporary.write_bytes(json.dumps(meta).encode() + b"\n" + data)
        os.replace(temporary, path)
        kept = sorted(path.parent.glob("*.bin"), key=lambda p: p.stat().st_mtime_ns)
        for old in kept[:-_SCRIPTS_KEPT]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only cache only costs time


# --- the prepared default document, kept between runs ----------------------------------
#
# Opening python-docx's default document, preparing it and saving it costs
# ~25 ms, once per process: a command-line export pays it every time. The
# result is kept in the user cache, under a digest of everything that makes
# it (python-docx's version and default document, and the source of the
# modules that prepare it), so that any change to either makes a new one.

_BASE_FORMAT = 1
_BASES_KEPT = 4
_RECIPE_MODULES = (
    "releasewriter.export.docx_package",
    "releasewriter.export.docx_parts",
    "releasewriter.export.docx_styles",
    "releasewriter.export.docx_xml",
)


def _recipe_key(prepare: Prepare) -> str | None:
    """A digest of what the prepared default document depends on; None if unknown."""
    digest = hashlib.sha256(
        f"{_BASE_FORMAT}|{docx.__version__}|{prepare.__module__}.{prepare.__qualname__}".encode()
    )
    try:
        digest.update((Path(docx.__file__).parent / "templates" / "default.docx").read_bytes())
        if getattr(sys, "frozen", False):
            # A frozen build has no source files to read, and its code changes only
            # with the executable that carries it.
            stat = Path(sys.executable).stat()
            digest.update(f"{sys.executable}|{stat.st_size}|{stat.st_mtime_ns}".encode())
            return digest.hexdigest()
        for name in sorted({*_RECIPE_MODULES, prepare.__module__}):
            source = getattr(sys.modules.get(name), "__file__", None)
            if not source:
                return None
            digest.update(Path(source).read_bytes())
    except OSError:
        return None
    return digest.hexdigest()


def _base_file(key: str) -> Path:
    folder = cache_dir("docx")
    return folder / f"base-{key[:32]}.bin"


def _digest(layout: Any, data: bytes) -> str:
    return hashlib.sha256(json.dumps(layout, sort_keys=True).encode() + b"\n" + data).hexdigest()


def _read_base(path: Path) -> PreparedBase | None:
    """The base kept at ``path``: one line of JSON, then the .docx; None if it is not that."""
    try:
        header, _, data = path.read_bytes().partition(b"\n")
        meta = json.loads(header)
        if meta["format"] != _BASE_FORMAT or meta["sha256"] != _digest(meta["layout"], data):
            return None
        return PreparedBase(data, StyleLayout.from_json(meta["layout"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_base(path: Path, base: PreparedBase) -> None:
    layout = base.layout.to_json()
    meta = {"format": _BASE_FORMAT, "sha256": _digest(layout, base.data), "layout": layout}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        temporary.write_bytes(json.dumps(meta).encode() + b"\n" + base.data)
        os.replace(temporary, path)
        # Each version of the code makes its own: keep the few most recent.
        kept = sorted(path.parent.glob("base-*.bin"), key=lambda p: p.stat().st_mtime_ns)
        for old in kept[:-_BASES_KEPT]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only cache only costs time


def clear_body(document: Any) -> None:
    """Remove every paragraph and table, keeping the final section's settings."""
    body = document.element.body
    for element in list(body):
        if element.tag != qn("w:sectPr"):
            body.remove(element)
    body.get_or_add_sectPr()


def drop_custom_xml(document: Any) -> None:
    """python-docx's own default document carries a custom XML part (a bibliography list)."""
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype == RT.CUSTOM_XML:
            del document.part.rels[rel_id]


def drop_thumbnail(document: Any) -> None:
    """The package's thumbnail shows the template's page, not this release."""
    rels = document.part.package.rels
    for rel_id, rel in list(rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del rels[rel_id]


def core_text(text: str) -> str:
    """Core properties hold at most 255 characters; one line reads best in a file dialog."""
    flat = " ".join(text.split())
    if len(flat) <= CORE_TEXT_LIMIT:
        return flat
    return flat[: CORE_TEXT_LIMIT - 1] + "…"


def _utc(moment: dt.datetime) -> dt.datetime:
    # python-docx writes the wall clock with a "Z": make it UTC first.
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def set_core_properties(document: Any, rendered: RenderedRelease, language: str) -> None:
    core = document.core_properties
    core.title = core_text(rendered.title)
    core.subject = core_text(rendered.subheadline or rendered.headline)
    core.author = core_text(rendered.organisation)
    core.last_modified_by = core_text(rendered.organisation)
    core.language = language
    place_and_date = rendered.dateline.rstrip(" –—-:")
    core.keywords = core_text("; ".join(k for k in (rendered.organisation, place_and_date) if k))
    core.content_status = core_text(rendered.status)
    core.comments = ""
    core.category = ""
    core.revision = 1
    core.created = _utc(rendered.created)
    core.modified = _utc(dt.datetime.now(dt.UTC).replace(microsecond=0))
