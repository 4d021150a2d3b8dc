"""What the user does, one function per action, between the screens (and the CLI) and
the store.

Each function owns its transaction, applies the domain's rules (the pipeline above all)
and returns what happened, so a screen calls one function and shows the result. Nothing
here imports textual.
"""
