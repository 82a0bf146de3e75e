"""`icanal-sandbox`: the reference server on the command line.

    icanal-sandbox --host 127.0.0.1 --port 0 --db sandbox.db --seed demo

prints exactly one line, `listening on http://HOST:PORT`, once connections are accepted.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import socket
import sys
from dataclasses import replace
from pathlib import Path

import uvicorn

from icanal_sandbox.config import Settings
from icanal_sandbox.db import SchemaMismatchError
from icanal_sandbox.faults import FaultConfig, parse_faults
from icanal_sandbox.runner import bind_socket, make_server, open_sandbox, url_of
from icanal_sandbox.seed import SEEDS


def _faults(text: str) -> FaultConfig:
    try:
        return parse_faults(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="icanal-sandbox", description="The iCanal Espace Client API reference server."
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8700, help="port; 0 picks a free one")
    parser.add_argument(
        "--db", default=":memory:", help="SQLite file, created and seeded when empty"
    )
    parser.add_argument("--seed", choices=SEEDS, default="demo", help="data for an empty db")
    parser.add_argument(
        "--scale-bills",
        type=int,
        default=0,
        metavar="N",
        help="also create scale@icanal.example (Scale-2026!) with N bills, for scale tests",
    )
    parser.add_argument(
        "--faults",
        type=_faults,
        default=FaultConfig(),
        metavar="SPEC",
        help="e.g. latency=300ms,error_rate=0.2,drop_rate=0.05,malformed_rate=0.02,"
        "truncate_pdf_rate=0.1,seed=7 (never on by default)",
    )
    parser.add_argument("--tls-cert", type=Path, help="PEM certificate: serve HTTPS")
    parser.add_argument("--tls-key", type=Path, help="PEM private key of --tls-cert")
    parser.add_argument(
        "--no-sandbox-routes",
        action="store_true",
        help="hide /api/v1/sandbox/* (outbox, clock), as a production server would",
    )
    parser.add_argument(
        "--no-changes-feed",
        action="store_true",
        help="no GET /api/v1/changes, as a server from before it (clients walk the lists)",
    )
    parser.add_argument(
        "--bill-retention-days",
        type=int,
        default=Settings.bill_retention_days,
        metavar="N",
        help="stop serving bills issued more than N days ago (default 0: serve them all)",
    )
    parser.add_argument(
        "--changes-retention-entries",
        type=int,
        default=Settings.changes_retention_entries,
        metavar="N",
        help="change-log entries kept for GET /changes (older sync states answer 410)",
    )
    parser.add_argument("--rate-limit-address", type=int, default=Settings.rate_limit_address)
    parser.add_argument("--rate-limit-account", type=int, default=Settings.rate_limit_account)
    parser.add_argument("--verbose", action="store_true", help="access log and info logs")
    args = parser.parse_args(argv)
    if (args.tls_cert is None) != (args.tls_key is None):
        parser.error("--tls-cert and --tls-key go together")
    if args.scale_bills < 0:
        parser.error("--scale-bills must be positive")
    if not 0 <= args.bill_retention_days <= 36600:
        parser.error("--bill-retention-days is between 0 and 36600")
    if args.changes_retention_entries < 1:
        parser.error("--changes-retention-entries must be at least 1")
    return args


def settings_from(args: argparse.Namespace) -> Settings:
    return replace(
        Settings(db_path=Path(args.db)),
        seed=args.seed,
        scale_bills=args.scale_bills,
        faults=args.faults,
        sandbox_routes=not args.no_sandbox_routes,
        changes_feed=not args.no_changes_feed,
        rate_limit_address=args.rate_limit_address,
        rate_limit_account=args.rate_limit_account,
        bill_retention_days=args.bill_retention_days,
        changes_retention_entries=args.changes_retention_entries,
    )


async def _serve(server: uvicorn.Server, sock_url: str, sockets: list[socket.socket]) -> None:
    task = asyncio.create_task(server.serve(sockets=sockets))
    while not server.started and not task.done():
        await asyncio.sleep(0.01)
    if server.started:
        print(f"listening on {sock_url}", flush=True)
    await task


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        sandbox = open_sandbox(settings_from(args))
    except SchemaMismatchError as exc:
        sys.exit(f"icanal-sandbox: {exc}")
    try:
        sock = bind_socket(args.host, args.port)
    except OSError as exc:
        sys.exit(f"icanal-sandbox: cannot listen on {args.host}:{args.port}: {exc}")
    server = make_server(
        sandbox,
        verbose=args.verbose,
        tls_cert=args.tls_cert,
        tls_key=args.tls_key,
        server_class=uvicorn.Server,  # the main thread: Ctrl+C and SIGTERM stop it cleanly
    )
    try:
        asyncio.run(_serve(server, url_of(sock, args.tls_cert is not None), [sock]))
    finally:
        sock.close()
        sandbox.db.close()
    if not server.started:
        sys.exit(1)


if __name__ == "__main__":
    main()
