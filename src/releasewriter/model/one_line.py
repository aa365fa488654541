"""The fields that hold one line: headline, subheadline, city, names, roles, contact details.

A line break or a tab pasted into one of them (from a PDF, an e-mail, a
spreadsheet) showed as one line in the preview and the HTML but as several in
the DOCX, the plain text and the e-mail. Such text is made one line wherever
it comes in: the widgets on paste, the draft reader on load.
"""

from __future__ import annotations

import re

from releasewriter.model.release import LanguageVersion

# What str.splitlines() breaks at, and tabs; no-break and thin spaces are kept,
# since typography (French, for one) puts them on purpose.
_BREAKS = "\t\n\v\f\r\x1c\x1d\x1e\x85\u2028\u2029"
# Whole runs of spaces and breaks, each read once. (A pattern that wants a break
# somewhere in the run, tried at each space of a long run of spaces without
# one, re-read the rest of the run each time: quadratic.)
_RUN = re.compile(f"[ {_BREAKS}]+")


def one_line(text: str) -> str:
    """The text on one line: each run of breaks and tabs (with the spaces beside it)
    becomes one space, and is dropped at either end."""

    def joined(run: re.Match[str]) -> str:
        if run.group().count(" ") == len(run.group()):
            return run.group()  # spaces alone are kept as typed
        return "" if run.start() == 0 or run.end() == len(text) else " "

    return _RUN.sub(joined, text)


def one_line_version(version: LanguageVersion) -> None:
    """Make every one-line field of the version hold one line."""
    version.headline = one_line(version.headline)
    version.subheadline = one_line(version.subheadline)
    version.city = one_line(version.city)
    if version.end_mark is not None:
        version.end_mark = one_line(version.end_mark)
    for quote in version.quotes:
        quote.speaker = one_line(quote.speaker)
        quote.role = one_line(quote.role)
    for contact in version.contacts:
        contact.name = one_line(contact.name)
        contact.role = one_line(contact.role)
        contact.office = one_line(contact.office)
        contact.email = one_line(contact.email)
        contact.phone = one_line(contact.phone)
