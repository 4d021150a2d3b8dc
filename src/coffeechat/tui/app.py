"""The Textual application: wires the store into the screens. Kept slim on purpose."""

from __future__ import annotations

import asyncio
import inspect
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, on
from textual.app import ScreenStackError, SystemCommand
from textual.content import Content
from textual.dom import DOMNode
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from .. import preferences
from ..crash import CrashReported, crash_line
from ..domain.clock import Clock
from ..domain.text import one_line, visible
from ..store import NotWritten, Store
from .app_host import AppHost
from .commands import BY_ACTION, COMMANDS, bindings
from .first_frame import after_first_frame
from .key_order import KeyOrder, KeySettled, NextKey, TypedEvent
from .keymap import load_keymap
from .long_lived import IdleCollector, freeze_long_lived, resume_collections
from .mail_actions import MailActions
from .saving import action_not_saved
from .screens.main import MainScreen
from .sync_actions import SyncActions
from .textual_compat import keep_mount_styles, resize_changes_nothing, toast_rack
from .themes import DEFAULT_THEME, load_themes, shipped_themes_dir, user_themes_dir
from .undone import Undone

if TYPE_CHECKING:
    from ..models_activity import Profile, SearchHit
    from ..usecases.undo import Undo

QUIT_UNSAVED = (
    "Not saved: the disk is full. Free some space (it saves by itself), "
    "or press ctrl+q again to quit and lose the unsaved text."
)


WAIT_FOR_LOCK = 3.0
"""Seconds a write from the app waits for a lock held elsewhere before it is retried
in the background (the text stays on screen, marked not saved)."""

UNDO_SHOWN = 10
"""Seconds an undo offer stays on screen: time to read it and reach for the mouse (the
key keeps working after it has gone)."""


class CoffeechatApp(MailActions, SyncActions, AppHost):
    # Absolute, so subclasses defined elsewhere (benchmarks, tests) find it too.
    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "coffeechat"
    BINDINGS = bindings("app")

    def __init__(
        self,
        store: Store,
        *,
        clock: Clock | None = None,
        theme: str | None = None,
        welcome: bool = True,
    ) -> None:
        """*theme* fixes the theme for this run (tests); otherwise the saved choice."""
        super().__init__()
        self.store = store
        # A write on the event loop waits for another window or an import only briefly;
        # after that the text is kept and retried every second (see saving.py), so the
        # screen never freezes for the length of someone else's write.
        store.database.wait_for_lock(WAIT_FOR_LOCK)
        self.clock = clock or Clock()
        self._fixed_theme = theme
        self.db_label = _home_relative(str(store.path))
        """Shown in the header so the user always knows which file they are in."""
        self.show_welcome = welcome
        """Whether an empty database opens on the welcome (tests of other things skip it)."""
        self._quit_unsaved = False
        """Set once the user was told that quitting now loses unsaved text."""
        self._ending_on_error = False
        """An error is ending the app: later ones add nothing (see _handle_exception)."""
        self._crash_line: str | None = None
        """The one line an unforeseen error ends the app with, printed on exit."""
        self.key_order = KeyOrder(self)
        """Hands keys out one at a time, in the order typed (see key_order)."""
        self.collector = IdleCollector()
        """Full garbage collections at the user's pauses (see long_lived)."""
        # Themes are chosen before the first stylesheet parse: switching theme after
        # mount would parse every style a second time on the way to the first paint.
        self._theme_problems = self._setup_themes()

    def run(self, *args: Any, **kwargs: Any) -> None:
        # The modules are imported and stay for the whole run: a full collection
        # walking them during start-up took 30 ms before the first paint.
        freeze_long_lived()
        return super().run(*args, **kwargs)

    def get_default_screen(self) -> Screen[Any]:
        # The contact list is the app's first screen, not one pushed over Textual's
        # blank default: a screen pushed while the app starts is composed, laid out and
        # drawn inside the start-up batch, whose frame never reaches the terminal, and
        # the blank one beneath it was composed and laid out for nothing.
        return MainScreen(self.store)

    detail_before_ready = True
    """Headless, the detail tabs are mounted before the app is ready. False lets a test
    drive the app while they are still held back, as a real terminal's first keys are."""

    @on(events.Mount)
    async def _main_screen_mounted(self) -> None:
        # The list is composed and mounted before the app says it is ready (and before a
        # test's pilot or autopilot starts), as it was when it was pushed from on_mount.
        # Headless, where no frame is drawn to wait for, its detail tabs are too: the
        # screen a test starts with is whole.
        while not self.screen.is_mounted:
            await asyncio.sleep(0)
        screen = self.screen
        if self.is_headless and self.detail_before_ready and isinstance(screen, MainScreen):
            await screen.detail_mounted.wait()

    def on_mount(self) -> None:
        self.sub_title = self.db_label
        self.collector.start()
        self.set_interval(0.5, self.collector.tick)
        if self._fixed_theme is None:
            self.theme_changed_signal.subscribe(self, self._remember_theme)
        problems = self._theme_problems + self._setup_keymap()
        if problems:
            self.notify(
                "\n".join(problems), title="Skipped", severity="warning", timeout=10, markup=False
            )
        # The command held cycle collections for the start-up (long_lived).
        after_first_frame(self, resume_collections)
        # Reading the sync and mail settings waits until the list is on screen.
        after_first_frame(self, self.sync_at_start)
        after_first_frame(self, self.mail_at_start)

    def on_unmount(self) -> None:
        self.collector.stop()

    def on_resize(self, event: events.Resize) -> None:
        if resize_changes_nothing(self, event):
            event.prevent_default()  # every screen is laid out for this size already

    def _setup_themes(self) -> list[str]:
        loaded = load_themes(shipped_themes_dir(), user_themes_dir())
        for theme in loaded.themes:
            self.register_theme(theme)
        wanted = self._fixed_theme or preferences.load().get("theme", DEFAULT_THEME)
        if wanted not in self.available_themes:
            loaded.problems.append(f"theme {wanted!r} not found; using {DEFAULT_THEME}")
            wanted = DEFAULT_THEME
        self.theme = wanted
        return loaded.problems

    def _remember_theme(self, theme: Theme) -> None:
        try:
            preferences.save(theme=theme.name)
        except OSError as error:
            self.notify(
                f"Could not save the theme choice: {error}", severity="warning", markup=False
            )

    def _setup_keymap(self) -> list[str]:
        keymap = load_keymap()
        if keymap.keys:
            self.set_keymap(keymap.keys)
        return keymap.problems

    # --- text from the data -------------------------------------------------------------

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification (``Widget.notify`` and ``Screen.notify`` end here) shows
        its text literally: messages quote names, notes and file paths, so markup is
        never interpreted and control characters are drawn as symbols (ESC as ␛); an
        OSC 52 or OSC 0 sequence in a contact's name must not reach the terminal."""
        self._place_toasts()
        super().notify(
            visible(message),
            title=one_line(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )
        # An action often moves focus (to the field to fix) just before it notifies.
        self.call_after_refresh(self._place_toasts)

    # --- undo ---------------------------------------------------------------------------

    last_undo: Undo | None = None
    """How to reverse the last change made by a key (kept until the next one)."""

    def offer_undo(self, message: str, undo: Undo) -> None:
        """Say what a key just changed, and keep how to undo it: the notification's
        "Undo" (a click) and the undo key both reverse it, until the next change."""
        from textual.markup import escape

        if not undo:
            self.notify(message)
            return
        self.last_undo = undo
        key = self._undo_key()
        self._place_toasts()
        super().notify(
            escape(visible(message)) + f"  [b][@click=app.undo]Undo ({escape(key)})[/][/b]",
            markup=True,
            timeout=UNDO_SHOWN,
        )
        self.call_after_refresh(self._place_toasts)

    def _undo_key(self) -> str:
        """The undo key as bound now (a keymap may have moved it)."""
        listed = self._keymap.get("undo", BY_ACTION["undo"].key)
        first = listed.split(",")[0].strip()
        return first or "palette: Undo"

    def discard_call(self, interview_id: int) -> bool:
        """Remove a call started by mistake, in this session or an earlier one (as its
        first start found it: notes and all), the contact as before; whether it was
        discarded."""
        from ..usecases.calls import discard_call

        said = discard_call(self.store, interview_id)
        if said is None:
            self.notify("This call was started before discarding was possible; it stays.")
            return False
        self.last_undo = None
        self.notify(said)
        for screen in self.screen_stack:
            screen.post_message(Undone())
        return True

    def action_undo(self) -> None:
        from ..usecases.undo import UndoStale, undo

        change = self.last_undo
        if change is None:
            self.notify("Nothing to undo.")
            return
        self.last_undo = None
        try:
            undo(self.store, change)
        except UndoStale as stale:
            self.notify(str(stale), severity="warning")
            return
        self.notify(f"Undone: {change.label}")
        for screen in self.screen_stack:
            screen.post_message(Undone())

    def on_descendant_focus(self) -> None:
        self._place_toasts()

    def _place_toasts(self) -> None:
        """Notifications stack on the side of the screen away from the focused widget
        (the bottom unless the user works in the lower half), so a message never covers
        the text being typed. The class goes on the screen's rack of notifications, not
        on the screen: a class changed on a screen restyles every widget on it."""
        try:
            screen = self.screen
        except ScreenStackError:
            return  # the app is closing (a notice, or a placing queued, after its screens)
        rack = toast_rack(screen)
        if rack is None:
            return
        focused = screen.focused
        if focused is None:
            rack.set_class(False, "-top")
            return
        # In a text field, the line with the cursor is what must stay in view; a list
        # or a pane taller than half the screen has its first lines in its top half
        # (an agenda, a short list), so its messages stay at the bottom.
        cursor = getattr(focused, "cursor_screen_offset", None)
        half = screen.size.height / 2
        if cursor is not None:
            lower = cursor.y >= half
        else:
            lower = focused.region.height <= half and focused.region.center[1] >= half
        rack.set_class(lower, "-top")

    def get_driver_class(self):
        """Linux terminals get a driver that keeps ESC bytes inside a paste as text."""
        driver = super().get_driver_class()
        from textual.drivers.linux_driver import LinuxDriver

        if driver is LinuxDriver:
            from .paste_driver import PasteSafeLinuxDriver

            return PasteSafeLinuxDriver
        return driver

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header shows titles as plain text on one line, whatever they quote."""
        return super().format_title(one_line(title), one_line(sub_title))

    def _handle_exception(self, error: Exception) -> None:
        """An error nobody foresaw ends the app with one line and a crash report (see
        crash.py), never Textual's traceback: its locals would print notes into the
        terminal's scrollback. Errors that render themselves in one line (a damaged
        file) keep their own line; what fails while the app is ending after one adds
        nothing (Textual would count it on a second line)."""
        if self._ending_on_error:
            return
        self._ending_on_error = True
        if not hasattr(error, "__rich__"):
            error = CrashReported(crash_line(error), error)
            self._crash_line = error.line
        super()._handle_exception(error)

    def _print_error_renderables(self) -> None:
        """The crash line goes out whole: Textual crops its messages to the terminal's
        width, which would cut the report's path in half."""
        if self._crash_line is None:
            super()._print_error_renderables()
            return
        self._exit_renderables.clear()
        print(visible(self._crash_line), file=sys.stderr, flush=True)

    # --- saving -------------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.Paste) and not event.is_forwarded:
            self.collector.input_seen()
            if not self.key_order.hold(event):
                await self._hand_out(event)
            return
        if isinstance(event, events.MouseEvent):
            self.collector.input_seen()
        await super().on_event(event)

    async def _hand_out(self, event: TypedEvent) -> None:
        """Priority bindings, then the focused widget; the next key waits (key_order)."""
        try:
            await super().on_event(event)
        finally:
            self.key_order.follow()  # even after a failed action: never a shut gate

    async def _hand_out_held(self, event: TypedEvent) -> None:
        if not self.key_order.hold(event):
            await self._hand_out(event)

    def on_key_settled(self, message: KeySettled) -> None:
        self.key_order.settled_marker(message)

    async def on_next_key(self, message: NextKey) -> None:
        await self.key_order.release(message, self._hand_out_held)

    def save_all(self) -> bool:
        """Flush every widget and screen that keeps typing (``KeepsTyping``: the editors,
        a call's note lines, the outcome's texts); False if some text could not be
        written (the disk is full)."""
        from .widgets.autosave import KeepsTyping

        saved = True
        for screen in self.screen_stack:
            for node in (*screen.walk_children(), screen):
                if isinstance(node, KeepsTyping):
                    node.save_now()
                    saved = saved and not node.save_failed
        return saved

    async def action_quit(self) -> None:
        if not self.save_all() and not self._quit_unsaved:
            self._quit_unsaved = True
            self.notify(QUIT_UNSAVED, severity="error", timeout=15)
            return
        self.exit()

    def push_screen(self, screen, callback=None, wait_for_dismiss=False, *, mode=None):
        """Every screen's result callback (a status picked, a deletion confirmed, a plan
        saved) gets the same full-disk answer as key actions."""
        if callback is not None:
            callback = self._storage_guarded(callback)
        mounted_by_push = isinstance(screen, Screen) and not screen.is_attached
        pushed = super().push_screen(screen, callback, wait_for_dismiss, mode=mode)
        if mounted_by_push:
            keep_mount_styles(screen)
        return pushed

    def _storage_guarded(self, callback):
        """*callback* (typed by Textual as taking the screen's result, as every caller
        passes it: the type checker holds them) with the full-disk answer around it."""

        def guarded(result):
            try:
                outcome = callback(result)
            except NotWritten as error:
                self.notify(action_not_saved(error), severity="error", timeout=10)
                return None
            if inspect.isawaitable(outcome):
                return self._awaited_guarded(outcome)
            return outcome

        return guarded

    async def _awaited_guarded(self, outcome):
        try:
            return await outcome
        except NotWritten as error:
            self.notify(action_not_saved(error), severity="error", timeout=10)
            return None

    async def run_action(self, action, default_namespace=None, namespaces=None) -> bool:
        """Every key action, with one answer for a full disk: the action did not happen,
        the screen says so, and the app goes on (see saving.py)."""
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except NotWritten as error:
            self.notify(action_not_saved(error), severity="error", timeout=10)
            return True

    def action_edit_profile(self) -> None:
        # Use cases and screens are imported when used: not before the first paint.
        from functools import partial

        from ..usecases.profile import load_profile, save_profile
        from .screens.modal import Saving
        from .screens.profile_form import ProfileForm, ProfileSaved

        def saved(profile: Profile | None) -> None:
            if profile is not None:
                self.notify("Profile saved: letters use it, the open one too.")
                for screen in self.screen_stack:
                    screen.post_message(ProfileSaved())

        loaded = load_profile(self.store)
        form = ProfileForm(loaded).saves_with(Saving(partial(save_profile, self.store), loaded))
        self.push_screen(form, saved)

    # --- calls --------------------------------------------------------------------------

    def open_outcome(self, interview_id: int, hit: SearchHit | None = None) -> None:
        """Open the outcome form of *interview_id* (see tui/outcome_opening.py)."""
        from .outcome_opening import open_outcome

        open_outcome(self, interview_id, hit)

    def action_question_bank(self) -> None:
        from .screens.question_bank import QuestionBankScreen

        if not isinstance(self.screen, QuestionBankScreen):
            self.push_screen(QuestionBankScreen(self.store))

    # --- help and palette ---------------------------------------------------------------

    def action_help(self) -> None:
        from .screens.help import HelpScreen, rows_for_bindings

        if isinstance(self.screen, HelpScreen):
            return
        pane_name = "coffeechat"
        node: DOMNode | None = self.screen.focused
        while node is not None:
            if name := getattr(node, "HELP_NAME", ""):
                pane_name = name
                break
            node = node.parent
        else:
            pane_name = getattr(self.screen, "HELP_NAME", pane_name)
        self.push_screen(HelpScreen(pane_name, rows_for_bindings(self.screen.active_bindings)))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in COMMANDS:
            target = screen if hasattr(screen, f"action_{command.action}") else self
            if not hasattr(target, f"action_{command.action}"):
                continue
            # Called directly: a command picked by name runs whatever has focus.
            yield SystemCommand(
                command.title, command.help, getattr(target, f"action_{command.action}")
            )
        for system in super().get_system_commands(screen):
            if system.title not in ("Quit",):
                yield system


def _home_relative(path: str) -> str:
    home = os.path.expanduser("~")
    return "~" + path[len(home) :] if home != "/" and path.startswith(home + os.sep) else path
