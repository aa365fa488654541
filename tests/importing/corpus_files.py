"""The corpus as files (.txt, .html, .docx), and its score as a Markdown table.

The files are what a press officer would import: a plain-text paste with the
page's furniture around it, a web page with its <nav>, <header>, <footer>
and cookie banner around an <article>, and a Word document with the headline
as a Title (or in bold) and the contacts in a real table. Once the readers
read them, the same score can be measured per format (bench/import_corpus.py).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from pathlib import Path

from releasewriter.i18n.locales import bcp47_tag, text_direction
from releasewriter.importing.blocks import BlockKind, SourceBlock
from releasewriter.importing.recognise import recognise
from tests.importing.corpus import ALL_WORDS, CorpusRelease, Expected, Line, build_corpus
from tests.importing.corpus_score import score

FORMATS = ("txt", "html", "docx")
Reader = Callable[[Path], list[SourceBlock]]


def _release_lines(release: CorpusRelease) -> list[Line]:
    return [line for line in release.lines if line.zone in ("release", "top")]


def write_txt(release: CorpusRelease, path: Path) -> None:
    path.write_text("\n".join(line.text for line in release.lines), encoding="utf-8")


def _cookie_line(lines: Iterable[str]) -> str:
    return next((line for line in lines if "cookie" in line.lower()), "Cookies")


def write_html(release: CorpusRelease, path: Path) -> None:
    words = ALL_WORDS[release.locale]
    escape = html.escape
    before = [text for text in dict.fromkeys(words.chrome_before)]
    after = [text for text in words.chrome_after if "cookie" not in text.lower()]
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{bcp47_tag(release.locale)}" dir="{text_direction(release.locale)}">',
        f"<head><meta charset='utf-8'><title>{escape(release.expected.headline)}</title></head>",
        "<body>",
        f'<div class="cookie-banner" role="dialog"><p>{escape(_cookie_line(words.chrome_after))}'
        "</p><button>OK</button></div>",
        f"<header><a href='/'>{escape(before[0])}</a><nav><ul>",
        *(f"<li><a href='/{n}'>{escape(text)}</a></li>" for n, text in enumerate(before[1:])),
        "</ul></nav></header>",
        "<main><article>",
    ]
    rows: list[Line] = []
    for line in [*_release_lines(release), None]:
        if line is not None and line.kind is BlockKind.TABLE_ROW:
            rows.append(line)
            continue
        if rows:
            out.append("<table>")
            for number, row in enumerate(rows):
                tag = "th" if number == 0 and "@" not in row.text else "td"
                out.append("<tr>" + "".join(f"<{tag}>{escape(c)}</{tag}>" for c in row.cells))
            out.append("</table>")
            rows = []
        if line is None:
            break
        if line.text == release.expected.headline:
            out.append(f"<h1>{escape(line.text)}</h1>")
        elif line.text == release.expected.subheadline and line.text:
            out.append(f"<h2>{escape(line.text)}</h2>")
        else:
            out.append(f"<p>{escape(line.text)}</p>")
    out += ["</article></main>", "<aside><ul>"]
    out += [f"<li>{escape(text)}</li>" for text in after[:-1]]
    out += ["</ul></aside>", f"<footer><p>{escape(after[-1])}</p></footer>", "</body></html>"]
    path.write_text("\n".join(out), encoding="utf-8")


def write_docx(release: CorpusRelease, path: Path) -> None:
    from docx import Document  # noqa: PLC0415

    document = Document()
    rows: list[Line] = []
    # Half the documents set the headline as a Title, half as a bold line.
    titled = sum(map(ord, release.name)) % 2 == 0
    for line in [*_release_lines(release), None]:
        if line is not None and line.kind is BlockKind.TABLE_ROW:
            rows.append(line)
            continue
        if rows:
            table = document.add_table(rows=len(rows), cols=len(rows[0].cells))
            for row, source in zip(table.rows, rows, strict=True):
                for cell, text in zip(row.cells, source.cells, strict=True):
                    cell.text = text
            rows = []
        if line is None:
            break
        if line.bold:
            document.add_paragraph().add_run(line.text).bold = True
        elif line.text == release.expected.headline:
            if titled:
                document.add_paragraph(line.text, style="Title")
            else:
                document.add_paragraph().add_run(line.text).bold = True
        elif line.text == release.expected.subheadline and line.text:
            document.add_paragraph(line.text, style="Subtitle")
        else:
            document.add_paragraph(line.text)
    document.save(str(path))


_WRITERS = {"txt": write_txt, "html": write_html, "docx": write_docx}


def write_corpus(
    folder: Path, formats: Iterable[str] = FORMATS, corpus: list[CorpusRelease] | None = None
) -> list[tuple[Path, Expected]]:
    """Every release of the corpus as a file of each format in ``folder``, with what it holds."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for release in corpus if corpus is not None else build_corpus():
        for extension in formats:
            path = folder / f"{release.name}.{extension}"
            _WRITERS[extension](release, path)
            written.append((path, release.expected))
    return written


def measure(
    corpus: list[CorpusRelease], readers: dict[str, Reader | None], folder: Path
) -> dict[tuple[str, str], tuple[int, int]]:
    """Fields right and fields in all, per (language, format); "blocks" reads no file."""
    counts: dict[tuple[str, str], tuple[int, int]] = {}
    for name, reader in readers.items():
        if reader is None:
            continue
        for release in corpus:
            if name == "blocks":
                blocks = release.blocks()
            else:
                path = folder / f"{release.name}.{name}"
                _WRITERS[name](release, path)
                blocks = reader(path)
            fields = score(recognise(blocks), release.expected)
            right, total = counts.get((release.locale, name), (0, 0))
            counts[(release.locale, name)] = (
                right + sum(ok for _, ok in fields),
                total + len(fields),
            )
    return counts


def markdown_table(
    counts: dict[tuple[str, str], tuple[int, int]], locales: Iterable[str], formats: Iterable[str]
) -> str:
    """Fields right / fields scored (and the share) per language and format."""
    columns = list(formats)
    lines = ["| language | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
    for locale in locales:
        cells = []
        for name in columns:
            if (locale, name) not in counts:
                cells.append("no reader")
                continue
            right, total = counts[(locale, name)]
            cells.append(f"{right}/{total} ({100 * right / total:.1f} %)")
        lines.append(f"| {locale} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
