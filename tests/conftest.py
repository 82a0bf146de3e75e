"""Shared fixtures: a real sandbox server process on loopback, private data folders, and a
real Secret Service when the machine has one."""

from __future__ import annotations

import os

# Set before Qt is imported anywhere: there is no display on CI machines.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from icanal_sandbox.process import SandboxProcess, start_process

__all__ = ["DEMO", "SECOND", "SandboxProcess", "start_sandbox"]

DEMO = ("demo@icanal.example", "Demo-2026!")
SECOND = ("second@icanal.example", "Second-2026!")


def start_sandbox(folder: Path, *extra: str, timeout: float = 30) -> SandboxProcess:
    """A sandbox process of its own, files in `folder` (see icanal_sandbox/process.py)."""
    return start_process(folder, *extra, timeout=timeout)


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


def _default_collection_locked() -> bool:
    import secretstorage

    connection = secretstorage.dbus_init()
    try:
        # The "default" alias as it is: get_default_collection() would create one (with a
        # prompt, which cannot show here) where there is none.
        return bool(secretstorage.Collection(connection).is_locked())
    finally:
        connection.close()


def _unlock_ci_keyring() -> None:
    """CI only (.ci/run gives the password): once in a while on CI the unlocked
    gnome-keyring-daemon went away mid-run and D-Bus started a locked one, whose unlock
    prompt cannot show on a headless machine. Put an unlocked one back in its place."""
    password = os.environ["ICANAL_CI_KEYRING_PASSWORD"]
    subprocess.run(
        ["gnome-keyring-daemon", "--replace", "--unlock", "--components=secrets"],
        input=password,
        text=True,
        capture_output=True,
        check=True,
        timeout=30,
    )


@pytest.fixture
def secret_service() -> None:
    """Skips (or fails, when CI promised one) unless a real, unlocked Secret Service
    answers."""
    reason = "no Secret Service on this machine (.ci/run starts gnome-keyring)"
    if _secret_service_available():
        try:
            if not _default_collection_locked():
                return
            if os.environ.get("ICANAL_CI_KEYRING_PASSWORD"):
                print("the CI keyring was locked: unlocking it again", file=sys.stderr)
                _unlock_ci_keyring()
                if not _default_collection_locked():
                    return
            reason = "the Secret Service's default keyring is locked (no prompt can show here)"
        except Exception as exc:  # no default keyring, or the service did not answer
            reason = f"the Secret Service's default keyring cannot be used: {exc!r}"
    if os.environ.get("ICANAL_REQUIRE_SECRET_SERVICE"):
        pytest.fail(reason)
    pytest.skip(reason)
