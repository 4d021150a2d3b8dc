"""The floor for a Textual app's start-up: Header, one Label, Footer."""

from textual.app import App
from textual.widgets import Footer, Header, Label


class Bare(App):
    def compose(self):
        yield Header()
        yield Label("READY-BARE")
        yield Footer()


if __name__ == "__main__":
    Bare().run()
