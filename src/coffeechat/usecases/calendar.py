"""Which days count as business days for this user: weekends and their public holidays."""

from __future__ import annotations

from ..domain.business_days import WEEKDAYS, Calendar
from ..store import Store

COUNTRY = "holidays.country"
"""Settings key: ISO 3166 code whose public holidays are not business days ("" for none)."""


def load_calendar(store: Store) -> Calendar:
    """The user's calendar; a stored country no longer known falls back to weekends only."""
    try:
        return Calendar.for_country(store.settings.get(COUNTRY))
    except ValueError:
        return WEEKDAYS


def set_holiday_country(store: Store, country: str) -> Calendar:
    """Skip *country*'s public holidays from now on ("" for weekends only).

    Raises ValueError (with a message to show) for a country the holidays library does
    not know; nothing is stored then.
    """
    calendar = Calendar.for_country(country)
    store.settings.set(COUNTRY, calendar.country)
    return calendar
