"""Comparing a draft with its conflict copy field by field, and keeping one or a mix.

The comparison works on the draft's file form (``release_to_dict``), so that
whatever the file holds is compared and nothing is forgotten: each language
version's fields one by one, its body and notes paragraph by paragraph, and
the release's own fields (dateline, organisation, source language). A field
present on one side only (a language version, a paragraph) is a difference
too; choosing the side without it leaves it out.

Whatever is not kept goes to the trash, never deleted: the text that lost
may still be wanted.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from releasewriter.model import Release
from releasewriter.model.inline import to_plain_text
from releasewriter.store.draft_format import release_from_dict, release_to_dict
from releasewriter.store.drafts import DraftStore

# What changes with every save, or says what the file is: never a difference to choose.
_BOOKKEEPING = {"format", "schema_version", "id", "created", "modified", "versions"}
_PARAGRAPH_LISTS = ("body", "notes_to_editors")
_ABSENT: Any = object()

FieldKey = tuple[str, ...]


class Side(Enum):
    ORIGINAL = "original"
    COPY = "copy"


@dataclass(frozen=True)
class Difference:
    """One field that differs: where it is, and what each side holds (as text)."""

    key: FieldKey  # ("release", name) | ("version", locale) | ("version", locale, name[, index])
    locale: str  # "" for the release's own fields
    field: str  # the file's name of the field: "headline", "body", "dateline", …
    index: int  # the paragraph's position (from 0), or -1
    original: str
    copy: str


def _text(value: Any) -> str:
    if value is _ABSENT or value is None:
        return ""
    if isinstance(value, str):
        return to_plain_text(value)
    if isinstance(value, dict) and set(value) == {"id", "text"}:
        return to_plain_text(str(value["text"]))
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _fields(release: Release) -> dict[FieldKey, Any]:
    """The release as comparable fields, in the order the editor shows them."""
    data = release_to_dict(release)
    found: dict[FieldKey, Any] = {}
    for name, value in data.items():
        if name not in _BOOKKEEPING:
            found[("release", name)] = value
    for version in data["versions"]:
        locale = version["locale"]
        for name, value in version.items():
            if name == "locale":
                continue
            if name in _PARAGRAPH_LISTS:
                for index, paragraph in enumerate(value):
                    # Paragraphs compare by their text: a pasted paragraph gets a new id.
                    found[("version", locale, name, str(index))] = {"text": paragraph["text"]}
            else:
                found[("version", locale, name)] = value
    return found


def _locales(release: Release) -> list[str]:
    return [version.locale for version in release.versions]


def differences(original: Release, copy: Release) -> list[Difference]:
    """The fields in which the two drafts differ, the original's order first."""
    left, right = _fields(original), _fields(copy)
    found: list[Difference] = []
    for locale in [
        *_locales(original),
        *[x for x in _locales(copy) if x not in _locales(original)],
    ]:
        if locale not in _locales(original) or locale not in _locales(copy):
            # A language version on one side only is one choice, as a whole.
            here = original.version(locale) if locale in _locales(original) else None
            there = copy.version(locale) if locale in _locales(copy) else None
            found.append(
                Difference(
                    ("version", locale),
                    locale,
                    "version",
                    -1,
                    here.headline if here else "",
                    there.headline if there else "",
                )
            )
    keys = [*left, *[key for key in right if key not in left]]
    for key in keys:
        if key[0] == "version" and (
            key[1] not in _locales(original) or key[1] not in _locales(copy)
        ):
            continue
        here, there = left.get(key, _ABSENT), right.get(key, _ABSENT)
        if here == there:
            continue
        locale = key[1] if key[0] == "version" else ""
        name = key[2] if key[0] == "version" else key[1]
        index = int(key[3]) if len(key) > 3 else -1
        found.append(Difference(key, locale, name, index, _text(here), _text(there)))
    return found


def merge(original: Release, copy_: Release, choices: Mapping[FieldKey, Side]) -> Release:
    """The original with the fields chosen from the copy (a field not chosen stays)."""
    left = release_to_dict(original)
    right = release_to_dict(copy_)
    merged = copy.deepcopy(left)
    taken = {key for key, side in choices.items() if side is Side.COPY}

    def version_of(data: dict[str, Any], locale: str) -> dict[str, Any] | None:
        return next((v for v in data["versions"] if v["locale"] == locale), None)

    for key in taken:
        if key[0] == "release":
            if key[1] in right:
                merged[key[1]] = copy.deepcopy(right[key[1]])
            else:
                merged.pop(key[1], None)
        elif len(key) == 2:  # a whole language version on one side only
            theirs = version_of(right, key[1])
            merged["versions"] = [v for v in merged["versions"] if v["locale"] != key[1]]
            if theirs is not None:
                merged["versions"].append(copy.deepcopy(theirs))
    for key in taken:
        if key[0] != "version" or len(key) == 2:
            continue
        mine, theirs = version_of(merged, key[1]), version_of(right, key[1])
        if mine is None or theirs is None:
            continue
        if len(key) == 3:
            mine[key[2]] = copy.deepcopy(theirs[key[2]])
    # Paragraphs last, from the end, so that a paragraph dropped does not move the others.
    paragraph_keys = sorted(
        (key for key in taken if key[0] == "version" and len(key) == 4),
        key=lambda key: int(key[3]),
        reverse=True,
    )
    for key in paragraph_keys:
        mine, theirs = version_of(merged, key[1]), version_of(right, key[1])
        if mine is None or theirs is None:
            continue
        index, name = int(key[3]), key[2]
        theirs_list, mine_list = theirs[name], mine[name]
        if index < len(theirs_list):
            if index < len(mine_list):
                mine_list[index] = copy.deepcopy(theirs_list[index])
            else:
                mine_list.append(copy.deepcopy(theirs_list[index]))
        elif index < len(mine_list):
            del mine_list[index]
    if merged["source_locale"] not in {v["locale"] for v in merged["versions"]}:
        merged["source_locale"] = merged["versions"][0]["locale"] if merged["versions"] else ""
    result = release_from_dict(merged)
    result.modified = dt.datetime.now(dt.UTC).replace(microsecond=0)
    return result


def keep_original(store: DraftStore, original: Path, copy_: Path) -> Path:
    """Keep the original as it is; the copy goes to the trash. Returns the original."""
    store.trash(copy_)
    return original


def keep_copy(store: DraftStore, original: Path, copy_: Path) -> Path:
    """The copy takes the original's place and name; the original goes to the trash."""
    store.trash(original)
    os.replace(copy_, original)
    return original


def keep_merged(store: DraftStore, original: Path, copy_: Path, merged: Release) -> Path:
    """Write the merge over the original (its previous text goes to the backups); the copy
    goes to the trash."""
    store.save(merged, original)
    store.trash(copy_)
    return original
