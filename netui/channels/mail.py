"""Mail: mbox files (Google Takeout's, CRLF, X-Gmail-Labels) and Maildir folders.

Headers only, streamed: the mbox is read in chunks and only the header block of each
message is parsed (bodies are skipped with a byte search for the next "From " line), so
memory stays flat whatever the file's size. Bulk mail never makes anyone a candidate.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import IO

from netui.channels.domains import guess_company
from netui.channels.mail_headers import (
    MAX_HEADER,
    addresses,
    date_timestamp,
    decode_words,
    header_blocks,
    is_bulk,
    is_bulk_address,
    parse_headers,
)
from netui.channels.model import ChannelResult, Collector, Contact, conversation_key
from netui.channels.sources import Tree
from netui.errors import InputError

ADDRESS_CACHE = 20_000  # header values whose addresses a scan remembers
BULK_REASON = "bulk mail (mailing lists, no-reply senders, Spam, Trash)"
# an edge's key: sender and recipient ids, conversation, day (+ bias: days before 1970)
_ID_BITS, _CONV_BITS, _DAY_BITS, _DAY_BIAS = 32, 32, 24, 1 << 22
_PAIR_SHIFT = _CONV_BITS + _DAY_BITS
_LIST_ADDR = re.compile(r"mailto:([^>?\s]+@[^>?\s]+)", re.IGNORECASE)


# ---- who wrote to whom, before we know which address is yours ----------------------------


class MailBook:
    """Messages folded into (sender, recipient, conversation, day) edges with ids."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.addrs: list[str] = []
        self.names: list[str] = []
        self.named_by_self: list[bool] = []
        self.presence: list[int] = []
        self.convs: dict[str, int] = {}
        self.topics: list[str] = []
        # (sender, recipient, conversation, day) packed in one int -> the index
        # of its message count and latest time in two arrays: ~100 bytes an edge, not ~300
        self.edges: dict[int, int] = {}
        self.counts = array("q")
        self.latest = array("q")
        self.bulk_senders: set[int] = set()
        self.sent_by: Counter[int] = Counter()  # messages each address sent (not bulk-marked)
        self.sent_label: Counter[int] = Counter()  # of them, labelled Sent by Gmail
        self.messages = 0
        self.skipped: Counter[str] = Counter()
        self._parsed: dict[str, list[tuple[str, str]]] = {}  # header value -> addresses

    def addresses(self, value: str) -> list[tuple[str, str]]:
        """`addresses(value)`, remembered: the same From and To values come back often."""
        pairs = self._parsed.get(value)
        if pairs is None:
            if len(self._parsed) >= ADDRESS_CACHE:
                self._parsed.clear()
            pairs = self._parsed[value] = addresses(value)
        return pairs

    def _id(self, address: str, name: str, own_name: bool) -> int:
        i = self.ids.get(address)
        if i is None:
            i = self.ids[address] = len(self.addrs)
            self.addrs.append(address)
            self.names.append(name)
            self.named_by_self.append(own_name)
            self.presence.append(0)
        elif name and ((own_name and not self.named_by_self[i]) or not self.names[i]):
            self.names[i] = name
            self.named_by_self[i] = own_name
        return i

    def add(self, headers: dict[str, str]) -> None:
        self.messages += 1
        senders = self.addresses(headers.get("from", ""))
        if not senders:
            self.skipped["no sender"] += 1
            return
        name, address = senders[0]
        if is_bulk(headers):
            self.bulk_senders.add(self._id(address, name, True))
            for listed in _LIST_ADDR.findall(headers.get("list-post", "")):
                self.bulk_senders.add(self._id(listed.casefold(), "", False))
            self.skipped[BULK_REASON] += 1
            return
        ts = date_timestamp(headers.get("date", ""))
        if ts is None:
            self.skipped["no readable Date header"] += 1
            return
        sender = self._id(address, name, True)
        self.sent_by[sender] += 1
        labels = headers.get("x-gmail-labels", "").lower()
        if "sent" in labels and "sent" in (x.strip() for x in labels.split(",")):
            self.sent_label[sender] += 1
        recipients = {self._id(a, n, False) for n, a in self.addresses(headers.get("to", ""))}
        if "cc" in headers:
            recipients.update(self._id(a, n, False) for n, a in self.addresses(headers["cc"]))
        recipients.discard(sender)
        presence = self.presence
        presence[sender] += 1
        for i in recipients:
            presence[i] += 1
        thread = headers.get("x-gm-thrid", "").strip()
        conv = self.convs.get(thread) if thread else None
        if conv is None:
            subject = decode_words(headers.get("subject", ""))
            thread = thread or conversation_key(subject)
            conv = self.convs.get(thread)
            if conv is None:
                conv = self.convs[thread] = len(self.topics)
                self.topics.append(subject)
        base = (conv << _DAY_BITS) | (ts // 86400 + _DAY_BIAS)
        edges, counts, latest = self.edges, self.counts, self.latest
        for r in recipients:
            key = (((sender << _ID_BITS) | r) << _PAIR_SHIFT) | base
            at = edges.get(key)
            if at is None:
                edges[key] = len(counts)
                counts.append(1)
                latest.append(ts)
            else:
                counts[at] += 1
                if ts > latest[at]:
                    latest[at] = ts

    def edge_items(self) -> Iterator[tuple[int, int, int, int, int]]:
        """(sender, recipient, conversation, count, latest ts) of every edge, in order."""
        counts, latest = self.counts, self.latest
        id_mask, conv_mask = (1 << _ID_BITS) - 1, (1 << _CONV_BITS) - 1
        for key, at in self.edges.items():
            pair = key >> _PAIR_SHIFT
            conv = (key >> _DAY_BITS) & conv_mask
            yield pair >> _ID_BITS, pair & id_mask, conv, counts[at], latest[at]

    def me(self, my_emails: Iterable[str]) -> tuple[list[str], bool]:
        """Your addresses: from the setting, else the one present in most messages."""
        given = [e.strip().casefold() for e in my_emails if e.strip()]
        if given:
            return given, False
        if not self.presence:
            return [], True
        # a tie (a small mailbox: you and one other in every message) goes to the address
        # whose mail Gmail labelled Sent
        best = max(range(len(self.presence)), key=lambda i: (self.presence[i], self.sent_label[i]))
        return [self.addrs[best]], True

    def result(self, source: str, label: str, my_emails: Iterable[str]) -> ChannelResult:
        me, inferred = self.me(my_emails)
        result = ChannelResult(source, "mail", label, me=me, me_inferred=inferred)
        result.items = self.messages
        result.skipped = self.skipped
        mine = {self.ids[a] for a in me if a in self.ids}
        id_mask, shift = (1 << _ID_BITS) - 1, _PAIR_SHIFT
        wrote_to = {(k >> shift) & id_mask for k in self.edges if (k >> shift) >> _ID_BITS in mine}
        excluded = {
            i for i, a in enumerate(self.addrs)
            if (i in self.bulk_senders and i not in wrote_to) or is_bulk_address(a)
        }  # fmt: skip
        # messages from no-reply-style senders are left out too: say so, not silently
        from_bulk = sum(n for i, n in self.sent_by.items() if i in excluded and i not in mine)
        if from_bulk:
            result.skipped = result.skipped.copy()
            result.skipped[BULK_REASON] += from_bulk
        # the book's last step: thread ids are no longer needed (~15 MB at 100,000 threads)
        self.convs.clear()
        collector = Collector()
        keys: dict[int, str] = {}
        conv_names: dict[int, str] = {}
        for s, r, conv, count, ts in self.edge_items():
            if s in mine and r not in mine:
                other, outgoing = r, True
            elif r in mine and s not in mine:
                other, outgoing = s, False
            else:
                continue
            if other in excluded:
                continue
            key = keys.get(other)
            if key is None:
                address = self.addrs[other]
                company, how = guess_company(address)
                contact = Contact(name=self.names[other], email=address, company=company,
                                  how_we_know=how)  # fmt: skip
                key = keys[other] = result.add_contact(contact)
            at = datetime.fromtimestamp(ts, UTC)
            name = conv_names.get(conv)
            if name is None:
                name = conv_names[conv] = f"mail:{conv}"
            collector.add(key, name, at, outgoing=outgoing, topic=self.topics[conv],
                          count=count)  # fmt: skip
        collector.into(result)
        return result


# ---- readers ------------------------------------------------------------------------------


def looks_like_mbox(head: bytes) -> bool:
    if not head.startswith(b"From "):
        return False
    first_end = head.find(b"\n")
    rest = head[first_end + 1 : first_end + 2000] if first_end != -1 else b""
    return bool(re.match(rb"[A-Za-z0-9-]+:", rest))


def read_mbox(tree: Tree, names: list[str], my_emails: Iterable[str] = ()) -> ChannelResult:
    book = MailBook()
    for name in names:
        with tree.open(name) as fh:
            head = fh.read(6)
            if not head.startswith(b"From "):
                raise InputError(f"{tree.where(name)} is not an mbox (no 'From ' line first).")
            stream = _Prefixed(head, fh)
            for block in header_blocks(stream, cut=book.skipped):
                book.add(parse_headers(block))

    label = "Gmail mbox" if any("gmail" in n.casefold() or "mail" in n.casefold()
                                for n in names) else "mbox"  # fmt: skip
    return book.result(tree.label, label, my_emails)


def read_maildir(tree: Tree, names: list[str], my_emails: Iterable[str] = ()) -> ChannelResult:
    book = MailBook()
    for name in names:
        with tree.open(name) as fh:
            block = _read_header_block(fh)
        if block is None:
            book.skipped["not a mail message"] += 1
            continue
        book.add(parse_headers(block))
    return book.result(tree.label, "Maildir", my_emails)


def maildir_messages(tree: Tree) -> list[str]:
    """Files in cur/ and new/ of every Maildir folder in the tree."""
    found = []
    for name in tree.names():
        parts = name.split("/")
        if len(parts) >= 2 and parts[-2] in ("cur", "new") and not parts[-1].startswith("."):
            found.append(name)
    return sorted(found)


def _read_header_block(fh: IO[bytes]) -> bytes | None:
    data = b""
    while len(data) < MAX_HEADER:
        more = fh.read(65536)
        data += more
        ends = [i for i in (data.find(b"\n\n"), data.find(b"\n\r\n")) if i != -1]
        if ends:
            data = data[: min(ends)]
            break
        if not more:
            break
    if not re.match(rb"[A-Za-z0-9-]+:", data):
        return None
    return data


class _Prefixed:
    """A stream with some already-read bytes put back in front."""

    def __init__(self, head: bytes, fh: IO[bytes]) -> None:
        self.head = head
        self.fh = fh

    def read(self, size: int = -1, /) -> bytes:
        if self.head:
            head, self.head = self.head, b""
            data = head + self.fh.read(size - len(head) if size > 0 else -1)
        else:
            data = self.fh.read(size)
        return data
