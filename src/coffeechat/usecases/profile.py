"""The user's profile: who signs the letters."""

from __future__ import annotations

from dataclasses import asdict, fields

from ..models import Profile
from ..store import Store

_PREFIX = "profile."
"""The profile lives in settings as ``profile.<field>``."""


def load_profile(store: Store) -> Profile:
    return Profile(**{f.name: store.settings.get(_PREFIX + f.name) for f in fields(Profile)})


def save_profile(store: Store, profile: Profile) -> None:
    with store.database.transaction():
        for key, value in asdict(profile).items():
            store.settings.set(_PREFIX + key, value.strip())
