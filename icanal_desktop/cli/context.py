"""What a command runs with: the parsed options, the data folder, the server (from
`--server`, `$ICANAL_SERVER`, the last account's, or the default), the known accounts, the
keyring, and where it writes."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from icanal_desktop.cli.exits import EXIT_USAGE, CliError
from icanal_desktop.cli.parser import SERVER_ENV
from icanal_desktop.core.accounts import AccountRegistry
from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache.paths import default_data_dir
from icanal_desktop.core.credentials import CredentialStore
from icanal_desktop.core.errors import InsecureTransportError

DEFAULT_SERVER_URL = "https://espace-client.icanal.example"


@dataclass
class Context:
    args: argparse.Namespace
    data_dir: Path
    server_url: str
    registry: AccountRegistry
    credentials: CredentialStore
    out: TextIO
    err: TextIO

    def option(self, name: str, default: Any = None) -> Any:
        return getattr(self.args, name, default)

    def client(self) -> ApiClient:
        try:
            return ApiClient(self.server_url, ca_bundle=self.option("ca_bundle"))
        except InsecureTransportError as exc:
            raise CliError(str(exc), EXIT_USAGE) from None

    def say(self, text: str) -> None:
        print(text, file=self.out)

    def warn(self, text: str) -> None:
        print(f"icanal: {text}", file=self.err)


def make_context(
    args: argparse.Namespace, out: TextIO, err: TextIO, credentials: CredentialStore | None
) -> Context:
    data_dir = getattr(args, "data_dir", None) or default_data_dir()
    registry = AccountRegistry(data_dir)
    server = getattr(args, "server", None) or os.environ.get(SERVER_ENV)
    if not server:
        last = registry.all()
        server = last[0].server_url if last else DEFAULT_SERVER_URL
    return Context(
        args, data_dir, server.rstrip("/"), registry, credentials or CredentialStore(), out, err
    )
