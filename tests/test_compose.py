"""The composer's pure parts: shipped templates, rendering, the lint, mailto and the opener."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netui.compose import (
    CHANNELS,
    PLACEHOLDER_RE,
    Channel,
    Intent,
    Message,
    Tone,
    fill,
    render,
    suggested_intent,
    tone_for,
)
from netui.errors import InputError
from netui.mailto import mailto_url, open_link
from netui.message_lint import LintCode, length_label, lint
from netui.message_phrases import interaction_phrase
from netui.paths import assets_dir
from netui.recipient import Recipient, Sender, placeholder_values
from netui.templates import TEMPLATE_DIR, load_templates

SHIPPED = assets_dir() / TEMPLATE_DIR

PRIYA = Recipient(
    first_name="Priya",
    full_name="Priya Patel",
    company="Google",
    title="Senior Software Engineer",
    how_we_know="hackathon teammate 2023",
    last_interaction="our coffee on Nov 17",
    last_talk="our coffee on Nov 17",
    long_ago="our call back in March 2024",
    agreed_step="you'll pass my resume to your EM",
    last_summary="Talked about Maps infra",
    connector="Sam Rivera",
    target_company="Google",
    notes="Works on Maps infra. Mentors new grads.",
    stage="engaged",
    email="priya@example.com",
)
ALEX = Sender("Alex Morgan", "backend engineer", "I build reliable APIs in Python and Go.")
FULL = placeholder_values(PRIYA, ALEX)


def codes(message: Message, channel: Channel = Channel.email, **kw: bool) -> set[LintCode]:
    return {issue.code for issue in lint(message, channel, PRIYA, **kw)}


# ---- shipped templates -----------------------------------------------------------


def test_every_intent_ships_a_template_with_every_tone_and_a_subject() -> None:
    templates = load_templates(SHIPPED)
    assert templates.problems == []
    for intent in Intent:
        template = templates.default_for(intent)
        assert template.key == intent.value
        assert template.label == intent.label
        for tone in Tone:
            assert template.subject[tone].strip(), (intent, tone)
            assert template.body[tone].strip(), (intent, tone)
            assert template.short[tone].strip(), (intent, tone)


@pytest.mark.parametrize("intent", list(Intent))
@pytest.mark.parametrize("tone", list(Tone))
@pytest.mark.parametrize("channel", list(Channel))
def test_shipped_templates_render_clean_with_full_data(
    intent: Intent, tone: Tone, channel: Channel
) -> None:
    template = load_templates(SHIPPED).default_for(intent)
    message = render(template, tone, channel, FULL)
    for text in (message.subject, message.body):
        assert PLACEHOLDER_RE.search(text) is None, text
        assert "[[" not in text and "]]" not in text and "{" not in text
    assert message.body.startswith(("Hi", "Hey", "Thank")), message.body
    assert (message.subject != "") is (channel is Channel.email)
    assert lint(message, channel, PRIYA) == []


def test_intro_request_carries_a_forwardable_blurb_and_the_target_company() -> None:
    template = load_templates(SHIPPED).default_for(Intent.intro)
    for tone in Tone:
        body = render(template, tone, Channel.email, FULL).body
        assert ALEX.blurb in body
        assert "forward" in body
        assert "at Google" in body


def test_formality_follows_closeness() -> None:
    template = load_templates(SHIPPED).default_for(Intent.reconnect)
    assert [tone_for(c) for c in ("close", "friend", "acquaintance", "met_once")] == [
        Tone.casual,
        Tone.warm,
        Tone.polite,
        Tone.polite,
    ]
    casual = render(template, Tone.casual, Channel.email, FULL).body
    polite = render(template, Tone.polite, Channel.email, FULL).body
    assert casual.startswith("Hey Priya!")
    assert polite.startswith("Hi Priya,") and "This is Alex Morgan" in polite


def test_short_channels_use_the_short_body_within_the_limit() -> None:
    for template in load_templates(SHIPPED).ordered():
        for tone in Tone:
            note = render(template, tone, Channel.linkedin_note, FULL).body
            email = render(template, tone, Channel.email, FULL).body
            assert len(note) <= 300 < len(email) or len(note) < len(email)
            assert len(note) <= 300, (template.key, tone, len(note))


# ---- filling placeholders --------------------------------------------------------


def test_fill_drops_an_optional_part_whose_value_is_missing() -> None:
    text = "Hi {first_name}[[ ({how_we_know})]]. Thanks[[ for {last_interaction}]]!"
    assert (
        fill(text, {"first_name": "Sam", "how_we_know": "college"}) == "Hi Sam (college). Thanks!"
    )


def test_fill_leaves_a_missing_placeholder_for_the_lint_to_find() -> None:
    assert fill("At {company}.", {"company": "  "}) == "At {company}."


def test_fill_never_expands_a_value_again_and_keeps_escaped_braces() -> None:
    values = {"first_name": "{blurb}", "blurb": "secret"}
    assert fill("Hi {first_name} {{x}}", values) == "Hi {blurb} {x}"


def test_fill_collapses_blank_lines_left_by_a_dropped_line() -> None:
    assert fill("A\n\n[[{connector}]]\n\nB", {}) == "A\n\nB"


def test_interaction_phrases_read_as_part_of_a_sentence() -> None:
    today = date(2026, 11, 26)  # a Thursday
    assert interaction_phrase("coffee", "out", today, today) == "our coffee today"
    assert interaction_phrase("call", "none", date(2026, 11, 25), today) == "our call yesterday"
    assert interaction_phrase("meeting", "out", date(2026, 11, 23), today) == "our chat on Monday"
    assert interaction_phrase("reply", "in", date(2026, 11, 17), today) == "your reply on Nov 17"
    assert interaction_phrase("coffee", "out", date(2024, 3, 2), today) == (
        "our coffee back in March 2024"
    )
    # your own outgoing message is nothing to thank them for
    assert interaction_phrase("message", "out", today, today) == ""
    assert interaction_phrase("note", "none", today, today) == ""


# ---- the lint --------------------------------------------------------------------

GOOD = Message("Coffee?", "Hi Priya, how is Google? Would you be up for a coffee next week?")


def test_a_good_message_has_no_warnings() -> None:
    assert codes(GOOD) == set()


def test_lint_unfilled_placeholder_names_where_the_value_comes_from() -> None:
    issues = lint(Message("Hi", "Hi {first_name}, {blurb} at Google?"), Channel.email, PRIYA)
    texts = [i.text for i in issues if i.code is LintCode.placeholder]
    assert texts == [
        "{first_name} is not filled in: add their first name in their record, or type it in.",
        "{blurb} is not filled in: add your blurb in settings, or type it in.",
    ]
    assert LintCode.placeholder not in codes(GOOD)


def test_lint_placeholder_in_the_subject_counts_only_where_there_is_a_subject() -> None:
    message = Message("About {company}", GOOD.body)
    assert LintCode.placeholder in codes(message, Channel.email)
    assert LintCode.placeholder not in codes(message, Channel.dm)


def test_lint_no_clear_ask() -> None:
    assert LintCode.no_ask in codes(Message("Hi", "Hope all is well at Google. Cheers."))
    assert LintCode.no_ask not in codes(Message("Hi", "Let me know if Tuesday works at Google."))
    assert LintCode.no_ask not in codes(Message("Hi", "Could you introduce me at Google."))
    assert LintCode.no_ask not in codes(GOOD)


def test_lint_over_the_channel_limit() -> None:
    long_note = Message("", "Hi Priya at Google, would you chat? " + "x" * 300)
    issues = lint(long_note, Channel.linkedin_note, PRIYA)
    too_long = [i for i in issues if i.code is LintCode.too_long]
    assert len(too_long) == 1
    assert too_long[0].text.startswith(f"{len(long_note.body)} characters: ")
    assert "300 characters" in too_long[0].text
    assert LintCode.too_long not in codes(long_note, Channel.linkedin_message)
    assert LintCode.too_long not in codes(long_note, Channel.email)  # no hard limit
    assert LintCode.too_long not in codes(GOOD, Channel.linkedin_note)


def test_every_channel_states_its_limit() -> None:
    assert CHANNELS[Channel.linkedin_note].limit == 300
    for spec in CHANNELS.values():
        assert spec.limit_note
    assert length_label("abc", Channel.linkedin_note) == "3 / 300 characters"
    assert length_label("abc", Channel.email).startswith("3 characters (no hard limit")


def test_lint_nothing_personal() -> None:
    generic = Message("Hi", "Hi there, would you be up for a coffee next week?")
    assert LintCode.not_personal in codes(generic)
    assert LintCode.not_personal not in codes(GOOD)  # names their company
    about_notes = Message("Hi", "Hi! How are the new grads you mentor? Coffee soon?")
    assert LintCode.not_personal not in codes(about_notes)  # a word from their notes
    how = Message("Hi", "Hi! Fellow hackathon teammate 2023 here. Coffee soon?")
    assert LintCode.not_personal not in codes(how)


def test_lint_same_template_already_sent() -> None:
    issues = lint(GOOD, Channel.email, PRIYA, sent_before=True)
    assert [i.text for i in issues] == [
        "You already sent this template to Priya: make this one different."
    ]
    assert LintCode.already_sent not in codes(GOOD, sent_before=False)


def test_lint_empty_subject_for_email_only() -> None:
    message = Message("", GOOD.body)
    assert LintCode.no_subject in codes(message, Channel.email)
    assert LintCode.no_subject not in codes(message, Channel.linkedin_message)


# ---- user templates --------------------------------------------------------------


def test_user_template_overrides_only_what_it_sets(tmp_path: Path) -> None:
    (tmp_path / "intro.toml").write_text('[casual]\nbody = "Yo {first_name}, intro?"\n')
    templates = load_templates(SHIPPED, tmp_path)
    intro = templates.default_for(Intent.intro)
    assert intro.origin == "user"
    assert render(intro, Tone.casual, Channel.email, FULL).body == "Yo Priya, intro?"
    shipped = load_templates(SHIPPED).default_for(Intent.intro)
    assert intro.body[Tone.polite] == shipped.body[Tone.polite]
    assert intro.subject[Tone.casual] == shipped.subject[Tone.casual]


def test_user_template_adds_a_new_one_for_an_intent(tmp_path: Path) -> None:
    (tmp_path / "coffee-chat.toml").write_text(
        'intent = "meet"\nlabel = "Coffee (mine)"\n[warm]\nbody = "Coffee, {first_name}?"\n'
    )
    templates = load_templates(SHIPPED, tmp_path)
    keys = [t.key for t in templates.for_intent(Intent.meet)]
    assert keys == ["meet", "coffee-chat"]
    mine = templates.templates["coffee-chat"]
    assert mine.label == "Coffee (mine)"
    assert render(mine, Tone.warm, Channel.dm, FULL).body == "Coffee, Priya?"
    # tones it does not set come from the shipped template of its intent
    assert mine.body[Tone.polite] == templates.templates["meet"].body[Tone.polite]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[warm\nbody = 1", "not valid TOML"),
        ('intent = "beg"\n[warm]\nbody = "x"', "intent 'beg' is not one of"),
        ('intent = "meet"\n[friendly]\nbody = "x"', "'friendly' is not a tone"),
        ('intent = "meet"\n[warm]\nbody = 3', "[warm] body must be text"),
        ('intent = "meet"\n[warm]\nsignature = "x"', "signature is not subject, body or short"),
    ],
)
def test_a_bad_user_template_is_reported_and_skipped(
    tmp_path: Path, text: str, expected: str
) -> None:
    (tmp_path / "bad.toml").write_text(text)
    templates = load_templates(SHIPPED, tmp_path)
    assert "bad" not in templates.templates
    assert len(templates.problems) == 1
    assert expected in templates.problems[0]
    assert str(tmp_path / "bad.toml") in templates.problems[0]
    assert len(templates.ordered()) == len(load_templates(SHIPPED).ordered())


# ---- mailto and the opener -------------------------------------------------------


def test_mailto_quotes_everything() -> None:
    url = mailto_url("priya@example.com", "Coffee & chat?", "Hi Priya,\nsee you\n")
    assert url == (
        "mailto:priya@example.com?subject=Coffee%20%26%20chat%3F"
        "&body=Hi%20Priya%2C%0D%0Asee%20you%0D%0A"
    )


@given(st.text(), st.text(), st.text())
def test_mailto_builder_on_hostile_strings(to: str, subject: str, body: str) -> None:
    url = mailto_url(to, subject, body)
    opened: list[str] = []
    assert open_link(url, opener=lambda u: opened.append(u) or True) is True
    assert opened == [url]
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    assert not any(ch.isspace() or ord(ch) < 32 for ch in url)
    query = parse_qs(parts.query, keep_blank_values=True, errors="replace")
    assert set(query) == {"subject", "body"}
    assert len(query["subject"]) == len(query["body"]) == 1  # "&" in a value cannot split it
    safe = subject.encode("utf-8", "replace").decode("utf-8")
    assert query["subject"][0] == safe
    expected_body = body.encode("utf-8", "replace").decode("utf-8")
    expected_body = expected_body.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")
    assert query["body"][0] == expected_body
    assert unquote(parts.path, errors="replace") == to.strip().encode("utf-8", "replace").decode()


@given(st.text())
def test_opener_never_opens_another_scheme(url: str) -> None:
    opened: list[str] = []
    try:
        open_link(url, opener=lambda u: opened.append(u) or True)
    except InputError:
        assert opened == []
        return
    assert opened == [url]
    assert urlsplit(url).scheme.lower() in {"mailto", "http", "https"}


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "javascript:alert(1)",
        "x-terminal-emulator:rm",
        "/usr/bin/xterm",
        "https://a.example/ x",
        "mailto:a@b\n--help",
    ],
)
def test_opener_refuses_other_schemes_and_control_characters(url: str) -> None:
    opened: list[str] = []
    with pytest.raises(InputError):
        open_link(url, opener=lambda u: opened.append(u) or True)
    assert opened == []


@given(st.sampled_from(["http", "https", "mailto", "HTTPS"]), st.text())
def test_opener_opens_allowed_links(scheme: str, rest: str) -> None:
    url = f"{scheme}:{rest}"
    opened: list[str] = []
    try:
        open_link(url, opener=lambda u: opened.append(u) or True)
    except InputError as exc:
        assert "spaces or control" in str(exc)
        assert any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in rest)
        return
    assert opened == [url]


@pytest.mark.parametrize(
    ("stage", "role", "owed", "expected"),
    [
        ("new", "engineer", False, Intent.reconnect),
        ("paused", "engineer", False, Intent.reconnect),
        ("reconnecting", "recruiter", False, Intent.meet),
        ("engaged", "engineer", False, Intent.pitch),
        ("engaged", "other_tech", False, Intent.intro),
        ("engaged", "unknown", False, Intent.advice),
        ("asked", "engineer", False, Intent.follow_up),
        ("introduced", "engineer", False, Intent.thank_you),
        ("engaged", "engineer", True, Intent.follow_up),  # a meeting waits for its follow-up
    ],
)
def test_the_suggested_intent_follows_the_chapter(
    stage: str, role: str, owed: bool, expected: Intent
) -> None:
    recipient = Recipient(stage=stage, role=role, follow_up_owed=owed)
    assert suggested_intent(recipient) is expected
