"""Save to mail drafts: a real message in a real Maildir that neomutt opens; mailto: links."""

from __future__ import annotations

import email
import email.policy
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from coffeechat.interop.mail_out import mailto_url
from coffeechat.mail_config import MailConfig
from coffeechat.mail_config import load as load_mail_config
from coffeechat.models import Contact
from coffeechat.models_activity import Draft, Profile
from coffeechat.store import Store
from coffeechat.sync_config import ConfigError
from coffeechat.usecases.mail_drafts import MailError, save_to_mail_drafts
from coffeechat.usecases.profile import save_profile
from tests.mail_tools import neomutt_pipe

NOW = datetime(2026, 3, 16, 10, 30)
BODY = "Dear Zoë,\n\nWould you have 20 minutes for a call — say on Wednesday?\n\nAda\n"


def _letter(store: Store, email_address: str = "zoe@example.org") -> tuple[Contact, Draft]:
    save_profile(store, Profile(name="Ada Lovelace-Byron", email="ada@example.net"))
    contact = store.contacts.add(Contact(name="Zoë Ångström", email=email_address))
    assert contact.id is not None
    draft = store.drafts.save(
        Draft(contact_id=contact.id, template="intro_letter", subject="Café chat?", body=BODY)
    )
    return contact, draft


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in (folder / "cur").iterdir() if not p.name.startswith("."))


def test_a_saved_draft_is_a_proper_utf8_message(store: Store, tmp_path: Path) -> None:
    contact, draft = _letter(store)
    drafts = tmp_path / "Mail" / "Drafts"
    saved = save_to_mail_drafts(store, draft, contact, MailConfig(drafts=drafts), NOW)
    assert saved.path.parent == drafts / "cur" and saved.path.name.endswith(":2,D")
    assert saved.path.stat().st_mode & 0o777 == 0o600
    message = email.message_from_bytes(saved.path.read_bytes(), policy=email.policy.default)
    assert str(message["From"]) == "Ada Lovelace-Byron <ada@example.net>"
    assert str(message["To"]) == "Zoë Ångström <zoe@example.org>"
    assert str(message["Subject"]) == "Café chat?"
    assert message["Message-ID"].endswith("@example.net>")
    assert message["Date"].datetime.replace(tzinfo=None) == NOW
    assert message.get_content_charset() == "utf-8"
    assert message.get_content() == BODY
    assert all(b < 0x80 for b in saved.path.read_bytes().split(b"\n\n", 1)[0])  # encoded


def test_neomutt_opens_the_draft(store: Store, tmp_path: Path) -> None:
    contact, draft = _letter(store)
    drafts = tmp_path / "Drafts"
    save_to_mail_drafts(store, draft, contact, MailConfig(drafts=drafts), NOW)
    shown = neomutt_pipe(drafts, tmp_path / "piped.eml")
    assert "Subject: Café chat?" in shown
    assert "To: Zoë Ångström <zoe@example.org>" in shown
    assert "Would you have 20 minutes for a call — say on Wednesday?" in shown


def test_saving_again_replaces_the_draft_even_after_the_client_flagged_it(
    store: Store, tmp_path: Path
) -> None:
    contact, draft = _letter(store)
    drafts = tmp_path / "Drafts"
    first = save_to_mail_drafts(store, draft, contact, MailConfig(drafts=drafts), NOW)
    flagged = first.path.with_name(first.path.name + "S")  # the client marked it seen
    first.path.rename(flagged)
    edited = store.drafts.save(Draft(**{**_fields(draft), "body": "Shorter.\n"}))
    again = save_to_mail_drafts(store, edited, contact, MailConfig(drafts=drafts), NOW)
    assert again.replaced and again.path == flagged
    assert _files(drafts) == [flagged]
    assert b"Shorter." in flagged.read_bytes()


def _fields(draft: Draft) -> dict[str, object]:
    return {name: getattr(draft, name) for name in Draft.__dataclass_fields__}


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (None, "no drafts folder"),
        ("plain-folder", "is not a Maildir"),
        ("bad-address", "is not an email address"),
    ],
)
def test_bad_setups_say_one_line_and_write_nothing(
    store: Store, tmp_path: Path, setup: str | None, message: str
) -> None:
    contact, draft = _letter(store, "not an address" if setup == "bad-address" else "z@x.org")
    drafts = tmp_path / "Drafts"
    if setup == "plain-folder":
        drafts.mkdir()
    config = MailConfig(drafts=None if setup is None else drafts)
    with pytest.raises(MailError, match=message) as raised:
        save_to_mail_drafts(store, draft, contact, config, NOW)
    assert "\n" not in str(raised.value)
    assert not (drafts / "cur").exists() or not _files(drafts)


def test_the_mailto_link_carries_subject_and_body() -> None:
    url = mailto_url("zoe@example.org", "Café & chat?", "Line one\nLine 2: 100% sure")
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and parts.path == "zoe@example.org"
    assert "+" not in parts.query and " " not in parts.query
    query = parse_qs(parts.query)
    assert query["subject"] == ["Café & chat?"]
    assert query["body"] == ["Line one\r\nLine 2: 100% sure"]
    assert unquote(parts.query).count("\r\n") == 1


def test_mail_settings_are_read_and_checked(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        'vdir = "~/x"\n[mail]\nmaildir = "~/Mail"\nsent = "/m/Sent"\ndrafts = "/m/Drafts"\n',
        encoding="utf-8",
    )
    loaded = load_mail_config(config)
    assert loaded.maildir == Path.home() / "Mail"
    assert loaded.sent == Path("/m/Sent") and loaded.drafts == Path("/m/Drafts")
    assert load_mail_config(tmp_path / "absent.toml") == MailConfig()
    for text, says in (
        ("[mail]\ndrafts = 3\n", "drafts must be text"),
        ("[mail]\nreader = 'mutt'\n", "reader must be notmuch or maildir"),
        ("[mail]\ndraft = '~/D'\n", "has no setting 'draft'"),
        ("mail = 'x'\n", "mail must be a table"),
        ("[mail\n", "config.toml"),
    ):
        config.write_text(text, encoding="utf-8")
        with pytest.raises(ConfigError, match=says) as raised:
            load_mail_config(config)
        assert "\n" not in str(raised.value)


def test_the_readme_and_mail_docs_show_settings_that_load(tmp_path: Path) -> None:
    import re

    root = Path(__file__).resolve().parents[2]
    for doc in ("README.md", "docs/mail.md"):
        text = (root / doc).read_text(encoding="utf-8")
        block = re.search(r"```toml\n(\[mail\]\n.*?)```", text, re.DOTALL)
        assert block is not None, doc
        lines = [line for line in block.group(1).splitlines()[1:] if line.strip()]
        assert len(lines) == 3, doc
        config = tmp_path / "config.toml"
        config.write_text(block.group(1), encoding="utf-8")
        loaded = load_mail_config(config)
        assert loaded.maildir == Path.home() / "Mail"
        assert loaded.sent == Path.home() / "Mail" / "Sent"
        assert loaded.drafts == Path.home() / "Mail" / "Drafts"
