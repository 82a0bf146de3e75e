"""The sandbox inside another process (the desktop app's `--demo`), on a daemon thread."""

from __future__ import annotations

import asyncio
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from icanal_sandbox.config import Settings
from icanal_sandbox.runner import QuietServer, bind_socket, make_server, open_sandbox, url_of
from icanal_sandbox.state import Sandbox

START_TIMEOUT_S = 15.0
STOP_TIMEOUT_S = 5.0


@dataclass
class EmbeddedServer:
    url: str
    sandbox: Sandbox
    _server: QuietServer
    _thread: threading.Thread

    def stop(self, timeout: float = STOP_TIMEOUT_S) -> None:
        """Ask uvicorn to finish in-flight requests and exit; wait at most `timeout`."""
        self._server.should_exit = True
        self._thread.join(timeout)
        if self._thread.is_alive():
            self._server.force_exit = True
            self._thread.join(1.0)
        if not self._thread.is_alive():
            self.sandbox.db.close()

    @property
    def running(self) -> bool:
        return self._thread.is_alive() and self._server.started


def start_embedded(db_path: Path, seed: str = "demo", host: str = "127.0.0.1") -> EmbeddedServer:
    """Start a sandbox on a free port of `host`; returns once it accepts connections."""
    sandbox = open_sandbox(Settings(db_path=db_path, seed=seed))
    sock = bind_socket(host, 0)
    server = make_server(sandbox)
    assert isinstance(server, QuietServer)
    failure: list[BaseException] = []

    def run() -> None:
        loop = asyncio.new_event_loop()
        try:
            loop.run_until_complete(server.serve(sockets=[sock]))
        except BaseException as exc:  # reported to the caller of start_embedded
            failure.append(exc)
        finally:
            loop.close()
            sock.close()

    thread = threading.Thread(target=run, name="icanal-sandbox", daemon=True)
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT_S
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            thread.join(STOP_TIMEOUT_S)
            sandbox.db.close()
            raise RuntimeError("the embedded sandbox did not start") from (
                failure[0] if failure else None
            )
        time.sleep(0.01)
    return EmbeddedServer(
        url=url_of(sock, tls=False), sandbox=sandbox, _server=server, _thread=thread
    )
