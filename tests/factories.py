"""Generated test data shared by tests and benchmarks."""

from __future__ import annotations

import random
from pathlib import Path

FIRST = (
    "Ana Ada Grace Maria Tom Priya Samuel Lena Émile Noor Kenji Aisha Lucas Sofia Mateo "
    "Zoë Ravi Ingrid Chen Olu"
).split()
LAST = (
    "Silva Okafor Lindqvist Raman Adeyemi Chen Zola Haddad Tanaka Novak García Müller "
    "Kowalski Nguyen Osei Dubois Rossi Kim Ahmed Berg"
).split()


def write_connections(path: Path, rows: int, *, common_names: bool = False) -> None:
    """A LinkedIn Connections.csv as exported: notes preamble, BOM, CRLF, quoted
    commas, accents, empty emails for two rows in three.

    Every row is a different person (its own profile URL). With *common_names*, names
    come from 20 first and 20 last names and employers from 30, as in a real network:
    thousands of rows then share a name and an employer with another person.
    """
    lines = [
        "Notes:\r\n",
        '"When exporting your connection data, you may notice that some emails are missing."\r\n',
        "\r\n",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n",
    ]
    rng = random.Random(7)
    for i in range(rows):
        email = f"person{i}@example.com" if i % 3 == 0 else ""
        if common_names:
            first, last = rng.choice(FIRST), rng.choice(LAST)
            org = f"Org {rng.randrange(50)}, Inc."
        else:
            first, last, org = f"Zoë{i}", f"Nguyễn, Jr. {i}", f"Org {i % 900}, Inc."
        lines.append(
            f'{first},"{last}",https://www.linkedin.com/in/p-{i},{email},'
            f'"{org}",Scientist {i % 40},{1 + i % 28:02d} Mar 2023\r\n'
        )
    path.write_text("".join(lines), encoding="utf-8-sig", newline="")
