"""Hand-made archives in the real formats (no real people): mbox, Maildir, LinkedIn,
WhatsApp, Instagram, Snapchat, Facebook. Each writer returns the path it made."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

ME = "alex.morgan@gmail.com"


def mail_message(
    sender: str,
    to: str,
    date: str,
    subject: str,
    *,
    extra: str = "",
    cc: str = "",
    body: str = "Hello,\nFrom here on a plain line.\n>From an escaped one.\n",
) -> str:
    headers = [
        "From 1780000000000000000@xxx Mon Jan 01 00:00:00 +0000 2024",
        "X-GM-THRID: ",
        f"X-Gmail-Labels: {'Sent' if ME in sender else 'Inbox,Important'}",
        "Received: by 2002:a05:6000:1:b0:1 with SMTP id x;",
        "        Mon, 01 Jan 2024 00:00:00 -0800 (PST)",
        f"From: {sender}",
        f"To: {to}",
    ]
    if cc:
        headers.append(f"Cc: {cc}")
    headers += [f"Date: {date}", f"Subject: {subject}", "Content-Type: text/plain"]
    if extra:
        headers.append(extra)
    return (
        "\r\n".join(h for h in headers if h != "X-GM-THRID: ")
        + "\r\n\r\n"
        + body.replace("\n", "\r\n")
    )


MAILBOX = [
    # a two-way thread with a Meta engineer (two of the three on one day)
    mail_message(f"Alex Morgan <{ME}>", "Priya Raman <priya@fb.com>",
                 "Tue, 2 Jan 2024 09:00:00 +0000", "Coffee next week?"),
    mail_message("Priya Raman <priya@fb.com>", f"Alex Morgan <{ME}>",
                 "Tue, 2 Jan 2024 18:30:00 +0000", "Re: Coffee next week?"),
    mail_message(f"Alex Morgan <{ME}>", "Priya Raman <priya@fb.com>",
                 "Wed, 3 Jan 2024 08:00:00 +0000", "Re: Coffee next week?"),
    # RFC 2047 name, a startup domain, cc'd someone
    mail_message("=?UTF-8?Q?Jos=C3=A9_P=C3=A9rez?= <jose@quantumleap.io>", f"{ME}",
                 "Thu, 4 Jan 2024 10:00:00 -0500", "Intro",
                 cc="Sam Lee <sam@quantumleap.io>"),
    # a university friend with a folded To header, on gmail (no company)
    mail_message(f"{ME}", "Kofi Mensah <kofi.m@gmail.com>,\r\n Wen Li <wen@cs.stanford.edu>",
                 "5 Jan 2024 12:00 GMT", "Reunion"),
    # bulk: never candidates
    mail_message("Deals <deals@shop.example>", ME, "Fri, 5 Jan 2024 12:00:00 +0000",
                 "50% off", extra="List-Unsubscribe: <mailto:u@shop.example>"),
    mail_message("GitHub <noreply@github.com>", ME, "Fri, 5 Jan 2024 13:00:00 +0000",
                 "[repo] build failed"),
    mail_message("Spammer <win@lottery.example>", ME, "Fri, 5 Jan 2024 14:00:00 +0000",
                 "You won").replace("Inbox,Important", "Spam"),
    mail_message("Eve Old <eve@trash.example>", ME, "Fri, 5 Jan 2024 15:00:00 +0000",
                 "old").replace("Inbox,Important", "Trash,Opened"),
    mail_message("List Person <lp@corp.example>", "dev@lists.example",
                 "Fri, 5 Jan 2024 16:00:00 +0000", "[dev] release",
                 extra="List-Id: <dev.lists.example>"),
]  # fmt: skip


def write_mbox(path: Path, messages: list[str] | None = None) -> Path:
    path.write_bytes("".join(m + "\r\n" for m in (messages or MAILBOX)).encode("utf-8"))
    return path


def write_maildir(folder: Path, messages: list[str] | None = None) -> Path:
    for sub in ("cur", "new", "tmp"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    for i, message in enumerate(messages or MAILBOX):
        body = message.split("\r\n", 1)[1]  # a Maildir file has no "From " line
        (folder / ("cur" if i % 2 else "new") / f"17000000{i}.M1P1.host:2,S").write_bytes(
            body.encode("utf-8")
        )
    return folder


ME_URL = "https://www.linkedin.com/in/alex-morgan-0a1b2c"
PRIYA_URL = "https://www.linkedin.com/in/priya-raman"
TOMAS_URL = "https://www.linkedin.com/in/tomas-novak-42"

MESSAGES_HEADER = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
    "DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT"
)
MESSAGES_ROWS = [
    f"c1,,Alex Morgan,{ME_URL},Priya Raman,{PRIYA_URL},2023-05-01 14:22:10 UTC,,"
    '"Hi Priya, loved your talk on payments, could we chat?",INBOX,,No',
    f"c1,,Priya Raman,{PRIYA_URL},Alex Morgan,{ME_URL},2023-05-02 09:00:00 UTC,,"
    '"Sure!\nThursday works.",INBOX,,No',
    f"c2,,Tomas Novak,{TOMAS_URL},Alex Morgan,{ME_URL},2023-06-10 10:00:00 UTC,Hiring,"
    "We are hiring backend engineers,INBOX,,No",
    f"c1,,Alex Morgan,{ME_URL},Priya Raman,{PRIYA_URL},2023-05-03 10:00:00 UTC,,"
    "unsent thought,DRAFT,,Yes",
    f"c3,Sponsored Conversation,Acme Ads,https://www.linkedin.com/company/acme,Alex Morgan,"
    f"{ME_URL},2023-07-01 10:00:00 UTC,Try Acme,Buy now,INBOX,,No",
]
INVITATIONS = (
    "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
    f'Alex Morgan,Lena Fischer,"3/4/23, 2:05 PM",Great meeting you at PyCon,OUTGOING,'
    f"{ME_URL},https://www.linkedin.com/in/lena-fischer\n"
    f'Tomas Novak,Alex Morgan,"2/1/23, 9:00 AM",,INCOMING,{TOMAS_URL},{ME_URL}\n'
)


def messages_csv(rows: list[str] | None = None) -> str:
    return MESSAGES_HEADER + "\n" + "\n".join(rows or MESSAGES_ROWS) + "\n"


def write_linkedin_zip(path: Path, rows: list[str] | None = None) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("messages.csv", messages_csv(rows))
        z.writestr("Invitations.csv", INVITATIONS)
        z.writestr("Profile.csv", "First Name,Last Name\nAlex,Morgan\n")
    return path


ANDROID_CHAT = """12/31/23, 9:41 PM - Messages and calls are end-to-end encrypted. No one outside of this chat can read them.
12/31/23, 9:41 PM - Alex Morgan: Happy new year Ama!
12/31/23, 9:45 PM - Ama Owusu: You too! Are you still looking
for a new role?
1/2/24, 8:00 AM - Ama Owusu: <Media omitted>
1/13/24, 10:15 AM - Ama Owusu: My team at Stripe is hiring
"""  # noqa: E501

IOS_CHAT = (
    "[03/01/2024, 21:41:05] Alex Morgan: \u200eMessages and calls are end-to-end encrypted.\n"
    "[03/01/2024, 21:41:05] Kwame Boateng: Hey, long time!\n"
    "[03/01/2024, 21:50:00] Alex Morgan: Kwame! How is Lisbon?\n"
    "second line of the same message\n"
    "[04/02/2024, 08:00:00] Kwame Boateng: \u200eimage omitted\n"
)

GROUP_CHAT = (
    "[01/02/2024, 10:00:00] Alex Morgan created group \u201cClass of 2015\u201d\n"
    "[01/02/2024, 10:01:00] Ama Owusu: hi all\n"
    "[01/02/2024, 10:02:00] Ben Carter: hello!\n"
    "[01/02/2024, 10:03:00] \u200e+44 7700 900123: who is this?\n"
)


def write_whatsapp_zip(path: Path, chat: str = IOS_CHAT) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("_chat.txt", chat)
        z.writestr("00000012-PHOTO-2024-02-04.jpg", b"\xff\xd8\xff")
    return path


def ig_entry(handle: str, *, href_only: bool = False) -> dict[str, object]:
    if href_only:
        return {
            "title": "",
            "string_list_data": [
                {"href": f"https://www.instagram.com/_u/{handle}", "timestamp": 1690000000}
            ],
        }
    return {"title": "", "media_list_data": [], "string_list_data": [
        {"href": f"https://www.instagram.com/{handle}", "value": handle,
         "timestamp": 1690000000}]}  # fmt: skip


def write_instagram_zip(path: Path) -> Path:
    base = "connections/followers_and_following/"
    followers = [ig_entry("ama.owusu"), ig_entry("ben_codes")]
    following = {"relationships_following": [
        {"title": "ama.owusu", "string_list_data": [
            {"href": "https://www.instagram.com/_u/ama.owusu", "timestamp": 1690000001}]},
        ig_entry("cara.dev", href_only=True),
    ]}  # fmt: skip
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(base + "followers_1.json", json.dumps(followers))
        z.writestr(base + "following.json", json.dumps(following))
    return path


def write_instagram_html(folder: Path) -> Path:
    base = folder / "connections" / "followers_and_following"
    base.mkdir(parents=True)
    link = '<div><a target="_blank" href="https://www.instagram.com/{h}">{h}</a></div>'
    (base / "followers_1.html").write_text(
        "<html><body>" + link.format(h="ama.owusu") + link.format(h="dee.ml") + "</body></html>"
    )
    (base / "following.html").write_text("<html>" + link.format(h="dee.ml") + "</html>")
    return folder


SNAPCHAT = {
    "Friends": [
        {"Username": "ama_o", "Display Name": "Ama Owusu",
         "Creation Timestamp": "2019-03-01 10:00:00 UTC", "Source": "Added by phone"},
        {"Username": "teamsnapchat", "Display Name": "Team Snapchat",
         "Creation Timestamp": "2017-01-01 00:00:00 UTC"},
        {"Username": "dana.k", "Display Name": "Dana Kim",
         "Creation Timestamp": "2020-05-05 00:00:00 UTC"},
    ],
    "Friend Requests Sent": [{"Username": "stranger1", "Display Name": "Stranger"}],
    "Deleted Friends": [{"Username": "old_pal", "Display Name": "Old Pal"}],
}  # fmt: skip


def write_snapchat_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("json/friends.json", json.dumps(SNAPCHAT))
        z.writestr("json/account.json", "{}")
    return path


def write_facebook_zip(path: Path) -> Path:
    # Facebook writes UTF-8 bytes as \u00XX escapes: "José" comes out as "JosÃ©".
    broken = "José Álvarez".encode().decode("latin-1")
    data = {"friends_v2": [{"name": broken, "timestamp": 1500000000},
                           {"name": "Dana Kim", "timestamp": 1600000000},
                           {"name": "Cher", "timestamp": 1600000001}]}  # fmt: skip
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("connections/friends/your_friends.json", json.dumps(data))
    return path
