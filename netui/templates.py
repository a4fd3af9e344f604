"""Message templates: shipped in assets/templates/, added to or overridden in the config folder.

One TOML file per template; the file name (without .toml) is the template's key:

    intent = "intro"                      # one of compose.Intent (a shipped key implies it)
    label = "Ask for an introduction"     # optional: shown in the intent picker

    [polite]                              # one table per tone: casual, warm, polite
    subject = "..."                       # email subject
    body = '''...'''                      # the message
    short = '''...'''                     # optional: for LinkedIn notes and DMs

Bodies use `{placeholders}` (recipient.PLACEHOLDERS), `[[ optional parts ]]` (dropped when a
placeholder in them is empty) and `[[ this || or that ]]` (the first choice whose
placeholders are all filled).

A user file with a shipped key replaces only the fields it sets; a new key adds a
template, starting from the shipped one for its intent.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from netui.compose import Intent, Template, Tone

TEMPLATE_DIR = "templates"
_FIELDS = ("subject", "body", "short")


@dataclass
class TemplateSet:
    templates: dict[str, Template] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # one sentence per bad user file

    def for_intent(self, intent: Intent) -> list[Template]:
        """The shipped (or overridden) template first, then the user's additions by name."""
        found = [t for t in self.templates.values() if t.intent is intent]
        return sorted(found, key=lambda t: (t.key != intent.value, t.key))

    def default_for(self, intent: Intent) -> Template:
        found = self.for_intent(intent)
        if not found:
            raise KeyError(intent)
        return found[0]

    def ordered(self) -> list[Template]:
        return [t for intent in Intent for t in self.for_intent(intent)]


class TemplateError(ValueError):
    pass


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise TemplateError(f"{path}: not valid TOML ({exc}).") from None
    except OSError as exc:
        raise TemplateError(f"{path}: cannot be read ({exc.strerror}).") from None


def _parse(path: Path, raw: dict[str, Any], base: Template | None, origin: str) -> Template:
    """Build a template from one file's data, on top of `base` when there is one."""
    key = path.stem
    intent_value = raw.get("intent", base.intent.value if base else key)
    try:
        intent = Intent(intent_value)
    except ValueError:
        choices = ", ".join(i.value for i in Intent)
        raise TemplateError(f"{path}: intent '{intent_value}' is not one of: {choices}.") from None
    label = raw.get("label")
    if label is not None and not isinstance(label, str):
        raise TemplateError(f"{path}: 'label' must be text.")
    tables: dict[str, dict[Tone, str]] = {
        name: dict(getattr(base, name)) if base else {} for name in _FIELDS
    }
    for name, value in raw.items():
        if name in ("intent", "label"):
            continue
        try:
            tone = Tone(name)
        except ValueError:
            raise TemplateError(
                f"{path}: '{name}' is not a tone; use casual, warm or polite."
            ) from None
        if not isinstance(value, dict):
            raise TemplateError(f"{path}: [{name}] must be a table with subject and body.")
        if "body" in value and "short" not in value:
            # A new body is the user's words: don't let the old short version shadow it.
            tables["short"].pop(tone, None)
        for part, text in value.items():
            if part not in _FIELDS:
                raise TemplateError(f"{path}: [{name}] {part} is not subject, body or short.")
            if not isinstance(text, str):
                raise TemplateError(f"{path}: [{name}] {part} must be text.")
            tables[part][tone] = text.strip("\n")
    missing = [t.value for t in Tone if not tables["body"].get(t, "").strip()]
    if missing:
        raise TemplateError(f"{path}: no body for the tone(s) {', '.join(missing)}.")
    default_label = intent.label if key == intent.value else f"{intent.label} ({key})"
    return Template(
        key=key,
        intent=intent,
        label=label or (base.label if base and base.key == key else default_label),
        subject=tables["subject"],
        body=tables["body"],
        short=tables["short"],
        origin=origin,
    )


def load_templates(shipped: Path, user: Path | None = None) -> TemplateSet:
    """Shipped templates (an error there is a bug: it raises), then the user's on top."""
    result = TemplateSet()
    for path in sorted(shipped.glob("*.toml")):
        template = _parse(path, _read(path), None, "shipped")
        result.templates[template.key] = template
    if user is None or not user.is_dir():
        return result
    for path in sorted(user.glob("*.toml")):
        try:
            raw = _read(path)
            base = result.templates.get(path.stem)
            if base is None:
                intent_value = raw.get("intent", "")
                shipped_base = result.templates.get(str(intent_value))
                base = shipped_base if shipped_base and shipped_base.origin == "shipped" else None
            result.templates[path.stem] = _parse(path, raw, base, "user")
        except TemplateError as exc:
            result.problems.append(str(exc))
    return result


def default_templates() -> TemplateSet:
    """The shipped set plus the user's `templates/` folder in the config folder."""
    from netui.paths import assets_dir, config_dir

    return load_templates(assets_dir() / TEMPLATE_DIR, config_dir() / TEMPLATE_DIR)
