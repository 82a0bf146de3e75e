"""The changes feed: what changed since the state we hold, in one request.

`GET /changes` without a state gives the server's current one; with `since=<state>` it
answers the new state and, per type, the records created or updated since and the ids
removed (the account's own resources inline; for the shared catalogs, only their names:
they are walked again, with their ETags). A state the server can no longer compute from
answers 410 and the client syncs in full. The ideas are JMAP's (RFC 8620 `/changes`,
`cannotCalculateChanges`) and CalDAV's sync-collection (RFC 6578).

Each type is applied in one transaction, together with the state when it is the last one,
so a crash leaves either the old copy and the old state or the new ones: at worst the same
changes are asked again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from icanal_desktop.core.domain import records
from icanal_desktop.core.errors import MalformedResponseError
from icanal_desktop.core.sync import alerts
from icanal_desktop.core.sync.common import Context
from icanal_desktop.core.sync.walk import LISTS, list_entry

log = logging.getLogger(__name__)

FEED_PATH = "/changes"
MAX_ROUNDS = 50  # "more" answers in a row: a server that never ends is a broken one
# The account's own types, in the order they are applied (the dashboard's first).
ACCOUNT_TYPES = ("profile", "subscriptions", "bills", "payment_methods", "payments", "tickets")
CATALOG_TYPES = frozenset({"plans", "channels", "faq", "contact"})
# How the server sorts each list (newest first): records from the feed are put in place.
ORDER_KEYS: dict[str, str] = {
    "subscriptions": "start_date",
    "bills": "issue_date",
    "payments": "created_at",
    "payment_methods": "created_at",
    "tickets": "updated_at",
}


@dataclass
class Changes:
    state: str
    more: bool
    by_type: dict[str, Any]  # type -> its entry (profile: the record; lists: updated/removed)
    catalog: list[str]

    @property
    def empty(self) -> bool:
        return not self.by_type and not self.catalog


def current_state(ctx: Context) -> str:
    """The server's state now (asked before a full download: what changes meanwhile is
    then reported by the next request, and applied twice at worst)."""
    return parse_changes(ctx.client.get_json("changes", FEED_PATH).data).state


def changes_since(ctx: Context, state: str) -> Changes:
    return parse_changes(ctx.client.get_json("changes", FEED_PATH, params={"since": state}).data)


def parse_changes(data: Any) -> Changes:
    if not isinstance(data, dict):
        raise MalformedResponseError("changes", "not an object")
    state, more = data.get("state"), data.get("more", False)
    if not isinstance(state, str) or not state or not isinstance(more, bool):
        raise MalformedResponseError("changes", "missing field 'state'")
    by_type = {name: data[name] for name in ACCOUNT_TYPES if data.get(name) is not None}
    for name, entry in by_type.items():
        if name == "profile":
            records.parse_profile(entry)
            continue
        if not isinstance(entry, dict):
            raise MalformedResponseError("changes", f"'{name}' is not an object")
        updated, removed = entry.get("updated", []), entry.get("removed", [])
        if not isinstance(updated, list) or not isinstance(removed, list):
            raise MalformedResponseError("changes", f"'{name}' has no updated/removed lists")
        if not all(isinstance(i, str) for i in removed):
            raise MalformedResponseError("changes", f"'{name}' removes a non-id")
    names = data.get("catalog", [])
    if not isinstance(names, list):
        raise MalformedResponseError("changes", "'catalog' is not a list")
    known = [n for n in names if n in CATALOG_TYPES]  # a type we do not know: not ours
    return Changes(state, more, by_type, known)


def apply_changes(ctx: Context, changes: Changes, save_state: bool) -> list[str]:
    """Writes every type the feed changed; with `save_state` the new state goes with the
    last write (or alone). Returns the names of the account types that changed."""
    names = list(changes.by_type)
    for index, name in enumerate(names):
        ctx.check_cancelled()
        state = changes.state if index == len(names) - 1 and save_state else None
        _apply_type(ctx, name, changes.by_type[name], state)
    if not names and save_state:
        ctx.cache.save_changes_state(changes.state)
    return names


def _apply_type(ctx: Context, name: str, entry: Any, state: str | None) -> None:
    cache = ctx.cache
    if name == "profile":
        with cache.transaction() as conn:
            cache.write_document(conn, "profile", entry, None)
            if state is not None:
                cache.save_changes_state(state, conn)
        return
    spec = LISTS[name]
    old = cache.item_payloads(name)
    merged = dict(old)
    details: list[tuple[str, str, Any, str]] = []
    removed = [i for i in entry.get("removed", []) if isinstance(i, str)]
    for item_id in removed:
        merged.pop(item_id, None)
    for payload in entry.get("updated", []):
        item_id, listed = list_entry(spec, payload, details)
        merged[item_id] = listed
    key = ORDER_KEYS[name]
    items = sorted(merged.items(), key=lambda kv: (str(kv[1].get(key, "")), kv[0]), reverse=True)
    found = alerts.change_alerts(ctx, name, old, dict(items)) if name in alerts.WATCHED else []
    cache.replace_list(name, items, [], alerts=found, details=details, removed=removed, state=state)
    if name in ("payment_methods", "bills", "subscriptions"):
        cache.add_alerts(alerts.state_alerts(ctx, name))
