"""Cursor pagination: `?limit=&cursor=` → `{"items": [...], "next_cursor": ...}`."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Query

from icanal_sandbox.problems import field_error

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
# Above this a limit is not a request for "a lot" but a bug or an attack: 422, not a clamp.
ABSURD_LIMIT = 100_000


@dataclass(frozen=True)
class PageRequest:
    limit: int
    after: tuple[Any, str] | None  # (sort key, id) of the last item already seen


def encode_cursor(sort_key: Any, item_id: str) -> str:
    raw = json.dumps([sort_key, item_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[Any, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise field_error("cursor", "Invalid cursor.") from exc
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not isinstance(value[1], str)
        or not isinstance(value[0], str | int)
    ):
        raise field_error("cursor", "Invalid cursor.")
    return value[0], value[1]


def page_request(
    limit: Annotated[
        int | None,
        Query(description=f"Items per page, default {DEFAULT_LIMIT}, clamped to {MAX_LIMIT}."),
    ] = None,
    cursor: Annotated[
        str | None, Query(max_length=512, description="`next_cursor` of the previous page.")
    ] = None,
) -> PageRequest:
    if limit is None:
        size = DEFAULT_LIMIT
    elif limit < 1 or limit > ABSURD_LIMIT:
        raise field_error("limit", f"limit must be between 1 and {MAX_LIMIT}.")
    else:
        size = min(limit, MAX_LIMIT)
    return PageRequest(limit=size, after=_decode_cursor(cursor) if cursor else None)


PageDep = Annotated[PageRequest, Depends(page_request)]


def keyset_clause(
    page: PageRequest, key_column: str, id_column: str, *, ascending: bool = False
) -> tuple[str, list[Any]]:
    """SQL fragment and parameters for "after the cursor" in a (key, id) order,
    descending unless `ascending`."""
    if page.after is None:
        return "1 = 1", []
    key, item_id = page.after
    op = ">" if ascending else "<"
    return (
        f"({key_column} {op} ? OR ({key_column} = ? AND {id_column} {op} ?))",
        [key, key, item_id],
    )


def next_cursor(rows: list[Any], page: PageRequest, key: str, id_key: str = "id") -> str | None:
    """Rows were fetched with LIMIT page.limit + 1: the extra row says there is more."""
    if len(rows) <= page.limit:
        return None
    last = rows[page.limit - 1]
    return encode_cursor(last[key], str(last[id_key]))


def as_named(clause: str, params: list[Any], prefix: str = "after") -> tuple[str, dict[str, Any]]:
    """The same clause with named placeholders, for queries that use `:name` parameters."""
    named: dict[str, Any] = {}
    for index, value in enumerate(params):
        clause = clause.replace("?", f":{prefix}{index}", 1)
        named[f"{prefix}{index}"] = value
    return clause, named
