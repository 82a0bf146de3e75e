"""B1's set-up (a child process): signs in once to a sandbox with remember-me through the
app's real Session, waits for the first full sync, and reports whether the account was
remembered (a secure keyring was there). Afterwards the data folder opens offline."""

from __future__ import annotations

import argparse
from pathlib import Path

from benchmarks.qt_support import application, wait_until
from benchmarks.sandbox import report
from icanal_desktop.app import build_app
from icanal_desktop.core.accounts import AccountRegistry
from icanal_desktop.core.config import AppConfig
from icanal_desktop.gui.session import ConnectionState


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--login", required=True)
    parser.add_argument("--password", required=True)
    args = parser.parse_args()
    application()
    parts = build_app(AppConfig(server_url=args.server, data_dir=args.data_dir))
    session = parts.session
    session.sign_in(args.login, args.password, remember=True)
    wait_until(lambda: session.state == ConnectionState.ONLINE, 60)
    wait_until(lambda: session.snapshot is not None and not session.busy, 600)
    remembered = AccountRegistry(args.data_dir).last_remembered(args.server)
    parts.shutdown()
    report({"remembered": remembered is not None})


if __name__ == "__main__":
    main()
