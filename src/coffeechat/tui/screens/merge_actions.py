"""The main screen's "Merge contacts" action (a mixin, like ResearchActions).

Expects ``store``, ``contact``, ``reload(keep_id)``, ``app`` and ``notify``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .main_host import MainScreenHost

if TYPE_CHECKING:
    from ...models import Contact


class MergeActions(MainScreenHost):
    contact: Contact | None

    def action_merge_contacts(self) -> None:
        from .merge import MergeConfirm, MergePicker

        contact = self.contact
        if contact is None or contact.id is None:
            self.notify("No contact highlighted.", severity="warning")
            return

        def picked(other_id: int | None) -> None:
            if other_id and contact.id is not None:
                self.app.push_screen(
                    MergeConfirm(self.store, contact.id, other_id),
                    self._merge_answered,
                )

        self.app.push_screen(MergePicker(self.store, contact), picked)

    def action_possible_duplicates(self) -> None:
        from .merge import DuplicateList, MergeConfirm

        if not self.store.duplicates.count():
            self.notify("No possible duplicates to review.")
            return

        def chosen(pair: tuple[int, int] | None) -> None:
            if pair is not None:
                self.app.push_screen(
                    MergeConfirm(self.store, *pair),
                    self._merge_answered,
                )

        self.app.push_screen(DuplicateList(self.store), chosen)

    def _merge_answered(self, answer: tuple[str, int, int] | None) -> None:
        # Imported here: the first paint of the contact list does not need it.
        from ...usecases.merge import MergeError, merge_contacts, not_a_duplicate

        if answer is None:
            return
        choice, keep_id, other_id = answer
        store = self.store
        try:
            if choice == "distinct":
                not_a_duplicate(store, keep_id, other_id)
                self.notify("Noted: two different people; no import will ask again.")
                return
            merged = merge_contacts(store, keep_id, other_id)
        except MergeError as error:
            verb = "Not noted" if choice == "distinct" else "Not merged"
            self.notify(f"{verb}: {error}", severity="error", markup=False)
            return
        self.reload(keep_id=keep_id)
        plan = merged.plan
        self.app.offer_undo(f"Merged {plan.other.name} into {plan.keep.name}", merged.undo)
