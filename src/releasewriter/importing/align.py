"""A translated document (Word, web page, text) aligned to the release's segments.

Translation agencies often send back a translated copy of the release instead
of the XLIFF file. Its structure is read first: the printed labels, the
dateline (which gives the city, and opens the first paragraph), the headline,
the contacts (found by their e-mail, phone or name, which no language changes).
The body, quotes, notes and boilerplate are then aligned in order by a
monotone dynamic programme in the manner of Gale and Church: each step pairs
one source segment with one block, or two or three with one (a merged
paragraph), or one with two or three (a split one), or skips one side; its
cost weighs the length ratio against the one expected between the two texts
and the anchors both sides carry (numbers by value, addresses, names).

Nothing is applied silently when unsure: a segment is ALIGNED only when its
anchors agree (or, with none, its length does), UNCERTAIN (imported, to
review) otherwise, MISSING when nothing in the document answers it; blocks
that answer no segment are kept in ``unmatched``.
"""

from __future__ import annotations

import math
from collections import Counter

from releasewriter.importing.align_apply import (
    ImportCounts,
    ImportTranslationReport,
    apply_alignment,
)
from releasewriter.importing.align_structure import (
    about_prefix,
    find_contacts,
    find_dateline,
    furniture,
    headline_score,
    printed_labels,
)
from releasewriter.importing.align_text import anchors, compare
from releasewriter.importing.align_types import (
    AlignedSegment,
    Alignment,
    AlignStatus,
    UnmatchedBlock,
    found,
    missing,
)
from releasewriter.importing.align_units import (
    CONFLICT,
    NAME,
    SHARED,
    Bead,
    SourceUnit,
    TargetUnit,
    length_cost,
    read_beads,
    sum_anchors,
)
from releasewriter.importing.blocks import SourceBlock
from releasewriter.model import Quote, Release
from releasewriter.model.release import reading_order
from releasewriter.translation.segments import Segment, segments_of
from releasewriter.translation.versions import normalise_locale

# Costs of a step apart from its length and anchors: what Gale and Church's
# priors say (most paragraphs are translated one for one), in -log units.
_PRIOR = {
    (1, 1): 0.0,
    (1, 0): 4.5,
    (0, 1): 4.5,
    (2, 1): 2.5,
    (1, 2): 2.5,
    (3, 1): 4.5,
    (1, 3): 4.5,
}
# A short line without a full stop (a heading the translator added) is cheap to leave out.
_SKIP_HEADING = 1.0
_QUOTE_SHAPE = 4.0
_SENTENCES = 1.0
# How much dearer than the best of its row a cell may be and still be extended:
# more than any one step can win back (a paragraph with ten shared anchors).
_BEAM = 40.0


def _reading_order(release: Release) -> list[str]:
    """Body paragraphs and quotes as the document prints them, then notes and boilerplate."""
    source = release.source
    keys = [
        f"quote:{item.id}" if isinstance(item, Quote) else f"body:{item.id}"
        for item in reading_order(source)
    ]
    keys += [f"note:{n.id}" for n in source.notes_to_editors if n.text.strip()]
    keys.append("boilerplate")
    return keys


def align_translation(release: Release, locale: str, blocks: list[SourceBlock]) -> Alignment:
    """Which block (or part of one) of a translated document answers each source segment.

    Raises :class:`~releasewriter.translation.versions.VersionError` for an unknown language.
    """
    locale = normalise_locale(locale)
    segments = [s for s in segments_of(release.source, release.organisation) if s.text.strip()]
    by_key = {s.key: s for s in segments}
    result: dict[str, AlignedSegment] = {}
    alignment = Alignment(locale, [])
    labels = printed_labels(release, locale)
    about = about_prefix(locale)
    usable: list[int] = []
    for index, block in enumerate(blocks):
        if not block.plain.strip():
            continue
        what = furniture(block, labels, about)
        if block.chrome or what == "page number":
            alignment.unmatched.append(UnmatchedBlock(index, block.text))
        elif what is not None:
            alignment.recognised[index] = what
        else:
            usable.append(index)
    stops = set(alignment.recognised)

    for contact_lines in find_contacts(release.source.contacts, blocks, usable, stops):
        contact = contact_lines.contact
        if contact_lines.name is not None:
            alignment.recognised[contact_lines.name] = "contact name"
        for index in contact_lines.details:
            alignment.recognised[index] = "contact details"
        wanted = [
            f"contact:{contact.id}:{part}"
            for part, text in (("role", contact.role), ("office", contact.office))
            if text.strip()
        ]
        sure = contact_lines.sure
        for key, index in zip(wanted, contact_lines.lines, strict=False):
            score = 1.0 if sure else 0.5
            # Roles and offices are plain text, not markup.
            result[key] = found(by_key[key], blocks[index].plain.strip(), (index,), score, sure)
            alignment.recognised[index] = "contact"
    usable = [i for i in usable if i not in alignment.recognised]

    dateline = find_dateline(release, locale, blocks, usable)
    start = usable.index(dateline.index) if dateline is not None else 0
    before = usable[:start] if dateline is not None else []
    if dateline is None:
        # No dateline: the headline (and subheadline) are the first lines that look like one.
        lines = int("headline" in by_key) + int("subheadline" in by_key)
        while start < min(len(usable), lines) and headline_score(blocks[usable[start]]) >= 1:
            before.append(usable[start])
            start += 1
    _headlines(release, blocks, before, by_key, result, alignment)
    if dateline is not None and "city" in by_key:
        city = dateline.city or ""
        result["city"] = found(by_key["city"], city, (dateline.index,), 1.0, dateline.city_sure)

    source_units = [
        SourceUnit.of(by_key[key], release.source_locale, release)
        for key in _reading_order(release)
        if key in by_key
    ]
    targets: list[TargetUnit] = []
    for index in usable[start:]:
        offset = dateline.end if dateline is not None and index == dateline.index else 0
        unit = TargetUnit.of(index, blocks[index], offset, locale)
        if unit is None:
            alignment.recognised[index] = "dateline"
        else:
            targets.append(unit)
    for bead in _align(source_units, targets):
        for item in read_beads(bead, blocks, locale, by_key):
            if isinstance(item, AlignedSegment):
                result[item.key] = item
            else:
                alignment.unmatched.append(UnmatchedBlock(item, blocks[item].text))
    alignment.segments = [result.get(s.key) or missing(s) for s in segments]
    alignment.unmatched.sort(key=lambda u: u.index)
    return alignment


def _headlines(
    release: Release,
    blocks: list[SourceBlock],
    candidates: list[int],
    by_key: dict[str, Segment],
    result: dict[str, AlignedSegment],
    alignment: Alignment,
) -> None:
    """The headline and subheadline among the lines before the dateline; the rest is unmatched."""
    left = list(candidates)
    for key in ("headline", "subheadline"):
        if key not in by_key or not left:
            continue
        source = by_key[key]
        expected = anchors(source.text, release.source_locale)

        def fit(index: int, expected: Counter[str] = expected) -> float:
            score = compare(expected, anchors(blocks[index].plain, alignment.locale))
            return headline_score(blocks[index]) + score.shared + score.shared_names

        best = max(left, key=lambda i: (fit(i), -i))
        ties = [i for i in left if fit(i) == fit(best)]
        sure = len(left) == 1 or (headline_score(blocks[best]) >= 3 and len(ties) == 1)
        headline = blocks[best].plain.strip()  # plain text, not markup
        result[key] = found(source, headline, (best,), 1.0 if sure else 0.5, sure)
        # The subheadline comes after the headline: what came before it is not release text.
        left = [i for i in left if i > best]
    taken = {i for s in result.values() for i in s.blocks}
    alignment.unmatched += [UnmatchedBlock(i, blocks[i].text) for i in candidates if i not in taken]


def _align(sources: list[SourceUnit], targets: list[TargetUnit]) -> list[Bead]:
    """The path at the ratio of the two texts' totals, then again at the ratio of the
    paragraphs it paired one for one when that differs: a paragraph left out of the
    translation, or a translator's page of notes, skews the totals."""
    total_source = sum(u.length for u in sources) or 1
    total_target = sum(u.length for u in targets) or 1
    ratio = total_target / total_source
    beads = _path(sources, targets, ratio)
    pairs = [b for b in beads if len(b.sources) == len(b.targets) == 1]
    paired_source = sum(b.sources[0].length for b in pairs)
    paired_target = sum(b.targets[0].length for b in pairs)
    if paired_source and paired_target:
        refined = paired_target / paired_source
        if abs(math.log(refined / ratio)) > 0.05:
            beads = _path(sources, targets, refined)
    return beads


def _path(sources: list[SourceUnit], targets: list[TargetUnit], ratio: float) -> list[Bead]:
    """The cheapest monotone path through the pairs, within a band around the diagonal.

    The band is as wide as the difference in counts (a web page's lines of
    chrome) and within it a beam leaves out the cells far dearer than the best
    of their row: the steps are then priced near the path only, in time linear
    in the document's length for a translation that follows its source.
    """
    n, m = len(sources), len(targets)
    band = max(12, abs(m - n) + 8)
    inf = math.inf
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    floors = [0.0] + [inf] * n
    for i in range(n + 1):
        centre = round(i * m / n) if n else 0
        for j in range(max(0, centre - band), min(m, centre + band) + 1):
            if i == 0 and j == 0:
                continue
            best, step = inf, None
            for (di, dj), prior in _PRIOR.items():
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0:
                    continue
                before = cost[pi][pj]
                # Leaving a block out is priced in constant time, and a run of them
                # (the lines after the release on a web page) must stay open.
                if before == inf or (pi < i and before > floors[pi] + _BEAM):
                    continue
                value = before + prior + _step_cost(sources[pi:i], targets[pj:j], ratio)
                if value < best:
                    best, step = value, (di, dj)
            cost[i][j], back[i][j] = best, step
            floors[i] = min(floors[i], best)
    beads: list[Bead] = []
    i, j = n, m
    while i > 0 or j > 0:
        step = back[i][j]
        if step is None:  # outside the band: cannot happen with the band as wide as |m - n|
            break
        di, dj = step
        beads.append(Bead(sources[i - di : i], targets[j - dj : j], ratio))
        i, j = i - di, j - dj
    beads.reverse()
    return beads


def _step_cost(sources: list[SourceUnit], targets: list[TargetUnit], ratio: float) -> float:
    if not sources:
        (target,) = targets
        skip = _SKIP_HEADING if target.heading_like else _PRIOR[(0, 1)]
        return skip - _PRIOR[(0, 1)] + CONFLICT * target.strong
    if not targets:
        (source,) = sources
        return CONFLICT * source.strong
    if len(sources) + len(targets) > 2 and any(u.quote for u in sources):
        return math.inf  # a quote is one paragraph with its attribution
    length = length_cost(sum(u.length for u in sources), sum(u.length for u in targets), ratio)
    source_anchors = (
        sources[0].anchors if len(sources) == 1 else sum_anchors(u.anchors for u in sources)
    )
    target_anchors = (
        targets[0].anchors if len(targets) == 1 else sum_anchors(u.anchors for u in targets)
    )
    score = compare(source_anchors, target_anchors)
    shape = any(u.quote for u in sources) != any(u.quote for u in targets)
    # Translators mostly keep sentences as they are: a step that loses or gains
    # some is less likely (weighed lightly, since some do join or cut sentences).
    sentences = abs(sum(u.sentences for u in sources) - sum(u.sentences for u in targets))
    return (
        _SENTENCES * sentences
        + length
        - SHARED * score.shared
        - NAME * score.shared_names
        + CONFLICT * score.conflicts
        + _QUOTE_SHAPE * shape
    )


__all__ = [
    "AlignStatus",
    "AlignedSegment",
    "Alignment",
    "ImportCounts",
    "ImportTranslationReport",
    "UnmatchedBlock",
    "align_translation",
    "apply_alignment",
]
