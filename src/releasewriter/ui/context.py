"""What the editor's parts share, passed in rather than reached for as globals."""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from pathlib import Path

from releasewriter.settings import Settings
from releasewriter.store import DraftStore


@dataclass
class AppContext:
    store: DraftStore
    settings: Settings
    config_dir: Path
    t: gettext.NullTranslations
    ui_locale: str
