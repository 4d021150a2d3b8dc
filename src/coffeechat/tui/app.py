"""The Textual application: wires the store into the screens. Kept slim on purpose."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.screen import Screen
from textual.theme import Theme

from .. import preferences
from ..domain.clock import Clock
from ..models import Outcome
from ..store import Store
from .commands import COMMANDS, bindings
from .keymap import load_keymap
from .screens.main import MainScreen
from .themes import DEFAULT_THEME, load_themes, shipped_themes_dir, user_themes_dir


class CoffeechatApp(App[None]):
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
        self.clock = clock or Clock()
        self._fixed_theme = theme
        self.db_label = _home_relative(str(store.path))
        """Shown in the header so the user always knows which file they are in."""
        self.show_welcome = welcome
        """Whether an empty database opens on the welcome (tests of other things skip it)."""
        # Themes are chosen before the first stylesheet parse: switching theme after
        # mount would parse every style a second time on the way to the first paint.
        self._theme_problems = self._setup_themes()

    def on_mount(self) -> None:
        self.sub_title = self.db_label
        if self._fixed_theme is None:
            self.theme_changed_signal.subscribe(self, self._remember_theme)
        problems = self._theme_problems + self._setup_keymap()
        if problems:
            self.notify(
                "\n".join(problems), title="Skipped", severity="warning", timeout=10, markup=False
            )
        self.push_screen(MainScreen(self.store))

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

    # --- saving -------------------------------------------------------------------------

    key_time = 0.0
    """When the key being handled was typed: a focusing key's time tells the input it
    leaves which keys behind it were typed for the new focus (see widgets/in_order)."""

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self.key_time = event.time
        await super().on_event(event)

    def save_all(self) -> None:
        """Flush every widget that buffers typing (they carry the ``autosave`` class)."""
        for screen in self.screen_stack:
            for widget in screen.query(".autosave"):
                widget.save_now()  # type: ignore[attr-defined]

    async def action_quit(self) -> None:
        from .widgets.in_order import after_typed_keys

        if after_typed_keys(self.screen, self.action_quit):
            return  # ctrl+q is read ahead: the keys typed before it land first
        self.save_all()
        self.exit()

    def action_edit_profile(self) -> None:
        from .screens.profile_form import ProfileForm

        keys = ("name", "background", "email", "phone")
        current = {key: self.store.settings.get(f"profile.{key}") for key in keys}

        def saved(profile: dict[str, str] | None) -> None:
            if profile is not None:
                for key, value in profile.items():
                    self.store.settings.set(f"profile.{key}", value)
                self.notify("Profile saved: new drafts use it.")

        self.push_screen(ProfileForm(current), saved)

    # --- calls --------------------------------------------------------------------------

    def open_outcome(self, interview_id: int) -> None:
        """Open the outcome form of *interview_id* (after ``ctrl+e``, or for a past call);
        saving records outcome, referrals and agenda items in one transaction."""
        from .screens.outcome_form import OutcomeForm
        from .widgets.call_notes import render_call_record

        interview = self.store.interviews.get(interview_id)
        if interview is None:
            return
        contact = self.store.contacts.get(interview.contact_id)
        existing = self.store.outcomes.for_interview(interview_id)
        when = (interview.ended_at or interview.started_at or interview.scheduled_at)[:16]
        form = OutcomeForm(
            interview_id,
            contact_name=contact.name if contact else "",
            when=when.replace("T", " "),
            outcome=existing,
            organizations=self.store.organizations.names(),
            call_record=render_call_record(self.store, interview_id),
        )

        def saved(outcome: Outcome | None) -> None:
            if outcome is None:
                return
            result = self.store.outcomes.save(outcome, today=self.clock.today())
            parts = ["Outcome saved; thank-you note on the agenda"]
            if result.created:
                parts.append(f"{len(result.created)} new contact(s)")
            if result.linked:
                parts.append(f"{len(result.linked)} linked to existing contact(s)")
            self.notify(", ".join(parts) + ".", markup=False)
            for screen in self.screen_stack:
                if isinstance(screen, MainScreen):
                    screen.reload(keep_id=interview.contact_id)

        self.push_screen(form, saved)

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
        node = self.screen.focused
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
            # Called directly: a screen's check_action switches letter keys off while
            # typing (see widgets/in_order), never a command picked by name.
            yield SystemCommand(
                command.title, command.help, getattr(target, f"action_{command.action}")
            )
        for system in super().get_system_commands(screen):
            if system.title not in ("Quit",):
                yield system


def _home_relative(path: str) -> str:
    home = os.path.expanduser("~")
    return "~" + path[len(home) :] if home != "/" and path.startswith(home + os.sep) else path
