"""Running the ASGI stack under uvicorn on a socket we bound ourselves."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
from collections.abc import Callable, Generator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from icanal_sandbox.app import build_asgi
from icanal_sandbox.config import Settings
from icanal_sandbox.db import Database
from icanal_sandbox.faults import DROP_EXTENSION, Receive, Scope, Send
from icanal_sandbox.seed import seed
from icanal_sandbox.state import Sandbox
from icanal_sandbox.triggers import install as install_triggers


class DroppableH11Protocol(H11Protocol):
    """h11 protocol that lets fault injection abort the connection (a lost response)."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        # Answers go out in two writes (head, body): without TCP_NODELAY the second waits
        # for the client's delayed ACK, ~40 ms per request on a kept-alive connection.
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        inner = self.app

        async def app(scope: Scope, receive: Receive, send: Send) -> None:
            scope.setdefault("extensions", {})[DROP_EXTENSION] = transport.abort
            await inner(scope, receive, send)

        self.app = app


class QuietServer(uvicorn.Server):
    """A uvicorn server that never touches signal handlers (safe in any thread)."""

    @contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        yield


def bind_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    if os.name != "nt":  # on Windows SO_REUSEADDR would let another process share the port
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    return sock


def open_sandbox(settings: Settings, now: Callable[[], Any] | None = None) -> Sandbox:
    db = Database(settings.db_path)
    sandbox = Sandbox(settings=settings, db=db)
    seed(db, settings.seed, (now or sandbox.clock.now)(), settings.scale_bills)
    # After the seed: writing it stays fast, and the seed is where a client starts, not a
    # change it must be told about.
    with db.transaction() as conn:
        install_triggers(conn, settings.changes_retention_entries)
    return sandbox


def make_server(
    sandbox: Sandbox,
    *,
    verbose: bool = False,
    tls_cert: Path | None = None,
    tls_key: Path | None = None,
    server_class: type[uvicorn.Server] = QuietServer,
) -> uvicorn.Server:
    config = uvicorn.Config(
        build_asgi(sandbox),
        http=DroppableH11Protocol,
        lifespan="off",
        access_log=verbose,
        log_level="info" if verbose else "warning",
        log_config=None,
        server_header=False,
        proxy_headers=False,  # rate limits key on the real peer, never on X-Forwarded-For
        ssl_certfile=str(tls_cert) if tls_cert else None,
        ssl_keyfile=str(tls_key) if tls_key else None,
        timeout_graceful_shutdown=3,
    )
    return server_class(config)


def url_of(sock: socket.socket, tls: bool) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"{'https' if tls else 'http'}://{shown}:{port}"
