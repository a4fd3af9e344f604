"""vCard 2.1 / 3.0 / 4.0 from phones, iCloud, Google and Outlook: each card parsed on its own.

vobject reads one card at a time, so one bad card is reported and the others imported. Before
vobject sees a card, lines are unfolded, quoted-printable soft breaks joined, and photos,
logos, sounds and keys dropped (netui keeps no images, and a bad base64 photo makes vobject
raise).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from netui.errors import InputError
from netui.importers.record import ParseResult, Problem, Record, check_record, squeeze

_BINARY = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})
_PROPERTY = re.compile(r"^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)[;:]")
_QP = re.compile(r"ENCODING=QUOTED-PRINTABLE|;QUOTED-PRINTABLE[;:]", re.I)


@dataclass
class _Card:
    start: int
    lines: list[str] = field(default_factory=list)
    cut_at: int = 0  # the line of the BEGIN that came before this card's END


def split_cards(text: str) -> tuple[list[tuple[int, list[str]]], list[Problem]]:
    """The file's cards, each as (first line number, its physical lines), and warnings.

    A damaged file loses no card: a card without END:VCARD ends where the next BEGIN:VCARD
    starts (or at the end of the file); a card nested inside another (a vCard 2.1 AGENT)
    is read as a card of its own, and the outer card goes on after it. Each is a warning
    on its line.
    """
    cards: list[_Card] = []
    warnings: list[Problem] = []
    current: _Card | None = None
    outer: _Card | None = None  # a card a BEGIN interrupted: unfinished, or holding a nest
    inner: _Card | None = None  # the card that BEGIN started, once it has ended

    def unfinished(card: _Card, until: str) -> None:
        warnings.append(Problem(card.start, f"this card has no END:VCARD line; {until}."))
        cards.append(card)

    def settle_outer() -> None:
        """The interrupted card had no END after all: it ended where the next one began."""
        nonlocal outer, inner
        if outer is not None:
            unfinished(outer, f"it ends where the card on line {outer.cut_at} begins")
        if inner is not None:
            cards.append(inner)
        outer = inner = None

    for number, line in enumerate(text.splitlines(), start=1):
        word = line.strip().upper()
        if word == "BEGIN:VCARD":
            settle_outer()
            if current is not None:
                current.cut_at = number
                outer = current
            current = _Card(number, [line])
        elif word == "END:VCARD":
            if current is not None:
                current.lines.append(line)
                if outer is not None:
                    inner = current
                else:
                    cards.append(current)
                current = None
            elif outer is not None and inner is not None:
                outer.lines.append(line)  # the outer card's own END: the BEGIN was a nest
                warnings.append(
                    Problem(inner.start, f"a card nested inside the card on line "
                            f"{outer.start}; read as a card of its own.")
                )  # fmt: skip
                cards.extend((outer, inner))
                outer = inner = None
            else:
                warnings.append(Problem(number, "END:VCARD without a BEGIN:VCARD; ignored."))
        elif current is not None:
            current.lines.append(line)
        elif outer is not None and inner is not None:
            outer.lines.append(line)  # after a nested card: the outer card goes on
    settle_outer()
    if current is not None:
        unfinished(current, "it was read up to the end of the file")
    cards.sort(key=lambda c: c.start)
    warnings.sort(key=lambda p: p.line)
    return [(c.start, c.lines) for c in cards], warnings


def prepare(lines: list[str]) -> str:
    """Unfold, join quoted-printable soft breaks, drop binary properties.

    Returns the card text for vobject.
    """
    logical: list[str] = []
    skipping = False
    for raw in lines:
        qp_open = bool(logical) and logical[-1].endswith("=") and bool(_QP.search(logical[-1]))
        if raw[:1] in (" ", "\t"):
            if skipping or not logical:
                continue
            logical[-1] = logical[-1][:-1] + raw if qp_open else logical[-1] + raw[1:]
            continue
        if skipping:
            if not raw.strip() or not _PROPERTY.match(raw):
                continue  # 2.1 base64 lines, then the blank line that ends them
            skipping = False
        if not raw.strip():
            continue
        if qp_open:
            logical[-1] = logical[-1][:-1] + raw
            continue
        match = _PROPERTY.match(raw)
        if match and match[1].upper() in _BINARY:
            skipping = True
            continue
        logical.append(raw)
    if not logical or logical[-1].strip().upper() != "END:VCARD":
        logical.append("END:VCARD")  # a card split_cards ended at the next BEGIN
    return "\r\n".join(logical) + "\r\n"


def _str(value: Any) -> str:
    if isinstance(value, list | tuple):
        return " ".join(_str(v) for v in value if _str(v))
    return "" if value is None else str(value)


def _types(prop: Any) -> set[str]:
    out = {str(p).lower() for p in getattr(prop, "singletonparams", [])}
    for key, values in getattr(prop, "params", {}).items():
        if key.upper() == "TYPE":
            out.update(str(v).lower() for v in values)
        elif key.upper() == "PREF":
            out.add("pref")
    return out


def _pick(props: list[Any], *prefer: str) -> Any:
    """The preferred property: marked PREF, else of a preferred type, else the first."""
    for wanted in ("pref", *prefer):
        for prop in props:
            if wanted in _types(prop) and _str(prop.value).strip():
                return prop
    return next((p for p in props if _str(p.value).strip()), None)


def _linkedin(card: Any) -> str:
    for prop in card.contents.get("url", []):
        value = _str(prop.value).strip()
        if "linkedin.com/" in value.lower():
            return value
    for prop in card.contents.get("x-socialprofile", []):
        if "linkedin" in _types(prop):
            value = _str(prop.value).strip()
            if "linkedin.com/" in value.lower():
                return value
            handle = value.rsplit(":", 1)[-1].strip("/ ")
            if handle:
                return f"https://www.linkedin.com/in/{handle}"
    return ""


def _social(card: Any, kind: str) -> str:
    for prop in card.contents.get("x-socialprofile", []):
        if kind in _types(prop) or f"{kind}.com/" in _str(prop.value).lower():
            return _str(prop.value).strip()
    return ""


def _name(card: Any) -> str:
    fn = card.contents.get("fn")
    if fn and _str(fn[0].value).strip():
        return squeeze(_str(fn[0].value))
    n = card.contents.get("n")
    if n:
        value = n[0].value
        parts = [_str(getattr(value, a, "")) for a in ("given", "additional", "family")]
        return squeeze(" ".join(p for p in parts if p.strip()))
    return ""


def _notes(props: list[Any] | None) -> str:
    text = "\n".join(_str(p.value).strip() for p in props or [])
    return text.replace("\r\n", "\n").strip()


def card_to_record(card: Any, line: int) -> Record | str:
    """A vobject card -> a Record, or why it was skipped."""
    kind = card.contents.get("kind")
    show_as = card.contents.get("x-abshowas")
    if (kind and _str(kind[0].value).lower() == "org") or (
        show_as and _str(show_as[0].value).upper() == "COMPANY"
    ):
        return "an organisation, not a person"
    name = _name(card)
    if not name:
        return "no name"
    given = ""
    n = card.contents.get("n")
    if n:
        given = squeeze(_str(getattr(n[0].value, "given", "")))
    org = card.contents.get("org")
    company = ""
    if org:
        value = org[0].value
        company = squeeze(_str(value[0] if isinstance(value, list) and value else value))
    title = card.contents.get("title")
    email = _pick(card.contents.get("email", []), "internet")
    phone = _pick(card.contents.get("tel", []), "cell", "mobile")
    adr = _pick(card.contents.get("adr", []), "home")
    note = card.contents.get("note")
    phone_text = _str(phone.value).strip() if phone is not None else ""
    email_text = _str(email.value).strip() if email is not None else ""
    return Record(
        line=line,
        full_name=name,
        first_name=given,
        company=company,
        title=squeeze(_str(title[0].value)) if title else "",
        email=email_text.removeprefix("mailto:"),
        phone=phone_text.removeprefix("tel:"),
        linkedin_url=_linkedin(card),
        instagram=_social(card, "instagram"),
        snapchat=_social(card, "snapchat"),
        city=squeeze(_str(getattr(adr.value, "city", ""))) if adr is not None else "",
        notes=_notes(note),
    )


_AT_LINE = re.compile(r"^At line \d+: ")


def _locate(exc: Exception, lines: list[str], start: int) -> tuple[int, str]:
    """The file line a vobject error is about (found by its text), and a short reason."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    text = _AT_LINE.sub("", text)
    marker = "Failed to parse line: "
    if text.startswith(marker):
        bad = text[len(marker) :].strip()
        for offset, raw in enumerate(lines):
            if raw.strip() == bad:
                return start + offset, "a line with no property name"
    return start, text[:120]


def parse_text(text: str, source: str) -> ParseResult:
    """Every card in a .vcf text; bad cards become problems, the rest records."""
    import vobject

    cards, warnings = split_cards(text)
    if not cards:
        raise InputError(f"{source} holds no vCards (no BEGIN:VCARD line).")
    result = ParseResult(source=source, format="vcard", warnings=warnings)
    for start, lines in cards:
        result.rows += 1
        body = prepare(lines)
        try:
            card = vobject.readOne(body)
            outcome = card_to_record(card, start)
        except Exception as exc:  # vobject raises many kinds on a malformed card
            line, reason = _locate(exc, lines, start)
            result.problems.append(
                Problem(line, f"this card could not be read ({reason}); skipped.")
            )
            continue
        if isinstance(outcome, str):
            result.skipped.append(Problem(start, outcome))
            continue
        check_record(outcome, result.problems, {})
        result.records.append(outcome)
    result.problems.sort(key=lambda p: p.line)
    return result
