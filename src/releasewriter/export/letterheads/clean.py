"""A letterhead with nothing in it that the organisation did not mean to send.

Letterheads are passed around and edited in Word for years: they carry
reviewers' comments and names, tracked changes nobody accepted, the author
and company of whoever made them, the path of a template on someone's
drive, hidden text and links to files on a server. Every release exported
on the letterhead would carry all of it to journalists. :func:`clean_letterhead`
takes it out once, when the letterhead is chosen (and again before an
export, which costs nothing for a letterhead already clean):

* tracked changes are accepted in every part: insertions and moves kept,
  deletions and the old formatting of format changes dropped;
* comments, their replies' parts and the list of people go, with the
  anchors in the text;
* personal document properties are emptied, custom properties and custom
  XML (data from SharePoint and other systems) removed;
* hidden text is removed where a run is hidden by its own formatting. A
  style that hides text is left as it is: style definitions hold no text,
  and removing "hidden" from one would show text its author meant hidden;
* the attached template, editing-session ids (rsids), document variables,
  mail-merge sources, macros and every outside link except hyperlinks go;
* pictures larger than a page needs are scaled down (see ``images``).

The result is a package Word, LibreOffice and python-docx open as before.
"""

from __future__ import annotations

import gettext
import posixpath
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from releasewriter.export.letterheads.images import (
    EXTENSIONS,
    RASTER_EXTENSIONS,
    ImageTooLarge,
    ImageUnreadable,
    inspect_picture,
    needs_shrinking,
    shrink,
)
from releasewriter.export.letterheads.package import (
    CONTENT_TYPES,
    DEFAULT,
    NS_R,
    NS_W,
    OVERRIDE,
    PACKAGE_RELS,
    RELATIONSHIP,
    RT_HYPERLINK,
    WORD_MACRO_MAIN,
    WORD_MACRO_TEMPLATE_MAIN,
    WORD_MAIN,
    WORD_TEMPLATE_MAIN,
    Package,
    rels_name,
    source_of,
    target_of,
)
from releasewriter.export.letterheads.validate import (
    picture_too_large,
    read_package,
)

W = f"{{{NS_W}}}"
R = f"{{{NS_R}}}"
NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS_W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
NS_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
NS_DC = "http://purl.org/dc/elements/1.1/"
NS_APP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
NS_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"

_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_CUSTOM_PROPERTIES = _RT + "custom-properties"
RT_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
RT_ATTACHED_TEMPLATE = _RT + "attachedTemplate"
MACRO_RELATIONSHIPS = ("/vbaProject", "/keyMapCustomizations", "/wordVbaData")
COMMENT_CONTENT_TYPES = (
    "comments+xml",
    "commentsExtended+xml",
    "commentsIds+xml",
    "commentsExtensible+xml",
    "people+xml",
)

# Removal codes: what :func:`describe_removals` puts in words.
COMMENTS = "comments"
PEOPLE = "people"
TRACKED_CHANGES = "tracked-changes"
DOCUMENT_PROPERTIES = "document-properties"
CUSTOM_PROPERTIES = "custom-properties"
CUSTOM_XML = "custom-xml"
HIDDEN_TEXT = "hidden-text"
ATTACHED_TEMPLATE = "attached-template"
EDITING_IDS = "editing-ids"
DOCUMENT_VARIABLES = "document-variables"
EXTERNAL_LINKS = "external-links"
MACROS = "macros"
THUMBNAIL = "thumbnail"
IMAGES_REDUCED = "images-reduced"

# Revision marks whose content goes with them (accepting deletes what was deleted).
_DROPPED = {
    W + name
    for name in (
        "del",
        "moveFrom",
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "trPrChange",
        "tcPrChange",
        "tblGridChange",
        "tblPrExChange",
        "numberingChange",
        "cellIns",
        "cellDel",
        "cellMerge",
    )
}
_RANGE_MARKS = {
    W + name
    for name in (
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
        "customXmlInsRangeStart",
        "customXmlInsRangeEnd",
        "customXmlDelRangeStart",
        "customXmlDelRangeEnd",
        "customXmlMoveFromRangeStart",
        "customXmlMoveFromRangeEnd",
        "customXmlMoveToRangeStart",
        "customXmlMoveToRangeEnd",
    )
}
_KEPT = {W + "ins", W + "moveTo"}
# Elements that are only a mark on their parent (a paragraph mark, a table row), never content.
_MARK_PARENTS = {W + "rPr", W + "trPr", W + "numPr", W + "pPr"}

_CORE_PERSONAL = {
    f"{{{NS_DC}}}creator": "creator",
    f"{{{NS_CP}}}lastModifiedBy": "lastModifiedBy",
    f"{{{NS_CP}}}lastPrinted": "lastPrinted",
    f"{{{NS_DC}}}description": "description",
    f"{{{NS_CP}}}keywords": "keywords",
    f"{{{NS_DC}}}subject": "subject",
    f"{{{NS_DC}}}title": "title",
    f"{{{NS_CP}}}category": "category",
    f"{{{NS_CP}}}contentStatus": "contentStatus",
    f"{{{NS_DC}}}identifier": "identifier",
    f"{{{NS_CP}}}version": "version",
}
_APP_PERSONAL = {
    f"{{{NS_APP}}}{name}": name for name in ("Company", "Manager", "HyperlinkBase", "Template")
}
# Said nothing about: Word's own template name, editing time and the list of headings.
_APP_QUIET = {f"{{{NS_APP}}}{name}" for name in ("TotalTime", "HeadingPairs", "TitlesOfParts")}
_ORDINARY_TEMPLATES = {"", "normal", "normal.dotm", "normal.dot", "normal.dotx"}


@dataclass(frozen=True)
class Removal:
    code: str
    count: int
    # Who or what: comment authors, property names, a template's path.
    names: tuple[str, ...] = ()


@dataclass
class CleanedLetterhead:
    data: bytes
    removed: list[Removal] = field(default_factory=list)


class _Cleaner:
    def __init__(self, package: Package) -> None:
        self.package = package
        self.counts: Counter[str] = Counter()
        self.names: dict[str, list[str]] = {}

    def note(self, code: str, count: int = 1, *names: str) -> None:
        if count <= 0:
            return
        self.counts[code] += count
        known = self.names.setdefault(code, [])
        known.extend(n for n in names if n and n not in known)

    def removals(self) -> list[Removal]:
        return [
            Removal(code, count, tuple(self.names.get(code, ())))
            for code, count in self.counts.items()
        ]

    # -- parts ---------------------------------------------------------------------------

    def _remove_tree(self, part: str) -> None:
        """A part and every part only it refers to (a macro project's signature)."""
        for target in self.package.rel_targets(part).values():
            self._remove_tree(target)
        self.package.remove_part(part)

    def macros(self, main: str) -> None:
        found = False
        for rel in self.package.relationships(main):
            if rel.get("Type", "").endswith(MACRO_RELATIONSHIPS):
                self._remove_tree(target_of(main, rel.get("Target", "")))
                found = True
        types = self.package.xml(CONTENT_TYPES)
        for override in types.iterchildren(OVERRIDE):
            if override.get("PartName", "").lstrip("/") != main:
                continue
            plain = {WORD_MACRO_MAIN: WORD_MAIN, WORD_MACRO_TEMPLATE_MAIN: WORD_TEMPLATE_MAIN}
            content_type = override.get("ContentType")
            if content_type in plain:
                override.set("ContentType", plain[content_type])
                found = True
        self.package.set_xml(CONTENT_TYPES, types)
        if found:
            self.note(MACROS)

    def comments(self) -> None:
        for part in list(self.package.parts):
            content_type = self.package.content_type(part) or ""
            if not content_type.endswith(COMMENT_CONTENT_TYPES):
                continue
            root = self._parsed(part)
            if content_type.endswith(".wordprocessingml.comments+xml"):
                comments = list(root.iterchildren(W + "comment")) if root is not None else []
                self.note(COMMENTS, len(comments), *(c.get(W + "author", "") for c in comments))
            elif content_type.endswith("people+xml") and root is not None:
                people = list(root.iter(f"{{{NS_W15}}}person"))
                self.note(PEOPLE, len(people), *(p.get(f"{{{NS_W15}}}author", "") for p in people))
            self.package.remove_part(part)

    def _parsed(self, part: str) -> Any:
        try:
            return self.package.xml(part)
        except etree.XMLSyntaxError:
            return None

    def properties(self) -> None:
        for part in self.package.related("", RT_CUSTOM_PROPERTIES):
            root = self._parsed(part)
            count = len(list(root.iter(f"{{{NS_CUSTOM}}}property"))) if root is not None else 1
            self.note(CUSTOM_PROPERTIES, count)
            self.package.remove_part(part)
        for part in self.package.related("", RT_THUMBNAIL):
            self.package.remove_part(part)
            self.note(THUMBNAIL)
        for part in [n for n in self.package.parts if n.lower() == "docprops/core.xml"]:
            self._empty(part, _CORE_PERSONAL, set())
        for part in [n for n in self.package.parts if n.lower() == "docprops/app.xml"]:
            self._empty(part, _APP_PERSONAL, _APP_QUIET)

    def _empty(self, part: str, personal: dict[str, str], quiet: set[str]) -> None:
        root = self._parsed(part)
        if root is None:
            return
        for element in list(root):
            if element.tag in personal:
                text = "".join(element.itertext()).strip()
                ordinary = personal[element.tag] == "Template" and text.lower() in (
                    _ORDINARY_TEMPLATES
                )
                if text and not ordinary:
                    self.note(DOCUMENT_PROPERTIES, 1, personal[element.tag])
                root.remove(element)
            elif element.tag in quiet:
                root.remove(element)
            elif element.tag == f"{{{NS_CP}}}revision":
                element.text = "1"
        self.package.set_xml(part, root)

    def custom_xml(self) -> None:
        items = [
            n
            for n in self.package.parts
            if n.lower().startswith("customxml/") and "/_rels/" not in n
        ]
        data_items = [n for n in items if not posixpath.basename(n).lower().startswith("itemprops")]
        for part in items:
            self.package.remove_part(part)
        self.note(CUSTOM_XML, len(data_items))

    def settings(self, part: str) -> None:
        root = self._parsed(part)
        if root is None:
            return
        targets = {
            rel.get("Id"): rel.get("Target", "")
            for rel in self.package.relationships(part)
            if rel.get("Type") == RT_ATTACHED_TEMPLATE
        }
        for element in list(root):
            if element.tag == W + "attachedTemplate":
                path = targets.get(element.get(R + "id"), "")
                self.note(ATTACHED_TEMPLATE, 1, path.removeprefix("file:///"))
                root.remove(element)
            elif element.tag == W + "rsids":
                self.note(EDITING_IDS)
                root.remove(element)
            elif element.tag == W + "docVars":
                self.note(DOCUMENT_VARIABLES, len(element))
                root.remove(element)
            elif element.tag in (W + "mailMerge", W + "trackRevisions"):
                root.remove(element)
        self.package.set_xml(part, root)
        self._drop_relationships(part, {str(rel_id) for rel_id in targets if rel_id})

    def _drop_relationships(self, source: str, ids: set[str]) -> None:
        name = rels_name(source)
        if not ids or name not in self.package.parts:
            return
        root = self.package.xml(name)
        for rel in list(root.iterchildren(RELATIONSHIP)):
            if rel.get("Id") in ids:
                root.remove(rel)
        self.package.set_xml(name, root)

    def external_links(self) -> None:
        for rels in list(self.package.rels_files()):
            root = self._parsed(rels)
            if root is None:
                continue
            dropped: set[str] = set()
            for rel in list(root.iterchildren(RELATIONSHIP)):
                if rel.get("TargetMode") == "External" and rel.get("Type") != RT_HYPERLINK:
                    dropped.add(rel.get("Id", ""))
                    self.note(EXTERNAL_LINKS, 1, rel.get("Target", ""))
                    root.remove(rel)
            if not dropped:
                continue
            self.package.set_xml(rels, root)
            source = source_of(rels) if rels != PACKAGE_RELS else ""
            if source in self.package.parts and source.endswith(".xml"):
                self._unlink(source, dropped)

    def _unlink(self, part: str, ids: set[str]) -> None:
        root = self._parsed(part)
        if root is None:
            return
        for element in root.iter():
            for attribute in [a for a in element.attrib if str(a).startswith(R)]:
                if element.get(attribute) in ids:
                    del element.attrib[attribute]
        # A picture that was only linked now shows nothing: take it out.
        for blip in list(root.iter(f"{{{NS_A}}}blip")):
            if blip.get(R + "embed") is None:
                run = _ancestor(blip, W + "r")
                if run is not None and run.getparent() is not None:
                    run.getparent().remove(run)
        self.package.set_xml(part, root)

    # -- the text of every part ----------------------------------------------------------

    def word_part(self, part: str) -> None:
        root = self._parsed(part)
        if root is None:
            return
        self.note(TRACKED_CHANGES, accept_revisions(root))
        _remove_comment_anchors(root)
        if root.tag != W + "styles" and root.tag != W + "numbering":
            self.note(HIDDEN_TEXT, _remove_hidden_runs(root))
        if _strip_rsids(root):
            self.note(EDITING_IDS)
        _unwrap_custom_xml(root)
        self.package.set_xml(part, root)

    # -- pictures ------------------------------------------------------------------------

    def images(self, name: str, t: gettext.NullTranslations) -> None:
        for part in list(self.package.parts):
            extension = posixpath.splitext(part)[1][1:].lower()
            if "/media/" not in f"/{part}" or extension not in RASTER_EXTENSIONS:
                continue
            data = self.package.parts[part]
            try:
                picture = inspect_picture(data)
                if not needs_shrinking(picture, len(data)):
                    continue
                media_type, smaller = shrink(data)
            except ImageTooLarge as error:
                raise picture_too_large(name, t) from error
            except ImageUnreadable:
                continue
            self._replace_image(part, media_type, smaller)
            self.note(IMAGES_REDUCED)

    def _replace_image(self, part: str, media_type: str, data: bytes) -> None:
        package = self.package
        if package.content_type(part) == media_type:
            package.parts[part] = data
            return
        stem = posixpath.splitext(part)[0]
        extension = EXTENSIONS[media_type]
        new = f"{stem}.{extension}"
        number = 1
        while new in package.parts:
            new = f"{stem}_{number}.{extension}"
            number += 1
        del package.parts[part]
        package.parts[new] = data
        types = package.xml(CONTENT_TYPES)
        for override in list(types.iterchildren(OVERRIDE)):
            if override.get("PartName", "").lstrip("/") == part:
                types.remove(override)
        defaults = types.iterchildren(DEFAULT)
        if not any(d.get("Extension", "").lower() == extension for d in defaults):
            default = etree.SubElement(types, DEFAULT)
            default.set("Extension", extension)
            default.set("ContentType", media_type)
            # Defaults come before overrides, as Word writes them.
            types.remove(default)
            types.insert(0, default)
        package.set_xml(CONTENT_TYPES, types)
        old_base, new_base = posixpath.basename(part), posixpath.basename(new)
        for rels in list(package.rels_files()):
            source = source_of(rels) if rels != PACKAGE_RELS else ""
            root = package.xml(rels)
            changed = False
            for rel in root.iterchildren(RELATIONSHIP):
                target = rel.get("Target", "")
                if rel.get("TargetMode") != "External" and target_of(source, target) == part:
                    rel.set("Target", target[: len(target) - len(old_base)] + new_base)
                    changed = True
            if changed:
                package.set_xml(rels, root)


def _ancestor(element: Any, tag: str) -> Any:
    parent = element.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _unwrap(element: Any) -> None:
    parent = element.getparent()
    index = parent.index(element)
    for child in reversed(list(element)):
        parent.insert(index, child)
    parent.remove(element)


def _has_content(paragraph: Any) -> bool:
    return any(
        child.tag in (W + "t", W + "drawing", W + "pict", W + "tab", W + "br", W + "fldChar")
        for child in paragraph.iter()
    )


def accept_revisions(root: Any) -> int:
    """Accept every tracked change under ``root``; the number of changes accepted."""
    count = 0
    emptied: list[Any] = []
    for element in list(root.iter(*_DROPPED, *_KEPT, *_RANGE_MARKS)):
        parent = element.getparent()
        if parent is None:
            continue  # inside something already removed
        if element.tag in _RANGE_MARKS:
            parent.remove(element)
            continue
        count += 1
        if parent.tag in _MARK_PARENTS:
            if element.tag in (W + "del", W + "moveFrom"):
                if parent.tag == W + "trPr":
                    row = parent.getparent()
                    if row is not None and row.getparent() is not None:
                        row.getparent().remove(row)  # a deleted table row
                        continue
                paragraph = _ancestor(element, W + "p")
                if paragraph is not None and parent.getparent() is not None:
                    emptied.append(paragraph)  # a deleted paragraph mark
            parent.remove(element)
        elif element.tag in _KEPT:
            _unwrap(element)
        else:
            parent.remove(element)
    for paragraph in emptied:
        container = paragraph.getparent()
        siblings = [] if container is None else list(container.iterchildren(W + "p"))
        # A paragraph whose text and mark were both deleted goes; a cell keeps its last one.
        if container is not None and not _has_content(paragraph) and len(siblings) > 1:
            container.remove(paragraph)
    return count


def _remove_comment_anchors(root: Any) -> None:
    for element in list(root.iter(W + "commentRangeStart", W + "commentRangeEnd")):
        element.getparent().remove(element)
    for reference in list(root.iter(W + "commentReference")):
        run = reference.getparent()
        if run.tag == W + "r" and all(c.tag in (W + "rPr", W + "commentReference") for c in run):
            run.getparent().remove(run)
        else:
            run.remove(reference)


def _on(element: Any) -> bool:
    return element is not None and element.get(W + "val", "true") not in ("0", "false", "off")


def _remove_hidden_runs(root: Any) -> int:
    count = 0
    for run in list(root.iter(W + "r")):
        properties = run.find(W + "rPr")
        if properties is None or not _on(properties.find(W + "vanish")):
            continue
        # A hidden part of a field (its code) belongs to the field; the field stays whole.
        if run.find(W + "fldChar") is not None or run.find(W + "instrText") is not None:
            continue
        parent = run.getparent()
        if parent is not None:
            parent.remove(run)
            count += 1
    return count


def _strip_rsids(root: Any) -> bool:
    found = False
    for element in list(root.iter(W + "rsid")):  # a style's own
        element.getparent().remove(element)
        found = True
    for element in root.iter():
        for attribute in [a for a in element.attrib if str(a).startswith(W + "rsid")]:
            del element.attrib[attribute]
            found = True
    return found


def _unwrap_custom_xml(root: Any) -> None:
    for element in list(root.iter(W + "customXml")):
        for properties in element.iterchildren(W + "customXmlPr"):
            element.remove(properties)
        _unwrap(element)
    for binding in list(root.iter(W + "dataBinding")):
        binding.getparent().remove(binding)


def clean_letterhead(
    data: bytes,
    *,
    name: str = "letterhead.docx",
    t: gettext.NullTranslations | None = None,
) -> CleanedLetterhead:
    """The letterhead without what should not travel with every release; what was taken out.

    Raises LetterheadRejected (with ``name`` in its message) for a file
    :func:`inspect_letterhead` refuses.
    """
    words = t or gettext.NullTranslations()
    package = read_package(data, name, words)
    cleaner = _Cleaner(package)
    main = package.main_part()
    assert main is not None  # read_package made sure
    try:
        cleaner.macros(main)
        cleaner.comments()
        cleaner.properties()
        cleaner.custom_xml()
        for part in package.word_xml_parts():
            if package.content_type(part) == (
                "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
            ):
                cleaner.settings(part)
        cleaner.external_links()
        for part in package.word_xml_parts():
            cleaner.word_part(part)
        cleaner.images(name, words)
    except etree.XMLSyntaxError as error:
        from releasewriter.export.letterheads.validate import damaged  # noqa: PLC0415

        raise damaged(name, words) from error
    return CleanedLetterhead(package.to_bytes(), cleaner.removals())


def describe_removals(removed: list[Removal], t: gettext.NullTranslations) -> list[str]:
    """One line per kind of thing removed, for the user, in the UI language."""
    lines = []
    for removal in removed:
        line = _describe(removal, t)
        if line:
            lines.append(line)
    return lines


def _names(names: tuple[str, ...], t: gettext.NullTranslations) -> str:
    shown = [n for n in names if n][:3]
    text = ", ".join(shown)
    if len([n for n in names if n]) > 3:
        text = t.gettext("{names} and others").format(names=text)
    return text


def _property_names(names: tuple[str, ...], t: gettext.NullTranslations) -> str:
    labels = {
        "creator": t.gettext("author"),
        "lastModifiedBy": t.gettext("last edited by"),
        "lastPrinted": t.gettext("when last printed"),
        "description": t.gettext("comments"),
        "keywords": t.gettext("keywords"),
        "subject": t.gettext("subject"),
        "title": t.gettext("title"),
        "category": t.gettext("category"),
        "contentStatus": t.gettext("status"),
        "identifier": t.gettext("identifier"),
        "version": t.gettext("version"),
        "Company": t.gettext("company"),
        "Manager": t.gettext("manager"),
        "HyperlinkBase": t.gettext("hyperlink base"),
        "Template": t.gettext("template"),
    }
    return ", ".join(labels.get(n, n) for n in names)


def _describe(removal: Removal, t: gettext.NullTranslations) -> str:
    n = removal.count
    code = removal.code
    names = _names(removal.names, t)
    if code == COMMENTS:
        if names:
            return t.ngettext(
                "{count} comment by {names}", "{count} comments by {names}", n
            ).format(count=n, names=names)
        return t.ngettext("{count} comment", "{count} comments", n).format(count=n)
    if code == PEOPLE:
        return t.ngettext(
            "the name of {count} reviewer ({names})", "the names of {count} reviewers ({names})", n
        ).format(count=n, names=names)
    if code == TRACKED_CHANGES:
        return t.ngettext(
            "{count} tracked change (accepted)", "{count} tracked changes (accepted)", n
        ).format(count=n)
    if code == DOCUMENT_PROPERTIES:
        return t.gettext("document properties: {names}").format(
            names=_property_names(removal.names, t)
        )
    if code == CUSTOM_PROPERTIES:
        return t.ngettext(
            "{count} custom document property", "{count} custom document properties", n
        ).format(count=n)
    if code == CUSTOM_XML:
        return t.ngettext(
            "{count} custom XML data part", "{count} custom XML data parts", n
        ).format(count=n)
    if code == HIDDEN_TEXT:
        return t.ngettext(
            "{count} piece of hidden text", "{count} pieces of hidden text", n
        ).format(count=n)
    if code == ATTACHED_TEMPLATE:
        return t.gettext("the path of its attached template ({path})").format(path=names)
    if code == EDITING_IDS:
        return t.gettext("Word's editing session identifiers")
    if code == DOCUMENT_VARIABLES:
        return t.ngettext("{count} document variable", "{count} document variables", n).format(
            count=n
        )
    if code == EXTERNAL_LINKS:
        return t.ngettext(
            "{count} link to an outside file ({names})",
            "{count} links to outside files ({names})",
            n,
        ).format(count=n, names=names)
    if code == MACROS:
        return t.gettext("macros")
    if code == THUMBNAIL:
        return t.gettext("the saved picture of its first page")
    if code == IMAGES_REDUCED:
        return t.ngettext(
            "{count} picture made smaller (no larger than a page needs)",
            "{count} pictures made smaller (no larger than a page needs)",
            n,
        ).format(count=n)
    return ""
