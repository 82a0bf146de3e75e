"""Request dependencies: the bearer-token check that every account route starts with."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from icanal_sandbox.clock import iso_z
from icanal_sandbox.problems import ProblemError
from icanal_sandbox.security import token_hash
from icanal_sandbox.state import Sandbox, sandbox_of


@dataclass(frozen=True)
class Caller:
    account_id: str
    family_id: str


def _unauthorized(detail: str) -> ProblemError:
    return ProblemError(
        401,
        "unauthorized",
        detail,
        headers={"WWW-Authenticate": 'Bearer realm="icanal"'},
    )


bearer_scheme = HTTPBearer(
    auto_error=False,
    description="`Authorization: Bearer <access token>` from POST /auth/login (15 minutes).",
)


def current_caller(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
) -> Caller:
    sandbox = sandbox_of(request)
    token = credentials.credentials if credentials is not None else ""
    if not token.strip():
        raise _unauthorized("A bearer access token is required.")
    now = iso_z(sandbox.clock.now())
    with sandbox.db.transaction() as conn:
        row = conn.execute(
            "SELECT t.account_id, t.family_id FROM access_tokens t"
            " JOIN token_families f ON f.id = t.family_id"
            " WHERE t.token_hash = ? AND t.expires_at > ? AND f.revoked_at IS NULL",
            (token_hash(token.strip()), now),
        ).fetchone()
    if row is None:
        raise _unauthorized("The access token is invalid or expired.")
    wait = sandbox.account_limiter.hit(str(row["account_id"]))
    if wait:
        raise ProblemError(
            429,
            "rate-limited",
            "Too many requests for this account; try again later.",
            headers={"Retry-After": str(wait)},
        )
    return Caller(account_id=str(row["account_id"]), family_id=str(row["family_id"]))


CallerDep = Annotated[Caller, Depends(current_caller)]


def get_sandbox(request: Request) -> Sandbox:
    return sandbox_of(request)


SandboxDep = Annotated[Sandbox, Depends(get_sandbox)]
