"""One idempotency key per user action, kept until that action's outcome is known.

A request whose answer was lost (the link dropped, the server failed midway) may have been
carried out: trying it again must be the same request, so the server replays its first
answer instead of paying or cancelling twice. Once the outcome is known (done, or refused
for a reason), the next attempt is a new action with a new key.

The key belongs to the action's name (what and on what: "pay-bill:B-2026-11"), not to the
dialog that asked: paying the same bill from a new dialog after a lost answer still
reuses it, and so does coming back to this account after opening another one (the
names hold the server's ids, which no two accounts share). GUI thread only.
"""

from __future__ import annotations

from icanal_desktop.core.api.client import new_idempotency_key


class IdempotencyKeys:
    def __init__(self) -> None:
        self._open: dict[str, str] = {}

    def key_for(self, action: str) -> str:
        """The key of this action's next attempt: the same as the last one while that
        one's outcome is unknown."""
        return self._open.setdefault(action, new_idempotency_key())

    def settle(self, action: str, *, uncertain: bool) -> None:
        """The attempt ended: a known outcome frees the key, an unknown one keeps it."""
        if not uncertain:
            self._open.pop(action, None)

    def pending(self, action: str) -> bool:
        """An attempt of this action may have been carried out by the server."""
        return action in self._open
