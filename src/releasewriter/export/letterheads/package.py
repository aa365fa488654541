"""A Word package read whole into memory, within limits, and written back.

A letterhead comes from anyone's disk or mailbox, so every entry is read
with a cap on its real (not declared) size: a zip bomb stops at the cap
instead of filling the memory. Parts are kept by their zip name, in order;
relationships and content types are edited as XML and the package is
written again with :meth:`Package.to_bytes`.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

CONTENT_TYPES = "[Content_Types].xml"
PACKAGE_RELS = "_rels/.rels"

NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
RELATIONSHIP = f"{{{NS_RELS}}}Relationship"
OVERRIDE = f"{{{NS_TYPES}}}Override"
DEFAULT = f"{{{NS_TYPES}}}Default"

RT_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
RT_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"

WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
WORD_TEMPLATE_MAIN = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
)
WORD_MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
WORD_MACRO_TEMPLATE_MAIN = "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"
WORD_MAINS = (WORD_MAIN, WORD_TEMPLATE_MAIN, WORD_MACRO_MAIN, WORD_MACRO_TEMPLATE_MAIN)

# Limits well above any letterhead seen in practice (a few hundred KB to a few MB); a
# letterhead with an uncompressed photograph in it is still taken, and its picture shrunk.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ENTRIES = 1000
MAX_TOTAL_BYTES = 150 * 1024 * 1024
MAX_ENTRY_BYTES = 100 * 1024 * 1024
# Word's XML compresses about 10:1, images hardly at all; 100:1 on a large entry is a bomb.
MAX_RATIO = 100
RATIO_FROM_BYTES = 1024 * 1024

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


class PackageDamaged(Exception):
    """Not a zip, or one that cannot be read to its end."""


class PackageTooLarge(Exception):
    """More data than a letterhead can hold: possibly a zip bomb."""


def parse(data: bytes) -> Any:
    return etree.fromstring(data, _PARSER)


def serialize(root: Any) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)  # type: ignore[no-any-return]


def rels_name(partname: str) -> str:
    """The relationships of ``partname``: "word/_rels/document.xml.rels" for "word/document.xml"."""
    folder, name = posixpath.split(partname)
    return posixpath.join(folder, "_rels", name + ".rels")


def source_of(rels: str) -> str:
    """The part whose relationships ``rels`` holds ("" for the package)."""
    folder, name = posixpath.split(rels)
    return posixpath.join(posixpath.dirname(folder), name[: -len(".rels")])


def target_of(source: str, target: str) -> str:
    """The zip name an internal relationship of ``source`` points at."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    limit = min(MAX_ENTRY_BYTES, budget)
    chunks: list[bytes] = []
    size = 0
    with archive.open(info) as stream:
        while chunk := stream.read(1024 * 1024):
            size += len(chunk)
            if size > limit:
                raise PackageTooLarge(info.filename)
            if size > RATIO_FROM_BYTES and size > MAX_RATIO * max(info.compress_size, 1):
                raise PackageTooLarge(info.filename)
            chunks.append(chunk)
    return b"".join(chunks)


@dataclass
class Package:
    parts: dict[str, bytes] = field(default_factory=dict)

    @classmethod
    def read(cls, data: bytes) -> Package:
        """Raises PackageDamaged or PackageTooLarge."""
        if len(data) > MAX_FILE_BYTES:
            raise PackageTooLarge("file")
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            infos = archive.infolist()
            if len(infos) > MAX_ENTRIES:
                raise PackageTooLarge("entries")
            if sum(info.file_size for info in infos) > MAX_TOTAL_BYTES:
                raise PackageTooLarge("total")
            parts: dict[str, bytes] = {}
            budget = MAX_TOTAL_BYTES
            for info in infos:
                if info.is_dir():
                    continue
                content = _read_entry(archive, info, budget)
                budget -= len(content)
                parts[info.filename] = content
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
            # NotImplementedError (an unknown compression) is damage to us too.
            raise PackageDamaged(str(error)) from error
        except NotImplementedError as error:
            raise PackageDamaged(str(error)) from error
        return cls(parts)

    def to_bytes(self) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            # [Content_Types].xml first, as Word writes it.
            for name in sorted(self.parts, key=lambda n: n != CONTENT_TYPES):
                archive.writestr(name, self.parts[name])
        return out.getvalue()

    # -- XML -------------------------------------------------------------------------------

    def xml(self, name: str) -> Any:
        return parse(self.parts[name])

    def set_xml(self, name: str, root: Any) -> None:
        self.parts[name] = serialize(root)

    # -- relationships ---------------------------------------------------------------------

    def relationships(self, source: str) -> list[Any]:
        name = rels_name(source) if source else PACKAGE_RELS
        if name not in self.parts:
            return []
        return list(self.xml(name).iterchildren(RELATIONSHIP))

    def rels_files(self) -> Iterator[str]:
        return (name for name in list(self.parts) if name.endswith(".rels"))

    def related(self, source: str, reltype: str) -> list[str]:
        """Internal parts ``source`` ("" for the package) refers to as ``reltype``."""
        return [
            target_of(source, rel.get("Target", ""))
            for rel in self.relationships(source)
            if rel.get("Type") == reltype and rel.get("TargetMode") != "External"
        ]

    def main_part(self) -> str | None:
        found = self.related("", RT_OFFICE_DOCUMENT)
        return found[0] if len(found) == 1 and found[0] in self.parts else None

    def rel_targets(self, source: str) -> dict[str, str]:
        """rId → zip name of every internal relationship of ``source``."""
        return {
            rel.get("Id", ""): target_of(source, rel.get("Target", ""))
            for rel in self.relationships(source)
            if rel.get("TargetMode") != "External"
        }

    # -- content types ---------------------------------------------------------------------

    def content_type(self, name: str) -> str | None:
        types = self.xml(CONTENT_TYPES)
        for override in types.iterchildren(OVERRIDE):
            if override.get("PartName", "").lstrip("/").lower() == name.lower():
                return override.get("ContentType")  # type: ignore[no-any-return]
        extension = posixpath.splitext(name)[1][1:].lower()
        for default in types.iterchildren(DEFAULT):
            if default.get("Extension", "").lower() == extension:
                return default.get("ContentType")  # type: ignore[no-any-return]
        return None

    def remove_part(self, name: str) -> bool:
        """Drop a part, its own relationships, its content type and every relationship to it."""
        if name not in self.parts:
            return False
        del self.parts[name]
        self.parts.pop(rels_name(name), None)
        types = self.xml(CONTENT_TYPES)
        for override in list(types.iterchildren(OVERRIDE)):
            if override.get("PartName", "").lstrip("/").lower() == name.lower():
                types.remove(override)
        self.set_xml(CONTENT_TYPES, types)
        for rels in self.rels_files():
            source = source_of(rels)
            root = self.xml(rels)
            changed = False
            for rel in list(root.iterchildren(RELATIONSHIP)):
                if rel.get("TargetMode") == "External":
                    continue
                if target_of(source, rel.get("Target", "")) == name:
                    root.remove(rel)
                    changed = True
            if changed:
                self.set_xml(rels, root)
        return True

    def word_xml_parts(self) -> list[str]:
        """Every XML part of the main document's folder (document, headers, footers, notes…)."""
        main = self.main_part()
        folder = posixpath.dirname(main) if main else "word"
        return [
            name
            for name in self.parts
            if name.startswith(folder + "/") and name.endswith(".xml") and "/_rels/" not in name
        ]
