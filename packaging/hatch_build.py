"""Build hook: compile the gettext catalogs into the wheel.

Only ``.po`` sources are committed; a wheel carries ``.mo`` files under
``releasewriter/_resources/locale``. An editable install needs nothing: the
app compiles the sources from ``translations/`` in memory when it runs from
a checkout.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogsHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable":
            return
        root = Path(self.root)
        out = Path(tempfile.mkdtemp(prefix="releasewriter-mo-"))
        for po in sorted((root / "translations").glob("*/LC_MESSAGES/*.po")):
            locale = po.parent.parent.name
            with po.open("rb") as handle:
                catalog = read_po(handle, locale=locale)
            target = out / locale / "LC_MESSAGES" / po.with_suffix(".mo").name
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("wb") as handle:
                write_mo(handle, catalog, use_fuzzy=False)
            relative = target.relative_to(out).as_posix()
            build_data["force_include"][str(target)] = f"releasewriter/_resources/locale/{relative}"
