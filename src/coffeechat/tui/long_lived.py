"""Keep long-lived objects out of the cycle collector's way.

A full collection walks every tracked object. At 30,000 contacts that is the
modules, the screen and the 30,000 list rows: 35 ms on a quiet machine, 60-140 ms
on a busy one, on whichever thread triggered it (the event loop, or a worker
holding the GIL), so the screen froze for that long at unpredictable moments:
during a write, a keystroke or the start-up. ``gc.freeze()`` moves everything
alive at that moment out of the collector's walks; later collections walk only
what was made since. Frozen objects are still freed when their last reference
goes; only a reference cycle among them would never be collected, so freezing is
done at the two moments when what is alive is what the app keeps: once its modules
are imported, and once the whole contact list is loaded.

What is made after that still grows the collector's last generation (each re-read
of the list, each dialog opened and closed), and a full collection over it took
30-60 ms on whatever key set it off. So while the app runs, full collections do not
start by themselves: ``IdleCollector`` runs one when the user has paused, at most
every half minute (and after five minutes without a pause, anyway). The young
generations are still collected as usual.

Before that, from the command's first line to the first frame, no collection runs at
all (``hold_collections``): the imports and the first screen's build only make
objects that stay, and the collections they set off were 15-20 ms of the start-up in a
terminal, freeing about 1,600 objects. Those few stay, frozen with the modules.
"""

from __future__ import annotations

import gc
from time import monotonic

#: A pause this long (seconds since the last key or click) is a moment to collect.
PAUSE = 1.0
#: At most one full collection this often while the user pauses...
EVERY = 30.0
#: ...and one anyway after this long, pauses or not.
AT_LEAST_EVERY = 300.0
#: Gen-1 collections before a full one is due: never, while the app runs.
NEVER = 1_000_000


def hold_collections() -> None:
    """No cycle collections until ``resume_collections`` (the start-up, see above)."""
    gc.disable()


def resume_collections() -> None:
    gc.enable()


def freeze_long_lived() -> None:
    """Exclude every object alive now from later cycle collections."""
    gc.freeze()


class IdleCollector:
    """Full cycle collections at the user's pauses instead of on a key."""

    def __init__(self) -> None:
        self.last_input = monotonic()
        self.last_full = monotonic()
        self._thresholds: tuple[int, int, int] | None = None

    def start(self) -> None:
        young, middle, self_full = gc.get_threshold()
        self._thresholds = (young, middle, self_full)
        gc.set_threshold(young, middle, NEVER)

    def stop(self) -> None:
        """Back to the interpreter's own rule (tests run many apps in one process)."""
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            self._thresholds = None

    def input_seen(self) -> None:
        self.last_input = monotonic()

    def tick(self) -> bool:
        """Collect if it is time; True if it did."""
        now = monotonic()
        since_full = now - self.last_full
        paused = now - self.last_input >= PAUSE
        if (paused and since_full >= EVERY) or since_full >= AT_LEAST_EVERY:
            gc.collect()
            self.last_full = monotonic()
            return True
        return False
