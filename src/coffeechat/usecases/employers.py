"""Target employers: ranking organizations the LAMP way and rating them."""

from __future__ import annotations

from ..domain.employers import Employer, ranked
from ..models import Organization
from ..store import Store


def target_employers(store: Store) -> list[Employer]:
    """Every organization, best target first (see ``domain.employers``)."""
    return ranked(store.employers.all())


def rate_employer(store: Store, organization: Organization) -> None:
    if organization.id is None:
        raise ValueError("rate_employer() needs an organization with an id")
    with store.database.transaction():
        store.employers.rate(organization)
