"""An unsent email (.eml) holding the release: HTML body, DOCX and HTML attached.

``X-Unsent: 1`` makes classic Outlook open the file as a new message ready to
address and send, rather than as a received one; Thunderbird opens it as a
draft too. The plain-text part is the same release as text, for mail readers
that show no HTML.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP

_MIME = {
    "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "html": ("text", "html"),
}


@dataclass(frozen=True)
class Attachment:
    filename: str
    data: bytes
    format: str


def build_email(
    *,
    subject: str,
    html_body: str,
    text_body: str,
    attachments: Iterable[Attachment],
    sender: str = "",
) -> bytes:
    message = EmailMessage(policy=SMTP)
    message["Subject"] = subject.replace("\n", " ").strip()
    message["X-Unsent"] = "1"
    if sender:
        message["From"] = sender
    message.set_content(text_body, subtype="plain", charset="utf-8")
    message.add_alternative(html_body, subtype="html", charset="utf-8")
    for attachment in attachments:
        maintype, subtype = _MIME[attachment.format]
        message.add_attachment(
            attachment.data, maintype=maintype, subtype=subtype, filename=attachment.filename
        )
    return message.as_bytes()
