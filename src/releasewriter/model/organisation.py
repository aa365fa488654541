"""The organisation that issues releases, and its house style."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from releasewriter.model.release import Contact


def pick_for_locale(mapping: dict[str, str], locale: str) -> str | None:
    """The entry for ``en_GB``, else for ``en``, else None."""
    if locale in mapping:
        return mapping[locale]
    language = locale.replace("-", "_").split("_", 1)[0]
    return mapping.get(language)


@dataclass
class Logo:
    media_type: str
    data: bytes


@dataclass(frozen=True)
class Letterhead:
    """A Word letterhead (.docx or .dotx) that DOCX exports are built on, held in full.

    The profile keeps its copy in the app's own data and a draft carries the one it
    uses, so that no export depends on where the user's file was, or still is.
    """

    # The name of the file the user chose ("IOM Kenya letterhead.dotx"), for display.
    name: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass
class HouseStyle:
    """Per-language overrides; a language not listed uses the defaults of the label catalogs."""

    # Placeholders: {place} and {date}. Example: "{place}, {date} –".
    dateline_pattern: dict[str, str] = field(default_factory=dict)
    end_mark: dict[str, str] = field(default_factory=dict)
    # "À propos de l’OIM": a heading no pattern can build (elision, articles).
    about_heading: dict[str, str] = field(default_factory=dict)


@dataclass
class Organisation:
    # Which organisation profile this is: a release made from it follows it (its later
    # changes reach the release) and a draft from another profile keeps what it carries.
    # Empty until the profile is first saved (then the release follows whichever is).
    id: str = ""
    name: str = ""
    # The name as written in a language ("OIM", "المنظمة الدولية للهجرة").
    names: dict[str, str] = field(default_factory=dict)
    boilerplate: dict[str, str] = field(default_factory=dict)
    contacts: list[Contact] = field(default_factory=list)
    house_style: HouseStyle = field(default_factory=HouseStyle)
    logo: Logo | None = None
    # A Word document or template (letterhead) that DOCX exports are built on.
    letterhead: Letterhead | None = None

    def name_in(self, locale: str) -> str:
        return pick_for_locale(self.names, locale) or self.name
