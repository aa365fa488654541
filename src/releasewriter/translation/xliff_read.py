"""Reading a translated XLIFF 1.2 file back into a release; the rules are described in
:mod:`releasewriter.translation.xliff`."""

from __future__ import annotations

import copy
import gettext
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from releasewriter.model import (
    Contact,
    LanguageVersion,
    Paragraph,
    Quote,
    Release,
    SegmentState,
    SegmentStatus,
)
from releasewriter.model.fields import get_field, set_field
from releasewriter.model.one_line import one_line
from releasewriter.translation.segments import MARKUP_KINDS, boilerplate_text, segment_map
from releasewriter.translation.state import mark_needs_review, mark_reviewed
from releasewriter.translation.xliff_write import NS, XliffError, clean, original_name

_UNIT = f"{{{NS}}}trans-unit"
_SOURCE = f"{{{NS}}}source"
_TARGET = f"{{{NS}}}target"
_CODES = frozenset({"bpt", "ept", "ph", "it"})
_MARKERS = {"bold": "**", "italic": "*"}


@dataclass
class XliffImportReport:
    """What an import did, by segment key, in the order of the file."""

    # The version the translations went into.
    target: str
    # Every unit whose translation was taken into the version.
    updated: list[str] = field(default_factory=list)
    # Paragraphs, quotes, contacts and notes the version did not have yet, added
    # where the source has them so that their translation had a place.
    created: list[str] = field(default_factory=list)
    # Imported, but marked as needing review (by the file's state, or because the
    # source changed since the export).
    needs_review: list[str] = field(default_factory=list)
    # The unit's <source> is not the current source text: the source changed
    # since the export. The translation was imported and marked for review.
    source_changed: list[str] = field(default_factory=list)
    # Ids that are not a segment of the release's source: skipped.
    unknown: list[str] = field(default_factory=list)
    # Units without a translation: skipped.
    empty: list[str] = field(default_factory=list)
    # Units or parts of units that could not be read as written (skipped or left out).
    problems: list[str] = field(default_factory=list)
    # About the file as a whole: another release, another language than declared.
    warnings: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.updated)


def describe_import(
    report: XliffImportReport, t: gettext.NullTranslations, language: str
) -> list[str]:
    """What an import did, in the user's words: a summary line, then each thing to know."""
    _ = t.gettext
    count = len(report.updated)
    lines = [
        t.ngettext(
            "{count} segment imported into {language}.",
            "{count} segments imported into {language}.",
            count,
        ).format(count=count, language=language)
    ]
    lines += [
        _("{key}: the source changed since the export; marked for review.").format(key=k)
        for k in report.source_changed
    ]
    lines += [
        _("{key}: not a segment of this release; skipped.").format(key=k) for k in report.unknown
    ]
    lines += [_("{key}: no translation; skipped.").format(key=k) for k in report.empty]
    return [*lines, *report.warnings, *report.problems]


def _parse(data: bytes) -> Any:
    if not data.strip():
        raise XliffError("the file is empty, not XLIFF")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise XliffError(f"the file is not well-formed XML: {error}") from error
    name = etree.QName(root)
    if name.localname != "xliff":
        raise XliffError(f"the file is not XLIFF: its root element is <{name.localname}>")
    if name.namespace != NS:
        version = root.get("version") or "of an unknown version"
        raise XliffError(
            f"the file is XLIFF {version} (namespace {name.namespace or 'none'}), not XLIFF 1.2 "
            f"({NS}); save it as XLIFF 1.2 in the translation tool"
        )
    return root


def _same_tag(a: str, b: str) -> bool:
    return a.strip().replace("_", "-").lower() == b.strip().replace("_", "-").lower()


def _find_version(release: Release, tag: str, warnings: list[str], what: str) -> str | None:
    """The release's locale for a language tag: the same tag, else its language's one version."""
    for locale in release.locales:
        if _same_tag(locale, tag):
            return locale
    language = re.split(r"[-_]", tag.strip())[0].lower()
    alike = [loc for loc in release.locales if re.split(r"[-_]", loc)[0].lower() == language]
    if len(alike) == 1:
        warnings.append(f"the file's {what} is {tag}; the release's {alike[0]} version was used")
        return alike[0]
    return None


def _declared(files: list[Any], attribute: str) -> list[str]:
    return sorted({(f.get(attribute) or "").strip() for f in files} - {""})


def _target_locale(
    release: Release, files: list[Any], target: str | None, warnings: list[str]
) -> str:
    declared = _declared(files, "target-language")
    versions = ", ".join(release.locales)
    if target is not None:
        locale = _find_version(release, target, [], "target")
        if locale is None:
            raise XliffError(f"the release has no {target!r} version; it has {versions}")
        if declared and not any(_same_tag(tag, locale) for tag in declared):
            warnings.append(
                f"the file is for {', '.join(declared)}; it was imported into {locale} as asked"
            )
        return locale
    if not declared:
        raise XliffError("the file names no target-language: choose the version to import into")
    if len(declared) > 1:
        raise XliffError(f"the file has several target languages: {', '.join(declared)}")
    locale = _find_version(release, declared[0], warnings, "target-language")
    if locale is None:
        raise XliffError(
            f"the file's target-language is {declared[0]}, and the release has no version "
            f"in that language (it has {versions}); add the version first"
        )
    return locale


def _source_version(release: Release, files: list[Any], warnings: list[str]) -> LanguageVersion:
    """The version the file was translated from (the release's source unless it says otherwise)."""
    declared = _declared(files, "source-language")
    if len(declared) == 1:
        locale = _find_version(release, declared[0], warnings, "source-language")
        if locale is not None:
            return release.version(locale)
    if declared:
        warnings.append(
            f"the file was translated from {', '.join(declared)}, which is not a version of "
            f"the release: its units were compared with the {release.source_locale} source"
        )
    return release.source


def _check_original(release: Release, files: list[Any], warnings: list[str]) -> None:
    expected = original_name(release)
    for file in files:
        original = file.get("original") or ""
        if re.split(r"[\\/]", original)[-1] != expected:
            warnings.append(
                f"the file was exported from another release ({original!r}, this one is "
                f"{expected!r}): units were matched by their ids, and those whose source text "
                "differs were marked for review"
            )


def _text_of(element: Any) -> str:
    """All the text inside a native code, however deep (``<sub>`` included)."""
    parts = [element.text or ""] if isinstance(element.tag, str) else []
    for child in element:
        if isinstance(child.tag, str):
            parts.append(_text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _flatten(element: Any, key: str, problems: list[str]) -> str:
    """The stored text of a <source> or <target>: its text, with each code's native markup."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            parts.append(_inline(child, key, problems))
        elif child.tag is etree.Entity:
            problems.append(f"{key}: the entity reference {child.text} was left out")
        parts.append(child.tail or "")
    return "".join(parts)


def _inline(child: Any, key: str, problems: list[str]) -> str:
    name = etree.QName(child)
    if name.namespace != NS:
        problems.append(f"{key}: an unknown element <{name.localname}>; its text was kept")
        return _flatten(child, key, problems)
    local = name.localname
    if local in _CODES:
        return _text_of(child)
    if local in ("mrk", "sub"):
        return _flatten(child, key, problems)
    if local == "g":
        inner = _flatten(child, key, problems)
        marker = _MARKERS.get(child.get("ctype") or "")
        if marker:
            return marker + inner + marker
        problems.append(f"{key}: a <g> tag ReleaseWriter did not write; its words were kept")
        return inner
    problems.append(f"{key}: an <{local}> code ReleaseWriter did not write was left out")
    return ""


def _insert(items: list[Any], source_items: list[Any], item: Any) -> None:
    """Put ``item`` after the last of ``items`` that comes before it in the source."""
    order = [x.id for x in source_items]
    before = set(order[: order.index(item.id)])
    position = 0
    for i, existing in enumerate(items):
        if existing.id in before:
            position = i + 1
    items.insert(position, item)


def _make_place(version: LanguageVersion, source: LanguageVersion, key: str) -> None:
    """Give ``version`` the paragraph, quote, contact or note that ``key`` lives in.

    Like a new version, it takes the source's names, emails, phones and quote
    placing, with its texts still to write.
    """
    kind, _, rest = key.partition(":")
    item_id = rest.split(":", 1)[0]
    if kind == "body":
        _insert(version.body, source.body, Paragraph("", item_id))
    elif kind == "note":
        _insert(version.notes_to_editors, source.notes_to_editors, Paragraph("", item_id))
    elif kind == "quote":
        q = next(q for q in source.quotes if q.id == item_id)
        _insert(
            version.quotes,
            source.quotes,
            Quote("", q.speaker, "", q.after_paragraph, q.speaker_gender, q.id),
        )
    elif kind == "contact":
        c = next(c for c in source.contacts if c.id == item_id)
        _insert(version.contacts, source.contacts, Contact(c.name, "", "", c.email, c.phone, c.id))


def _write(release: Release, version: LanguageVersion, key: str, text: str) -> None:
    segment = segment_map(version, release.organisation)[key]
    if segment.kind not in MARKUP_KINDS:
        text = one_line(text)  # a headline or a role: one line, however the tool wrapped it
    if segment.path is None:  # the organisation's boilerplate: override it only if it differs
        if text != boilerplate_text(version, release.organisation):
            version.boilerplate = text
    elif get_field(version, segment.path) != text:
        set_field(version, segment.path, text)


def _record(
    release: Release,
    locale: str,
    key: str,
    *,
    file_source: str | None,
    needs_review: bool,
) -> None:
    """The segment's state after an import (see the module docstring of ``xliff``)."""
    version = release.version(locale)
    if file_source is not None:
        # Translated against a source that has changed since: keep the one it answers
        # to, so that the editor shows what changed.
        version.segments[key] = SegmentState(SegmentStatus.NEEDS_REVIEW, file_source)
    elif needs_review:
        stored = version.segments.get(key)
        current = segment_map(release.source, release.organisation).get(key)
        if stored is None or current is None or stored.source == current.text:
            mark_needs_review(release, locale, key)
        # else: already stale with the older source, which shows what changed: kept.
    else:
        mark_reviewed(release, locale, key)


def import_xliff(release: Release, data: bytes, *, target: str | None = None) -> XliffImportReport:
    """Take the translations of an XLIFF 1.2 file into the release's ``target`` version.

    ``target`` defaults to the file's target-language. Raises :class:`XliffError` for
    a file that is not XLIFF 1.2, or whose language has no version in the release.
    """
    root = _parse(data)
    files = root.findall(f"{{{NS}}}file")
    if not files:
        raise XliffError("the XLIFF file has no <file> element")
    warnings: list[str] = []
    locale = _target_locale(release, files, target, warnings)
    source = _source_version(release, files, warnings)
    if locale in (release.source_locale, source.locale):
        raise XliffError(
            f"the file's translations are for {locale}, the version they were translated "
            "from; the source version is not overwritten by an import"
        )
    _check_original(release, files, warnings)
    report = XliffImportReport(locale, warnings=warnings)
    version = release.version(locale)
    before = copy.deepcopy(version)
    sources = {key: clean(s.text) for key, s in segment_map(source, release.organisation).items()}
    seen: set[str] = set()
    for unit in root.iter(_UNIT):
        key = unit.get("id")
        if not key:
            report.problems.append("a trans-unit without an id was skipped")
            continue
        if key in seen:
            report.problems.append(f"{key}: a second trans-unit with this id was skipped")
            continue
        seen.add(key)
        source_element, target_element = unit.find(_SOURCE), unit.find(_TARGET)
        if source_element is None:
            report.problems.append(f"{key}: the trans-unit has no <source>; skipped")
            continue
        if key not in sources:
            report.unknown.append(key)
            continue
        text = "" if target_element is None else _flatten(target_element, key, report.problems)
        if not text.strip():
            report.empty.append(key)
            continue
        if key not in segment_map(version, release.organisation):
            _make_place(version, source, key)
            report.created.append(key)
        _write(release, version, key, text)
        report.updated.append(key)
        file_source = _flatten(source_element, key, report.problems)
        changed = file_source != sources[key]
        needs_review = (target_element.get("state") or "").startswith("needs-")
        if changed:
            report.source_changed.append(key)
        if changed or needs_review:
            report.needs_review.append(key)
        _record(
            release,
            locale,
            key,
            file_source=file_source if changed and source is release.source else None,
            needs_review=changed or needs_review,
        )
    if version != before:
        release.touch()
    return report
