"""The main screen's settings of the method around the interviews: target employers,
logging a touch, keep-in-touch intervals by tag, the country whose public holidays are
not business days, and the connection note's length.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .contacts_view import ContactsView

# The use cases and the prompt are imported in the actions: the first paint of the
# contact list does not need them.


class MethodActions:
    def __init__(self, view: ContactsView) -> None:
        self.view = view

    def target_employers(self) -> None:
        from .employers import EmployersScreen

        def closed(organization: str | None) -> None:
            if organization:
                self.view.pane.filter_input.value = organization
                self.view.pane.contact_list.focus()

        self.view.app.push_screen(EmployersScreen(self.view.store), closed)

    def log_touch(self) -> None:
        from ...usecases.outreach import log_touch
        from .text_prompt import TextPrompt

        contact = self.view.contact
        if contact is None or contact.id is None:
            self.view.app.notify("No contact highlighted.", severity="warning")
            return
        contact_id = contact.id

        def noted(note: str | None) -> None:
            if note is None:
                return
            today = self.view.app.clock.today()
            touched = log_touch(self.view.store, contact_id, today, note)
            self.view.reload(keep_id=contact_id)
            when = touched.next_action_date or "not scheduled"
            self.view.app.notify(
                f"In touch with {touched.name} today. Next: {touched.next_action} ({when}).",
                markup=False,
            )

        self.view.app.push_screen(
            TextPrompt(
                f"In touch with {contact.name} today",
                "What (optional)",
                placeholder="coffee, a message, congratulated them on…",
            ),
            noted,
        )

    def keep_in_touch_tags(self) -> None:
        from ...domain.pipeline import parse_tag_intervals
        from ...usecases.contacts import set_tag_intervals
        from ...usecases.steps import TAG_INTERVALS
        from .text_prompt import TextPrompt, error_of

        current = self.view.store.settings.get(TAG_INTERVALS)

        def chosen(text: str | None) -> None:
            if text is None:
                return
            today = self.view.app.clock.today()
            intervals = set_tag_intervals(self.view.store, text, today)
            self.view.reload(keep_id=self.view.contact.id if self.view.contact else None)
            shown = ", ".join(f"{tag} every {days} days" for tag, days in intervals.items())
            self.view.app.notify(f"Keep in touch: {shown or 'by status only'}.", markup=False)

        self.view.app.push_screen(
            TextPrompt(
                "Keep in touch by tag (after you have met them)",
                "Tag=days",
                current,
                check=error_of(parse_tag_intervals),
                placeholder="alumni=60, friend=30",
            ),
            chosen,
        )

    def holiday_country(self) -> None:
        from ...usecases.calendar import COUNTRY, set_holiday_country
        from .text_prompt import TextPrompt, error_of

        current = self.view.store.settings.get(COUNTRY)

        def check(value: str) -> str | None:
            from ...domain.business_days import Calendar

            return error_of(Calendar.for_country)(value)

        def chosen(country: str | None) -> None:
            if country is None:
                return
            calendar = set_holiday_country(self.view.store, country)
            message = (
                f"Business days now skip the public holidays of {calendar.country}."
                if calendar.country
                else "Business days skip weekends only."
            )
            self.view.app.notify(message)

        self.view.app.push_screen(
            TextPrompt(
                "Public holidays of your country",
                "Country code",
                current,
                check=check,
                placeholder="US, GB, DE, FR, CA… (empty: weekends only)",
            ),
            chosen,
        )

    def note_limit(self) -> None:
        from ...domain.templates import NOTE_LIMITS
        from ...usecases.outreach import note_limit, set_note_limit
        from .text_prompt import TextPrompt

        def check(value: str) -> str | None:
            if value.strip() in {str(n) for n in NOTE_LIMITS}:
                return None
            return f"{NOTE_LIMITS[0]} (a free account) or {NOTE_LIMITS[1]} (premium)"

        def chosen(value: str | None) -> None:
            if value is not None:
                set_note_limit(self.view.store, int(value))
                self.view.app.notify(f"Connection notes are checked against {value} characters.")

        self.view.app.push_screen(
            TextPrompt(
                "LinkedIn connection note limit",
                "Characters",
                str(note_limit(self.view.store)),
                check=check,
                placeholder="200 or 300",
            ),
            chosen,
        )
