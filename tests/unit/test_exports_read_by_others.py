"""Exports that other programs read: khard lists our vCards, Markdown stays in its sections."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from markdown_it import MarkdownIt

from coffeechat.models import Contact
from coffeechat.store import Store
from coffeechat.usecases import exchange
from coffeechat.usecases.merge import merge_contacts
from tests.conftest import seed

KHARD = Path(sys.executable).parent / "khard"


def _cards(text: str) -> list[str]:
    return re.findall(r"BEGIN:VCARD\r\n.*?END:VCARD\r\n", text, re.DOTALL)


def test_every_card_has_a_stable_uid(store: Store) -> None:
    seed(store)
    first = exchange.export_text(store, "vcard")
    second = exchange.export_text(store, "vcard")
    uids = re.findall(r"^UID:(.+)\r$", first, re.MULTILINE)
    assert len(uids) == len(set(uids)) == store.contacts.count() == len(_cards(first))
    assert first == second, "the same contacts export to the same cards"


def test_n_comes_from_the_names_the_source_gave(store: Store) -> None:
    exchange.import_bytes(
        store,
        "linkedin",
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Mary Ann,van der Berg,https://www.linkedin.com/in/mavdb,,Acme,CTO,15 Mar 2023\n",
        "Connections.csv",
    )
    text = exchange.export_text(store, "vcard")
    # Splitting "Mary Ann van der Berg" at the last space would give "Berg" / "Mary Ann van der".
    assert "N:van der Berg;Mary Ann;;;\r\n" in text
    (contact,) = store.contacts.all()
    store.contacts.update(replace(contact, name="Mary Smith"))
    renamed = exchange.export_text(store, "vcard")
    assert "N:Smith;Mary;;;\r\n" in renamed, "renamed by hand: the old parts no longer apply"


def test_khard_lists_every_exported_contact(store: Store, tmp_path: Path) -> None:
    assert KHARD.exists(), "khard comes with the test extras: pip install -e '.[test]'"
    seed(store)
    store.contacts.add(Contact(name="Ana Silva", organization="Fiocruz", email="ana@a.example"))
    store.contacts.add(Contact(name="Ana Silva", organization="Fiocruz", email="ana@b.example"))
    text = exchange.export_text(store, "vcard")
    # khard reads a vdir: one .vcf per contact, named by its UID.
    book = tmp_path / "contacts"
    book.mkdir()
    for card in _cards(text):
        uid = re.search(r"^UID:(.+)\r$", card, re.MULTILINE).group(1)
        (book / f"{uid}.vcf").write_text(card, encoding="utf-8", newline="")
    config = tmp_path / "khard.conf"
    config.write_text(
        f"[addressbooks]\n[[coffeechat]]\npath = {book}\n\n"
        "[general]\ndebug = no\ndefault_action = list\neditor = true\nmerge_editor = true\n\n"
        "[contact table]\ndisplay = formatted_name\nshow_uids = yes\n",
        encoding="utf-8",
    )
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    result = subprocess.run(
        [str(KHARD), "-c", str(config), "list", "--parsable"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    listed = [line.split("\t") for line in result.stdout.splitlines() if line.strip()]
    contacts = store.contacts.all()
    assert len(listed) == len(contacts)
    assert sorted(row[0] for row in listed) == sorted(c.uid for c in contacts)
    assert sorted(row[1] for row in listed) == sorted(c.name for c in contacts)
    assert result.stderr == "", "khard found nothing to complain about"


def test_markdown_user_text_cannot_swallow_the_report(store: Store) -> None:
    maria, tom, *_ = seed(store)
    store.notes.save_research(
        maria.id, "# My own heading\n\nSome text\n\n```python\nnever closed\n<!-- nor this"
    )
    text = exchange.export_text(store, "markdown")
    tokens = MarkdownIt("commonmark").parse(text)
    top_headings = [
        tokens[i + 1].content
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == "h2" and t.level == 0
    ]
    assert top_headings == [c.name for c in store.contacts.all(by_name=True)], (
        "every contact keeps its section"
    )
    # The note's own heading stays inside the quote, below the contact's heading.
    quoted = [t for t in tokens if t.type == "heading_open" and t.level > 0]
    assert len(quoted) == 1
    assert any(t.type == "fence" and "never closed" in t.content for t in tokens)
    assert tom.name in top_headings


def test_a_contact_written_without_a_uid_gets_one_before_export(store: Store) -> None:
    store.database.conn.execute("INSERT INTO contacts(name) VALUES ('From a script')")
    text = exchange.export_text(store, "vcard")
    (uid,) = re.findall(r"^UID:(.+)\r$", text, re.MULTILINE)
    assert store.contacts.all()[0].uid == uid


def test_the_json_backup_carries_identifiers_and_decisions(store: Store, tmp_path: Path) -> None:
    header = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    anas = header + (
        b"Ana,Silva,https://www.linkedin.com/in/a1,,Fiocruz,,\n"
        b"Ana,Silva,https://www.linkedin.com/in/a2,,Fiocruz,,\n"
        b"Ana,Silva,https://www.linkedin.com/in/a3,,Fiocruz,,\n"
    )
    exchange.import_bytes(store, "linkedin", anas, "c.csv")
    first, second, third = store.contacts.all()
    store.duplicates.mark_distinct(first.id, second.id)
    merge_contacts(store, first.id, third.id)
    backup = exchange.export_text(store, "json")
    fresh = Store.open(tmp_path / "fresh.db")
    try:
        exchange.import_bytes(fresh, "json", backup.encode(), "backup.json")
        assert exchange.export_text(fresh, "json") == backup
        assert sorted(c.uid for c in fresh.contacts.all()) == sorted((first.uid, second.uid))
        again = exchange.import_bytes(fresh, "linkedin", anas, "c.csv")
        assert again.added == 0 and again.possible_duplicates == 0
        assert fresh.duplicates.possible() == []
    finally:
        fresh.close()
