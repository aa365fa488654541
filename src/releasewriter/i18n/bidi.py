"""Keeping each piece of a message in its own reading order.

A language name, a headline, a file name or a number placed inside a sentence
of the other direction is reordered by the Unicode bidirectional algorithm:
"العربية: 1 segment…" in an English line reads "1 :العربية segment…". Wrapping
the piece in a first-strong isolate (U+2068 … U+2069) keeps it, and the text
around it, in order in either direction of the interface. Qt, browsers,
terminals that do bidi and Word all honour isolates; the others show nothing.
"""

from __future__ import annotations

import gettext
import string
from typing import Any

FSI = "\u2068"  # FIRST STRONG ISOLATE: the piece takes the direction of its first letter
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE


def isolate(text: str) -> str:
    """``text`` as one unit inside a message of either direction."""
    return f"{FSI}{text}{PDI}" if text else text


def strip_isolates(text: str) -> str:
    """The text without the isolates, for a file, a log or a comparison."""
    return text.replace(FSI, "").replace(PDI, "")


class _IsolatingFormatter(string.Formatter):
    def format_field(self, value: Any, format_spec: str) -> str:
        return isolate(format(value, format_spec))


_FORMATTER = _IsolatingFormatter()


class Message(str):
    """A message of the app's own words whose ``format`` isolates every value it is given.

    The class of problem, not its instances: a language name, a headline, a
    file name or a count put into any message keeps its order in either
    direction, whoever writes the next message. ``format`` returns a plain
    ``str``, so a message put into another is isolated once, as a whole.
    """

    __slots__ = ()

    def format(self, /, *args: Any, **kwargs: Any) -> str:
        return _FORMATTER.vformat(self, args, kwargs)


class IsolatingTranslations(gettext.NullTranslations):
    """The app's catalog (or English), handing out :class:`Message` s.

    Only the app's own words: labels printed in a release are text of one
    language and direction, and an isolate there would be a stray character
    in the document.
    """

    def __init__(self, catalog: gettext.NullTranslations) -> None:
        super().__init__()
        self.add_fallback(catalog)

    def gettext(self, message: str) -> str:
        return Message(super().gettext(message))

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return Message(super().ngettext(msgid1, msgid2, n))

    def pgettext(self, context: str, message: str) -> str:
        return Message(super().pgettext(context, message))

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return Message(super().npgettext(context, msgid1, msgid2, n))
