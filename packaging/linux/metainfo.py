#!/usr/bin/env python3
"""The AppStream metainfo with its <releases> entry, and the version in Debian's spelling.

    python packaging/linux/metainfo.py --out FILE

The version lives in one place, ``__version__`` in src/releasewriter/__init__.py,
read here without importing the package. The metainfo file in git has no
<releases>; :func:`render_metainfo` puts one release in place of its
``<!-- releases -->`` comment: this version, dated ``SOURCE_DATE_EPOCH`` when
that is set, else the day of the last commit that changed the version, else
today.
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import os
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import quoteattr

ROOT = Path(__file__).resolve().parent.parent.parent
VERSION_FILE = ROOT / "src" / "releasewriter" / "__init__.py"
APP_ID = "org.releasewriter.ReleaseWriter"
METAINFO = Path(__file__).resolve().parent / f"{APP_ID}.metainfo.xml"
RELEASES_MARK = "<!-- releases -->"

# PEP 440, as packaging.version spells it (epoch, release, pre, post, dev, local).
_PEP440 = re.compile(
    r"""^v?
    (?:(?P<epoch>[0-9]+)!)?
    (?P<release>[0-9]+(?:\.[0-9]+)*)
    (?:[-_.]?(?P<pre_l>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?P<pre_n>[0-9]+)?)?
    (?P<post>-(?P<post_n1>[0-9]+)|[-_.]?(?:post|rev|r)[-_.]?(?P<post_n2>[0-9]+)?)?
    (?P<dev>[-_.]?dev[-_.]?(?P<dev_n>[0-9]+)?)?
    (?:\+(?P<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?
    $""",
    re.VERBOSE | re.IGNORECASE,
)
_PRE = {"alpha": "a", "a": "a", "beta": "b", "b": "b", "c": "rc", "pre": "rc", "preview": "rc"}


def project_version(path: Path = VERSION_FILE) -> str:
    """``__version__`` as written in the package's ``__init__.py``."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            return node.value.value
    raise ValueError(f"no __version__ = '...' in {path}")


def debian_version(version: str) -> str:
    """A PEP 440 version spelt so that dpkg orders it as Python does.

    1.0.0rc1 → 1.0.0~rc1, 1.0.0.dev2 → 1.0.0~~dev2, 1.0.0b1.dev2 → 1.0.0~b1~dev2,
    1.0.0.post1 → 1.0.0+post1, 2!1.0 → 2:1.0. A local version (``+abc``) is
    refused: it is not a release.
    """
    match = _PEP440.match(version.strip())
    if match is None:
        raise ValueError(f"{version!r} is not a PEP 440 version")
    if match["local"]:
        raise ValueError(f"{version!r} is a local version; build packages from releases")
    result = match["release"]
    if match["pre_l"]:
        label = match["pre_l"].lower()
        result += f"~{_PRE.get(label, label)}{int(match['pre_n'] or 0)}"
    if match["post"]:
        result += f"+post{int(match['post_n1'] or match['post_n2'] or 0)}"
    if match["dev"]:
        # A development release comes before the release it leads to: before
        # its pre-release (~b1~dev2), or before any pre-release of a final (~~dev2).
        separator = "~" if match["pre_l"] or match["post"] else "~~"
        result += f"{separator}dev{int(match['dev_n'] or 0)}"
    if match["epoch"]:
        result = f"{int(match['epoch'])}:{result}"
    return result


def release_date(root: Path = ROOT) -> dt.date:
    """The day of this release (see the module's docstring)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    try:
        completed = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", str(VERSION_FILE)],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        )
        return dt.date.fromisoformat(completed.stdout.strip())
    except (OSError, ValueError, subprocess.SubprocessError):
        return dt.datetime.now(tz=dt.UTC).date()


def render_metainfo(
    version: str | None = None, date: dt.date | None = None, template: Path = METAINFO
) -> str:
    """The metainfo file with one <release> for ``version`` (default: the project's)."""
    version = version if version is not None else project_version()
    date = date if date is not None else release_date()
    text = template.read_text(encoding="utf-8")
    if text.count(RELEASES_MARK) != 1:
        raise ValueError(f"{template} must hold {RELEASES_MARK} exactly once")
    releases = (
        "<releases>\n"
        f"    <release version={quoteattr(version)} date={quoteattr(date.isoformat())}/>\n"
        "  </releases>"
    )
    return text.replace(RELEASES_MARK, releases)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="the metainfo file to write")
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render_metainfo(), encoding="utf-8")
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
