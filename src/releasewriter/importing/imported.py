"""What recognising an imported document gives: a draft, and an account of every line."""

from __future__ import annotations

from dataclasses import dataclass, field

from releasewriter.model import LanguageVersion, Release

# Field keys of ``placements`` that hold a label, not content ("Notes to editors").
LABEL_KEYS = frozenset(
    {"status", "date", "contacts_heading", "notes_heading", "about_heading", "end_mark"}
)


@dataclass
class ImportedRelease:
    """A draft made from an imported document, and an account of every line of it."""

    release: Release
    # Lines (their plain text) that went into no field, in document order.
    not_placed: list[str] = field(default_factory=list)
    # The web page's furniture (menus, sharing, cookie banners): not the release's.
    left_out: list[str] = field(default_factory=list)
    # Each filled field ("headline", "body.0", "quote.1", "contact.0", "boilerplate",
    # and the labels in LABEL_KEYS) to the indices of the blocks it came from.
    placements: dict[str, list[int]] = field(default_factory=dict)
    # What the user should know about the reading ("Language: fr, detected with …").
    notes: list[str] = field(default_factory=list)
    # The indices of the blocks of ``not_placed`` and ``left_out``, in the same order.
    not_placed_blocks: list[int] = field(default_factory=list)
    left_out_blocks: list[int] = field(default_factory=list)
    # The dateline as it was written ("GENÈVE, 16 juillet 2013 (OIM) –"); its
    # city, country and date are in the release, the organisation's tag is not.
    dateline_text: str = ""
    # Each quote's attribution verb as written ("a déclaré"), in the order of the quotes.
    attributions: list[str] = field(default_factory=list)
    # How sure the language detection was (0 to 1); 0 when the language was given.
    confidence: float = 0.0

    @property
    def version(self) -> LanguageVersion:
        return self.release.source
