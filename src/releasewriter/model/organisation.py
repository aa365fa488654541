"""The organisation that issues releases, and its house style."""

from __future__ import annotations

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
    name: str = ""
    # The name as written in a language ("OIM", "المنظمة الدولية للهجرة").
    names: dict[str, str] = field(default_factory=dict)
    boilerplate: dict[str, str] = field(default_factory=dict)
    contacts: list[Contact] = field(default_factory=list)
    house_style: HouseStyle = field(default_factory=HouseStyle)
    logo: Logo | None = None
    # A Word document or template (letterhead) that DOCX exports are built on.
    docx_template: str | None = None

    def name_in(self, locale: str) -> str:
        return pick_for_locale(self.names, locale) or self.name
