"""Writes v1.db, the schema-1 fixture the migration tests start from.

Run once, by hand, with the coffeechat that has schema version 1:
    .venv/bin/python tests/unit/data/make_v1_db.py
Tests never write the fixture: they copy it to a temporary folder first, or open it
with ``immutable=1`` (a plain read-only open of a file in WAL mode still writes the
``-shm`` index beside it). As an older coffeechat leaves it after closing, the file is
in WAL mode with no ``-wal`` or ``-shm`` beside it; none is kept in the repository.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from coffeechat.models import Contact
from coffeechat.models_activity import FollowUp
from coffeechat.store import Store

HERE = Path(__file__).parent


def main() -> None:
    target = HERE / "v1.db"
    target.unlink(missing_ok=True)
    store = Store.open(target)
    assert store.database.conn.execute("PRAGMA user_version").fetchone() == (1,)
    maria = store.contacts.add(
        Contact(name="Maria Sklodowska", organization="Institut du Radium", email="m@ir.fr")
    )
    ada = store.contacts.add(Contact(name="Ada [bold]Lovelace[/]", referred_by=maria.id))
    store.notes.save_research(maria.id, "Two Nobel prizes; ask about the lab")
    interview = store.interviews.create(maria.id, questions=store.questions.all()[:2])
    now = datetime(2026, 3, 16, 10, 30)
    store.interviews.start(interview.id, now, [])
    item = store.interviews.checklist(interview.id)[0]
    store.interviews.set_asked(item.id, True, now)
    store.interviews.add_note(
        interview.id, "loves polonium", minute=3, checklist_item_id=item.id, now=now
    )
    store.followups.add(FollowUp(contact_id=ada.id, kind="follow_up", due_date="2026-03-25"))
    store.close()
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
