"""Making a public document: filter the data, render it, scan the result, refuse a leak.

`publish` is the only road from a document's data to a public file, for every kind.
"""

from __future__ import annotations

from typing import Any, Callable

from namndapp.errors import ValidationError
from namndapp.public.filter import PublicVersion, public_version
from namndapp.public.scan import Finding, scan_document

MAX_LISTED = 5


class LeakRefused(ValidationError):
    """The finished public document still held something it must not; nothing was written."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        lines = [f.sentence() for f in findings[:MAX_LISTED]]
        more = len(findings) - len(lines)
        if more > 0:
            lines.append(f"och {more} till")
        super().__init__("Den offentliga versionen har inte skapats, eftersom den skulle innehålla uppgifter som "
                         "inte får publiceras: " + "; ".join(lines) + ". Rätta texten, eller markera posten som "
                         "sekretessbelagd, och försök igen.")


def publish(data: Any, render: Callable[[Any], bytes], fmt: str,
            screen: Callable[[PublicVersion], None] | None = None) -> bytes:
    """The public version of `data`, rendered by `render` (which gets the filtered data) as `fmt` ('pdf' or
    'docx'). `screen` may adjust the filtered data before rendering (the packet withholds attachments
    there). Raises LeakRefused if the finished document still holds a personnummer or withheld text."""
    version = public_version(data)
    if screen is not None:
        screen(version)
    content = render(version.data)
    findings = scan_document(content, fmt, version)
    if findings:
        raise LeakRefused(findings)
    return content
