"""`icanal login`: signs in (the password asked without echo or read from standard input),
remembers the session in the keyring with `--remember`, records the account, and syncs."""

from __future__ import annotations

import sys
from dataclasses import replace

from icanal_desktop.cli.context import Context
from icanal_desktop.cli.exits import EXIT_USAGE, CliError
from icanal_desktop.cli.refreshing import freshness, sync_with_progress
from icanal_desktop.cli.session import open_cache, read_password, token_saver
from icanal_desktop.core.accounts import KnownAccount


def cmd_login(ctx: Context) -> int:
    login = ctx.option("login") or ctx.option("account")
    if not login:
        if not sys.stdin.isatty():
            raise CliError("give the login: icanal login EMAIL", EXIT_USAGE)
        login = input("Email or subscriber number: ").strip()
    password = read_password(ctx)
    client = ctx.client()
    try:
        tokens = client.login(login, password)
        key = f"{ctx.server_url}|{tokens.account_id}"
        known = ctx.registry.find(key)
        known = (
            replace(known, login=login)
            if known
            else KnownAccount(ctx.server_url, tokens.account_id, login)
        )
        remembered = False
        if ctx.option("remember"):
            remembered = ctx.credentials.save_refresh_token(key, tokens.refresh_token)
            if not remembered:
                status = ctx.credentials.status()
                ctx.warn(f"not remembered: {status.reason or 'no secure storage'}")
            else:
                client.on_tokens_rotated = token_saver(ctx, key)
        else:
            ctx.credentials.forget(key)
        cache = open_cache(ctx, known)
        try:
            report = sync_with_progress(ctx, client, cache)
            profile = cache.profile()
            name = profile.full_name if profile else ""
            ctx.registry.record_sign_in(
                replace(known, remembered=remembered, display_name=name or known.display_name)
            )
            ctx.say(f"Signed in as {name or login} ({ctx.server_url}).")
            if remembered:
                ctx.say("This computer remembers the session (system keyring).")
            fresh = freshness(report, cache)
            if fresh.note:
                ctx.warn(fresh.note)
            return fresh.code
        finally:
            cache.close()
    finally:
        client.close()
