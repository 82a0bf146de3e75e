"""`icanal logout`: ends the session on the server, forgets the remembered one, and with
`--forget` deletes the account's local data."""

from __future__ import annotations

import shutil
from dataclasses import replace

from icanal_desktop.cli.context import Context
from icanal_desktop.cli.exits import EXIT_OFFLINE, EXIT_OK, CliError
from icanal_desktop.cli.session import known_account, restore_client
from icanal_desktop.core.cache.paths import account_dir
from icanal_desktop.core.errors import OfflineError


def cmd_logout(ctx: Context) -> int:
    known = known_account(ctx)
    code = EXIT_OK
    if known.remembered and not ctx.option("offline"):
        try:
            client = restore_client(ctx, known)
            try:
                client.logout()  # revokes the session on the server
            finally:
                client.close()
        except CliError:
            pass  # already over
        except OfflineError:
            ctx.warn("the server could not be reached: signed out on this computer only")
            code = EXIT_OFFLINE
    ctx.credentials.forget(known.key)
    if ctx.option("forget"):
        shutil.rmtree(account_dir(ctx.data_dir, known.server_url, known.account_id), True)
        ctx.registry.remove(known.key)
        ctx.say(f"Signed out; {known.login}'s data was removed from this computer.")
    else:
        ctx.registry.update(replace(known, remembered=False))
        ctx.say(f"Signed out {known.login}.")
    return code
