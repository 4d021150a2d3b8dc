from tests.e2e.tmux import terminal  # noqa: F401  (fixture)
