"""The people to contact, as releases list them after "For more information, please contact".

Three layouts: one detail a line (name, role, office, "Email : …",
"Tel: …"), one contact a line ("Name, Role, email, phone"), and a table
(name | role | email | phone, with or without a header row). E-mail
addresses and phone numbers are found wherever they are in a line; the
label before them ("Tél. :", "Тел.:", "هاتف:", "电话：") is dropped, as the
export prints its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from releasewriter.i18n.countries import fold
from releasewriter.importing.blocks import SourceBlock
from releasewriter.model import Contact
from releasewriter.model.inline import to_plain_text

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# At least seven digits, with the spaces, dots, dashes and brackets numbers are written with.
PHONE = re.compile(r"(?<![\w@])\+?\(?\d[\d\s().\-‑/]{5,}\d(?![\w@])")
_MIN_PHONE_DIGITS = 7

# The labels before a detail, in the app's languages; dropped with their colon.
DETAIL_LABELS = (
    "e-mail", "email", "e mail", "courriel", "mél", "correo electrónico", "correo", "e-correo",
    "эл. почта", "эл.почта", "электронная почта", "почта", "البريد الإلكتروني", "بريد إلكتروني",
    "电子邮件", "电子邮箱", "邮箱", "tel", "tél", "tel.", "tél.", "teléfono", "telephone",
    "téléphone", "telefone", "telefon", "phone", "mobile", "mob", "portable", "cel", "celular",
    "móvil", "cell", "моб", "мобильный", "тел", "телефон", "هاتف", "الهاتف", "جوال", "الجوال",
    "محمول", "电话", "手机", "fax", "whatsapp", "t", "m", "e",
)  # fmt: skip
_LABEL = re.compile(
    r"(?<![\w])(?:"
    + "|".join(re.escape(label) for label in sorted(DETAIL_LABELS, key=len, reverse=True))
    + r")\.?\s*[:：]\s*|(?<![\w])(?:"
    + "|".join(
        re.escape(label) for label in sorted(DETAIL_LABELS, key=len, reverse=True) if len(label) > 2
    )
    # Without a colon, only right before what it labels: "Tel +41 …", "Email a@b.org".
    + r")\.?\s+(?=[+\d(]|[\w.%+-]+@)",
    re.IGNORECASE,
)
# "In Geneva", "À Genève", "En Ginebra", "В Женеве", "في جنيف", "在日内瓦": where the person is.
_WHERE = re.compile(r"^(?:(?:In|At|À|En|В|Во|في)\s+|在)\S")
# What is left between details once they are taken out: dashes, stops, bidi marks.
_STRAY = " .:-–—\u200e\u200f\u202a\u202b\u202c\u2066\u2067\u2068\u2069"
_SEPARATORS = re.compile(r"\s*(?:[,;|،，；]|\s[–—-]\s|\t)\s*")

# Words that make a line the contact's office rather than their role.
_OFFICE_WORDS = frozenset(
    fold(w)
    for w in str.split(
        "office bureau oficina escritório escritorio büro бюро офис представительство mission "
        "misión missão миссия headquarters siège sede штаб-квартира مكتب بعثة 办事处 办公室 "
        "代表处 country regional liaison délégation delegación"
    )
)
_ROLE_WORDS = frozenset(
    fold(w)
    for w in str.split(
        "officer spokesperson spokesman spokeswoman chargé chargée responsable portavoz "
        "oficial coordinator coordinatrice coordinador coordinadora assistant assistante "
        "manager head chef cheffe jefe jefa пресс-секретарь сотрудник сотрудница специалист "
        "руководитель متحدث متحدثة مسؤول مسؤولة 发言人 官员 专员 communications communication "
        "comunicación коммуникациям media médias medios сми"
    )
)
_HEADER_WORDS = {
    "name": ("name", "nom", "nombre", "nome", "имя", "фио", "контакт", "الاسم", "姓名", "联系人"),
    "role": ("role", "rôle", "title", "position", "fonction", "cargo", "função", "должность",
             "المنصب", "الوظيفة", "职务", "职位"),
    "office": ("office", "bureau", "oficina", "escritório", "офис", "бюро", "المكتب", "办事处"),
    "email": ("email", "e-mail", "courriel", "correo", "correo electrónico", "эл. почта",
              "электронная почта", "البريد الإلكتروني", "电子邮件", "邮箱"),
    "phone": ("phone", "telephone", "téléphone", "tél.", "tel", "teléfono", "telefone", "телефон",
              "тел.", "الهاتف", "هاتف", "电话", "mobile"),
}  # fmt: skip
_HEADER_INDEX = {fold(word): column for column, words in _HEADER_WORDS.items() for word in words}


@dataclass
class FoundContact:
    contact: Contact
    # The blocks it was read from, for the window that shows each field beside its source.
    blocks: list[int] = field(default_factory=list)


def _phones(text: str) -> list[str]:
    return [
        m.group().strip()
        for m in PHONE.finditer(text)
        if sum(c.isdigit() for c in m.group()) >= _MIN_PHONE_DIGITS
    ]


def _details(text: str) -> tuple[list[str], list[str], str]:
    """The line's e-mail addresses, its phone numbers, and what is left of it."""
    emails = EMAIL.findall(text)
    phones = _phones(EMAIL.sub(" ", text))
    if not emails and not phones:
        return [], [], " ".join(text.split())
    # The labels go first, while what they label still follows them.
    rest = EMAIL.sub(" ", _LABEL.sub(" ", text))
    for phone in phones:
        rest = rest.replace(phone, " ", 1)
    return emails, phones, " ".join(rest.split()).strip(_STRAY)


def _is_office(line: str) -> bool:
    # Chinese and Arabic write the office word joined to the others ("驻北京办事处").
    joined = any(word in line for word in ("办事处", "联络处", "代表处", "مكتب"))
    return joined or bool(set(fold(line).split()) & _OFFICE_WORDS)


def _is_role(line: str) -> bool:
    return bool(set(fold(line).split()) & _ROLE_WORDS)


def _from_lines(lines: list[str], emails: list[str], phones: list[str]) -> Contact:
    name, *others = [*lines, ""][: max(len(lines), 1)]
    role = office = ""
    if not others and len(parts := _SEPARATORS.split(name)) > 1:
        # "ليلى حسن، ممثلة المنظمة في اليمن" on one line above the details.
        name, *others = parts
    if len(lines) > 1 and _WHERE.match(name):
        # "In Geneva, Matthew Saltmarsh, …": the office first, then the person.
        office, name, *others = lines
        return Contact(
            name=name,
            role=", ".join(others),
            office=office,
            email=", ".join(emails),
            phone=", ".join(phones),
        )
    person, at, where = name.partition(" at ")
    if at and not others:
        # "Joe Lowry at IOM Geneva", as a heading's sentence runs on.
        return Contact(name=person, office=where, email=", ".join(emails), phone=", ".join(phones))
    if len(others) == 1:
        if _is_office(others[0]) and not _is_role(others[0]):
            office = others[0]
        else:
            role = others[0]
    elif others:
        role, office = others[0], ", ".join(others[1:])
    return Contact(
        name=name, role=role, office=office, email=", ".join(emails), phone=", ".join(phones)
    )


@dataclass
class _Pending:
    lines: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    blocks: list[int] = field(default_factory=list)

    @property
    def has_details(self) -> bool:
        return bool(self.emails or self.phones)

    def found(self) -> FoundContact:
        return FoundContact(_from_lines(self.lines, self.emails, self.phones), self.blocks)


def _header(cells: tuple[str, ...]) -> dict[int, str] | None:
    """The columns a header row names, or None if the row is not a header."""
    columns = {i: _HEADER_INDEX.get(fold(cell.strip(" :："))) for i, cell in enumerate(cells)}
    named = {i: c for i, c in columns.items() if c}
    return named if len(named) >= 2 and len(named) >= len(cells) - 1 else None


def _caption(cells: tuple[str, ...], following: list[tuple[int, SourceBlock]]) -> bool:
    """A table's title row: one cell of text, no address or number, over a row of more
    cells."""
    filled = [cell for cell in cells if cell.strip()]
    if len(filled) != 1 or EMAIL.search(filled[0]) or PHONE.search(filled[0]):
        return False
    next_cells = _plain_cells(following[0][1]) if following else ()
    return len([cell for cell in next_cells if cell.strip()]) > 1


def _from_row(cells: tuple[str, ...], columns: dict[int, str] | None) -> Contact:
    values: dict[str, list[str]] = {}
    texts: list[str] = []
    for index, written in enumerate(cells):
        cell = written.strip()
        if not cell:
            continue
        column = columns.get(index) if columns else None
        emails, phones, rest = _details(cell)
        if column in ("email", "phone") or emails or phones:
            values.setdefault("email", []).extend(emails)
            values.setdefault("phone", []).extend(phones)
            if rest:
                texts.append(rest)
        elif column:
            values.setdefault(column, []).append(cell)
        else:
            texts.append(cell)
    for column in ("name", "role", "office"):
        if not values.get(column) and texts:
            values[column] = [texts.pop(0)]
    if texts:
        values.setdefault("office", []).extend(texts)
    return Contact(**{key: ", ".join(found) for key, found in values.items()})


def _plain_cells(block: SourceBlock) -> tuple[str, ...]:
    """A table row's cells as a reader sees them; a table pasted as text keeps them apart
    with tabs. Readers may give ``cells`` in markup ("**Name**" for a header cell)."""
    tabbed = tuple(block.plain.split("\t")) if "\t" in block.plain else ()
    if not block.cells:
        return tabbed
    if len(tabbed) == len(block.cells):
        return tabbed
    return tuple(to_plain_text(cell) for cell in block.cells)


def parse_contacts(blocks: list[tuple[int, SourceBlock]]) -> tuple[list[FoundContact], list[int]]:
    """The contacts listed in ``blocks`` (each with its index in the document), and
    the blocks that were only labels (a table's header row)."""
    found: list[FoundContact] = []
    headers: list[int] = []
    pending = _Pending()
    columns: dict[int, str] | None = None

    def flush() -> None:
        nonlocal pending
        if pending.lines or pending.has_details:
            found.append(pending.found())
        pending = _Pending()

    for position, (index, block) in enumerate(blocks):
        cells = _plain_cells(block)
        if cells:
            flush()
            header = _header(cells)
            if header is not None and not EMAIL.search(block.plain):
                columns = header
                headers.append(index)
                continue
            if _caption(cells, blocks[position + 1 : position + 2]):
                headers.append(index)  # "Media contacts" across the table: no one's name
                continue
            found.append(FoundContact(_from_row(cells, columns), [index]))
            continue
        plain = block.plain.strip()
        if not plain:
            continue
        emails, phones, rest = _details(plain)
        if emails or phones:
            parts = [p for p in _SEPARATORS.split(rest) if p.strip(_STRAY)] if rest else []
            if parts and (pending.has_details or not pending.lines):
                # "Name, Role, email, phone": a contact on one line.
                flush()
            pending.lines += parts
            pending.emails += emails
            pending.phones += phones
            pending.blocks.append(index)
            continue
        if pending.has_details:
            flush()
        pending.lines.append(plain)
        pending.blocks.append(index)
    flush()
    return found, headers
