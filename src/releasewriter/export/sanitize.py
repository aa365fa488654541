"""Make every text field of a release writable as XML, saying what was changed.

XML 1.0 cannot hold most C0 control characters, lone surrogates or U+FFFE/FFFF;
python-docx and lxml raise on them, and a browser shows garbage. Such
characters arrive by pasting from other programs. They are replaced by U+FFFD
with a warning that names the field, and line endings are normalised first
(python-docx turns ``\\r\\n`` into two line breaks).
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import re
from collections.abc import Collection
from enum import Enum
from typing import Any

from releasewriter.export.errors import ExportWarning
from releasewriter.model import Release

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"


@functools.lru_cache(maxsize=8192)
def clean_text(text: str) -> tuple[str, int]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned, count = _NOT_XML.subn(REPLACEMENT, text)
    return cleaned, count


def _label(obj: Any) -> str:
    locale = getattr(obj, "locale", None)
    return f"[{locale}]" if isinstance(locale, str) else ""


def _walk(
    obj: Any, path: str, warnings: list[ExportWarning], locales: frozenset[str] | None = None
) -> Any:
    if isinstance(obj, Enum):
        return obj  # a StrEnum is a str, but must stay the enum (speaker gender, segment status)
    if isinstance(obj, str):
        cleaned, count = clean_text(obj)
        if count:
            warnings.append(ExportWarning(path, count))
        return cleaned
    if isinstance(obj, list):
        return [_walk(item, f"{path}[{i}]", warnings) for i, item in enumerate(obj)]
    if isinstance(obj, dict):
        return {k: _walk(v, f"{path}.{k}", warnings) for k, v in obj.items()}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {}
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if isinstance(value, str | list | dict) or dataclasses.is_dataclass(value):
                if f.name == "versions" and isinstance(value, list):
                    changes[f.name] = [
                        _walk(v, f"{path}.versions{_label(v)}".lstrip("."), warnings)
                        if locales is None or v.locale in locales
                        else v
                        for v in value
                    ]
                else:
                    changes[f.name] = _walk(value, f"{path}.{f.name}".lstrip("."), warnings)
        return dataclasses.replace(obj, **changes) if changes else copy.copy(obj)
    return obj


def sanitize_release(
    release: Release, locales: Collection[str] | None = None
) -> tuple[Release, list[ExportWarning]]:
    """A copy of the release whose text XML can hold, and what had to change.

    With ``locales``, only those language versions are cleaned (and copied);
    the others are the release's own objects, to be read by nobody: the
    preview shows one version, and cleaning six per key cost it 30 ms at
    20,000 words.
    """
    warnings: list[ExportWarning] = []
    cleaned = _walk(release, "", warnings, None if locales is None else frozenset(locales))
    assert isinstance(cleaned, Release)
    return cleaned, warnings
