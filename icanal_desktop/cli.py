"""The `icanal` command line (F32): for now only its help; commands arrive with the client core."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from icanal_desktop import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="icanal",
        description="iCanal account from the command line: sign in, sync, status, bills.",
        epilog="Commands (login, sync, status, bills, payments, logout) are not available yet.",
    )
    parser.add_argument("--version", action="version", version=f"icanal {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    parser.parse_args(argv)
    parser.print_help()
    return 0
