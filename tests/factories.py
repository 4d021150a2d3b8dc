"""Generated test data shared by tests and benchmarks."""

from __future__ import annotations

from pathlib import Path


def write_connections(path: Path, rows: int) -> None:
    """A LinkedIn Connections.csv as exported: notes preamble, BOM, CRLF, quoted
    commas, accents, empty emails for two rows in three."""
    lines = [
        "Notes:\r\n",
        '"When exporting your connection data, you may notice that some emails are missing."\r\n',
        "\r\n",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n",
    ]
    for i in range(rows):
        email = f"person{i}@example.com" if i % 3 == 0 else ""
        lines.append(
            f'Zoë{i},"Nguyễn, Jr. {i}",https://www.linkedin.com/in/p-{i},{email},'
            f'"Org {i % 900}, Inc.",Scientist {i % 40},{1 + i % 28:02d} Mar 2023\r\n'
        )
    path.write_text("".join(lines), encoding="utf-8-sig", newline="")
