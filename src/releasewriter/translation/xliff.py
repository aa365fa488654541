"""Translation jobs as XLIFF 1.2, for translators who work in a CAT tool (Trados, memoQ, OmegaT).

``export_xliff(release, "fr", "en")`` writes the segments of the French version
with their English translations; ``import_xliff(release, data)`` takes the
translations of such a file back into the release. The code is in
:mod:`.xliff_write` and :mod:`.xliff_read`. The version translated from is
normally the release's source; another one can serve as a pivot (English for an
Arabic translator of a French release): states still answer to the release's
source. A source version in which two segments share a key (an id copied by
hand) cannot be exported: :class:`XliffError` names the key.

**The file.** XLIFF 1.2 (``urn:oasis:names:tc:xliff:document:1.2``), valid
against the OASIS strict schema: one ``<file original="<release id>.release.json"
datatype="plaintext">`` with BCP 47 ``source-language`` and ``target-language``
(``zh_Hans_CN`` is written ``zh-Hans-CN``); a ``<header>`` naming the tool
(``ReleaseWriter`` and its version) with notes: the headline, and how to treat
the tags. Then one ``<trans-unit id="<segment key>" resname="<segment key>"
xml:space="preserve">`` per segment of the source version that has text, in
reading order (:func:`releasewriter.translation.segments.segments_of`):
``<source xml:lang>``, a ``<target xml:lang state>`` when there is a
translation (``translated``, or ``needs-review-translation``; an untranslated
segment, such as one still holding the text copied from the source, has no
target), and a ``<note from="ReleaseWriter">`` saying in plain English which
field it is ("Body paragraph 2", "Quote by Pär Liljert", "Role of contact Ellen
Wong"), with further notes for a quote's speaker's gender (for languages that
agree the quote's words with it) and, for a stale translation,
the source text it was made from. No ``<phase>`` or ``<count-group>``: both are
valid but a phase needs a date, which would make the same release give other
bytes, and CAT tools count words themselves. The output is stable: the same
release gives the same bytes (UTF-8, XML declaration, two-space indentation
that never touches the text of a source, target or note).

**Inline markup.** Paragraphs, quotes, notes and the boilerplate are stored in
the Markdown subset of :mod:`releasewriter.model.inline`. Its markers travel as
XLIFF *native codes*, which CAT tools show as protected tags and put back as
they were: a paired ``**`` or ``*`` becomes ``<bpt ctype="bold">**</bpt>`` …
``<ept>**</ept>`` (``italic`` for ``*``); a link ``[label](url)`` becomes
``<bpt ctype="link">[</bpt>label<ept>](url)</ept>`` (the label is translated, the
address stays in the closing code); an escape such as ``\\*`` becomes
``<ph ctype="x-escape" equiv-text="*">\\*</ph>``. A ``<bpt>`` and its ``<ept>``
share an ``id`` (XLIFF 1.2's pairing; they may overlap, as in ``***both***``),
and a code in the target takes the id of the same code in the source. The
markers are found exactly as the renderer finds them: an unpaired ``*``, a bare
address or an e-mail address stays text. Each code holds its characters as
stored, and reading a file joins the text and the codes' contents back, so the
round trip is exact, character for character. A translator may also type
markup as text (``**word**``): it is taken as typed, as in the editor.
Headlines, roles and offices are plain text and have no codes.

**What XML cannot hold.** Control characters, lone surrogates and U+FFFE/U+FFFF
cannot be written to XML; the export replaces them with U+FFFD and writes line
ends as ``\\n`` (:func:`releasewriter.export.sanitize.clean_text`), and an import
compares a unit's source with the *cleaned* current source, so such a character
alone never makes a source look changed.

**Reading a file** (lxml, with entities not resolved, no network, no DTD, no
huge trees). The version to write into is the file's ``target-language`` (or the
``target`` argument): the same tag, else the release's one version in that
language (with a warning); it must be a version of the release other than the
source, else :class:`XliffError`, which also refuses a file that is not
well-formed or not XLIFF 1.2. A file exported from another release (its
``original`` is not this release's file name) is read with a warning in the
report rather than refused, so that a translation can go into a duplicated
draft; units are matched by id, and any whose source text differs is marked
for review, so a wrong file cannot pass silently. For each trans-unit:

* an id that is not a segment of the source version: reported as unknown, skipped;
* no target, or one with only spaces: reported as empty, skipped;
* otherwise the text goes to the segment's place in the target version (the
  boilerplate sets the version's own boilerplate, unless it is the
  organisation's text already). A paragraph, quote, contact or note the target
  version does not have yet is added where the source has it (reported as
  created);
* a ``<source>`` that differs from the current source text: the source changed
  since the export. The translation is imported, reported, and marked as needing
  review against the source it was made from, so the editor shows what changed;
* a ``state`` of ``needs-…``: marked as needing review (a record that was already
  stale is kept, with its older source);
* any other state (``translated``, ``final``, ``signed-off``, none…): translated
  against the current source (:func:`~releasewriter.translation.state.mark_reviewed`:
  the unit's source *is* the current source, so the translator has seen it,
  even where an earlier translation was stale). A target that is the source's
  own text (a name kept as it is) is thereby confirmed as such.

Nothing else in the release changes; ``modified`` is updated when something did.
Codes the export never writes are read leniently and named in the report's
``problems``: ``<mrk>`` and ``<sub>`` are transparent, ``<g ctype="bold|italic">``
becomes the marker, other ``<g>`` keep their words, empty codes (``<x/>``,
``<bx/>``, ``<ex/>``) are left out.
"""

from releasewriter.translation.xliff_read import XliffImportReport, import_xliff
from releasewriter.translation.xliff_write import (
    XliffError,
    export_xliff,
    language_tag,
    markup_pieces,
    write_xliff,
)

__all__ = [
    "XliffError",
    "XliffImportReport",
    "export_xliff",
    "import_xliff",
    "language_tag",
    "markup_pieces",
    "write_xliff",
]
