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
"""

from __future__ import annotations

import gc


def freeze_long_lived() -> None:
    """Exclude every object alive now from later cycle collections."""
    gc.freeze()
