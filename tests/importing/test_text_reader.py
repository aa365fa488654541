"""Reading plain text and Markdown: one block per line, wrapped paragraphs joined again."""

from __future__ import annotations

import codecs

import pytest

from releasewriter.importing.blocks import BlockKind
from releasewriter.importing.text_reader import read_text, text_blocks

PASTED = """Acme opens a lab in Lyon

LYON, 6 December 2026 – Acme opens its first lab in France, with forty researchers.
The lab will work on batteries that last longer.
"We are proud," said Ellen Wong.
Ellen Wong
Press Office
ellen@acme.example
"""

WRAPPED = """Acme opens a lab in Lyon

LYON, 6 December 2026 - Acme opens its first research lab in France, with
forty researchers who will work on batteries that last longer and charge
faster than any sold today.

"We are proud to open in Lyon, a city of engineers and of students," said
Ellen Wong, who leads the company's research.

Ellen Wong
Press Office
ellen@acme.example
"""


def _plain(data: str, markdown: bool = False) -> list[str]:
    return [block.plain for block in read_text(data.encode(), markdown=markdown)]


def test_pasted_text_gives_one_block_per_line() -> None:
    assert _plain(PASTED) == [
        "Acme opens a lab in Lyon",
        "LYON, 6 December 2026 – Acme opens its first lab in France, with forty researchers.",
        "The lab will work on batteries that last longer.",
        '"We are proud," said Ellen Wong.',
        "Ellen Wong",
        "Press Office",
        "ellen@acme.example",
    ]


def test_hard_wrapped_paragraphs_are_joined_and_short_lines_kept() -> None:
    assert _plain(WRAPPED) == [
        "Acme opens a lab in Lyon",
        "LYON, 6 December 2026 - Acme opens its first research lab in France, with forty "
        "researchers who will work on batteries that last longer and charge faster than any "
        "sold today.",
        '"We are proud to open in Lyon, a city of engineers and of students," said Ellen Wong, '
        "who leads the company's research.",
        "Ellen Wong",
        "Press Office",
        "ellen@acme.example",
    ]


def test_long_sentence_lines_between_blank_lines_stay_apart() -> None:
    lines = [
        "Acme opens its first research lab in France today, with forty researchers on site.",
        "The lab will work on batteries that last longer and charge faster than today's.",
        "It is the company's largest investment in Europe since it was founded in 1998.",
    ]
    text = "Acme opens a lab\n\n" + "\n".join(lines) + "\n\n" + "\n\n".join(lines) + "\n"
    assert _plain(text) == ["Acme opens a lab", *lines, *lines]


def test_short_lines_between_blank_lines_are_never_joined() -> None:
    text = "Contact\n\nEllen Wong\nPress Office\n+33 1 23 45 67 89\n\nAbout Acme\n"
    assert _plain(text) == [
        "Contact",
        "Ellen Wong",
        "Press Office",
        "+33 1 23 45 67 89",
        "About Acme",
    ]


def test_plain_text_keeps_markup_characters_literal() -> None:
    block = read_text(b"**Not bold** and *stars* [a](https://x.example) # no heading")[0]
    assert block.plain == "**Not bold** and *stars* [a](https://x.example) # no heading"
    assert (
        block.text == "\\*\\*Not bold\\*\\* and \\*stars\\* \\[a](https://x.example) # no heading"
    )
    assert block.kind is BlockKind.PARAGRAPH
    assert not block.bold


def test_tab_separated_lines_are_table_rows() -> None:
    block = read_text(b"Name\tPhone\nEllen Wong\t+33 1\n")[1]
    assert (block.kind, block.cells) == (BlockKind.TABLE_ROW, ("Ellen Wong", "+33 1"))


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + "Überall\r\nGrüße\r\n".encode(),
        codecs.BOM_UTF16_LE + "Überall\r\nGrüße\r\n".encode("utf-16-le"),
        codecs.BOM_UTF16_BE + "Überall\rGrüße\r".encode("utf-16-be"),
        "Überall\nGrüße\n".encode(),
        "Überall\r\nGrüße\r\n".encode("cp1252"),
    ],
)
def test_text_is_decoded_from_its_bom_utf8_or_windows_1252(data: bytes) -> None:
    assert [block.plain for block in read_text(data)] == ["Überall", "Grüße"]


MARKDOWN = """# Acme opens a lab

**LYON, 6 December 2026** – Acme's _first_ lab, see [our site](https://acme.example/lab)
or [this](javascript:alert(1)). 5 * 3 = 15, file_name_here and `code *span*`.

## Highlights

- Forty researchers
  - from six countries
* Batteries
1. First
2) Second

> "We are proud," said Ellen Wong.

| Name | Phone |
|:-----|------:|
| Ellen Wong | +33 1 23 |

Contacts
--------

---
"""


def test_markdown_headings_lists_quotes_and_tables_keep_their_kind() -> None:
    blocks = read_text(MARKDOWN.encode(), markdown=True)
    kinds = [(b.plain, b.kind, b.level) for b in blocks]
    assert kinds == [
        ("Acme opens a lab", BlockKind.HEADING, 1),
        (blocks[1].plain, BlockKind.PARAGRAPH, 0),
        (blocks[2].plain, BlockKind.PARAGRAPH, 0),
        ("Highlights", BlockKind.HEADING, 2),
        ("Forty researchers", BlockKind.LIST_ITEM, 0),
        ("from six countries", BlockKind.LIST_ITEM, 1),
        ("Batteries", BlockKind.LIST_ITEM, 0),
        ("First", BlockKind.LIST_ITEM, 0),
        ("Second", BlockKind.LIST_ITEM, 0),
        ('"We are proud," said Ellen Wong.', BlockKind.PARAGRAPH, 0),
        ("Name\tPhone", BlockKind.TABLE_ROW, 0),
        ("Ellen Wong\t+33 1 23", BlockKind.TABLE_ROW, 0),
        ("Contacts", BlockKind.HEADING, 2),
    ]
    assert blocks[-2].cells == ("Ellen Wong", "+33 1 23")


def test_markdown_inline_formatting_becomes_the_models_markup() -> None:
    blocks = read_text(MARKDOWN.encode(), markdown=True)
    assert blocks[1].text == (
        "**LYON, 6 December 2026** – Acme's *first* lab, see [our site](https://acme.example/lab)"
    )
    assert blocks[2].plain == "or this. 5 * 3 = 15, file_name_here and code *span*."
    assert blocks[2].text == "or this. 5 \\* 3 = 15, file_name_here and code \\*span\\*."


def test_a_wholly_bold_markdown_line_is_bold() -> None:
    block = read_text(b"**Media contact**", markdown=True)[0]
    assert (block.plain, block.bold) == ("Media contact", True)


def test_fenced_code_lines_are_literal_lines() -> None:
    blocks = read_text(b"```\n# not a heading\n- not an item\n```\n", markdown=True)
    assert [(b.plain, b.kind) for b in blocks] == [
        ("# not a heading", BlockKind.PARAGRAPH),
        ("- not an item", BlockKind.PARAGRAPH),
    ]


def test_direction_marks_of_another_program_are_not_kept() -> None:
    blocks = text_blocks("الهاتف: \u2066+254 20 444 4174\u2069\n\u200eemail\u200f", markdown=False)
    assert [b.plain for b in blocks] == ["الهاتف: +254 20 444 4174", "email"]
