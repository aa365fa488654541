"""Drafts on disk: the file format, its migrations, and the crash-safe drafts folder."""

from releasewriter.store.draft_format import SCHEMA_VERSION, dumps_release, loads_release
from releasewriter.store.drafts import (
    DraftEntry,
    DraftProblem,
    DraftReadError,
    DraftStore,
    DraftWriteError,
    ReadOnlyDraftError,
    default_drafts_dir,
    is_draft_name,
    is_openable_name,
    read_release,
)
from releasewriter.store.errors import DraftFormatError

__all__ = [
    "SCHEMA_VERSION",
    "DraftEntry",
    "DraftFormatError",
    "DraftProblem",
    "DraftReadError",
    "DraftStore",
    "DraftWriteError",
    "ReadOnlyDraftError",
    "default_drafts_dir",
    "dumps_release",
    "is_draft_name",
    "is_openable_name",
    "loads_release",
    "read_release",
]
