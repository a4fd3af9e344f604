"""Who a message is to and from (pure), and the {placeholders} their facts fill.

The store fills a `Recipient` (netui/store/drafts.py); settings give the `Sender`.
`placeholder_values` is every value a template can name, and `PLACEHOLDER_SOURCES` says
where a missing one comes from.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from netui.enums import Closeness


@dataclass(frozen=True)
class Recipient:
    """What we know about them that a message can use (filled by the store)."""

    first_name: str = ""
    full_name: str = ""
    company: str = ""
    title: str = ""
    how_we_know: str = ""  # said in messages: "we worked together", "we met at PyCon 2023"
    how_we_know_note: str = ""  # the user's note on how you know them (a hint, never sent)
    last_interaction: str = ""  # a noun phrase: "our coffee on Nov 17"
    last_talk: str = ""  # a recent conversation, intro or referral: "our coffee yesterday"
    long_ago: str = ""  # the last contact, only when it was long ago: "our call back in May"
    agreed_step: str = ""  # what the last meeting agreed, written to them (owed follow-up)
    meeting_ask: str = ""  # the ask the user planned for that meeting (a hint, never sent)
    last_summary: str = ""  # the user's own note on it (shown as a hint, never inserted)
    connector: str = ""  # who connects you: the person who introduced you, or a mutual contact
    target_company: str = ""  # where you want in: theirs, or a target they can reach
    notes: str = ""
    closeness: str = Closeness.acquaintance
    email: str = ""
    stage: str = "new"
    role: str = "unknown"
    channel: str = "email"  # where they can be reached: email, then LinkedIn, then a DM
    follow_up_owed: bool = False  # a meeting with them waits for its follow-up
    target_person: str = ""  # whom to ask them to introduce you to: "Dana Ruiz, engineer at Stripe"
    target_first_name: str = ""  # their first name, for the note to forward


INTRO_TO_PERSON = "intro_person"  # the template that names whom to introduce you to


@dataclass(frozen=True)
class IntroTarget:
    """The person a path reaches through them (netui/network.py): named in the intro ask."""

    name: str
    first_name: str
    description: str  # "Dana Ruiz, engineer at Stripe"; a stub says it: "Sam's roommate at Stripe"
    company: str


def with_intro(recipient: Recipient, target: IntroTarget) -> Recipient:
    """Ask this recipient for an introduction to `target` (at the target's company)."""
    return replace(
        recipient,
        target_person=target.description,
        target_first_name=target.first_name,
        target_company=target.company or recipient.target_company,
    )


@dataclass(frozen=True)
class Sender:
    name: str = ""
    target_role: str = ""
    blurb: str = ""

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.strip() else ""


def placeholder_values(recipient: Recipient, sender: Sender) -> dict[str, str]:
    return {
        "first_name": recipient.first_name,
        "company": recipient.company,
        "title": recipient.title,
        "how_we_know": recipient.how_we_know,
        "last_interaction": recipient.last_interaction,
        "last_talk": recipient.last_talk,
        "long_ago": recipient.long_ago,
        "agreed_step": recipient.agreed_step,
        "connector": recipient.connector,
        "target_company": recipient.target_company or recipient.company,
        "my_name": sender.name,
        "my_first_name": sender.first_name,
        "target_role": sender.target_role,
        "blurb": sender.blurb,
        "target_person": recipient.target_person,
        "target_first_name": recipient.target_first_name,
    }


PLACEHOLDERS = tuple(placeholder_values(Recipient(), Sender()))
# Said when a placeholder is left unfilled: where the value comes from.
PLACEHOLDER_SOURCES = {
    "first_name": "their first name in their record",
    "company": "their company in their record",
    "title": "their title in their record",
    "how_we_know": "how you know them in their record",
    "last_interaction": "a logged interaction",
    "last_talk": "a call, coffee or meeting logged in the last 45 days",
    "long_ago": "a last contact at least 90 days ago",
    "agreed_step": "what you agreed, noted when you mark the meeting done",
    "connector": "a link to whoever introduced you",
    "target_company": "their company or a target company",
    "my_name": "your name in settings",
    "my_first_name": "your name in settings",
    "target_role": "your target role in settings",
    "blurb": "your blurb in settings",
    "target_person": "a path into a company (c on the Paths screen)",
    "target_first_name": "a path into a company (c on the Paths screen)",
}
