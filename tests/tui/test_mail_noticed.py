"""Mail read by itself: at start the app notices a sent letter and a reply in the
Maildir, says so in one line and shows the reply on the timeline; the reply's kind is
the user's to change; `coffeechat mail scan` does the same from the command line."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from click.testing import CliRunner
from textual.widgets import OptionList

from coffeechat.__main__ import cli
from coffeechat.domain.clock import Clock
from coffeechat.models import Contact
from coffeechat.models_activity import Draft, Profile
from coffeechat.store import Store
from coffeechat.tui.screens.reply_form import ReplyForm
from coffeechat.usecases.profile import save_profile
from tests.conftest import make_app
from tests.mail_shapes import deliver, message
from tests.notices import Notice
from tests.on_top import on_top
from tests.palette import run_from_palette
from tests.tui.screens_on_view import drawn_text
from tests.waiting import wait_until

ME = "ada@example.net"
SUBJECT = "A coffee chat about patient advocacy?"


def _mail(store: Store, isolated_env: Path, tmp_path: Path) -> int:
    save_profile(store, Profile(name="Ada Byron", email=ME))
    tom = store.contacts.add(Contact(name="Tom Lindqvist", email="tom@example.org"))
    assert tom.id is not None
    store.drafts.save(Draft(tom.id, "intro_letter", subject=SUBJECT, body="Dear Tom,\n"))
    mail = tmp_path / "Mail"
    deliver(mail / "Sent", message(ME, "tom@example.org", SUBJECT, datetime(2026, 3, 9, 9)))
    deliver(
        mail / "INBOX",
        message("tom@example.org", ME, f"Re: {SUBJECT}", datetime(2026, 3, 10, 8), html=True),
        sub="new",
    )
    folder = isolated_env / "config" / "coffeechat"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.toml").write_text(
        f'[mail]\nmaildir = "{mail}"\nsent = "{mail / "Sent"}"\nreader = "maildir"\n',
        encoding="utf-8",
    )
    return tom.id


def _notes(notices: list[Notice]) -> list[str]:
    return [n.message for n in notices]


async def test_at_start_a_sent_letter_and_a_reply_are_noticed_without_a_key(
    store: Store, clock: Clock, isolated_env: Path, tmp_path: Path, notices: list[Notice]
) -> None:
    tom = _mail(store, isolated_env, tmp_path)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        letter = await wait_until(lambda: store.drafts.last_sent(tom, "intro_letter"), timeout=30)
        assert letter.sent_at == "2026-03-09T09:00:00"
        await wait_until(lambda: "1 reply, 1 sent letter noticed" in _notes(notices))
        assert all(f.state == "done" for f in store.followups.for_contact(tom))
        await run_from_palette(pilot, "Timeline")
        await wait_until(lambda: f"Replied: Re: {SUBJECT}" in _timeline(app))
        assert "2026-03-10" in _timeline(app)
        # The reply was taken as positive; "Record reply" changes its kind.
        await run_from_palette(pilot, "Record reply")
        form = await on_top(pilot, ReplyForm)
        assert "noticed in your mail, 2026-03-10" in form.title_text
        options = form.query_one("#reply-kind", OptionList)
        options.highlighted = 2  # Declined
        await pilot.press("enter")
        await wait_until(lambda: not isinstance(app.screen, ReplyForm))
        replies = store.interactions.for_contact(tom)
        assert [(r.kind, r.day) for r in replies] == [("declined", "2026-03-10")]


def _timeline(app) -> str:
    from coffeechat.tui.widgets.looking_back import TimelineView

    return " ".join(drawn_text(view) for view in app.screen.query(TimelineView))


def test_the_command_line_scan_says_what_it_noticed(
    store: Store, isolated_env: Path, tmp_path: Path, db_path: Path
) -> None:
    _mail(store, isolated_env, tmp_path)
    store.close()
    runner = CliRunner()
    first = runner.invoke(cli, ["--db", str(db_path), "mail", "scan"])
    assert first.exit_code == 0, first.output
    assert first.output == "1 reply, 1 sent letter noticed\n"
    again = runner.invoke(cli, ["--db", str(db_path), "mail", "scan"])
    assert again.output == "Nothing new in the mail\n"
    (isolated_env / "config" / "coffeechat" / "config.toml").write_text(
        f'[mail]\nmaildir = "{tmp_path / "gone"}"\n', encoding="utf-8"
    )
    missing = runner.invoke(cli, ["--db", str(db_path), "mail", "scan"])
    assert missing.exit_code == 1
    assert missing.output.strip() == f"Error: {tmp_path / 'gone'}: no such mail folder"
