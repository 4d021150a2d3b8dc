"""A form's first frame holds every label and one input; the other inputs are mounted
right after it, and keys typed meanwhile wait for them (tui/fill_in.py)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import Button, Input, Select

from coffeechat.domain.clock import Clock
from coffeechat.models import Status
from coffeechat.store import Store
from coffeechat.tui import key_order
from coffeechat.tui.screens.contact_form import ContactForm
from coffeechat.tui.screens.form_modal import FormModal
from coffeechat.tui.widgets.form import FormField
from tests.conftest import make_app
from tests.tui.burst import key_events
from tests.waiting import wait_until


def held_fill(monkeypatch: pytest.MonkeyPatch, screen: type, method: str) -> asyncio.Event:
    """Hold *screen*'s fill (its *method*) until the event returned is set, as on a
    loaded machine where the rest of the form comes late; keys wait for it meanwhile."""
    release = asyncio.Event()
    fill = getattr(screen, method)

    async def slow_fill(self) -> None:
        await release.wait()
        await fill(self)

    monkeypatch.setattr(screen, method, slow_fill)
    monkeypatch.setattr(key_order, "FILL_WAIT", 60.0)
    return release


async def test_keys_typed_while_the_form_fills_in_land_where_they_were_aimed(
    store: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = held_fill(monkeypatch, FormModal, "_mount_held_inputs")
    monkeypatch.setattr(key_order, "WORK_WAIT", 60.0)  # n opens the form from a worker
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for event in key_events("n", *"Ada Aas", "tab", *"Engineer", "tab", *"Aas Labs"):
            event.set_sender(app)
            app.post_message(event)  # one burst, typed before the form is whole
        form = await wait_until(lambda: isinstance(app.screen, ContactForm) and app.screen)
        await wait_until(lambda: form.filling and form.query_one("#field-name", Input).has_focus)
        # On view with every label and the input typed into first, the rest held back;
        # what was typed after `n` waits for them.
        assert len(form.query(FormField)) == 15
        assert [i.id for i in form.query(Input)] == ["field-name"]
        assert not form.query(Button) and not form.query(Select)
        await pilot.pause()
        assert form.query_one("#field-name", Input).value == ""
        release.set()
        await wait_until(lambda: not form.filling and not app.key_order.busy)
        await pilot.pause()
        values = {f.field_name: f.value for f in form.query(FormField)}
        assert values["name"] == "Ada Aas"
        assert values["title"] == "Engineer"
        assert values["organization"] == "Aas Labs"
        assert len(form.query(Input)) == 15
        assert [b.id for b in form.query(Button)] == ["save", "cancel"]
        assert form.query_one("#status", Select).value == Status.TO_CONTACT


async def test_a_fill_that_never_ends_does_not_keep_the_keyboard(
    store: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def never(self: FormModal) -> None:
        await asyncio.Event().wait()

    monkeypatch.setattr(FormModal, "_mount_held_inputs", never)
    monkeypatch.setattr(key_order, "FILL_WAIT", 0.2)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        form = await wait_until(lambda: isinstance(app.screen, ContactForm) and app.screen)
        name = form.query_one("#field-name", Input)
        for event in key_events(*"Ada"):
            event.set_sender(app)
            app.post_message(event)
        await wait_until(lambda: name.value == "Ada", what="the keys handed out after the wait")
        assert form.filling


async def test_keys_typed_as_the_plan_and_the_outcome_open_land_in_them(
    store: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coffeechat.tui.screens.outcome_form import OutcomeForm
    from coffeechat.tui.screens.plan_interview import PickList, PlanInterview
    from tests.conftest import seed
    from tests.tui.burst import burst

    monkeypatch.setattr(key_order, "WORK_WAIT", 60.0)
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await burst(pilot, "i", *"tomorrow 9:30")  # before its lists are filled in
        plan = await wait_until(lambda: isinstance(app.screen, PlanInterview) and app.screen)
        assert plan.query_one("#field-when", Input).value.endswith("tomorrow 9:30")
        assert plan.query_one(PickList).option_count > 0
        await pilot.press("escape")
        await burst(pilot, "c")
        await burst(pilot, "ctrl+e", "tab", "4")  # into Confidence, past the kind
        form = await wait_until(lambda: isinstance(app.screen, OutcomeForm) and app.screen)
        assert form.query_one("#field-confidence", Input).value == "4"
        assert not form.filling and form.query("#area-learned")


async def test_keys_for_a_form_no_key_opened_wait_until_it_is_whole(
    store: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = held_fill(monkeypatch, FormModal, "_mount_held_inputs")
    app = make_app(store, clock)
    saved = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(ContactForm(), saved.append)  # by the app itself, not by a key
        form = await wait_until(lambda: isinstance(app.screen, ContactForm) and app.screen)
        await wait_until(lambda: form.filling and form.query_one("#field-name", Input).has_focus)
        for event in key_events(*"Ada Aas", "ctrl+s"):
            event.set_sender(app)
            app.post_message(event)
        await pilot.pause()
        # Held: a save now would read a form whose status and other fields are not there.
        assert form.query_one("#field-name", Input).value == ""
        assert app.screen is form
        release.set()
        await wait_until(lambda: saved, what="the form saved once it was whole")
    (contact,) = saved
    assert contact.name == "Ada Aas"
    assert contact.status == Status.TO_CONTACT


async def test_the_list_reads_its_rows_again_once_the_outcome_form_is_whole(
    store: Store, clock: Clock, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coffeechat.models import Contact
    from coffeechat.tui.screens import main as main_screen
    from coffeechat.tui.screens.main import MainScreen
    from coffeechat.tui.screens.outcome_form import OutcomeForm
    from coffeechat.tui.widgets.contact_pane import ContactPane
    from tests.conftest import seed

    release = held_fill(monkeypatch, OutcomeForm, "_fill")
    monkeypatch.setattr(main_screen, "FILL_WAIT", 60.0)
    seed(store)
    app = make_app(store, clock)

    def reading() -> bool:
        return any(w.group == "contact-rows" and not w.is_finished for w in app.workers)

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        main = app.screen
        assert isinstance(main, MainScreen)
        pane = main.query_one(ContactPane)
        await pilot.press("c")
        await wait_until(lambda: app.screen is not main)
        await wait_until(lambda: not reading(), what="no read of the rows under way")
        await pilot.press("ctrl+e")
        form = await wait_until(lambda: isinstance(app.screen, OutcomeForm) and app.screen)
        await wait_until(lambda: form.filling)
        other = Store.open(db_path)  # another window adds someone meanwhile
        other.contacts.add(Contact(name="From The Other Window"))
        other.close()
        # While the form fills in, the list under it shows the ended call's contact
        # (read alone) but does not read every row: that would slow the fill.
        await wait_until(lambda: main.contact is not None and main.contact.id is not None)
        for _ in range(5):
            await pilot.pause()
        assert not reading()
        names = lambda: [row.name for row in pane.contact_list.rows]  # noqa: E731
        assert "From The Other Window" not in names()
        release.set()
        await wait_until(lambda: not form.filling)
        await wait_until(
            lambda: "From The Other Window" in names(), what="the rows read once it is whole"
        )


async def test_every_dialog_is_drawn_first_on_its_own_colour_then_the_screen_shows_through(
    store: Store, clock: Clock
) -> None:
    """A dialog's first frame does not draw the screen under it: its backdrop is its own
    colour, opaque; right after that frame the screen shows through, dimmed, as the
    dialog's style says. A dialog styled opaque stays as it is."""
    from textual.color import Color

    from coffeechat.tui.screens.confirm import ConfirmScreen

    class Opaque(ConfirmScreen):
        def __init__(self, question: str) -> None:
            super().__init__(question)
            self.styles.background = Color.parse("red")  # as the outcome form's CSS does

    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        for dialog in (ConfirmScreen("Sure?"), Opaque("Sure?")):
            drawn: list[Color] = []  # the backdrop of each frame the dialog draws
            render = dialog.render

            def spy(render=render, dialog=dialog, drawn=drawn):
                drawn.append(dialog.styles.background)
                return render()

            dialog.render = spy  # type: ignore[method-assign]
            await app.push_screen(dialog)
            if isinstance(dialog, Opaque):
                await pilot.pause()
                assert drawn and set(drawn) == {Color.parse("red")}
            else:
                await wait_until(
                    lambda drawn=drawn: drawn and drawn[-1].a < 1, what="the screen through"
                )
                first, last = drawn[0], drawn[-1]
                assert (first.a, last.a) == (1.0, 0.6)
                assert first == last.with_alpha(1.0)
            dialog.dismiss(None)
            await pilot.pause()


def test_every_dialog_of_the_app_draws_its_backdrop_after_its_first_frame() -> None:
    """Every dialog the app defines is a ``Modal``, the class that draws the screen under
    it after the dialog's first frame (the test above)."""
    import importlib
    import inspect
    import pkgutil

    from textual.screen import ModalScreen

    import coffeechat.tui as tui
    from coffeechat.tui.screens.modal import Modal

    dialogs = [
        cls
        for info in pkgutil.walk_packages(tui.__path__, "coffeechat.tui.")
        for cls in vars(importlib.import_module(info.name)).values()
        if inspect.isclass(cls) and issubclass(cls, ModalScreen) and cls.__module__ == info.name
    ]
    assert len(dialogs) > 20
    assert [cls.__name__ for cls in dialogs if not issubclass(cls, Modal)] == []
