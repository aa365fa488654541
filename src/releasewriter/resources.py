"""Where the package's data lives: templates, samples, schemas, compiled catalogs.

A built wheel carries the top-level ``resources/`` folder inside the package
as ``_resources``; an editable install or a plain checkout reads the folder
where it stands in the source tree.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT_ROOT = _PACKAGE.parent.parent


def source_checkout_path(name: str) -> Path | None:
    """A top-level folder of the source checkout, when running from one."""
    candidate = _CHECKOUT_ROOT / name
    if (_CHECKOUT_ROOT / "pyproject.toml").is_file() and candidate.is_dir():
        return candidate
    return None


def resources_root() -> Path:
    bundled = _PACKAGE / "_resources"
    if bundled.is_dir():
        return bundled
    checkout = source_checkout_path("resources")
    if checkout is not None:
        return checkout
    raise FileNotFoundError("ReleaseWriter's resources folder is missing from this installation")


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)
