"""Contacts listed one detail a line, one contact a line, or in a table."""

from __future__ import annotations

from releasewriter.importing.blocks import BlockKind, SourceBlock
from releasewriter.importing.contacts import parse_contacts


def _lines(*lines: str) -> list[tuple[int, SourceBlock]]:
    return [(i, SourceBlock(text=line, plain=line)) for i, line in enumerate(lines)]


def _row(index: int, *cells: str, markup: bool = False) -> tuple[int, SourceBlock]:
    shown = tuple(f"**{c}**" for c in cells) if markup else cells
    return index, SourceBlock("\t".join(shown), "\t".join(cells), BlockKind.TABLE_ROW, cells=shown)


def _fields(blocks: list[tuple[int, SourceBlock]]) -> list[tuple[str, str, str, str, str]]:
    found, _ = parse_contacts(blocks)
    return [(c.contact.name, c.contact.role, c.contact.office, c.contact.email, c.contact.phone)
            for c in found]  # fmt: skip


def test_one_detail_a_line_with_an_office_line() -> None:
    assert _fields(
        _lines("Ellen Wong", "Bureau de liaison de l’OIM à Beijing", "Email : ewong@iom.int")
    ) == [("Ellen Wong", "", "Bureau de liaison de l’OIM à Beijing", "ewong@iom.int", "")]


def test_several_contacts_each_with_role_office_and_phones() -> None:
    assert _fields(
        _lines(
            "Amina Yusuf", "Communications Officer", "IOM Kenya Office", "Email: ayusuf@iom.int",
            "Tel: +254 20 422 1000", "Mobile: +254 722 123 456", "John Smith", "jsmith@iom.int",
        )
    ) == [
        ("Amina Yusuf", "Communications Officer", "IOM Kenya Office", "ayusuf@iom.int",
         "+254 20 422 1000, +254 722 123 456"),
        ("John Smith", "", "", "jsmith@iom.int", ""),
    ]  # fmt: skip


def test_labels_in_each_language_are_dropped() -> None:
    assert _fields(_lines("Анна Иванова", "Тел.: +7 495 123 45 67", "Эл. почта: ai@iom.int")) == [
        ("Анна Иванова", "", "", "ai@iom.int", "+7 495 123 45 67")
    ]
    assert _fields(_lines("فاطمة حسن", "هاتف: +20 2 2736 5140", "fh@iom.int")) == [
        ("فاطمة حسن", "", "", "fh@iom.int", "+20 2 2736 5140")
    ]
    assert _fields(_lines("王芳", "电话：+86 10 5979 9695", "邮箱：wf@iom.int")) == [
        ("王芳", "", "", "wf@iom.int", "+86 10 5979 9695")
    ]


def test_one_contact_a_line() -> None:
    assert _fields(
        _lines("Amina Yusuf, Media Officer, ay@iom.int, +254 20 422 1000",
               "John Smith, Spokesperson, js@iom.int")
    ) == [
        ("Amina Yusuf", "Media Officer", "", "ay@iom.int", "+254 20 422 1000"),
        ("John Smith", "Spokesperson", "", "js@iom.int", ""),
    ]  # fmt: skip


def test_a_table_with_a_header_row_in_markup() -> None:
    blocks = [
        _row(0, "Name", "Role", "Email", "Phone", markup=True),
        _row(1, "Amina Yusuf", "Media Officer", "ay@iom.int", "+254 20 422 1000"),
    ]
    _, headers = parse_contacts(blocks)
    assert headers == [0]
    assert _fields(blocks) == [
        ("Amina Yusuf", "Media Officer", "", "ay@iom.int", "+254 20 422 1000")
    ]


def test_a_table_without_a_header_reads_its_cells_by_what_they_hold() -> None:
    blocks = [_row(4, "+41 22 717 9111", "jb@iom.int", "Jean Blanc", "Porte-parole")]
    assert _fields(blocks) == [("Jean Blanc", "Porte-parole", "", "jb@iom.int", "+41 22 717 9111")]


def test_a_table_pasted_as_text_keeps_its_tabs() -> None:
    assert _fields(_lines("Nom\tFonction\tCourriel", "Jean Blanc\tPorte-parole\tjb@iom.int")) == [
        ("Jean Blanc", "Porte-parole", "", "jb@iom.int", "")
    ]


def test_each_contact_knows_its_source_lines() -> None:
    found, _ = parse_contacts(_lines("Ellen Wong", "ewong@iom.int", "Peter Hall", "ph@iom.int"))
    assert [c.blocks for c in found] == [[0, 1], [2, 3]]


def test_a_label_without_its_colon_goes_only_before_what_it_labels() -> None:
    assert _fields(_lines("Joe Lowry", "Tel +41 22 717 9111", "Email jlowry@iom.int")) == [
        ("Joe Lowry", "", "", "jlowry@iom.int", "+41 22 717 9111")
    ]
    assert _fields(_lines("Ana Ruiz, Mobile Team Leader, aruiz@iom.int")) == [
        ("Ana Ruiz", "Mobile Team Leader", "", "aruiz@iom.int", "")
    ]


def test_a_tables_title_row_is_no_contact() -> None:
    blocks = [
        _row(0, "Équipe presse", "", ""),
        _row(1, "Lina Haddad", "lh@example.org", "+961 1 000 000"),
        _row(2, "Omar Saleh", "os@example.org", "+961 1 000 001"),
    ]
    found, headers = parse_contacts(blocks)
    assert headers == [0]
    assert [c.contact.name for c in found] == ["Lina Haddad", "Omar Saleh"]


def test_a_one_cell_row_with_a_number_is_still_a_contact() -> None:
    found, headers = parse_contacts([_row(0, "+961 1 000 000"), _row(1, "Lina Haddad", "x@y.org")])
    assert headers == []
    assert len(found) == 2
