"""Sandbox server processes on loopback, and child processes that print one JSON result."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULT_PREFIX = "bench-result "
# Children run on compiled bytecode, as an installed app does (pip and PyInstaller compile
# it), even where PYTHONDONTWRITEBYTECODE is set: kept outside the source tree.
PYCACHE = Path(tempfile.gettempdir()) / "icanal-bench-pycache"
# Rate limits out of the way: the benchmarks measure the app, not the server's policy.
NO_RATE_LIMITS = ("--rate-limit-address", "1000000", "--rate-limit-account", "1000000")


@dataclass
class Sandbox:
    url: str
    process: subprocess.Popen[bytes]
    folder: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_sandbox(folder: Path, *extra: str, timeout: float = 60) -> Sandbox:
    """`icanal-sandbox` as its own process (its own CPU, not the client's GIL), demo seed."""
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "sandbox.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "icanal_sandbox", "--host", "127.0.0.1", "--port", "0",
             "--db", str(folder / "sandbox.sqlite3"), "--seed", "demo",
             *NO_RATE_LIMITS, *extra],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
        )  # fmt: skip
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for line in log.read_text(errors="replace").splitlines():
            if line.startswith("listening on "):
                return Sandbox(line.split()[-1], process, folder)
        if process.poll() is not None:
            break
        time.sleep(0.05)
    Sandbox("", process, folder).stop()
    raise RuntimeError("the sandbox did not start:\n" + log.read_text(errors="replace"))


@contextmanager
def sandbox(folder: Path, *extra: str) -> Iterator[Sandbox]:
    server = start_sandbox(folder, *extra)
    try:
        yield server
    finally:
        server.stop()


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    env["QT_QPA_PLATFORM"] = env.get("BENCH_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def run_child(
    module: str, args: Sequence[str], env: dict[str, str] | None = None, timeout: float = 900
) -> Any:
    """Runs `python -m benchmarks.<module> args…` and returns the JSON of its result line."""
    done = subprocess.run(
        [sys.executable, "-m", f"benchmarks.{module}", *args],
        cwd=ROOT,
        env=child_env(**(env or {})),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    for line in reversed(done.stdout.splitlines()):
        if line.startswith(RESULT_PREFIX):
            return json.loads(line[len(RESULT_PREFIX) :])
    raise RuntimeError(
        f"benchmarks.{module} {' '.join(args)} gave no result (exit {done.returncode}):\n"
        + done.stdout[-3000:]
        + done.stderr[-3000:]
    )


def report(result: Any) -> None:
    """In a child: the one line the parent reads."""
    print(RESULT_PREFIX + json.dumps(result), flush=True)
