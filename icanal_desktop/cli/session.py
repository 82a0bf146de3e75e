"""Sign-in and session handling: which known account a command means, opening its local
copy, asking for the password, a client signed in with the remembered session (a refresh
token in the keyring, forgotten when the server says it is over), and keeping each rotated
refresh token at once."""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from dataclasses import replace

from icanal_desktop.cli.context import Context
from icanal_desktop.cli.exits import EXIT_AUTH, EXIT_USAGE, CliError
from icanal_desktop.core.accounts import KnownAccount
from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.cache.paths import account_dir
from icanal_desktop.core.domain import records
from icanal_desktop.core.errors import SessionExpiredError


def known_account(ctx: Context) -> KnownAccount:
    wanted = ctx.option("account")
    candidates = [a for a in ctx.registry.all() if a.server_url == ctx.server_url]
    if wanted:
        lowered = wanted.strip().lower()
        candidates = [a for a in candidates if lowered in (a.login.lower(), a.account_id.lower())]
    if not candidates:
        who = f" {wanted}" if wanted else ""
        raise CliError(
            f"no account{who} known for {ctx.server_url} on this computer: "
            "run `icanal login` first",
            EXIT_AUTH,
        )
    return candidates[0]


def open_cache(ctx: Context, known: KnownAccount) -> AccountCache:
    cache = AccountCache(account_dir(ctx.data_dir, known.server_url, known.account_id))
    if cache.open_notice is not None and cache.open_notice.kind != "migrated":
        ctx.warn(cache.open_notice.message)
    return cache


def restore_client(ctx: Context, known: KnownAccount) -> ApiClient:
    """A client signed in with the remembered session; raises CliError(EXIT_AUTH) if none."""
    token = ctx.credentials.load_refresh_token(known.key) if known.remembered else None
    if token is None:
        raise CliError(
            "not signed in (no remembered session): run `icanal login --remember`", EXIT_AUTH
        )
    client = ctx.client()
    client.on_tokens_rotated = token_saver(ctx, known.key)
    try:
        client.restore(token)
    except SessionExpiredError:
        ctx.credentials.forget(known.key)
        ctx.registry.update(replace(known, remembered=False))
        client.close()
        raise CliError("the session has expired: run `icanal login` again", EXIT_AUTH) from None
    except BaseException:
        client.close()
        raise
    return client


def token_saver(ctx: Context, key: str) -> Callable[[records.Tokens], None]:
    def save(tokens: records.Tokens) -> None:
        # The old refresh token died with this rotation: keep the new one at once.
        if not ctx.credentials.save_refresh_token(key, tokens.refresh_token):
            ctx.warn("could not keep the session in the keyring")

    return save


def read_password(ctx: Context) -> str:
    if ctx.option("password_stdin"):
        line = sys.stdin.readline()
        password = line[:-1] if line.endswith("\n") else line
        if password.endswith("\r"):
            password = password[:-1]
    elif sys.stdin.isatty():
        password = getpass.getpass("Password: ")
    else:
        raise CliError("no terminal to ask for the password: use --password-stdin", EXIT_USAGE)
    if not password:
        raise CliError("empty password", EXIT_USAGE)
    return password
