"""The installed commands answer --version and --help without a display or a server."""

from __future__ import annotations

import subprocess
import sys

from icanal_desktop import __version__


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_desktop_version() -> None:
    result = run("-m", "icanal_desktop", "--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_desktop_refuses_an_unknown_language() -> None:
    result = run("-m", "icanal_desktop", "--lang", "de")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_cli_prints_its_help() -> None:
    result = run("-c", "from icanal_desktop.cli import main; raise SystemExit(main([]))")
    assert result.returncode == 0
    assert "usage: icanal" in result.stdout
