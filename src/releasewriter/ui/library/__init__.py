"""The drafts library panel: the drafts folder as a searchable list, and its trash."""

from releasewriter.ui.library.panel import DraftsLibraryPanel

__all__ = ["DraftsLibraryPanel"]
