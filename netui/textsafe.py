"""Text that is safe to show and to store (pure): no terminal control sequences, ever.

A name or a CSV header can carry ESC ] (set the window title), ESC [2J (clear the screen),
C1 controls or bidi overrides that reorder what the user reads. Two rules:

- `for_terminal` escapes them visibly ("\\x1b", "\\u202e") in anything the CLI prints;
- `clean_line` removes them from a one-line value before it is stored (names on import).

Tabs and newlines are kept where a value may hold them (`keep`); right-to-left *marks*
(U+200E, U+200F) are ordinary text in Arabic and Hebrew names and are kept too.
"""

from __future__ import annotations

import re

# C0 controls, DEL, C1 controls, the bidi embeddings/overrides (U+202A..E) and isolates
# (U+2066..9), the line/paragraph separators that end a line in some terminals, and lone
# surrogates (which cannot even be written out as UTF-8).
_UNSAFE = "\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff"
UNSAFE = re.compile(f"[{_UNSAFE}]")
# A whole escape sequence: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), or ESC + one.
_SEQUENCE = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b]*(?:\x07|\x1b\\)?|.?)"  # 7-bit
    r"|\x9b[0-?]*[ -/]*[@-~]?|\x9d[^\x07\x9c]*[\x07\x9c]?",  # 8-bit CSI and OSC
    re.S,
)
_SPACES = re.compile(r"[ \t]+")
NAME_FIELDS = ("full_name", "first_name", "company")  # one-line names, cleaned when stored


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: str, keep: str = "") -> str:
    """Escape every control character except those in `keep` (e.g. '\\n\\t')."""
    if not UNSAFE.search(text):
        return text
    return UNSAFE.sub(lambda m: m[0] if m[0] in keep else _escape(m[0]), text)


def clean_line(text: str) -> str:
    """A one-line value as stored: escape sequences removed, tabs and newlines become one
    space, other control characters and bidi overrides dropped, the ends trimmed."""
    if UNSAFE.search(text):
        text = _SEQUENCE.sub("", text)
        text = re.sub("[\t\n\r\x0b\x0c\u2028\u2029]", " ", text)
        text = UNSAFE.sub("", text)
        text = _SPACES.sub(" ", text)
    return text.strip()


def clean_text(text: str) -> str:
    """A multi-line value (notes) as stored: like `clean_line` but tabs and newlines stay."""
    if not UNSAFE.search(text.replace("\n", "").replace("\t", "")):
        return text
    text = _SEQUENCE.sub("", text.replace("\r\n", "\n"))
    return UNSAFE.sub(lambda m: m[0] if m[0] in "\n\t" else "", text)


def escape_markup(text: str) -> str:
    """User text for a string that is parsed as Textual/Rich markup, shown as typed.

    Every '[' is escaped, not only those that look like a tag (rich/textual `escape`): a lone
    '[' as in 'Dana [bold' would otherwise run into the next real tag and swallow it. Cut a
    value *before* escaping it, so that no cut lands between the backslash and its bracket.

    A trailing backslash would make the next real tag literal and crash the markup ("Ana\\"
    then "[b]"): Textual has no escape for a backslash, so a zero-width space ends the text.
    """
    text = text.replace("[", "\\[")
    return text + "\u200b" if text.endswith("\\") else text
