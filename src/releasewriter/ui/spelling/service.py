"""Word lists loaded in the background, and the fields of one window checked with them.

Opening the editor never waits for a word list: the first time a field asks
for a language, :meth:`SpellingService.checker` answers None (no underlines)
and starts loading the list in a worker thread (20-600 ms, by language); when
it is ready every attached field is checked again.

In the form (``ReleaseForm.__init__``, once the sections exist)::

    self.spelling = SpellingService(parent=self)
    for editor in (self.body.editor, self.notes.editor,
                   self.quotes.findChild(QPlainTextEdit, "quotes_text"), self.closing.boilerplate):
        self.spelling.attach(editor, lambda: session.locale)
    session.locale_changed.connect(lambda _locale: self.spelling.refresh())
"""

from __future__ import annotations

import contextlib
import threading
import weakref
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from releasewriter.i18n.locales import language_of
from releasewriter.spelling import (
    LanguageChecker,
    PersonalDictionary,
    checker_for,
    has_word_list,
    loaded_checker,
)
from releasewriter.ui.memory import return_freed_memory
from releasewriter.ui.spelling.highlighter import CheckerSource, SpellingHighlighter
from releasewriter.ui.spelling.menu import SpellingLabels, TextWidget, install_context_menu


def attach_spelling(
    widget: TextWidget,
    checker_for_locale: CheckerSource,
    dictionary: PersonalDictionary,
    labels: SpellingLabels | None = None,
    *,
    context_menu: bool = True,
) -> SpellingHighlighter:
    """Underline misspelt words in ``widget`` and offer corrections on right click.

    ``checker_for_locale()`` gives the checker for the field's current
    language, or None for no checking; it is called at each highlighted block,
    so it must not block (:meth:`SpellingService.checker` does not).
    """
    highlighter = SpellingHighlighter(widget.document(), checker_for_locale, dictionary)
    if context_menu:
        install_context_menu(widget, highlighter, labels)
    return highlighter


class SpellingService(QObject):
    """One per window: the personal dictionary, and the word lists as they finish loading."""

    checker_loaded = Signal(str)  # a language whose list has finished loading
    load_failed = Signal(str)  # a language whose list could not be read

    def __init__(
        self,
        dictionary: PersonalDictionary | None = None,
        labels: SpellingLabels | None = None,
        *,
        start_delay_ms: int = 0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        # Word lists wait this long before loading, so that opening the editor
        # does not share the processor (or its memory peak) with them.
        self._held: set[str] | None = set() if start_delay_ms > 0 else None
        if start_delay_ms > 0:
            QTimer.singleShot(start_delay_ms, self._release_held)
        self.dictionary = dictionary if dictionary is not None else PersonalDictionary.default()
        self.labels = labels or SpellingLabels()
        self._loading: set[str] = set()
        self._failed: set[str] = set()
        self._highlighters: list[weakref.ref[SpellingHighlighter]] = []
        self.checker_loaded.connect(self._loaded)
        self.load_failed.connect(self._not_loaded)

    def checks(self, locale: str) -> bool:
        """Whether fields in this locale are checked at all."""
        return language_of(locale) not in self._failed and has_word_list(locale)

    def checker(self, locale: str) -> LanguageChecker | None:
        """The checker if its list is loaded; else None, and the list starts loading."""
        if not locale or not self.checks(locale):
            return None
        checker = loaded_checker(locale)
        if checker is None:
            self._load(language_of(locale))
        return checker

    def preload(self, locale: str) -> None:
        """Start loading this locale's list now (e.g. when a draft opens)."""
        self.checker(locale)

    def is_loading(self) -> bool:
        return bool(self._loading)

    def attach(self, widget: TextWidget, locale: Callable[[], str]) -> SpellingHighlighter:
        """Check ``widget`` in the language of ``locale()`` (asked again at each change)."""
        highlighter = attach_spelling(
            widget, lambda: self.checker(locale()), self.dictionary, self.labels
        )
        self._highlighters.append(weakref.ref(highlighter))
        return highlighter

    def highlighters(self) -> list[SpellingHighlighter]:
        alive = [
            h for ref in self._highlighters if (h := ref()) is not None and shiboken6.isValid(h)
        ]
        self._highlighters = [weakref.ref(h) for h in alive]
        return alive

    def refresh(self) -> None:
        """Check every attached field again if its language's checker changed."""
        for highlighter in self.highlighters():
            highlighter.refresh()

    # -- loading -------------------------------------------------------------------

    def _release_held(self) -> None:
        held, self._held = self._held or set(), None
        for language in sorted(held):
            self._load(language)

    def _load(self, language: str) -> None:
        if self._held is not None:
            self._held.add(language)
            return
        if language in self._loading:
            return
        self._loading.add(language)
        worker = threading.Thread(
            target=self._load_in_background, args=(language,), name=f"spelling-{language}"
        )
        worker.daemon = True  # never hold up quitting
        worker.start()

    def _load_in_background(self, language: str) -> None:
        try:
            checker_for(language)
            return_freed_memory()  # what parsing the list used for a moment
        except Exception:  # a damaged word list: that language goes unchecked
            signal = self.load_failed
        else:
            signal = self.checker_loaded
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            signal.emit(language)  # queued to the service's thread

    def _loaded(self, language: str) -> None:
        self._loading.discard(language)
        self.refresh()

    def _not_loaded(self, language: str) -> None:
        self._failed.add(language)
        self._loaded(language)
