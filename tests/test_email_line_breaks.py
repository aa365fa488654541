"""A line break of any kind in a one-line field does not stop the email export.

The email package refuses a header holding any character str.splitlines
breaks at (U+2028, U+2029, U+0085, a vertical tab…) with a bare ValueError.
Drafts are made one line as they are read, but a release in memory (typed,
pasted by a program, built by a script) need not be.
"""

from __future__ import annotations

import datetime as dt
import email
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest

from releasewriter.export.files import prepare_email
from releasewriter.model import Embargo
from tests.releases import sample_release

# What str.splitlines breaks at, tabs aside (a tab is allowed in a header).
BREAKS = ["\n", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


def _parse(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=default)
    assert isinstance(message, EmailMessage)
    return message


@pytest.mark.parametrize("brk", BREAKS, ids=[f"U+{ord(b):04X}" for b in BREAKS])
def test_a_line_break_in_the_headline_becomes_a_space_in_the_subject(
    tmp_path: Path, brk: str
) -> None:
    release = sample_release()
    release.source.headline = f"Premier{brk}second"
    path, _ = prepare_email(release, ["fr"], ["html"], tmp_path / "release.eml")
    # Control characters a document cannot hold were already made � (with a warning).
    shown = " " if brk in "\n\r\x85\u2028\u2029" else "\ufffd"
    assert _parse(path)["Subject"] == f"Premier{shown}second"


def test_line_breaks_in_every_one_line_field_of_an_embargoed_release_are_exported(
    tmp_path: Path,
) -> None:
    release = sample_release()
    version = release.source
    breaks = "".join(BREAKS)
    version.embargo = Embargo(dt.datetime(2030, 5, 4, 9, 0), "Europe/Paris")
    for holder, names in (
        (version, ("headline", "subheadline", "city", "end_mark")),
        (version.quotes[0], ("speaker", "role")),
        (version.contacts[0], ("name", "role", "office", "email", "phone")),
    ):
        for name in names:
            setattr(holder, name, f"A{breaks}B")
    path, _ = prepare_email(release, ["fr", "en"], ["docx", "html"], tmp_path / "release.eml")
    message = _parse(path)
    assert message["Subject"].endswith(" – A \ufffd\ufffd\ufffd\ufffd\ufffd B")  # after the embargo
    assert len(list(message.iter_attachments())) == 4
