"""Organizations as target employers: their LAMP ratings and the people you have there."""

from __future__ import annotations

import sqlite3

from ..domain.employers import ADVOCACY_TAGS, Employer
from ..models import Organization, Status, TargetStatus
from .db import Database

_TAGGED = " OR ".join(
    f"(',' || replace(lower(c.tags), ' ', '') || ',') LIKE '%,{tag},%'" for tag in ADVOCACY_TAGS
)


def _target_status(value: str) -> TargetStatus:
    try:
        return TargetStatus(value)
    except ValueError:
        return TargetStatus.ACTIVE


class Employers:
    def __init__(self, database: Database) -> None:
        self._database = database

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._database.conn

    def all(self) -> list[Employer]:
        """Every organization with its ratings, head count and who to write to next."""
        rows = self._conn.execute(
            "SELECT o.id, o.name, o.motivation, o.posting, o.advocacy, o.target_status, "
            "  (SELECT count(*) FROM contacts c WHERE c.organization_id = o.id "
            "   AND c.archived = 0) AS contacts, "
            f"  (SELECT c.name FROM contacts c WHERE c.organization_id = o.id AND ({_TAGGED}) "
            "   ORDER BY c.id LIMIT 1) AS known_through "
            "FROM organizations o ORDER BY o.name COLLATE NOCASE"
        ).fetchall()
        next_by_org = self._write_next_by_organization()
        return [
            Employer(
                Organization(
                    id=row["id"],
                    name=row["name"],
                    motivation=row["motivation"],
                    posting=row["posting"],
                    advocacy=None if row["advocacy"] is None else bool(row["advocacy"]),
                    target_status=_target_status(row["target_status"]),
                ),
                contacts=row["contacts"],
                known_through=row["known_through"] or "",
                write_next=next_by_org.get(row["id"], ""),
            )
            for row in rows
        ]

    def _write_next_by_organization(self) -> dict[int, str]:
        rows = self._conn.execute(
            "SELECT c.organization_id, c.name FROM contacts c "
            "WHERE c.organization_id IS NOT NULL AND c.archived = 0 "
            "AND c.status = ? "
            "AND NOT EXISTS (SELECT 1 FROM drafts d WHERE d.contact_id = c.id "
            "  AND d.sent_at != '') "
            "ORDER BY c.id DESC",
            (str(Status.TO_CONTACT),),
        )
        # The earliest added wins (rows come newest first).
        return {row["organization_id"]: row["name"] for row in rows}

    def write_next(self, contact_id: int) -> str | None:
        """Who to write to next at *contact_id*'s organization instead of them: a colleague
        still to contact; "" when there is none; None when they have no organization."""
        row = self._conn.execute(
            "SELECT organization_id FROM contacts WHERE id = ?", (contact_id,)
        ).fetchone()
        if row is None or row["organization_id"] is None:
            return None
        found = self._conn.execute(
            "SELECT c.name FROM contacts c WHERE c.organization_id = ? AND c.id != ? "
            "AND c.archived = 0 AND c.status = ? "
            "AND NOT EXISTS (SELECT 1 FROM drafts d WHERE d.contact_id = c.id "
            "  AND d.sent_at != '') ORDER BY c.id LIMIT 1",
            (row["organization_id"], contact_id, str(Status.TO_CONTACT)),
        ).fetchone()
        return found["name"] if found else ""

    def rate(self, organization: Organization) -> None:
        """Save the LAMP ratings and target status of *organization*."""
        self._conn.execute(
            "UPDATE organizations SET motivation = ?, posting = ?, advocacy = ?, "
            "target_status = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') "
            "WHERE id = ?",
            (
                organization.motivation,
                organization.posting,
                None if organization.advocacy is None else int(organization.advocacy),
                str(organization.target_status),
                organization.id,
            ),
        )
