"""The user's profile: who signs the letters."""

from __future__ import annotations

from dataclasses import asdict, fields

from ..models_activity import Profile
from ..store import Store
from .revisions import save_against

_PREFIX = "profile."
"""The profile lives in settings as ``profile.<field>``."""


def load_profile(store: Store) -> Profile:
    return Profile(**{f.name: store.settings.get(_PREFIX + f.name) for f in fields(Profile)})


def save_profile(store: Store, profile: Profile, base: Profile | None = None) -> Profile:
    """Save the profile as edited from *base* (as the form loaded it): fields another
    window saved meanwhile are kept, or EditConflict raised (see revisions.py)."""

    def write(value: Profile) -> Profile:
        for key, text in asdict(value).items():
            store.settings.set(_PREFIX + key, text.strip())
        return value

    return save_against(store, base, profile, current=lambda: load_profile(store), write=write)
