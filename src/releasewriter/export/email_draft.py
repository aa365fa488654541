"""An unsent email (.eml) holding the release: HTML body, DOCX and HTML attached.

``X-Unsent: 1`` makes classic Outlook open the file as a new message ready to
address and send, rather than as a received one; Thunderbird opens it as a
draft too. The plain-text part is the same release as text, for mail readers
that show no HTML.

An attachment's name is given twice: in UTF-8 the RFC 2231 way (``filename*=``),
which current mail programs read, and as a plain ASCII ``filename=`` for those
that do not (older Outlook, some webmail and phone clients show "ATT00001.bin"
or mojibake otherwise). Python's email package merges the two into one
parameter whenever it re-folds a header, so these headers are written as
finished lines and generated without re-folding.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP, compat32
from urllib.parse import quote

from releasewriter.model.one_line import one_line

_MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html",
}
# Characters of percent-encoded name per header line (the line stays under 78).
_SECTION = 56
# What a quoted-string file name may hold without any escaping.
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
# Written headers are kept as they are (see the module docstring).
_GENERATE = SMTP.clone(refold_source="none")
_CHARSET = "UTF-8''"


@dataclass(frozen=True)
class Attachment:
    filename: str
    data: bytes
    format: str
    ascii_filename: str = ""  # for mail programs that read only ASCII; "" when the same


def build_email(
    *,
    subject: str,
    html_body: str,
    text_body: str,
    attachments: Iterable[Attachment],
    sender: str = "",
) -> bytes:
    message = EmailMessage(policy=SMTP)
    # Every line break str.splitlines knows (U+2028, U+2029, U+0085 too) ends a
    # header line to the email package, which refuses them: a space here.
    message["Subject"] = one_line(subject)
    message["X-Unsent"] = "1"
    if sender:
        message["From"] = sender
    message.set_content(text_body, subtype="plain", charset="utf-8")
    message.add_alternative(html_body, subtype="html", charset="utf-8")
    parts = [_attachment_part(attachment) for attachment in attachments]
    if parts:
        message.make_mixed()
        for part in parts:
            message.attach(part)
    return message.as_bytes(policy=_GENERATE)


def _attachment_part(attachment: Attachment) -> EmailMessage:
    part = EmailMessage(policy=compat32)  # keeps header values as given
    fallback = _plain_name(attachment.ascii_filename or attachment.filename)
    part["Content-Type"] = _header(_MIME[attachment.format], "name", attachment.filename, fallback)
    part["Content-Disposition"] = _header("attachment", "filename", attachment.filename, fallback)
    part["Content-Transfer-Encoding"] = "base64"
    part.set_payload(base64.encodebytes(attachment.data).decode("ascii"))
    return part


def _plain_name(name: str) -> str:
    return "".join(ch if ch in _PLAIN else "_" for ch in name) or "attachment"


def _header(value: str, parameter: str, name: str, fallback: str) -> str:
    """``value`` with the name as RFC 2231 sections (when it is not plain ASCII) and then as
    a plain quoted ASCII name, one parameter a line."""
    lines = [value]
    if name != fallback:
        sections = _sections(name)
        lines += [
            f"{parameter}*{index}*={_CHARSET if index == 0 else ''}{section}"
            for index, section in enumerate(sections)
        ]
    lines.append(f'{parameter}="{fallback}"')
    return ";\n ".join(lines)


def _sections(name: str) -> Sequence[str]:
    """The name percent-encoded and cut into pieces between characters (some programs
    decode each piece on its own)."""
    pieces = [""]
    for character in name:
        encoded = quote(character, safe="")
        if pieces[-1] and len(pieces[-1]) + len(encoded) > _SECTION:
            pieces.append("")
        pieces[-1] += encoded
    return pieces
