"""A bare Textual app that opens a small dialog on `n` and a full screen on `c`: the
floor for how fast a key can put a new screen up in this terminal."""

from bare_app import Bare as BareStart  # beside this file: run as a script
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Header, Input, Label


class Dialog(ModalScreen):
    BINDINGS = [("escape", "app.pop_screen", "Close")]

    def compose(self):
        yield Label("OPENED-DIALOG")
        yield Input(placeholder="Name")


class Full(Screen):
    BINDINGS = [("escape", "app.pop_screen", "Close")]

    def compose(self):
        yield Header()
        yield Label("OPENED-SCREEN")
        yield Footer()


class Bare(BareStart):
    """The bare start-up app, with a dialog and a screen to push."""

    BINDINGS = [("n", "push_screen('dialog')", "Dialog"), ("c", "push_screen('full')", "Screen")]
    SCREENS = {"dialog": Dialog, "full": Full}


if __name__ == "__main__":
    Bare().run()
