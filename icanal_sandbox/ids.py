"""Opaque identifiers: a short prefix that says what the thing is, then random hex."""

from __future__ import annotations

import random
import secrets


def new_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(8)}"


def seeded_id(prefix: str, rng: random.Random) -> str:
    """Stable ids for seed data, so a fresh demo database keeps the same account ids."""
    return f"{prefix}_{rng.getrandbits(64):016x}"
