"""The real round trip: netui's vdir -> vdirsyncer -> a Radicale CardDAV server on 127.0.0.1
(started and stopped here, in a temporary folder) -> changes made on the server over HTTP
(as a phone would) -> vdirsyncer -> netui."""

from __future__ import annotations

import base64
import json
import selectors
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from netui.store import Store
from netui.vdir_sync import sync_vdir

USER = "alex"
BOOK = "contacts"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_radicale(storage: Path) -> tuple[subprocess.Popen[str], int] | None:
    """Radicale on a free port, once it says it listens; None if it exited first (the port
    was taken between choosing it and binding it: another test run on this machine)."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--server-hosts", f"127.0.0.1:{port}",
         "--storage-filesystem-folder", str(storage), "--auth-type", "none",
         "--logging-level", "info"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    if _wait_for(proc, "Listening on"):
        return proc, port
    _stop(proc)
    return None


def _stop(proc: subprocess.Popen[str]) -> None:
    proc.terminate()
    proc.wait(timeout=30)
    assert proc.stderr is not None
    proc.stderr.close()


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[str]:
    storage = tmp_path / "radicale"
    book = storage / "collection-root" / USER / BOOK
    book.mkdir(parents=True)
    (book / ".Radicale.props").write_text(json.dumps({"tag": "VADDRESSBOOK"}))
    for _attempt in range(3):
        started = _start_radicale(storage)
        if started is not None:
            break
    else:
        raise AssertionError("Radicale did not start on 127.0.0.1 (three ports tried)")
    proc, port = started
    try:
        yield f"http://127.0.0.1:{port}/{USER}/{BOOK}/"
    finally:
        _stop(proc)


def _wait_for(proc: subprocess.Popen[str], marker: str) -> bool:
    """Read the server's log until it says it is listening: False if it exits first or
    says nothing for 120 s (a loaded machine starts it slowly)."""
    assert proc.stderr is not None
    selector = selectors.DefaultSelector()
    selector.register(proc.stderr, selectors.EVENT_READ)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if not selector.select(timeout=deadline - time.monotonic()):
            break
        line = proc.stderr.readline()
        if not line:
            break
        if marker in line:
            return True
    return False


def _http(method: str, url: str, body: str | None = None) -> str:
    request = urllib.request.Request(url, method=method, data=body.encode() if body else None)
    request.add_header("Authorization", "Basic " + base64.b64encode(b"alex:x").decode())
    if body:
        request.add_header("Content-Type", "text/vcard; charset=utf-8")
    with urllib.request.urlopen(request, timeout=30) as response:
        return str(response.read().decode("utf-8"))


def _vdirsyncer(config: Path, *args: str) -> None:
    exe = Path(sys.executable).with_name("vdirsyncer")
    result = subprocess.run(
        [str(exe), "-c", str(config), *args], capture_output=True, text=True, timeout=120,
        input="y\n",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_change_made_on_the_server_comes_back_to_netui(
    store: Store, radicale: str, tmp_path: Path
) -> None:
    jane = store.add_person("Jane Doe", company="Stripe", title="Engineer", email="j@s.example")
    bo = store.add_person("Bo Ek", company="Plaid", email="bo@plaid.example")
    vdir = tmp_path / "contacts" / "netui"
    assert sync_vdir(store, vdir).written == 2
    config = tmp_path / "vdirsyncer.conf"
    config.write_text(
        f'[general]\nstatus_path = "{tmp_path / "status"}/"\n\n'
        '[pair netui_contacts]\na = "netui_local"\nb = "netui_remote"\ncollections = null\n\n'
        f'[storage netui_local]\ntype = "filesystem"\npath = "{vdir}/"\nfileext = ".vcf"\n\n'
        f'[storage netui_remote]\ntype = "carddav"\nurl = "{radicale}"\n'
        f'username = "{USER}"\npassword = "x"\n',
        encoding="utf-8",
    )
    _vdirsyncer(config, "discover")
    _vdirsyncer(config, "sync")
    server_book = tmp_path / "radicale" / "collection-root" / USER / BOOK
    hrefs = {p.name: p.read_text(encoding="utf-8") for p in server_book.glob("*.vcf")}
    assert len(hrefs) == 2
    jane_href = next(name for name, text in hrefs.items() if "FN:Jane Doe" in text)
    bo_href = next(name for name, text in hrefs.items() if "FN:Bo Ek" in text)

    # On the server (a phone, webmail): edit Jane, delete Bo, add a new contact.
    edited = _http("GET", radicale + jane_href).replace("TITLE:Engineer", "TITLE:Staff Engineer")
    edited = edited.replace("REV:", "REV:20991231T000000Z\r\nX-OLD-REV:")
    _http("PUT", radicale + jane_href, edited)
    _http("DELETE", radicale + bo_href)
    new_card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:from-phone-1\r\nFN:Zoë Park\r\nN:Park;Zoë;;;\r\n"
        "ORG:Figma\r\nEMAIL:zoe@figma.example\r\nEND:VCARD\r\n"
    )
    _http("PUT", radicale + "from-phone-1.vcf", new_card)

    _vdirsyncer(config, "sync")
    report = sync_vdir(store, vdir)
    assert (report.taken, report.archived, report.added) == (1, 1, 1), report.problems
    assert store.get_person(jane).title == "Staff Engineer"
    assert store.get_person(bo).archived_at is not None  # archived, not erased
    [zoe] = store.search_people("zoe")
    assert zoe.company == "Figma"

    # And back: a change in netui reaches the server.
    store.update_person(jane, phone="+1 555 010 0199")
    assert sync_vdir(store, vdir).written == 1
    _vdirsyncer(config, "sync")
    assert "+1 555 010 0199" in _http("GET", radicale + jane_href)
