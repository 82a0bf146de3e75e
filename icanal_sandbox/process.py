"""The sandbox as a process of its own, for tests and benchmarks: start it on a free
loopback port and wait for its `listening on` line.

Its output goes to a file, not a pipe, so a chatty server can never block on a full pipe.
"""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class SandboxProcess:
    url: str
    process: subprocess.Popen[bytes]
    folder: Path

    @property
    def db(self) -> Path:
        return self.folder / "sandbox.sqlite3"  # as start_process names it

    @property
    def log(self) -> Path:
        return self.folder / "sandbox.log"

    def stop(self) -> None:
        stop_process(self.process)


def stop_process(process: subprocess.Popen[bytes]) -> None:
    """Asks the server to stop (it finishes the request at hand), kills it after 10 s."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def start_process(
    folder: Path, *extra: str, timeout: float = 60, cwd: Path | None = None
) -> SandboxProcess:
    """`python -m icanal_sandbox` on 127.0.0.1 with the demo seed (`extra` can override
    any option, e.g. `--port 8000` or `--seed none`), its files in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    db, log = folder / "sandbox.sqlite3", folder / "sandbox.log"
    with log.open("wb") as out:
        process = subprocess.Popen(  # noqa: S603 - this interpreter, our own module
            [sys.executable, "-m", "icanal_sandbox", "--host", "127.0.0.1", "--port", "0",
             "--db", str(db), "--seed", "demo", *extra],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=cwd,
        )  # fmt: skip
    server = SandboxProcess("", process, folder)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for line in server.log.read_text(errors="replace").splitlines():
            if line.startswith("listening on "):
                server.url = line.split()[-1]
                return server
        if server.process.poll() is not None:
            break
        time.sleep(0.05)
    server.stop()
    raise RuntimeError("the sandbox did not start:\n" + server.log.read_text(errors="replace"))
