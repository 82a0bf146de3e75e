"""Idempotency keys for every request that moves money or changes a contract, a payment
method or a ticket.

A key is scoped to the account and kept 48 h. The first request claims it (state
`running`) in its own transaction, so a concurrent retry sees it and gets a 409. The work
and the stored answer are committed together: a retry after a lost response replays the
answer, never the work. A refusal (4xx problem) is stored and replayed too; an unexpected
crash releases the key so the client can try again.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.responses import Response
from pydantic import BaseModel

from icanal_sandbox.clock import iso_z
from icanal_sandbox.config import IDEMPOTENCY_TTL_S
from icanal_sandbox.deps import Caller
from icanal_sandbox.problems import PROBLEM_MEDIA_TYPE, ProblemError, problem_body
from icanal_sandbox.state import Sandbox

Work = Callable[[sqlite3.Connection], tuple[int, BaseModel | None]]


class IdempotencyKey(str):
    """The validated `Idempotency-Key` header of a request, with the request's fingerprint."""

    fingerprint: str


def idempotency_key(
    request: Request,
    idempotency_key: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key",
            description="Required (400 without it): a unique key per intended operation.",
        ),
    ] = None,
) -> IdempotencyKey:
    if idempotency_key is None or not idempotency_key.strip():
        raise ProblemError(
            400,
            "idempotency-key-required",
            "This request needs an Idempotency-Key header.",
        )
    text = idempotency_key.strip()
    if len(text) > 255 or not text.isascii() or not text.isprintable():
        raise ProblemError(
            400, "invalid-idempotency-key", "The Idempotency-Key is 1 to 255 printable characters."
        )
    key = IdempotencyKey(text)
    key.fingerprint = f"{request.method} {request.url.path}"
    return key


IdempotencyKeyDep = Annotated[IdempotencyKey, Depends(idempotency_key)]


def fingerprint(key: IdempotencyKey, body: BaseModel | None) -> str:
    payload = body.model_dump(mode="json", exclude_unset=True) if body is not None else None
    canonical = json.dumps([key.fingerprint, payload], sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _replay(row: sqlite3.Row) -> Response:
    return Response(
        content=bytes(row["body"] or b""),
        status_code=int(row["status_code"]),
        media_type=row["content_type"],
        headers={"Idempotent-Replayed": "true"},
    )


def run_idempotent(
    sandbox: Sandbox,
    caller: Caller,
    key: IdempotencyKey,
    body: BaseModel | None,
    work: Work,
) -> Response:
    request_hash = fingerprint(key, body)
    now = sandbox.clock.now()
    with sandbox.db.transaction() as conn:
        conn.execute(
            "DELETE FROM idempotency_keys WHERE created_at < ?",
            (iso_z(now - timedelta(seconds=IDEMPOTENCY_TTL_S)),),
        )
        row = conn.execute(
            "SELECT * FROM idempotency_keys WHERE account_id = ? AND key = ?",
            (caller.account_id, str(key)),
        ).fetchone()
        if row is None:
            conn.execute(
                "INSERT INTO idempotency_keys (account_id, key, request_hash, state, created_at)"
                " VALUES (?, ?, ?, 'running', ?)",
                (caller.account_id, str(key), request_hash, iso_z(now)),
            )
    if row is not None:
        if row["request_hash"] != request_hash:
            raise ProblemError(
                422,
                "idempotency-key-mismatch",
                "This Idempotency-Key was already used with a different request.",
            )
        if row["state"] == "running":
            raise ProblemError(
                409,
                "idempotency-key-in-use",
                "A request with this Idempotency-Key is still being processed.",
                headers={"Retry-After": "1"},
            )
        return _replay(row)
    hold = sandbox.settings.faults.hold_idempotent_ms
    if hold:
        time.sleep(hold / 1000)
    try:
        return _execute(sandbox, caller, key, work)
    except BaseException:
        with sandbox.db.transaction() as conn:
            conn.execute(
                "DELETE FROM idempotency_keys WHERE account_id = ? AND key = ?",
                (caller.account_id, str(key)),
            )
        raise


def _execute(sandbox: Sandbox, caller: Caller, key: IdempotencyKey, work: Work) -> Response:
    with sandbox.db.transaction() as conn:
        conn.execute("SAVEPOINT work")
        try:
            status, payload = work(conn)
        except ProblemError as refusal:
            conn.execute("ROLLBACK TO work")
            status = refusal.status
            content = problem_body(
                refusal.status,
                refusal.slug,
                refusal.detail,
                title=refusal.title,
                errors=refusal.errors,
                extra=refusal.extra,
            )
            media_type = PROBLEM_MEDIA_TYPE
        else:
            content = payload.model_dump_json().encode() if payload is not None else b""
            media_type = "application/json"
        conn.execute("RELEASE work")
        conn.execute(
            "UPDATE idempotency_keys SET state = 'done', status_code = ?, body = ?,"
            " content_type = ? WHERE account_id = ? AND key = ?",
            (status, content, media_type, caller.account_id, str(key)),
        )
    return Response(content=content, status_code=status, media_type=media_type)
