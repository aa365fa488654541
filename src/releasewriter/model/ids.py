"""Stable identifiers for releases and their segments.

Paragraphs, quotes, contacts and notes carry ids so that a translation can
follow its source segment across edits and through XLIFF round trips.
"""

import uuid


def new_id() -> str:
    """A short random id; 12 hex digits make a collision within one release negligible."""
    return uuid.uuid4().hex[:12]


def new_release_id() -> str:
    return uuid.uuid4().hex
