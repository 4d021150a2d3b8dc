"""The main screen's changes to the highlighted contact (its status, archived or not,
deleted) and the import and export dialogs."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...models import Status
    from .contacts_view import ContactsView


class ContactActions:
    def __init__(self, view: ContactsView) -> None:
        self.view = view

    def change_status(self) -> None:
        from ...usecases import contacts
        from .status_picker import StatusPicker

        contact = self.view.contact
        if contact is None:
            return

        def chosen(status: Status | None) -> None:
            if status is not None and contact.id is not None:
                changed = contacts.change_status(
                    self.view.store, contact.id, status, self.view.app.clock.today()
                )
                self.view.reload(keep_id=contact.id)
                self.view.app.offer_undo(f"{contact.name}: {status}", changed.undo)

        self.view.app.push_screen(StatusPicker(contact.status, contact.name), chosen)

    def toggle_archive(self) -> None:
        from ...usecases import contacts

        contact = self.view.contact
        if contact is None or contact.id is None:
            return
        undo = contacts.set_archived(self.view.store, contact.id, not contact.archived)
        self.view.reload(keep_id=contact.id)
        done = "Restored" if contact.archived else "Archived"
        hint = "" if contact.archived or self.view.show_archived else " (palette: Show archived)"
        self.view.app.offer_undo(f"{done} {contact.name}{hint}", undo)

    def delete(self) -> None:
        from ...usecases import contacts
        from .confirm import ConfirmScreen

        contact = self.view.contact
        if contact is None or contact.id is None:
            return
        contact_id = contact.id

        def answered(yes: bool | None) -> None:
            if yes:
                undo = contacts.delete_contact(self.view.store, contact_id)
                self.view.reload(keep_id=contact_id)  # its row goes at once
                self.view.app.offer_undo(f"Deleted {contact.name}", undo)

        self.view.app.push_screen(
            ConfirmScreen(
                f"Delete {contact.name} and every note, draft and follow-up about them? "
                "Undo brings them back until your next change.",
                confirm_label="Delete",
            ),
            answered,
        )

    def transfer(self, mode: str) -> None:
        """The import (``import``) or export (``export``) dialog; the list re-read after."""
        from .transfer import TransferScreen

        def done(report: str | None) -> None:
            if report is None:
                return
            self.view.reload(keep_id=self.view.contact.id if self.view.contact else None)
            self.view.app.notify(report, markup=False, timeout=8)

        self.view.app.push_screen(TransferScreen(mode, self.view.store), done)
