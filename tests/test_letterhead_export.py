"""A release exported on a letterhead carries the letterhead's look and none of its history."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import pytest

from releasewriter.export.docx_build import build_docx
from releasewriter.export.docx_check import check_docx
from releasewriter.export.errors import ExportCheckError, ExportError
from releasewriter.export.files import export_release
from releasewriter.model import Letterhead, Release
from releasewriter.model.following import follow_profile
from releasewriter.render import render_release
from releasewriter.render.document import RenderedRelease
from releasewriter.settings import load_organisation
from tests.consumers import convert_to_pdf, pdf_text, require_libreoffice
from tests.letterhead_samples import (
    FOOTER_TEXT,
    HEADER_TEXT,
    INSERTED,
    hostile_letterhead,
    replaced_parts,
)
from tests.releases import sample_release
from tests.test_letterhead_cleaning import SECRETS, every_part


def _on_letterhead(data: bytes) -> Release:
    release = sample_release()
    release.organisation.letterhead = Letterhead("acme.docx", data)
    return release


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export")
    report = export_release(_on_letterhead(hostile_letterhead()), ["en"], ["docx"], folder)
    (result,) = report.written
    return result.path


def test_an_export_on_a_hostile_letterhead_carries_none_of_its_history(exported: Path) -> None:
    parts = every_part(exported.read_bytes())
    text = b"".join(parts.values()).decode("utf-8", "replace")
    for secret in SECRETS:
        assert secret not in text, secret
    names = {name.lower() for name in parts}
    assert "word/comments.xml" not in names
    assert not [name for name in names if name.startswith("customxml/")]


def test_an_export_on_a_letterhead_keeps_its_header_footer_and_page_fields(exported: Path) -> None:
    document = docx.Document(str(exported))
    section = document.sections[0]
    assert section.header.paragraphs[0].text.strip() == f"{HEADER_TEXT} {INSERTED}"
    assert FOOTER_TEXT in [p.text for p in section.footer.paragraphs]
    assert b"NUMPAGES" in every_part(exported.read_bytes())["word/footer1.xml"]
    assert document.core_properties.author == "IOM"


def test_an_export_on_a_letterhead_with_a_30_mb_photograph_weighs_under_a_megabyte(
    exported: Path,
) -> None:
    media = [d for n, d in every_part(exported.read_bytes()).items() if "/media/" in n]
    assert media
    assert sum(len(d) for d in media) < 1 << 20
    assert exported.stat().st_size < 1 << 20


def test_an_old_profile_s_letterhead_file_is_cleaned_too(tmp_path: Path) -> None:
    path, config = tmp_path / "old letterhead.docx", tmp_path / "config"
    path.write_bytes(hostile_letterhead())
    config.mkdir()
    # A profile saved before letterheads were held in full named the user's file.
    (config / "organisation.json").write_text(
        json.dumps({"name": "IOM", "docx_template": str(path)}), encoding="utf-8"
    )
    release = sample_release()
    follow_profile(release, load_organisation(config))
    (result,) = export_release(release, ["en"], ["docx"], tmp_path / "out").written
    text = b"".join(every_part(result.path.read_bytes()).values()).decode("utf-8", "replace")
    for secret in SECRETS:
        assert secret not in text, secret


def test_a_letterhead_that_is_not_a_word_document_is_an_export_error(tmp_path: Path) -> None:
    release = _on_letterhead(b"%PDF-1.7 a letterhead as PDF")
    with pytest.raises(ExportError, match="letterhead"):
        export_release(release, ["en"], ["docx"], tmp_path)
    assert not list(tmp_path.iterdir())


# --- the final check, on every DOCX ----------------------------------------------------------


@pytest.fixture(scope="module")
def clean_export() -> tuple[RenderedRelease, bytes]:
    rendered = render_release(sample_release(), "en")
    data = build_docx(rendered)
    check_docx(data, rendered)
    return rendered, data


def _with_comments(data: bytes) -> bytes:
    parts = every_part(data)
    comments = (
        b'<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b'<w:comment w:id="0" w:author="Jane"><w:p/></w:comment></w:comments>'
    )
    types = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.wordprocessingml.comments+xml"/></Types>',
    )
    rels = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/comments" Target="comments.xml"/></Relationships>',
    )
    return replaced_parts(
        data,
        {
            "word/comments.xml": comments,
            "[Content_Types].xml": types,
            "word/_rels/document.xml.rels": rels,
        },
    )


def _in_part(part: str, old: bytes, new: bytes) -> object:
    def change(data: bytes) -> bytes:
        content = every_part(data)[part]
        assert old in content, old
        return replaced_parts(data, {part: content.replace(old, new, 1)})

    return change


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (_with_comments, "comments"),
        (
            _in_part(
                "word/document.xml",
                b"<w:r>",
                b'<w:ins w:id="1" w:author="Jane"><w:r><w:t>x</w:t></w:r></w:ins><w:r>',
            ),
            "ins",
        ),
        (
            _in_part("docProps/app.xml", b"<Company/>", b"<Company>Secret Holdings</Company>"),
            "company",
        ),
        (
            _in_part(
                "word/_rels/document.xml.rels",
                b"</Relationships>",
                b'<Relationship Id="rId98" Type="http://schemas.openxmlformats.org/officeDocument/'
                b'2006/relationships/image" Target="http://tracker.example.com/p.png" '
                b'TargetMode="External"/></Relationships>',
            ),
            "outside file",
        ),
        (
            lambda data: replaced_parts(data, {"customXml/item1.xml": b"<x/>"}),
            "custom data",
        ),
    ],
)
def test_the_final_check_refuses_a_docx_with_anything_personal_or_hidden(
    clean_export: tuple[RenderedRelease, bytes], damage: object, said: str
) -> None:
    rendered, data = clean_export
    assert callable(damage)
    with pytest.raises(ExportCheckError, match=said):
        check_docx(damage(data), rendered)


def test_the_final_check_refuses_someone_else_as_author(
    clean_export: tuple[RenderedRelease, bytes],
) -> None:
    rendered, data = clean_export
    core = every_part(data)["docProps/core.xml"]
    renamed = replaced_parts(
        data, {"docProps/core.xml": core.replace(b">IOM</dc:creator>", b">Jane</dc:creator>")}
    )
    assert renamed != data
    with pytest.raises(ExportCheckError, match="Jane"):
        check_docx(renamed, rendered)


def test_the_default_document_passes_the_final_check_without_its_custom_xml(
    clean_export: tuple[RenderedRelease, bytes],
) -> None:
    _rendered, data = clean_export
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert not [n for n in names if n.lower().startswith("customxml/")]


@pytest.mark.consumer
def test_libreoffice_prints_the_letterhead_s_header_and_footer(
    exported: Path, tmp_path: Path
) -> None:
    require_libreoffice()
    text = pdf_text(convert_to_pdf(exported, tmp_path))
    assert HEADER_TEXT in text
    assert FOOTER_TEXT in text
    assert "Page 1 of 2" in text  # the fields count the release's own pages
    for secret in SECRETS:
        assert secret not in text
