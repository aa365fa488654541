"""The Arabic preview lays the page out as Chromium lays out the exported HTML.

Both are measured, not their markup: which side each block's last line
touches, and where the groups of a phone number are drawn. A side-by-side
picture is saved to build/artifacts/ for a person to look at.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from releasewriter.export.files import export_release
from releasewriter.model import Paragraph, Release
from releasewriter.store import DraftStore
from releasewriter.ui.preview import PreviewController, PreviewPane
from releasewriter.ui.session import EditorSession
from tests.browsers import dump_dom, screenshot
from tests.releases import arabic_release

pytestmark = pytest.mark.consumer

PHONE = "+90 532 123 45 67"
GROUPS = PHONE.split(" ")
SIZE = (760, 900)
ARTIFACT = Path(__file__).resolve().parents[2] / "build" / "artifacts"
TOLERANCE = 2.0

# Measures the page in the browser and leaves the figures in the DOM for --dump-dom.
_MEASURE = """<script>
(function () {
  const out = {blocks: [], phone: null};
  for (const el of document.querySelectorAll("p, h1, h2, li")) {
    const range = document.createRange();
    range.selectNodeContents(el);
    const rects = [...range.getClientRects()].filter(r => r.width > 0.5);
    if (!rects.length) continue;
    const lowest = rects.reduce((a, b) => (b.top > a.top ? b : a));
    const last = rects.filter(r => r.bottom > lowest.top + 1);
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const left = box.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
    const right = box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
    out.blocks.push({
      text: el.textContent,
      left: Math.min(...last.map(r => r.left)) - left,
      right: right - Math.max(...last.map(r => r.right)),
    });
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    let at = node.data.indexOf(PHONE);
    if (at < 0) continue;
    out.phone = GROUPS.map(group => {
      at = node.data.indexOf(group, at);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + group.length);
      at += group.length;
      return range.getBoundingClientRect().left;
    });
    break;
  }
  document.body.setAttribute("data-layout", JSON.stringify(out));
})();
</script>"""


def _key(text: str) -> str:
    """A block's text without spaces, line breaks or bidi controls: the same in both."""
    return "".join(
        c for c in text if not c.isspace() and unicodedata.category(c) not in ("Cf", "Zl")
    )


def _side(left_gap: float, right_gap: float) -> str:
    if abs(left_gap - right_gap) <= TOLERANCE:
        return "centre" if left_gap > TOLERANCE else "full"
    if right_gap <= TOLERANCE:
        return "right"
    if left_gap <= TOLERANCE:
        return "left"
    return "neither"


def _release() -> Release:
    release = arabic_release()
    version = release.version("ar")
    version.contacts[0].phone = PHONE
    version.notes_to_editors = [Paragraph("ملاحظة أولى", "n1"), Paragraph("ملاحظة ثانية", "n2")]
    return release


@pytest.fixture
def preview(qtbot: QtBot, drafts_store: DraftStore) -> Iterator[PreviewPane]:
    """The live preview of the Arabic release, as the editor shows it."""
    session = EditorSession(drafts_store)
    pane = PreviewPane()
    PreviewController(session, pane)
    qtbot.addWidget(pane)
    pane.resize(*SIZE)
    pane.show()
    qtbot.waitExposed(pane)
    session.open_path(drafts_store.save(_release()))
    session.set_locale("ar")
    qtbot.waitUntil(lambda: PHONE in pane.toPlainText().replace("\u2066", "").replace("\u2069", ""))
    yield pane
    session.shutdown()


def _qt_layout(pane: PreviewPane) -> tuple[dict[str, str], list[float]]:
    sides: dict[str, str] = {}
    phone: list[float] = []
    block = pane.document().begin()
    while block.isValid():
        layout = block.layout()
        if layout.lineCount():
            last = layout.lineAt(layout.lineCount() - 1)
            drawn = last.naturalTextRect()
            sides[_key(block.text())] = _side(
                drawn.left() - last.x(), last.x() + last.width() - drawn.right()
            )
        at = block.text().find(PHONE)
        if at >= 0:
            for group in GROUPS:
                at = block.text().index(group, at)
                # Inside the group, past its first character: at its edge the
                # caret belongs to the neighbouring run as much as to this one.
                line = layout.lineForTextPosition(at + 1)
                assert line.isValid(), "the preview is not laid out"
                phone.append(line.cursorToX(at + 1)[0])
                at += len(group)
        block = block.next()
    return sides, phone


def _chromium_layout(page: Path, folder: Path) -> tuple[dict[str, str], list[float]]:
    measured = folder / "measured.html"
    script = _MEASURE.replace("PHONE", json.dumps(PHONE)).replace("GROUPS", json.dumps(GROUPS))
    measured.write_text(page.read_text(encoding="utf-8").replace("</body>", script + "</body>"))
    dom = lxml.html.fromstring(dump_dom(measured, SIZE))
    figures = json.loads(dom.xpath("//body/@data-layout")[0])
    sides = {_key(b["text"]): _side(b["left"], b["right"]) for b in figures["blocks"]}
    return sides, figures["phone"]


def _side_by_side(pane: PreviewPane, exported_png: Path, target: Path) -> None:
    preview = pane.grab().toImage()
    export = QImage(str(exported_png))
    gap, caption = 16, 28
    picture = QImage(
        preview.width() + gap + export.width(),
        caption + max(preview.height(), export.height()),
        QImage.Format.Format_RGB32,
    )
    picture.fill(QColor("#d0d0d0"))
    painter = QPainter(picture)
    painter.setPen(QColor("#000000"))
    painter.drawText(8, 20, "Preview (QTextBrowser, the editor's own pane)")
    painter.drawText(preview.width() + gap + 8, 20, "Exported HTML (Chromium)")
    painter.drawImage(QPoint(0, caption), preview)
    painter.drawImage(QPoint(preview.width() + gap, caption), export)
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    assert picture.save(str(target))


def test_arabic_preview_aligns_blocks_and_orders_a_phone_number_as_the_export(
    preview: PreviewPane, tmp_path: Path
) -> None:
    page = export_release(_release(), ["ar"], ["html"], tmp_path).written[0].path
    chromium_sides, chromium_phone = _chromium_layout(page, tmp_path)
    qt_sides, qt_phone = _qt_layout(preview)

    exported_png = tmp_path / "export.png"
    screenshot(page, exported_png, SIZE)
    _side_by_side(preview, exported_png, ARTIFACT / "arabic-preview-vs-export.png")

    end_mark = [key for key in chromium_sides if re.fullmatch(r"//\w+//", key)]
    assert len(end_mark) == 1
    assert {k: v for k, v in chromium_sides.items() if k not in end_mark} == dict.fromkeys(
        set(chromium_sides) - set(end_mark), "right"
    )
    assert chromium_sides[end_mark[0]] == "centre"
    assert qt_sides == chromium_sides
    # Both draw the groups left to right, as the number is written.
    assert chromium_phone == sorted(chromium_phone)
    assert qt_phone == sorted(qt_phone)
    assert len(qt_phone) == len(chromium_phone) == len(GROUPS)


def test_the_measurement_sees_a_left_aligned_block_and_a_reversed_number(
    qtbot: QtBot,
) -> None:
    # The check above must be able to fail: a block drawn on the left and a
    # number whose groups run right to left are seen as such.
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(*SIZE)
    pane.setHtml(f'<p dir="rtl" style="text-align:right">الهاتف: {PHONE}</p>')
    pane.show()
    qtbot.waitExposed(pane)
    sides, phone = _qt_layout(pane)
    assert list(sides.values()) == ["left"]
    assert phone == sorted(phone, reverse=True)
