"""ReleaseWriter: write, preview and export multilingual press releases offline."""

__version__ = "0.1.0"
