"""Changes (POST/PATCH/DELETE with a JSON body) and their idempotency keys: one key per
user action, sent again with every retry of that action, so the server replays a request
whose answer was lost instead of acting twice. Without a key a change is sent once."""

from __future__ import annotations

import uuid
from typing import Any

from icanal_desktop.core.api.retry import IDEMPOTENCY_HEADER
from icanal_desktop.core.api.sending import Sender


def new_idempotency_key() -> str:
    """One key per user action; every retry of that action sends the same key."""
    return str(uuid.uuid4())


class Writes(Sender):
    """The changes of `ApiClient`."""

    def send_json(
        self,
        method: str,
        path: str,
        resource: str,
        body: object = None,
        *,
        idempotency_key: str | None = None,
    ) -> Any:
        """A change; returns the decoded JSON answer (None for 204).

        With an `idempotency_key` the request may be retried (same key every time); without
        one, a POST/PATCH/DELETE is sent once, whatever happens.
        """
        headers = {IDEMPOTENCY_HEADER: idempotency_key} if idempotency_key else {}
        return self._call(method, path, resource, json_body=body, headers=headers)
