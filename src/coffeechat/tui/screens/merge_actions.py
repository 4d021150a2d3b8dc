"""The main screen's merging: two contacts into one, and the possible duplicates."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .contacts_view import ContactsView


class MergeActions:
    def __init__(self, view: ContactsView) -> None:
        self.view = view

    def merge_highlighted(self) -> None:
        """Pick the contact to merge the highlighted one with, then confirm."""
        from .merge import MergeConfirm, MergePicker

        view = self.view
        contact = view.contact
        if contact is None or contact.id is None:
            view.app.notify("No contact highlighted.", severity="warning")
            return
        contact_id = contact.id

        def picked(other_id: int | None) -> None:
            if other_id:
                view.app.push_screen(MergeConfirm(view.store, contact_id, other_id), self._answered)

        view.app.push_screen(MergePicker(view.store, contact), picked)

    def review_duplicates(self) -> None:
        from .merge import DuplicateList, MergeConfirm

        view = self.view
        if not view.store.duplicates.count():
            view.app.notify("No possible duplicates to review.")
            return

        def chosen(pair: tuple[int, int] | None) -> None:
            if pair is not None:
                view.app.push_screen(MergeConfirm(view.store, *pair), self._answered)

        view.app.push_screen(DuplicateList(view.store), chosen)

    def _answered(self, answer: tuple[str, int, int] | None) -> None:
        # Imported here: the first paint of the contact list does not need it.
        from ...usecases.merge import MergeError, merge_contacts, not_a_duplicate

        if answer is None:
            return
        choice, keep_id, other_id = answer
        view = self.view
        try:
            if choice == "distinct":
                not_a_duplicate(view.store, keep_id, other_id)
                view.app.notify("Noted: two different people; no import will ask again.")
                return
            merged = merge_contacts(view.store, keep_id, other_id)
        except MergeError as error:
            verb = "Not noted" if choice == "distinct" else "Not merged"
            view.app.notify(f"{verb}: {error}", severity="error", markup=False)
            return
        view.reload(keep_id=keep_id)
        plan = merged.plan
        view.app.offer_undo(f"Merged {plan.other.name} into {plan.keep.name}", merged.undo)
