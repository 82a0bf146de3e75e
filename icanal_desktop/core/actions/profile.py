"""Profile actions: updating the profile (only the fields that change) and changing the
password."""

from __future__ import annotations

from typing import Any

from icanal_desktop.core.actions.outcome import Outcome, resync
from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.domain import records


def update_profile(
    client: ApiClient, cache: AccountCache, changes: dict[str, Any]
) -> Outcome[records.Profile]:
    """PATCH /me with only the fields that change (an email change needs
    `current_password` in `changes`)."""
    data = client.send_json("PATCH", "/me", "profile", changes)
    profile = records.parse_profile(data)
    return Outcome(profile, resync(client, cache, ["profile"]))


def change_password(client: ApiClient, current_password: str, new_password: str) -> None:
    client.change_password(current_password, new_password)
