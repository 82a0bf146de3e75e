"""`main`: parses the command line, runs the command, and turns what went wrong into a
message on standard error and an exit code (docs/CLI.md)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from icanal_desktop.cli.commands import COMMANDS
from icanal_desktop.cli.context import make_context
from icanal_desktop.cli.exits import (
    EXIT_AUTH,
    EXIT_BUSY,
    EXIT_OFFLINE,
    EXIT_OK,
    EXIT_SERVER,
    CliError,
)
from icanal_desktop.cli.parser import build_parser
from icanal_desktop.core.cache import CacheBusyError
from icanal_desktop.core.credentials import CredentialStore
from icanal_desktop.core.errors import (
    ApiError,
    CertificateError,
    InvalidCredentialsError,
    OfflineError,
    RateLimitedError,
    SessionExpiredError,
)

log = logging.getLogger("icanal")


def main(argv: Sequence[str] | None = None, credentials: CredentialStore | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_OK
    logging.basicConfig(
        level=logging.INFO if getattr(args, "verbose", False) else logging.WARNING,
        format="icanal: %(levelname)s %(name)s: %(message)s",
    )
    ctx = make_context(args, sys.stdout, sys.stderr, credentials)
    try:
        return COMMANDS[args.command](ctx)
    except CliError as exc:
        ctx.warn(str(exc))
        return exc.code
    except InvalidCredentialsError:
        ctx.warn("the login or the password is incorrect")
        return EXIT_AUTH
    except RateLimitedError as exc:
        wait = f" Try again in {int(exc.retry_after)} s." if exc.retry_after else ""
        ctx.warn(f"too many attempts: the server refuses for now.{wait}")
        return EXIT_AUTH
    except SessionExpiredError:
        ctx.warn("the session has expired: run `icanal login` again")
        return EXIT_AUTH
    except CertificateError as exc:
        ctx.warn(f"{exc}: pass the server's CA with --ca-bundle if you trust it")
        return EXIT_SERVER
    except OfflineError as exc:
        ctx.warn(f"{exc}")
        return EXIT_OFFLINE
    except ApiError as exc:
        ctx.warn(f"server error: {exc}")
        return EXIT_SERVER
    except CacheBusyError:
        ctx.warn("the local copy is in use by another program (the app?): try again shortly")
        return EXIT_BUSY
    except KeyboardInterrupt:
        ctx.warn("interrupted")
        return 130
