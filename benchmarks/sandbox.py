"""Sandbox server processes on loopback, and child processes that print one JSON result."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from icanal_sandbox.process import SandboxProcess, start_process

ROOT = Path(__file__).resolve().parent.parent
RESULT_PREFIX = "bench-result "
# Children run on compiled bytecode, as an installed app does (pip and PyInstaller compile
# it), even where PYTHONDONTWRITEBYTECODE is set: kept outside the source tree.
PYCACHE = Path(tempfile.gettempdir()) / "icanal-bench-pycache"
# Rate limits out of the way: the benchmarks measure the app, not the server's policy.
NO_RATE_LIMITS = ("--rate-limit-address", "1000000", "--rate-limit-account", "1000000")


Sandbox = SandboxProcess


def start_sandbox(folder: Path, *extra: str, timeout: float = 60) -> Sandbox:
    """`icanal-sandbox` as its own process (its own CPU, not the client's GIL), demo seed."""
    return start_process(folder, *NO_RATE_LIMITS, *extra, timeout=timeout, cwd=ROOT)


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
