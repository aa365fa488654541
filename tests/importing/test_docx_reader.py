"""Reading a Word document: its lines in order, with their formatting, kind and links."""

from __future__ import annotations

import io
import time
from typing import Any

import docx
import pytest

from releasewriter.importing.blocks import BlockKind, SourceBlock
from releasewriter.importing.docx_reader import read_docx, read_docx_package
from tests.importing.samples import long_docx, release_docx, replace_member


@pytest.fixture(scope="module")
def blocks() -> list[SourceBlock]:
    return read_docx(release_docx())


def _plain(blocks: list[SourceBlock]) -> list[str]:
    return [block.plain for block in blocks]


def test_lines_come_in_body_order_with_the_table_where_it_stands(
    blocks: list[SourceBlock],
) -> None:
    plain = _plain(blocks)
    assert plain.index("Email: ellen@acme.example") < plain.index("Name\tPhone")
    assert plain.index("Name\tPhone") < plain.index("After the table.")
    assert plain[-1] == "After the table."


def test_headers_footers_and_empty_paragraphs_are_left_out(blocks: list[SourceBlock]) -> None:
    assert not any("MUST NOT APPEAR" in block.plain for block in blocks)
    assert all(block.plain.strip() for block in blocks)


def test_title_and_heading_styles_give_headings_with_their_level(
    blocks: list[SourceBlock],
) -> None:
    headings = [(b.plain, b.level) for b in blocks if b.kind is BlockKind.HEADING]
    assert headings == [("Acme opens a lab in Lyon", 1), ("Highlights", 2)]


def test_bold_italic_and_safe_links_become_markup(blocks: list[SourceBlock]) -> None:
    line = next(b for b in blocks if b.plain.startswith("LYON"))
    assert line.text.startswith("**LYON, 6 December 2026** – Acme opens its *first* lab")
    assert "[our site](https://acme.example/lab)" in line.text
    assert "javascript" not in line.text
    assert " or this." in line.text  # the unsafe link keeps its text
    assert line.text.endswith("5 \\* 3 units.")  # a literal star stays literal
    assert line.plain.endswith("5 * 3 units.")
    assert not line.bold


def test_a_line_whose_every_run_is_bold_is_bold(blocks: list[SourceBlock]) -> None:
    assert next(b for b in blocks if b.plain == "Highlights").bold


def test_list_styles_give_list_items(blocks: list[SourceBlock]) -> None:
    items = [b.plain for b in blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == ["A bullet point", "A numbered point"]


def test_a_text_box_follows_its_anchoring_paragraph(blocks: list[SourceBlock]) -> None:
    plain = _plain(blocks)
    at = plain.index("Before the box.")
    assert plain[at + 1 : at + 3] == ["Boxed fact one", "Boxed fact two"]


def test_a_hyperlink_field_keeps_its_link_and_hides_its_instruction(
    blocks: list[SourceBlock],
) -> None:
    line = next(b for b in blocks if b.plain.startswith("Read"))
    assert line.text == "Read [the report](https://acme.example/report)"
    assert "HYPERLINK" not in line.plain


def test_hard_line_breaks_split_a_contact_into_lines(blocks: list[SourceBlock]) -> None:
    plain = _plain(blocks)
    at = plain.index("Ellen Wong")
    assert plain[at : at + 3] == ["Ellen Wong", "Press Office", "Email: ellen@acme.example"]


def test_each_table_row_is_one_block_with_its_cells(blocks: list[SourceBlock]) -> None:
    rows = [b for b in blocks if b.kind is BlockKind.TABLE_ROW]
    assert [row.cells for row in rows] == [
        ("Name", "Phone"),
        ("Ellen Wong\nHead of press", "+33 1 23 45 67 89"),
    ]
    assert rows[1].plain == "Ellen Wong Head of press\t+33 1 23 45 67 89"


def test_a_one_cell_layout_table_gives_its_paragraphs() -> None:
    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "Headline in a frame"
    cell.add_paragraph("Second line")
    blocks = read_docx(_saved(document))
    assert [(b.plain, b.kind) for b in blocks] == [
        ("Headline in a frame", BlockKind.PARAGRAPH),
        ("Second line", BlockKind.PARAGRAPH),
    ]


def test_a_nested_table_is_flattened_into_its_cell() -> None:
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Contacts"
    inner = outer.cell(0, 1).add_table(rows=2, cols=2)
    for r, row in enumerate(inner.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"r{r}c{c}"
    blocks = read_docx(_saved(document))
    assert len(blocks) == 1
    assert blocks[0].cells[0] == "Contacts"
    assert blocks[0].cells[1].split("\n") == ["r0c0\tr0c1", "r1c0\tr1c1"]


def test_bold_from_a_character_style_counts_as_bold() -> None:
    document = docx.Document()
    document.add_paragraph().add_run("Strong words", style="Strong")
    blocks = read_docx(_saved(document))
    assert blocks[0].text == "**Strong words**"
    assert blocks[0].bold


def test_macros_are_noted_and_the_text_still_read() -> None:
    data = release_docx()
    macro = replace_member(
        data, "", b"", extra={"word/vbaProject.bin": b"\x00ATTRIBUT Sub AutoOpen()"}
    )
    blocks, notes = read_docx_package(macro)
    assert "After the table." in _plain(blocks)
    assert notes == ["The document contains macros; they were ignored and never run."]
    assert read_docx_package(data)[1] == []


def test_five_pages_read_fast() -> None:
    data = long_docx()
    start = time.perf_counter()
    blocks = read_docx(data)
    elapsed = time.perf_counter() - start
    words = sum(len(block.plain.split()) for block in blocks)
    print(f"\nread_docx: {words} words, {len(blocks)} blocks in {elapsed * 1000:.1f} ms")
    assert words > 2400


def _saved(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
