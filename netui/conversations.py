"""What counts as a conversation (pure), and the 'kind/direction' pairs the store filters on.

A conversation is one person's day with a talk in it, or a two-way exchange of messages;
the weekly goal and the Progress chart count these. The pairs say, from the pipeline's
rules, which timeline entries answer a message, keep a promised intro, or leave the next
word to you.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum

from netui.enums import Direction, InteractionKind, Stage
from netui.pipeline import CONVERSATION_KINDS, MESSAGE_KINDS, settles_follow_up, stage_after

CONVERSATION_DEFINITION = (
    "A conversation is a logged call, coffee or meeting, or a two-way exchange of messages "
    "with one person on one day (you wrote and they wrote back)."
)


class Part(StrEnum):
    """What one timeline entry contributes to a person's day."""

    talk = "talk"  # a call, coffee or meeting
    wrote = "wrote"  # you sent a message or email
    heard = "heard"  # they wrote (a reply, or an incoming message or email)
    both = "both"  # a message logged as going both ways


def part_of(kind: str, direction: str) -> Part | None:
    if kind in CONVERSATION_KINDS:
        return Part.talk
    if kind == InteractionKind.reply:
        return Part.heard
    if kind in MESSAGE_KINDS:
        return {Direction.out: Part.wrote, Direction.in_: Part.heard}.get(
            Direction(direction), Part.both
        )
    return None


def part_pairs() -> dict[Part, list[str]]:
    """Every 'kind/direction' pair by the part it plays (the store filters on these)."""
    pairs: dict[Part, list[str]] = {part: [] for part in Part}
    for kind in InteractionKind:
        for direction in Direction:
            part = part_of(kind, direction)
            if part is not None:
                pairs[part].append(f"{kind.value}/{direction.value}")
    return pairs


def is_conversation(parts: Iterable[Part]) -> bool:
    """One person's day: a talk, a both-ways message, or you wrote and they wrote."""
    seen = set(parts)
    return Part.talk in seen or Part.both in seen or {Part.wrote, Part.heard} <= seen


def response_pairs() -> list[str]:
    """'kind/direction' pairs that answer a message you sent: the follow-up rule's answer."""
    return [
        f"{k.value}/{d.value}"
        for k in InteractionKind
        for d in Direction
        if settles_follow_up(k, d)
    ]


def keeps_promise_pairs() -> list[str]:
    """'kind/direction' pairs that keep an intro promised to you: the intro came in."""
    return [
        f"{k.value}/{d.value}"
        for k in InteractionKind
        for d in Direction
        if stage_after(k, d) in (Stage.introduced, Stage.referred)
    ]


def waiting_pairs() -> list[str]:
    """'kind/direction' pairs that leave the next word to you when they are the last one."""
    return [f"{k.value}/{d.value}" for k in InteractionKind for d in Direction
            if part_of(k, d) is Part.heard]  # fmt: skip


def count_conversations(
    day_parts: Iterable[tuple[date, frozenset[Part], int]], first: date, last: date
) -> int:
    """Conversations from `first` to `last`: the person-days that are one."""
    return sum(n for day, parts, n in day_parts
               if first <= day <= last and is_conversation(parts))  # fmt: skip
