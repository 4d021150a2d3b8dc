"""Build a realistic benchmark database: 30,000 contacts with notes and interviews.

Usage: python benchmarks/generate.py PATH [--contacts N]
Deterministic (seeded), so every run measures the same data.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from coffeechat.domain.identity import new_uid
from coffeechat.models import PIPELINE
from coffeechat.store import Store

FIRST = (
    "Ada Grace Maria Tom Priya Samuel Lena Émile Noor Kenji Aisha Lucas Sofia Mateo "
    "Zoë Ravi Ingrid Chen Olu Fatima"
).split()
LAST = (
    "Okafor Lindqvist Raman Adeyemi Chen Zola Haddad Tanaka Novak García Müller Silva "
    "Kowalski Nguyen Osei Dubois Rossi Kim Ahmed Berg"
).split()
TITLES = [
    "Director of Translational Science",
    "Patient Advocacy Lead",
    "Science Writer",
    "Venture Partner",
    "Core Facility Manager",
    "Medical Science Liaison",
    "Product Manager",
    "Data Scientist",
    "Regulatory Affairs Specialist",
    "Professor",
]
WORDS = (
    "assay pipeline startup regulatory clinical genomics funding mentor conference "
    "paper review market patients biotech career bench transition skills network "
    "advice trend"
).split()


def paragraph(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def generate(path: Path, contacts: int = 30_000, seed: int = 7) -> None:
    rng = random.Random(seed)
    store = Store.open(path)
    conn = store.database.conn
    with store.database.transaction():
        kinds = ("Labs", "Bio", "Health", "Ventures", "University", "Institute")
        organizations = [f"{rng.choice(LAST)} {kind}" for kind in kinds for _ in range(60)]
        organizations = sorted(set(organizations))
        conn.executemany(
            "INSERT INTO organizations(name) VALUES (?)", [(name,) for name in organizations]
        )
        rows = []
        for i in range(contacts):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            dated = rng.random() < 0.4
            rows.append(
                (
                    new_uid(),
                    f"{first} {last} {i}",
                    rng.choice(TITLES),
                    rng.randint(1, len(organizations)),
                    f"{first.lower()}.{last.lower()}{i}@example.org" if rng.random() < 0.6 else "",
                    f"https://www.linkedin.com/in/{first.lower()}-{last.lower()}-{i}",
                    str(rng.choice(PIPELINE)),
                    f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if dated else "",
                    ", ".join(rng.sample(WORDS, 2)),
                )
            )
        conn.executemany(
            "INSERT INTO contacts(uid, name, title, organization_id, email, url, status, "
            "next_action_date, tags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        # Research notes on one contact in ten; interviews with checklists, notes and an
        # outcome for one in a hundred.
        conn.executemany(
            "INSERT INTO notes(kind, contact_id, body) VALUES ('research', ?, ?)",
            [(cid, paragraph(rng, 120)) for cid in range(1, contacts + 1, 10)],
        )
        for cid in range(1, contacts + 1, 100):
            interview_id = conn.execute(
                "INSERT INTO interviews(contact_id, state, length_minutes) VALUES (?, 'held', 30)",
                (cid,),
            ).lastrowid
            conn.executemany(
                "INSERT INTO checklist_items(interview_id, text, position, asked) "
                "VALUES (?, ?, ?, ?)",
                [(interview_id, paragraph(rng, 10), n, n % 2) for n in range(12)],
            )
            conn.executemany(
                "INSERT INTO note_lines(interview_id, minute, text) VALUES (?, ?, ?)",
                [(interview_id, n // 2, paragraph(rng, 15)) for n in range(20)],
            )
            conn.execute(
                "INSERT INTO outcomes(interview_id, kind, learned, advice) "
                "VALUES (?, 'no referral', ?, ?)",
                (interview_id, paragraph(rng, 40), paragraph(rng, 20)),
            )
        # A sent letter to one contact in twenty: ctrl+f searches them too.
        conn.executemany(
            "INSERT INTO drafts(contact_id, template, subject, body, sent_at) "
            "VALUES (?, 'intro_letter', 'Hello', ?, '2026-03-02T09:00:00')",
            [(cid, paragraph(rng, 70)) for cid in range(1, contacts + 1, 20)],
        )
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", type=Path)
    parser.add_argument("--contacts", type=int, default=30_000)
    args = parser.parse_args()
    if args.path.exists():
        sys.exit(f"{args.path} exists; choose a new path")
    generate(args.path, args.contacts)
    print(f"wrote {args.path}")


if __name__ == "__main__":
    main()
