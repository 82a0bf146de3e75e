"""Sign-in, token refresh with rotation and reuse detection, logout, password reset/change."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from icanal_sandbox import config
from icanal_sandbox.clock import iso_z, parse_iso_z
from icanal_sandbox.deps import CallerDep, SandboxDep
from icanal_sandbox.ids import new_id
from icanal_sandbox.outbox import send_email
from icanal_sandbox.problems import ProblemError, field_error
from icanal_sandbox.schemas import PROBLEM_RESPONSES, RequestBody
from icanal_sandbox.security import (
    burn_password_check,
    hash_password,
    new_reset_code,
    new_token,
    token_hash,
    verify_password,
)
from icanal_sandbox.state import Sandbox

router = APIRouter(prefix="/auth", tags=["auth"], responses=PROBLEM_RESPONSES)

Password = Annotated[str, Field(min_length=1, max_length=256)]


class LoginIn(RequestBody):
    login: Annotated[str, Field(min_length=1, max_length=254)]
    password: Password


class RefreshIn(RequestBody):
    refresh_token: Annotated[str, Field(min_length=1, max_length=256)]


class ResetIn(RequestBody):
    email: Annotated[str, Field(min_length=3, max_length=254)]


class ResetConfirmIn(RequestBody):
    email: Annotated[str, Field(min_length=3, max_length=254)]
    code: Annotated[str, Field(min_length=1, max_length=32)]
    new_password: Password


class PasswordChangeIn(RequestBody):
    current_password: Password
    new_password: Password


class TokenPair(BaseModel):
    access_token: str
    token_type: str = Field(description='Always "Bearer".')
    expires_in: int = Field(description="Seconds the access token stays valid.")
    refresh_token: str
    refresh_expires_in: int = Field(description="Seconds the refresh token stays valid.")
    account_id: str


def check_new_password(password: str, field: str = "new_password") -> None:
    if len(password) < 10:
        raise field_error(field, "At least 10 characters.")
    if not any(c.isalpha() for c in password) or not any(c.isdigit() for c in password):
        raise field_error(field, "Use letters and at least one digit.")


def _invalid_credentials() -> ProblemError:
    # One body for an unknown login and for a wrong password: no account enumeration.
    return ProblemError(
        401, "invalid-credentials", "The login or the password is incorrect.", title="Unauthorized"
    )


def _lockout_wait(conn: sqlite3.Connection, subject: str, now: datetime) -> int:
    since = iso_z(now - timedelta(seconds=config.LOCKOUT_WINDOW_S))
    rows = conn.execute(
        "SELECT at FROM login_failures WHERE subject = ? AND at > ? ORDER BY at",
        (subject, since),
    ).fetchall()
    if len(rows) < config.LOCKOUT_FAILURES:
        return 0
    unlock = parse_iso_z(rows[-config.LOCKOUT_FAILURES]["at"]) + timedelta(
        seconds=config.LOCKOUT_WINDOW_S
    )
    return max(1, int((unlock - now).total_seconds()) + 1)


def _locked(wait: int) -> ProblemError:
    return ProblemError(
        429,
        "account-locked",
        "Too many failed attempts: sign-in is locked for a while.",
        headers={"Retry-After": str(wait)},
        extra={"retry_after": wait},
    )


def issue_tokens(
    conn: sqlite3.Connection, sandbox: Sandbox, account_id: str, family_id: str | None = None
) -> TokenPair:
    now = sandbox.clock.now()
    if family_id is None:
        family_id = new_id("fam")
        conn.execute(
            "INSERT INTO token_families (id, account_id, created_at) VALUES (?, ?, ?)",
            (family_id, account_id, iso_z(now)),
        )
    access, refresh = new_token("at"), new_token("rt")
    conn.execute(
        "INSERT INTO access_tokens (token_hash, family_id, account_id, expires_at)"
        " VALUES (?, ?, ?, ?)",
        (
            token_hash(access),
            family_id,
            account_id,
            iso_z(now + timedelta(seconds=config.ACCESS_TOKEN_TTL_S)),
        ),
    )
    conn.execute(
        "INSERT INTO refresh_tokens (token_hash, family_id, created_at, expires_at)"
        " VALUES (?, ?, ?, ?)",
        (
            token_hash(refresh),
            family_id,
            iso_z(now),
            iso_z(now + timedelta(seconds=config.REFRESH_TOKEN_TTL_S)),
        ),
    )
    return TokenPair(
        access_token=access,
        token_type="Bearer",  # noqa: S106 - the scheme's name, not a secret
        expires_in=config.ACCESS_TOKEN_TTL_S,
        refresh_token=refresh,
        refresh_expires_in=config.REFRESH_TOKEN_TTL_S,
        account_id=account_id,
    )


def revoke_families(
    conn: sqlite3.Connection,
    now: datetime,
    reason: str,
    *,
    account_id: str | None = None,
    family_id: str | None = None,
    except_family: str | None = None,
) -> None:
    clauses, params = ["revoked_at IS NULL"], [iso_z(now), reason]
    if account_id is not None:
        clauses.append("account_id = ?")
        params.append(account_id)
    if family_id is not None:
        clauses.append("id = ?")
        params.append(family_id)
    if except_family is not None:
        clauses.append("id != ?")
        params.append(except_family)
    conn.execute(
        "UPDATE token_families SET revoked_at = ?, revoked_reason = ? WHERE "  # noqa: S608
        + " AND ".join(clauses),  # fixed clauses above; values are bound parameters
        params,
    )


def find_account_by_login(conn: sqlite3.Connection, login: str) -> sqlite3.Row | None:
    login = login.strip()
    if "@" in login:
        row = conn.execute(
            "SELECT id, password_hash FROM accounts WHERE email = ?", (login.lower(),)
        ).fetchone()
    else:
        row = conn.execute(
            "SELECT id, password_hash FROM accounts WHERE subscriber_number = ?", (login,)
        ).fetchone()
    return row  # type: ignore[no-any-return]


@router.post("/login", response_model=TokenPair, summary="Sign in")
def login(body: LoginIn, sandbox: SandboxDep) -> TokenPair:
    now = sandbox.clock.now()
    with sandbox.db.transaction() as conn:
        account = find_account_by_login(conn, body.login)
        subject = str(account["id"]) if account else f"login:{body.login.strip().lower()}"
        wait = _lockout_wait(conn, subject, now)
    if wait:
        raise _locked(wait)
    # The slow hash runs outside the database lock so other requests are not held up.
    if account is None:
        burn_password_check(body.password)
        ok = False
    else:
        ok = verify_password(body.password, str(account["password_hash"]))
    with sandbox.db.transaction() as conn:
        if not ok:
            conn.execute(
                "INSERT INTO login_failures (subject, at) VALUES (?, ?)", (subject, iso_z(now))
            )
        else:
            assert account is not None
            conn.execute("DELETE FROM login_failures WHERE subject = ?", (subject,))
            return issue_tokens(conn, sandbox, str(account["id"]))
    raise _invalid_credentials()


@router.post("/refresh", response_model=TokenPair, summary="Rotate the refresh token")
def refresh(body: RefreshIn, sandbox: SandboxDep) -> TokenPair:
    now = sandbox.clock.now()
    dead = ProblemError(401, "invalid-refresh-token", "The refresh token is invalid or expired.")
    reused = False
    with sandbox.db.transaction() as conn:
        row = conn.execute(
            "SELECT r.family_id, r.expires_at, r.used_at, f.account_id, f.revoked_at"
            " FROM refresh_tokens r JOIN token_families f ON f.id = r.family_id"
            " WHERE r.token_hash = ?",
            (token_hash(body.refresh_token),),
        ).fetchone()
        if row is None or row["revoked_at"] is not None:
            raise dead
        if row["used_at"] is not None:
            # A rotated-out token came back: someone holds a copy. Kill the whole family.
            revoke_families(conn, now, "refresh_reuse", family_id=str(row["family_id"]))
            reused = True
        elif parse_iso_z(row["expires_at"]) <= now:
            raise dead
        else:
            conn.execute(
                "UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ?",
                (iso_z(now), token_hash(body.refresh_token)),
            )
            return issue_tokens(conn, sandbox, str(row["account_id"]), str(row["family_id"]))
    assert reused  # committed the revocation above; now answer like any dead token
    raise dead


@router.post("/logout", status_code=204, summary="Sign out this session")
def logout(caller: CallerDep, sandbox: SandboxDep) -> Response:
    with sandbox.db.transaction() as conn:
        revoke_families(conn, sandbox.clock.now(), "logout", family_id=caller.family_id)
    return Response(status_code=204)


@router.post("/password-reset", status_code=202, summary="Send a reset code by email")
def password_reset(body: ResetIn, request: Request, sandbox: SandboxDep) -> Response:
    email = body.email.strip().lower()
    address = request.client.host if request.client else "unknown"
    # Limited per email whether or not an account has it (no enumeration), and per address.
    wait = sandbox.reset_limiter.hit(f"email:{email}") or sandbox.reset_address_limiter.hit(address)
    if wait:
        raise ProblemError(
            429,
            "rate-limited",
            "Too many reset requests; try again later.",
            headers={"Retry-After": str(wait)},
        )
    now = sandbox.clock.now()
    with sandbox.db.transaction() as conn:
        row = conn.execute(
            "SELECT id, first_name, language FROM accounts WHERE email = ?", (email,)
        ).fetchone()
        if row is not None:
            code = new_reset_code()
            conn.execute(
                "UPDATE password_resets SET used_at = ? WHERE account_id = ? AND used_at IS NULL",
                (iso_z(now), row["id"]),
            )
            conn.execute(
                "INSERT INTO password_resets (id, account_id, code_hash, created_at, expires_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    new_id("rst"),
                    row["id"],
                    hash_password(code),
                    iso_z(now),
                    iso_z(now + timedelta(seconds=config.RESET_CODE_TTL_S)),
                ),
            )
            send_email(conn, now, email, *_reset_email(str(row["first_name"]), code))
    return Response(status_code=202)


def _reset_email(first_name: str, code: str) -> tuple[str, str]:
    subject = "iCanal : votre code de réinitialisation"
    body = (
        f"Bonjour {first_name},\n\n"
        f"Votre code de réinitialisation du mot de passe est : {code}\n"
        "Il est valable 15 minutes et ne peut servir qu'une fois.\n\n"
        "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.\n\n"
        "L'équipe iCanal"
    )
    return subject, body


@router.post("/password-reset/confirm", status_code=204, summary="Set a new password with a code")
def password_reset_confirm(body: ResetConfirmIn, sandbox: SandboxDep) -> Response:
    check_new_password(body.new_password)
    now = sandbox.clock.now()
    invalid = ProblemError(400, "invalid-reset-code", "The code is invalid or has expired.")
    with sandbox.db.transaction() as conn:
        row = conn.execute(
            "SELECT r.id, r.code_hash, r.account_id FROM password_resets r"
            " JOIN accounts a ON a.id = r.account_id"
            " WHERE a.email = ? AND r.used_at IS NULL AND r.expires_at > ? AND r.attempts < 5"
            " ORDER BY r.created_at DESC LIMIT 1",
            (body.email.strip().lower(), iso_z(now)),
        ).fetchone()
    if row is None:
        burn_password_check(body.code)
        raise invalid
    ok = verify_password(body.code.strip(), str(row["code_hash"]))
    with sandbox.db.transaction() as conn:
        if not ok:
            conn.execute(
                "UPDATE password_resets SET attempts = attempts + 1 WHERE id = ?", (row["id"],)
            )
        else:
            claimed = conn.execute(
                "UPDATE password_resets SET used_at = ? WHERE id = ? AND used_at IS NULL",
                (iso_z(now), row["id"]),
            ).rowcount
            if claimed:
                conn.execute(
                    "UPDATE accounts SET password_hash = ? WHERE id = ?",
                    (hash_password(body.new_password), row["account_id"]),
                )
                revoke_families(conn, now, "password_reset", account_id=str(row["account_id"]))
                conn.execute("DELETE FROM login_failures WHERE subject = ?", (row["account_id"],))
                return Response(status_code=204)
    raise invalid


@router.post("/password", status_code=204, summary="Change the password")
def change_password(body: PasswordChangeIn, caller: CallerDep, sandbox: SandboxDep) -> Response:
    check_new_password(body.new_password)
    now = sandbox.clock.now()
    with sandbox.db.transaction() as conn:
        wait = _lockout_wait(conn, caller.account_id, now)
        stored = conn.execute(
            "SELECT password_hash FROM accounts WHERE id = ?", (caller.account_id,)
        ).fetchone()["password_hash"]
    if wait:
        raise _locked(wait)
    if not verify_password(body.current_password, str(stored)):
        with sandbox.db.transaction() as conn:
            conn.execute(
                "INSERT INTO login_failures (subject, at) VALUES (?, ?)",
                (caller.account_id, iso_z(now)),
            )
        raise field_error("current_password", "The current password is incorrect.")
    new_hash = hash_password(body.new_password)
    with sandbox.db.transaction() as conn:
        conn.execute(
            "UPDATE accounts SET password_hash = ? WHERE id = ?", (new_hash, caller.account_id)
        )
        # Other sessions end; the one that changed the password keeps going.
        revoke_families(
            conn,
            now,
            "password_change",
            account_id=caller.account_id,
            except_family=caller.family_id,
        )
    return Response(status_code=204)
