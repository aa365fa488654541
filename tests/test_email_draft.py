from __future__ import annotations

import email
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

from releasewriter.export.files import prepare_email
from tests.releases import sample_release


def _parse(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=default)
    assert isinstance(message, EmailMessage)
    return message


def test_email_draft_is_unsent_with_html_body_and_both_files_attached(tmp_path: Path) -> None:
    path, warnings = prepare_email(sample_release(), ["fr"], ["docx", "html"], tmp_path / "fr.eml")
    message = _parse(path)
    assert warnings == []
    assert message["X-Unsent"] == "1"
    assert message["Subject"].startswith("L’OIM et la Chine œuvrent")
    body = message.get_body(preferencelist=("html",))
    assert body is not None
    assert "Pär Liljert" in body.get_content()
    plain = message.get_body(preferencelist=("plain",))
    assert plain is not None
    assert "ewong@iom.int" in plain.get_content()
    attachments = {a.get_filename(): a for a in message.iter_attachments()}
    assert sorted(attachments) == [
        "2013-07-16_loim-et-la-chine-oeuvrent-pour-proteger-les_fr.docx",
        "2013-07-16_loim-et-la-chine-oeuvrent-pour-proteger-les_fr.html",
    ]
    docx = attachments["2013-07-16_loim-et-la-chine-oeuvrent-pour-proteger-les_fr.docx"]
    assert docx.get_content().startswith(b"PK")


def test_email_draft_attaches_every_language_chosen(tmp_path: Path) -> None:
    path, _ = prepare_email(sample_release(), ["en", "fr"], ["docx"], tmp_path / "all.eml")
    message = _parse(path)
    names = sorted(a.get_filename() or "" for a in message.iter_attachments())
    assert [n.rsplit("_", 1)[1] for n in names] == ["en.docx", "fr.docx"]
    assert message["Subject"].startswith("IOM and China")
