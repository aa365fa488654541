"""The user's own words (names, places, jargon): one list for every language.

``dictionary.txt`` in the config folder, UTF-8, one word per line. A missing
file is an empty list; an unreadable or damaged one loses only what cannot be
read (a line that is not UTF-8), never the app. Each change re-reads the file
first, so two windows adding words do not drop each other's, and is written
atomically. Words match whatever their case and apostrophe (’ or ').

"Ignore" is for this session only: ignored words are kept in memory, never
written.
"""

from __future__ import annotations

import contextlib
import unicodedata
import weakref
from collections.abc import Callable
from pathlib import Path

from releasewriter.settings.store import default_config_dir
from releasewriter.store.atomic import atomic_write_bytes

DICTIONARY_FILE = "dictionary.txt"
_MAX_LINE = 200

Listener = Callable[[], None]


def _key(word: str) -> str:
    form = unicodedata.normalize("NFC", word.strip())
    return form.replace("’", "'").replace("ʼ", "'").casefold()


def _read_words(path: Path) -> dict[str, str]:
    """The words in the file by their key; empty when it is missing or unreadable."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    found: dict[str, str] = {}
    for line in data.decode("utf-8", errors="replace").splitlines():
        word = line.strip().lstrip("\ufeff").strip()
        if not word or len(word) > _MAX_LINE or "\ufffd" in word:
            continue
        if any(unicodedata.category(ch) == "Cc" for ch in word):
            continue
        found.setdefault(_key(word), word)
    return found


class PersonalDictionary:
    """Words to accept in every language; ``word in dictionary`` checks one."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._words = _read_words(self.path)
        self._ignored: set[str] = set()
        self._listeners: list[Callable[[], Listener | None]] = []

    @classmethod
    def default(cls) -> PersonalDictionary:
        """The user's dictionary, in the config folder."""
        return cls(default_config_dir() / DICTIONARY_FILE)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        key = _key(word)
        return key in self._words or key in self._ignored

    def __len__(self) -> int:
        return len(self._words)

    def words(self) -> list[str]:
        """The saved words, sorted."""
        return sorted(self._words.values(), key=str.casefold)

    def reload(self) -> None:
        """Read the file again (another window may have added words)."""
        self._words = _read_words(self.path)
        self._notify()

    def add(self, word: str) -> bool:
        """Accept ``word`` from now on; False if the file could not be written
        (the word is then accepted until the app closes)."""
        word = unicodedata.normalize("NFC", word.strip())
        if not word:
            return False
        words = _read_words(self.path)
        words.setdefault(_key(word), word)
        return self._save(words)

    def remove(self, word: str) -> bool:
        """Stop accepting ``word``; False if the file could not be written."""
        words = _read_words(self.path)
        words.pop(_key(word), None)
        self._ignored.discard(_key(word))
        return self._save(words)

    def ignore(self, word: str) -> None:
        """Accept ``word`` until the app closes, without saving it."""
        self._ignored.add(_key(word))
        self._notify()

    def _save(self, words: dict[str, str]) -> bool:
        self._words = words
        text = "".join(f"{w}\n" for w in sorted(words.values(), key=str.casefold))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path, text.encode("utf-8"))
            saved = True
        except OSError:
            saved = False
        self._notify()
        return saved

    # -- listeners ---------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener()`` after each change; a bound method is held weakly.

        Returns a function that unsubscribes.
        """
        ref: Callable[[], Listener | None]
        if hasattr(listener, "__self__") and hasattr(listener, "__func__"):
            ref = weakref.WeakMethod(listener)
        else:

            def ref() -> Listener:
                return listener

        self._listeners.append(ref)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):
                self._listeners.remove(ref)

        return unsubscribe

    def _notify(self) -> None:
        for ref in list(self._listeners):
            listener = ref()
            if listener is None:
                self._listeners.remove(ref)
            else:
                listener()
