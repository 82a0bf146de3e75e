"""The command line's exit codes (docs/CLI.md) and `CliError`, a refusal that carries its
code up to `main`."""

from __future__ import annotations

EXIT_OK = 0
EXIT_BUSY = 1
EXIT_USAGE = 2
EXIT_AUTH = 3
EXIT_OFFLINE = 4
EXIT_SERVER = 5


class CliError(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code
