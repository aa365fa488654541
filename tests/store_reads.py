"""Counting the draft files a piece of the app reads (a restart should read only changed ones)."""

from __future__ import annotations

from pathlib import Path

import pytest

from releasewriter.model import Release
from releasewriter.store import DraftStore


def count_loads(store: DraftStore, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every path ``store.load`` reads from now on, in order."""
    reads: list[Path] = []
    load = store.load

    def counting(path: Path) -> Release:
        reads.append(path)
        return load(path)

    monkeypatch.setattr(store, "load", counting)
    return reads
