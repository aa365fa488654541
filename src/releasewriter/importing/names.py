"""Which files the importer reads, known by name alone (no reader is loaded)."""

from __future__ import annotations

IMPORTABLE_SUFFIXES = (".docx", ".docm", ".html", ".htm", ".xhtml", ".txt", ".md", ".markdown")


def is_importable_name(name: str) -> bool:
    return name.lower().endswith(IMPORTABLE_SUFFIXES)
