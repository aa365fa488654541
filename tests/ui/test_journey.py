"""A whole release written with the keyboard only, in the real app on a real X server.

The app runs as its own process on an Xvfb display (tests/ui/xsession.py) and
receives real key presses from xdotool: Ctrl+N, the fields one Tab after
another, Ctrl+B and Ctrl+K in the body, a quote, a contact, an embargo, French
and Arabic versions from the Language menu, a French headline side by side
(Ctrl+T), then the export dialog (Ctrl+E) for DOCX, HTML and an email.
LibreOffice reads the DOCX and Chromium the HTML: both show what was typed.

Ctrl+B is pressed on a selected word: what it does with no selection is being
settled elsewhere, and this journey is about getting through, not about that.
The steps count Tabs through today's form: a change of its tab order shows up
here first, in the screenshots.

Screenshots of each step go to build/artifacts/journey-*.png, which CI keeps.
Without Xvfb, xdotool, LibreOffice or Chromium the test skips, except under
CI=true where it fails (tests/browsers.py ``require_program``).
"""

from __future__ import annotations

import email
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest

from releasewriter.model.release import Release
from releasewriter.settings import EXPORT_FOLDER, OPEN_FOLDER_AFTER_EXPORT, Settings
from releasewriter.store import DraftStore, read_release
from tests.browsers import dump_dom, normalise_space, require_program, screenshot
from tests.consumers import convert_to_pdf, pdf_text, pdf_to_png, require_libreoffice
from tests.ui.xsession import start_app, virtual_display, wait_for_window, xdotool

pytestmark = [
    pytest.mark.slow,
    pytest.mark.consumer,
    pytest.mark.skipif(sys.platform != "linux", reason="Xvfb"),
]

ARTIFACTS = Path(__file__).resolve().parents[2] / "build" / "artifacts"

HEADLINE = "Floods in Saint-Louis: IOM shelters 1200 families"
SUBHEADLINE = "Mobile teams reach villages cut off by the river"
CITY = "Dakar"
COUNTRY = "Senegal"
BODY = "Teams handed out tents and water kits on Monday, working day and night"
BOLD = "night"
LINK_TEXT = "appeal"
URL = "https://www.iom.int/senegal"
QUOTE = "Every family we reach tonight sleeps dry"
SPEAKER = "Awa Ndiaye"
CONTACT = "Moussa Diallo"
CONTACT_EMAIL = "mdiallo@iom.int"
FRENCH_HEADLINE = "Inondations à Saint-Louis : l’OIM abrite 1200 familles"


class Session:
    """The app on a display, driven by key presses, photographed as it goes."""

    def __init__(self, display: str, window: str) -> None:
        self.display = display
        self.window = window
        self.shots = 0

    def keys(self, *sequence: str, pause: float = 0.15) -> None:
        for key in sequence:
            xdotool(self.display, "key", "--clearmodifiers", key)
            time.sleep(pause)

    def type(self, text: str) -> None:
        xdotool(self.display, "type", "--delay", "15", text)
        time.sleep(0.2)

    def refocus(self) -> None:
        """Give the main window the focus back, as a window manager does when a dialog closes.

        Xvfb has no window manager: when a dialog goes, X hands the keyboard to the
        root window, keys still reach the field under the pointer, but Qt no longer
        takes the main window for the active one and its shortcuts stay silent.
        """
        time.sleep(0.3)
        xdotool(self.display, "windowfocus", "--sync", self.window)
        time.sleep(0.2)

    def dialog(self, title: str) -> None:
        """Wait for a dialog and give it the keyboard, as a window manager would."""
        found = wait_for_window(self.display, title)
        xdotool(self.display, "windowfocus", "--sync", found)
        time.sleep(0.2)

    def shot(self, name: str) -> Path:
        self.shots += 1
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        png = ARTIFACTS / f"journey-{self.shots:02d}-{name}.png"
        subprocess.run(
            [require_program("import"), "-display", self.display, "-window", "root", str(png)],
            check=True,
            timeout=30,
        )
        return png


def wait_until(
    condition: Callable[[], object], what: str | Callable[[], str], timeout: float = 15
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what if isinstance(what, str) else what()}")


def saved(drafts: Path) -> Release | None:
    """The newest draft on disk (autosave writes about a second after typing)."""
    entries = [e for e in DraftStore(drafts).scan()[0] if e.headline.startswith("Floods")]
    return read_release(entries[0].path) if entries else None


@pytest.fixture
def opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the app's "open this file" ends: an xdg-open that only writes down the file.

    The app hands the email to the desktop (QDesktopServices, xdg-open on Linux);
    nothing here must start a real email program or browser.
    """
    tools = tmp_path / "bin"
    tools.mkdir()
    record = tmp_path / "opened.txt"
    stub = tools / "xdg-open"
    stub.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" >> "{record}"\n', encoding="utf-8")
    stub.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.delenv("XDG_CURRENT_DESKTOP", raising=False)
    return record


@pytest.fixture
def app(tmp_path: Path, opened: Path) -> Iterator[tuple[Session, Path, Path]]:
    require_program("xdotool")
    drafts, config, out = tmp_path / "drafts", tmp_path / "config", tmp_path / "out"
    out.mkdir()
    settings = Settings.load(config)
    settings.set(EXPORT_FOLDER, str(out))
    settings.set(OPEN_FOLDER_AFTER_EXPORT, False)
    settings.save()
    with virtual_display() as display:
        process = start_app(display, drafts, config, "--window-size", "1366x768")
        try:
            window = wait_for_window(display, "ReleaseWriter")
            xdotool(display, "windowfocus", "--sync", window)
            time.sleep(1)
            yield Session(display, window), drafts, out
        finally:
            process.terminate()
            try:
                _, errors = process.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                _, errors = process.communicate()
            if errors:
                print(errors.decode("utf-8", "replace")[-4000:])


def _locales(drafts: Path) -> list[str]:
    release = saved(drafts)
    return release.locales if release is not None else []


def _french_headline(drafts: Path) -> str:
    release = saved(drafts)
    if release is None or "fr" not in release.locales:
        return ""
    return release.version("fr").headline


def test_a_release_written_by_keyboard_only_reaches_word_and_the_browser(
    app: tuple[Session, Path, Path], opened: Path
) -> None:
    s, drafts, out = app
    s.keys("ctrl+n")
    s.type(HEADLINE)
    s.keys("Tab")
    s.type(SUBHEADLINE)
    s.keys("Tab")
    s.type(CITY)
    s.keys("Tab")
    s.type(COUNTRY)
    s.keys("Tab")
    # A date (today): Tab walks through the date's year, month and day, then on.
    s.keys("space", "Tab", "Tab", "Tab", "Tab")
    s.keys("Right")  # from "For immediate release" to "Embargoed until", beside it
    s.shot("dateline")
    # The embargo's date and time (six parts in English: month, day, year, hour,
    # minute, AM/PM), its time zone, then the body (B, I and Link take no focus).
    s.keys(*["Tab"] * 8)
    s.type(f"Read the {LINK_TEXT}")
    s.keys("shift+ctrl+Left", "ctrl+k")
    s.dialog("Link")
    s.shot("link-dialog")
    s.type(URL)
    s.keys("Return")
    s.refocus()
    s.keys("ctrl+Home")
    s.type(BODY)
    # The paragraph's last word: selected first, then Ctrl+B (see the module's docstring).
    s.keys("Return", "Left", "shift+ctrl+Left", "ctrl+b", "End")
    s.shot("body")
    s.keys("alt+a")  # Add a quote: the cursor goes to its text
    s.type(QUOTE)
    s.keys("Tab")
    s.type(SPEAKER)
    s.keys("alt+t")  # Add a contact: the cursor goes to the name
    s.type(CONTACT)
    s.keys("Tab", "Tab", "Tab")
    s.type(CONTACT_EMAIL)
    s.shot("contact")

    # Arabic, then French: each from the Language menu's first entry.
    for label in ("العربية — Arabic (ar)", "français — French (fr)"):
        s.keys("alt+l", "Return")
        s.dialog("Add a language version")
        s.keys("ctrl+a")
        s.type(label)  # as the list names it
        s.shot(f"add-{label[-3:-1]}")
        s.keys("Tab", "Return")  # past the completer's list to OK
        s.refocus()
    wait_until(
        lambda: sorted(_locales(drafts)) == ["ar", "en", "fr"],
        lambda: f"the two new versions: {_locales(drafts)}",
    )

    s.keys("ctrl+t")  # side by side, French: the cursor in the first cell, the headline
    time.sleep(0.5)
    s.type(FRENCH_HEADLINE)
    s.keys("ctrl+Return")  # marked translated
    s.shot("side-by-side")
    s.keys("ctrl+t", "alt+1")  # back to the form, in English
    wait_until(lambda: _french_headline(drafts) == FRENCH_HEADLINE, "the French headline")

    s.keys("ctrl+e")  # the cursor in the contact's email field: Ctrl+E must not go there
    s.dialog("Export the release")
    s.shot("export-dialog")
    s.keys("Return")  # Export, the default button: DOCX and HTML of the English version
    wait_until(lambda: len(list(out.glob("*.html"))) == 1, "the export", timeout=60)
    s.keys("alt+m")  # Prepare email: saved, then handed to the email program
    wait_until(opened.exists, "the email", timeout=60)
    s.shot("exported")
    s.keys("Escape")
    s.refocus()

    _the_draft_holds_what_was_typed(drafts)
    docx, html, eml = (_one(out, f"*_en.{kind}") for kind in ("docx", "html", "eml"))
    assert opened.read_text(encoding="utf-8").strip() == eml.as_uri()  # handed to the mailer
    _libreoffice_shows_it(docx, out)
    _chromium_shows_it(html)
    _the_email_carries_it(eml)


def _one(folder: Path, pattern: str) -> Path:
    found = sorted(folder.glob(pattern))
    assert len(found) == 1, (pattern, sorted(p.name for p in folder.iterdir()))
    return found[0]


def _the_draft_holds_what_was_typed(drafts: Path) -> None:
    release = saved(drafts)
    assert release is not None
    english = release.source
    assert (english.headline, english.subheadline, english.city) == (HEADLINE, SUBHEADLINE, CITY)
    assert release.dateline.country == "SN"
    assert release.dateline.date is not None
    assert english.embargo is not None
    assert [p.text for p in english.body] == [
        f"{BODY[: -len(BOLD)]}**{BOLD}**",
        f"Read the [{LINK_TEXT}]({URL})",
    ]
    assert [(q.text, q.speaker) for q in english.quotes] == [(QUOTE, SPEAKER)]
    assert [(c.name, c.email) for c in english.contacts] == [(CONTACT, CONTACT_EMAIL)]
    assert sorted(release.locales) == ["ar", "en", "fr"]
    assert release.version("fr").headline == FRENCH_HEADLINE


def _typed_text() -> list[str]:
    return [HEADLINE, SUBHEADLINE, CITY, BODY, f"Read the {LINK_TEXT}", QUOTE, SPEAKER, CONTACT]


def _libreoffice_shows_it(docx: Path, out: Path) -> None:
    require_libreoffice()
    pdf = convert_to_pdf(docx, out / "pdf")
    pdf_to_png(pdf, ARTIFACTS / "journey-docx-in-libreoffice", resolution=80)
    text = normalise_space(pdf_text(pdf))
    for typed in [*_typed_text(), CONTACT_EMAIL, "Embargoed"]:
        assert typed in text, (typed, text)


def _chromium_shows_it(html: Path) -> None:
    dom = dump_dom(html)
    text = normalise_space(re.sub(r"<[^>]+>", " ", dom))
    for typed in _typed_text():
        assert typed.replace(" ", "") in text.replace(" ", ""), (typed, text)
    assert re.search(rf"<(b|strong)>{BOLD}</(b|strong)>", dom)
    assert f'href="{URL}"' in dom
    screenshot(html, ARTIFACTS / "journey-html-in-chromium.png")


def _the_email_carries_it(eml: Path) -> None:
    message = email.message_from_bytes(eml.read_bytes(), policy=default)
    assert isinstance(message, EmailMessage)
    # An embargoed release says so first, in the release's language.
    assert message["Subject"].startswith("Embargoed until ")
    assert message["Subject"].endswith(f" – {HEADLINE}")
    body = message.get_body(preferencelist=("html",))
    assert body is not None
    assert QUOTE in body.get_content()
    assert sorted(a.get_filename() or "" for a in message.iter_attachments()) == sorted(
        [eml.with_suffix(".docx").name, eml.with_suffix(".html").name]
    )
