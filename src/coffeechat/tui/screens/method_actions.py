"""The main screen's actions for the method around the interviews (a mixin, like
ResearchActions): target employers, logging a touch, keep-in-touch intervals by tag,
and the country whose public holidays are not business days.

Expects ``store``, ``contact``, ``pane`` and ``reload(keep_id)`` on the screen.
"""

from __future__ import annotations

from ... import preferences
from .main_host import MainScreenHost

# The use cases and the prompt are imported in the actions: the first paint of the
# contact list does not need them.


LAST_INTERACTION = "list_last_interaction"
"""Preference: "on" or "off" (the user's choice); absent: shown when the list is wide."""


class MethodActions(MainScreenHost):
    def restore_last_interaction(self) -> None:
        """The list's last-interaction column as the user left it."""
        chosen = preferences.load().get(LAST_INTERACTION)
        self.pane.contact_list.last_interaction = {"on": True, "off": False}.get(chosen or "")

    def action_toggle_last_interaction(self) -> None:
        contact_list = self.pane.contact_list
        shown = not contact_list.shows_last_interaction()
        contact_list.last_interaction = shown
        try:
            preferences.save(**{LAST_INTERACTION: "on" if shown else "off"})
        except OSError as error:
            self.notify(f"Not remembered: {error}", severity="warning", markup=False)
        self.notify(
            "Last interaction column on: how long ago your last letter, call, reply or touch "
            "was (l hides it)."
            if shown
            else "Last interaction column off (l shows it)."
        )

    def action_target_employers(self) -> None:
        from .employers import EmployersScreen

        def closed(organization: str | None) -> None:
            if organization:
                self.pane.filter_input.value = organization
                self.pane.contact_list.focus()

        self.app.push_screen(EmployersScreen(self.store), closed)

    def action_log_touch(self) -> None:
        from ...usecases.outreach import log_touch
        from .text_prompt import TextPrompt

        contact = self.contact
        if contact is None or contact.id is None:
            self.notify("No contact highlighted.", severity="warning")
            return
        contact_id = contact.id

        def noted(note: str | None) -> None:
            if note is None:
                return
            today = self.app.clock.today()
            touched = log_touch(self.store, contact_id, today, note)
            self.reload(keep_id=contact_id)
            when = touched.next_action_date or "not scheduled"
            self.notify(
                f"In touch with {touched.name} today. Next: {touched.next_action} ({when}).",
                markup=False,
            )

        self.app.push_screen(
            TextPrompt(
                f"In touch with {contact.name} today",
                "What (optional)",
                placeholder="coffee, a message, congratulated them on…",
            ),
            noted,
        )

    def action_keep_in_touch_tags(self) -> None:
        from ...domain.pipeline import parse_tag_intervals
        from ...usecases.contacts import set_tag_intervals
        from ...usecases.steps import TAG_INTERVALS
        from .text_prompt import TextPrompt, error_of

        current = self.store.settings.get(TAG_INTERVALS)

        def chosen(text: str | None) -> None:
            if text is None:
                return
            today = self.app.clock.today()
            intervals = set_tag_intervals(self.store, text, today)
            self.reload(keep_id=self.contact.id if self.contact else None)
            shown = ", ".join(f"{tag} every {days} days" for tag, days in intervals.items())
            self.notify(f"Keep in touch: {shown or 'by status only'}.", markup=False)

        self.app.push_screen(
            TextPrompt(
                "Keep in touch by tag (after you have met them)",
                "Tag=days",
                current,
                check=error_of(parse_tag_intervals),
                placeholder="alumni=60, friend=30",
            ),
            chosen,
        )

    def action_holiday_country(self) -> None:
        from ...usecases.calendar import COUNTRY, set_holiday_country
        from .text_prompt import TextPrompt, error_of

        current = self.store.settings.get(COUNTRY)

        def check(value: str) -> str | None:
            from ...domain.business_days import Calendar

            return error_of(Calendar.for_country)(value)

        def chosen(country: str | None) -> None:
            if country is None:
                return
            calendar = set_holiday_country(self.store, country)
            message = (
                f"Business days now skip the public holidays of {calendar.country}."
                if calendar.country
                else "Business days skip weekends only."
            )
            self.notify(message)

        self.app.push_screen(
            TextPrompt(
                "Public holidays of your country",
                "Country code",
                current,
                check=check,
                placeholder="US, GB, DE, FR, CA… (empty: weekends only)",
            ),
            chosen,
        )

    def action_note_limit(self) -> None:
        from ...domain.templates import NOTE_LIMITS
        from ...usecases.outreach import note_limit, set_note_limit
        from .text_prompt import TextPrompt

        def check(value: str) -> str | None:
            if value.strip() in {str(n) for n in NOTE_LIMITS}:
                return None
            return f"{NOTE_LIMITS[0]} (a free account) or {NOTE_LIMITS[1]} (premium)"

        def chosen(value: str | None) -> None:
            if value is not None:
                set_note_limit(self.store, int(value))
                self.notify(f"Connection notes are checked against {value} characters.")

        self.app.push_screen(
            TextPrompt(
                "LinkedIn connection note limit",
                "Characters",
                str(note_limit(self.store)),
                check=check,
                placeholder="200 or 300",
            ),
            chosen,
        )
