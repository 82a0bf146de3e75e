"""B1 start-up: process start to the main window painted with the cached data of a
remembered account, offline (the sandbox it was synced from is stopped), against a bare
PySide6 script that shows a QMainWindow with six empty tabs. Runs alternate between the
two, so a busy machine slows both; the median of each is reported.

"Shown" is measured inside each process: `time.monotonic()` (system-wide on Linux) when
its first paint with data is done (`icanal_desktop/gui/startup_probe.py`), minus the
parent's `time.monotonic()` just before it started the process.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.sandbox import ROOT, child_env, run_child, sandbox
from benchmarks.table import Row, within

SHOWN = "icanal-startup-shown "
HEAVY = ("heavy@icanal.example", "Heavy-2026!")
DEMO = ("demo@icanal.example", "Demo-2026!")
FILE_KEYRING = {"PYTHON_KEYRING_BACKEND": "benchmarks.file_keyring.BenchKeyring"}


def _time_to_shown(command: list[str], env: dict[str, str]) -> float:
    """Seconds from just before the process starts to its `shown` line."""
    start = time.monotonic()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert process.stdout is not None
    shown = None
    try:
        for line in process.stdout:
            if line.startswith(SHOWN):
                shown = float(line[len(SHOWN) :])
                break
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    if shown is None:
        raise RuntimeError(f"{command} never said it was shown (exit {process.returncode})")
    return shown - start


def _prepare(work: Path, login: tuple[str, str], env: dict[str, str]) -> tuple[str, Path, bool]:
    data_dir = work / f"b1-data-{len(list(work.glob('b1-data-*')))}"
    with sandbox(work / "b1-sandbox") as server:
        result = run_child(
            "b1_prepare",
            ["--server", server.url, "--data-dir", str(data_dir),
             "--login", login[0], "--password", login[1]],
            env,
        )  # fmt: skip
        return server.url, data_dir, bool(result["remembered"])


def measure(work: Path, quick: bool) -> list[Row]:
    login = DEMO if quick else HEAVY
    extra: dict[str, str] = {}
    url, data_dir, remembered = _prepare(work, login, extra)
    keyring = "Secret Service" if os.environ.get("DBUS_SESSION_BUS_ADDRESS") else "keyring"
    if not remembered:  # no secure keyring here: a throw-away one in the work folder
        extra = {**FILE_KEYRING, "BENCH_KEYRING_FILE": str(work / "b1-keyring.json")}
        url, data_dir, remembered = _prepare(work, login, extra)
        keyring = "a throw-away file keyring (no Secret Service)"
    env = child_env(ICANAL_STARTUP_PROBE="1", **extra)
    app = [sys.executable, "-m", "icanal_desktop", "--server", url, "--data-dir", str(data_dir)]
    bare = [sys.executable, "-m", "benchmarks.b1_bare_window"]
    runs = 1 if quick else 7
    # Untimed: compiles the bytecode and warms the disk cache for both.
    _time_to_shown(bare, env)
    _time_to_shown(app, env)
    app_times: list[float] = []
    bare_times: list[float] = []
    for n in range(runs):
        order = [(bare, bare_times), (app, app_times)]
        for command, times in order if n % 2 == 0 else order[::-1]:
            times.append(_time_to_shown(command, env))
    app_ms = statistics.median(app_times) * 1000
    bare_ms = statistics.median(bare_times) * 1000
    who = login[0].split("@")[0] + "@"
    note = (
        f"median of {runs}; offline, {who} synced once with remember-me ({keyring}); "
        f"app {min(app_times) * 1000:.0f}–{max(app_times) * 1000:.0f} ms, "
        f"bare {min(bare_times) * 1000:.0f}–{max(bare_times) * 1000:.0f} ms"
    )
    if not remembered:
        return [Row("B1", "start-up to window with cached data", None, "ms",
                    note="remember-me did not work: no cached account to open")]  # fmt: skip
    return [
        Row("B1", "start-up to window with cached data", app_ms, "ms",
            baseline=bare_ms, baseline_what="bare QMainWindow, 6 empty tabs",
            target="ratio <= 1.5", met=within(app_ms / bare_ms, 1.5), note=note),
    ]  # fmt: skip
