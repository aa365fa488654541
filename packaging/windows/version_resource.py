"""The Windows version resource of ReleaseWriter's executables, as a PyInstaller version file.

PyInstaller's ``EXE(version=PATH)`` takes a text file holding a ``VSVersionInfo(...)``
expression (PyInstaller evaluates it); Windows then shows its fields in the
executable's Properties → Details, and Inno Setup, Windows Defender and
SmartScreen read them. ``packaging/bundle/releasewriter.spec`` writes one such
file per executable with :func:`version_info_text`.

The numeric versions (``filevers``/``prodvers``) are four 16-bit numbers made
from the PEP 440 version by :func:`version_tuple`; the ``FileVersion`` and
``ProductVersion`` strings keep the PEP 440 text as it is (``1.2.0rc1``).
"""

from __future__ import annotations

import re

PRODUCT_NAME = "ReleaseWriter"
COMPANY_NAME = "ReleaseWriter developers"
LEGAL_COPYRIGHT = "Copyright © ReleaseWriter developers. MIT License."

# US English, Unicode (code page 1200): the StringTable's key and the Translation pair.
LANGUAGE_ID = 0x0409
CODE_PAGE = 1200

# The fourth number of a pre-release: its stage's base plus its number (1.2.0rc1 → 1.2.0.30001).
PRE_RELEASE_BASE = {"a": 10000, "b": 20000, "rc": 30000}
DEV_BASE = 40000
MAX_FIELD = 0xFFFF
# FixedFileInfo's flag for a pre-release (aN, bN, rcN or devN).
VS_FF_PRERELEASE = 0x2

# PEP 440's public version scheme (the spellings it normalises, too), local part allowed.
_PEP440 = re.compile(
    r"""
    ^\s*v?
    (?:(?P<epoch>[0-9]+)!)?
    (?P<release>[0-9]+(?:\.[0-9]+)*)
    (?:[-_.]?(?P<pre_l>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?P<pre_n>[0-9]+)?)?
    (?P<post>-(?P<post_n1>[0-9]+)|[-_.]?(?:post|rev|r)[-_.]?(?P<post_n2>[0-9]+)?)?
    (?P<dev>[-_.]?dev[-_.]?(?P<dev_n>[0-9]+)?)?
    (?:\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?
    \s*$
    """,
    re.VERBOSE | re.IGNORECASE,
)
_PRE_SPELLINGS = {
    "alpha": "a",
    "a": "a",
    "beta": "b",
    "b": "b",
    "c": "rc",
    "pre": "rc",
    "preview": "rc",
    "rc": "rc",
}


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """The four numbers of a Windows file version for a PEP 440 version.

    The release's first three numbers are the first three fields (missing ones
    are 0). The fourth tells builds of the same release apart:

    * a final release: 0, or N for ``.postN`` (``0.1.0`` → ``0.1.0.0``,
      ``1.0.post2`` → ``1.0.0.2``), or the release's fourth number if it has one;
    * ``aN``/``bN``/``rcN``: 10000 + N, 20000 + N, 30000 + N
      (``1.2.0rc1`` → ``1.2.0.30001``);
    * ``.devN`` alone: 40000 + N (a dev part after a pre-release is dropped).

    Windows compares these numbers field by field, so a pre-release numbers
    higher than its final release. Nothing relies on that order: the
    installer replaces every file whatever its version (``ignoreversion``),
    and people read the PEP 440 text in ``FileVersion``/``ProductVersion``.

    Raises ValueError for a string that is not a PEP 440 version, a release
    with more than four numbers (or four and a pre, post or dev part), and a
    number above 65535.
    """
    match = _PEP440.match(version)
    if match is None:
        raise ValueError(f"not a PEP 440 version: {version!r}")
    release = [int(part) for part in match["release"].split(".")]
    pre_label = match["pre_l"]
    post = match["post_n1"] or match["post_n2"]
    has_post = match["post"] is not None
    has_dev = match["dev"] is not None
    extra = 0
    if pre_label is not None:
        extra = PRE_RELEASE_BASE[_PRE_SPELLINGS[pre_label.lower()]] + int(match["pre_n"] or 0)
    elif has_post:
        extra = int(post or 0)
    elif has_dev:
        extra = DEV_BASE + int(match["dev_n"] or 0)
    if len(release) > 4 or (len(release) == 4 and (pre_label or has_post or has_dev)):
        raise ValueError(f"{version!r} does not fit the four numbers of a Windows version")
    fields = [*release, 0, 0, 0][:3]
    fields.append(release[3] if len(release) == 4 else extra)
    for field in fields:
        if field > MAX_FIELD:
            raise ValueError(f"{version!r}: {field} is above {MAX_FIELD}")
    return fields[0], fields[1], fields[2], fields[3]


def is_prerelease(version: str) -> bool:
    """Whether a PEP 440 version is a pre-release or a dev release."""
    match = _PEP440.match(version)
    if match is None:
        raise ValueError(f"not a PEP 440 version: {version!r}")
    return match["pre_l"] is not None or match["dev"] is not None


def version_info_text(
    version: str,
    *,
    internal_name: str,
    original_filename: str,
    description: str,
) -> str:
    """A PyInstaller version file (the text of a ``VSVersionInfo`` expression).

    ``version`` is the app's PEP 440 version (``releasewriter.__version__``),
    ``internal_name`` the executable's name without extension,
    ``original_filename`` its file name (``ReleaseWriter.exe``) and
    ``description`` the FileDescription that Task Manager and the "Open with"
    list show.
    """
    numbers = version_tuple(version)
    flags = VS_FF_PRERELEASE if is_prerelease(version) else 0
    strings = {
        "CompanyName": COMPANY_NAME,
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": internal_name,
        "LegalCopyright": LEGAL_COPYRIGHT,
        "OriginalFilename": original_filename,
        "ProductName": PRODUCT_NAME,
        "ProductVersion": version,
    }
    string_structs = ",\n".join(
        f"            StringStruct({key!r}, {value!r})" for key, value in strings.items()
    )
    table = f"{LANGUAGE_ID:04X}{CODE_PAGE:04X}"
    return f"""\
# UTF-8
# Version resource of {original_filename} (written by packaging/windows/version_resource.py).
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers!r},
    prodvers={numbers!r},
    mask=0x3f,
    flags={flags:#x},
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo(
      [
        StringTable(
          {table!r},
          [
{string_structs}
          ]
        )
      ]
    ),
    VarFileInfo([VarStruct('Translation', [{LANGUAGE_ID}, {CODE_PAGE}])])
  ]
)
"""
