"""A red wavy underline under each misspelt word of a QTextEdit or QPlainTextEdit.

The underline is a QSyntaxHighlighter format: it lives in each block's layout
(``block.layout().formats()``), for display only, and never in the document's
own character formats, which are what the body's markup is read from
(:func:`releasewriter.ui.form.markup.document_paragraphs`).

A full re-highlight (the language changed, a word was added to the dictionary,
a word list finished loading) is done with the document's signals blocked:
Qt's ``rehighlight()`` ends with ``contentsChanged``, which the widgets pass
on as ``textChanged``, and the form would take that for an edit.

Qt highlights every block of a document as it is loaded, on the GUI thread:
checking the 80,000 words of a long release that way held the window two
seconds. Checking therefore has a budget per turn of the event loop; blocks
met once it is spent are shown unchecked at first and checked in slices of
the same budget while the window is idle, each underlined as it is done.
A typed key changes one block, well within the budget.
"""

from __future__ import annotations

import functools
import time
from collections import Counter
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextBlock, QTextCharFormat, QTextDocument

from releasewriter.spelling import LanguageChecker, Misspelling, PersonalDictionary
from releasewriter.spelling.checker import WordMemo

CheckerSource = Callable[[], LanguageChecker | None]

# Checking per turn of the event loop: a frame's worth, so typing and
# scrolling go on while a long document is being checked.
BUDGET_S = 0.008


def utf16_offsets(text: str) -> list[int]:
    """Qt's position (UTF-16 code units) of each Python index of ``text``, and of its end."""
    offsets = [0] * (len(text) + 1)
    position = 0
    for index, char in enumerate(text):
        offsets[index] = position
        position += 2 if ord(char) > 0xFFFF else 1
    offsets[len(text)] = position
    return offsets


def _in_qt_positions(text: str, found: list[Misspelling]) -> list[Misspelling]:
    if not found or text.isascii() or max(text) <= "\uffff":
        return found
    offsets = utf16_offsets(text)
    return [(offsets[start], offsets[end], word) for start, end, word in found]


def spelling_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(QColor(Qt.GlobalColor.red))
    return fmt


class SpellingHighlighter(QSyntaxHighlighter):
    """Underlines what ``checker_for_locale()`` finds misspelt, less the personal dictionary.

    ``checker_for_locale`` is asked again at each block; when it answers with
    another checker (the version's language changed, or its list finished
    loading) every block is checked again.
    """

    def __init__(
        self,
        document: QTextDocument,
        checker_for_locale: CheckerSource,
        dictionary: PersonalDictionary,
    ) -> None:
        super().__init__(document)  # owned by the document
        self._checker_for = checker_for_locale
        self._checker = checker_for_locale()
        self._enabled = True
        self._pending = False
        # Texts of blocks shown unchecked, the budget spent; see _check_pending.
        self._unchecked: Counter[str] = Counter()
        self._deferred_since_walk = False
        self._walk_due = False
        self._resume = 0
        self._spent = 0.0
        self._turn_pending = False
        self.dictionary = dictionary
        # Verdicts per word for the checker they came from; emptied when the
        # personal dictionary changes (rehighlight_quietly).
        self._memo: WordMemo = {}
        self._memo_checker: LanguageChecker | None = None
        self.underline = spelling_format()
        # Held weakly: the dictionary outlives the fields it serves.
        dictionary.subscribe(self._dictionary_changed)
        if not document.isEmpty():
            # Qt queues a first full highlight of a non-empty document; run it
            # now, quietly, rather than let it report a text change later.
            self._quietly(lambda: QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall))

    @property
    def checker(self) -> LanguageChecker | None:
        return self._checker

    def misspellings(self, text: str) -> list[Misspelling]:
        """``(start, end, word)`` in Qt positions (UTF-16) for one block's text."""
        checker = self._checker
        if checker is None or not self._enabled:
            return []
        if checker is not self._memo_checker:
            self._memo_checker = checker
            self._memo.clear()
        return _in_qt_positions(text, checker.misspelt(text, self.dictionary, self._memo))

    def misspelling_at(self, block: QTextBlock, position_in_block: int) -> Misspelling | None:
        """The misspelt word around a position of a block (in or just after it), if any."""
        for start, end, word in self.misspellings(block.text()):
            if start <= position_in_block <= end:
                return start, end, word
        return None

    def highlightBlock(self, text: str) -> None:
        checker = self._checker_for()
        if checker is not self._checker:
            self._checker = checker
            self._rehighlight_later()
        found = self._within_budget(text)
        if found is None:
            self._unchecked[text] += 1
            self._deferred_since_walk = True
            self._defer()
            return
        for start, end, _word in found:
            self.setFormat(start, end - start, self.underline)

    @property
    def checking(self) -> bool:
        """Blocks are waiting to be checked (a long document was just shown)."""
        return bool(self._unchecked)

    def _within_budget(self, text: str) -> list[Misspelling] | None:
        """The block's misspellings, or None when this turn's budget is spent."""
        if self._spent >= BUDGET_S:
            return None
        start = time.perf_counter()
        found = self.misspellings(text)
        self._spent += time.perf_counter() - start
        if not self._turn_pending:
            self._turn_pending = True
            QTimer.singleShot(0, self, self._next_turn)
        return found

    def _next_turn(self) -> None:
        self._turn_pending = False
        self._spent = 0.0

    def _defer(self) -> None:
        if not self._walk_due:
            self._walk_due = True
            QTimer.singleShot(0, self, self._check_pending)

    def _check_pending(self) -> None:
        """Check, within one budget, blocks shown unchecked; then come back for more.

        Pending blocks are known by their text (a block's number moves as text
        is typed above it), counted so that two paragraphs alike are both
        checked. A walk goes down the document once, slice by slice; the texts
        left after it are of blocks edited meanwhile, which were checked as typed.
        """
        self._walk_due = False
        document = self.document()
        if document is None or not shiboken6.isValid(document):
            return
        if self._resume == 0:
            self._deferred_since_walk = False
        self._spent = 0.0
        for number in range(self._resume, document.blockCount()):
            block = document.findBlockByNumber(number)
            text = block.text()
            if not self._unchecked.get(text):
                continue
            if self._spent >= BUDGET_S:
                self._resume = number
                self._defer()
                return
            self._unchecked[text] -= 1
            if not self._unchecked[text]:
                del self._unchecked[text]
            self._quietly(functools.partial(self.rehighlightBlock, block))
        self._resume = 0
        if self._deferred_since_walk and self._unchecked:
            self._defer()  # blocks above the walk were put off while it went on
        else:
            self._unchecked.clear()

    # -- re-highlighting -----------------------------------------------------------

    def refresh(self) -> None:
        """Ask for the checker again; check every block again if it changed."""
        checker = self._checker_for()
        if checker is not self._checker:
            self._checker = checker
            self.rehighlight_quietly()

    def set_enabled(self, enabled: bool) -> None:
        if enabled != self._enabled:
            self._enabled = enabled
            self.rehighlight_quietly()

    def rehighlight_quietly(self) -> None:
        """Check every block again without the widget reporting a text change."""
        self._memo.clear()
        self._quietly(self.rehighlight)

    def _quietly(self, action: Callable[[], object]) -> None:
        document = self.document()
        if document is None or not shiboken6.isValid(document):
            return
        was_blocked = document.blockSignals(True)
        modified = document.isModified()
        try:
            action()
        finally:
            document.setModified(modified)
            document.blockSignals(was_blocked)

    def _rehighlight_later(self) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self._rehighlight_pending)

    def _rehighlight_pending(self) -> None:
        self._pending = False
        self.rehighlight_quietly()

    def _dictionary_changed(self) -> None:
        if shiboken6.isValid(self):
            self.rehighlight_quietly()
