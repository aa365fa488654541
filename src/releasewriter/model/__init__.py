"""The release as plain data: no I/O, no HTML, no Qt.

Everything that is stored in a draft lives here as dataclasses; rendering,
storage and the GUI read and write these objects and nothing else.
"""

from releasewriter.model.ids import new_id
from releasewriter.model.organisation import HouseStyle, Letterhead, Logo, Organisation
from releasewriter.model.release import (
    Contact,
    Dateline,
    Embargo,
    LanguageVersion,
    Paragraph,
    Quote,
    Release,
    SpeakerGender,
)
from releasewriter.model.translation import SegmentState, SegmentStatus

__all__ = [
    "Contact",
    "Dateline",
    "Embargo",
    "HouseStyle",
    "LanguageVersion",
    "Letterhead",
    "Logo",
    "Organisation",
    "Paragraph",
    "Quote",
    "Release",
    "SegmentState",
    "SegmentStatus",
    "SpeakerGender",
    "new_id",
]
