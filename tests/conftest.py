"""Shared fixtures: a real sandbox server process on loopback, private data folders, and a
real Secret Service when the machine has one."""

from __future__ import annotations

import os

# Set before Qt is imported anywhere: there is no display on CI machines.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

DEMO = ("demo@icanal.example", "Demo-2026!")
SECOND = ("second@icanal.example", "Second-2026!")


@dataclass
class SandboxProcess:
    url: str
    process: subprocess.Popen[bytes]
    db: Path
    log: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_sandbox(folder: Path, *extra: str, timeout: float = 30) -> SandboxProcess:
    """Starts `icanal-sandbox` as its own process and waits for its `listening on` line.

    Its output goes to a file, not a pipe, so a chatty server can never block on a full pipe.
    """
    db = folder / "sandbox.sqlite3"
    log = folder / "sandbox.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "icanal_sandbox",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--db",
                str(db),
                "--seed",
                "demo",
                *extra,
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for line in log.read_text(errors="replace").splitlines():
            if line.startswith("listening on "):
                return SandboxProcess(line.split()[-1], process, db, log)
        if process.poll() is not None:
            break
        time.sleep(0.05)
    server = SandboxProcess("", process, db, log)
    server.stop()
    raise RuntimeError("the sandbox did not start:\n" + log.read_text(errors="replace"))


@pytest.fixture
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxProcess]:
    """A fresh sandbox process with the demo data, for one test."""
    server = start_sandbox(tmp_path_factory.mktemp("sandbox"))
    yield server
    server.stop()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """The app's data folder for one test: never the user's real one."""
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


def _secret_service_available() -> bool:
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return False
    from keyring.backends import SecretService

    try:
        return bool(SecretService.Keyring.priority > 0)
    except Exception:
        return False


@pytest.fixture
def secret_service() -> None:
    """Skips (or fails, when CI promised one) unless a real Secret Service answers."""
    if _secret_service_available():
        return
    reason = "no Secret Service on this machine (.ci/run starts gnome-keyring)"
    if os.environ.get("ICANAL_REQUIRE_SECRET_SERVICE"):
        pytest.fail(reason)
    pytest.skip(reason)
