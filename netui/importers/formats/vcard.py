"""vCard (.vcf): from its first line or its name."""

from __future__ import annotations

from pathlib import PurePath

from netui.importers import vcard
from netui.importers.registry import Format, register


def sniff(path: PurePath, text: str) -> bool:
    head = text.lstrip()[:11]
    return head.upper() == "BEGIN:VCARD" or path.suffix.lower() in (".vcf", ".vcard")


FORMAT = register(
    Format(
        suffixes=(".vcf", ".vcard"),
        name="vcard", label="vCard", kind="contacts", order=10, hint="vCard",
        sniff=sniff, parse_text=vcard.parse_text,
    )
)  # fmt: skip
