"""Settings and the organisation profile on disk, in the platformdirs config folder.

Both are small JSON files written atomically. ``settings.json`` carries a
``version``; older files are migrated step by step when read, unknown keys
are kept (a newer ReleaseWriter may have written them), and a value of the
wrong type falls back to its default rather than stopping the app.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from releasewriter.locations import locations
from releasewriter.settings.options import Option
from releasewriter.store.atomic import atomic_write_bytes

SETTINGS_FILE = "settings.json"
SETTINGS_VERSION = 2

T = TypeVar("T")


def default_config_dir(environ: Mapping[str, str] = os.environ) -> Path:
    return locations(environ).config


def _v1_to_v2(values: dict[str, Any]) -> dict[str, Any]:
    """Version 1 kept one export format as a string under "export_format"."""
    upgraded = dict(values)
    old = upgraded.pop("export_format", None)
    if isinstance(old, str):
        upgraded["export_formats"] = ["docx", "html"] if old == "both" else [old]
    return upgraded


_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


class Settings:
    def __init__(self, folder: Path, values: dict[str, Any] | None = None) -> None:
        self.folder = folder
        self._values: dict[str, Any] = values or {}

    @property
    def path(self) -> Path:
        return self.folder / SETTINGS_FILE

    @classmethod
    def load(cls, folder: Path) -> Settings:
        path = folder / SETTINGS_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(folder)
        except (OSError, ValueError):
            # A damaged settings file costs the user their preferences, not the app.
            return cls(folder)
        if not isinstance(data, dict) or not isinstance(data.get("values"), dict):
            return cls(folder)
        values: dict[str, Any] = data["values"]
        version = data.get("version", 1)
        while isinstance(version, int) and version < SETTINGS_VERSION:
            values = _MIGRATIONS[version](values)
            version += 1
        return cls(folder, values)

    def get(self, option: Option[T]) -> T:
        return option.coerce(self._values.get(option.key, option.default))

    def set(self, option: Option[T], value: T) -> None:
        self._values[option.key] = value

    def save(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        data = {"version": SETTINGS_VERSION, "values": self._values}
        atomic_write_bytes(self.path, json.dumps(data, ensure_ascii=False, indent=2).encode())
