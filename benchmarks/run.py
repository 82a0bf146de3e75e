"""`python -m benchmarks [--quick] [--only B1,B4] [--with-bundles]`: runs every benchmark
against sandbox processes on loopback and prints one table (see docs/PERFORMANCE.md).

Without a D-Bus session it restarts itself inside `dbus-run-session` with an unlocked
gnome-keyring (as .ci/run does), so B1 can sign in with remember-me; where neither is
installed B1 uses a throw-away file keyring and says so.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from benchmarks import (
    b1_startup,
    b2_sync,
    b3_responsiveness,
    b4_scale,
    b5_size,
    b6_pdf_open,
    b7_slow_link,
)
from benchmarks.table import Row, render

BENCHES = ("B1", "B2", "B3", "B4", "B5", "B6", "B7")
_REEXEC = "BENCH_IN_KEYRING_SESSION"
FAILED = "(failed)"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="smoke mode: tiny sizes, one run each (not figures)"
    )
    parser.add_argument("--only", default="", help="comma-separated subset, e.g. B1,B4")
    parser.add_argument(
        "--with-bundles",
        action="store_true",
        help="B5: build both PyInstaller bundles first (takes minutes)",
    )
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    args.only = [b.strip().upper() for b in args.only.split(",") if b.strip()] or list(BENCHES)
    unknown = set(args.only) - set(BENCHES)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    return args


def _in_keyring_session() -> None:
    """Re-runs this command inside a private D-Bus session with an unlocked gnome-keyring."""
    if os.environ.get("DBUS_SESSION_BUS_ADDRESS") or os.environ.get(_REEXEC):
        return
    dbus, daemon = shutil.which("dbus-run-session"), shutil.which("gnome-keyring-daemon")
    if not dbus or not daemon:
        return
    home = tempfile.mkdtemp(prefix="icanal-bench-keyring-")
    env = {**os.environ, _REEXEC: "1", "XDG_DATA_HOME": home}
    script = (
        'printf bench | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"'
    )
    command = [dbus, "--", "sh", "-c", script, "sh", sys.executable, "-m", "benchmarks"]
    try:
        code = os.spawnve(os.P_WAIT, dbus, [*command, *sys.argv[1:]], env)  # noqa: S606
    finally:
        shutil.rmtree(home, ignore_errors=True)
    sys.exit(code)


def _load() -> str:
    if not hasattr(os, "getloadavg"):
        return "?"
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def machine(load_before: str) -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        ram = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    from PySide6 import __version__ as pyside
    from PySide6.QtCore import qVersion

    return (
        f"machine: {os.cpu_count()} cores ({cpu}), {ram} RAM, load average (1/5/15 min) "
        f"{load_before} before, {_load()} after; "
        f"{platform.system()} {platform.release()}; Python {platform.python_version()}; "
        f"PySide6 {pyside}, Qt {qVersion()}; QPA "
        f"{os.environ.get('BENCH_QPA_PLATFORM', 'offscreen')}"
    )


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if "B1" in args.only:
        _in_keyring_session()
    started = time.monotonic()
    load_before = _load()
    work = args.keep or Path(tempfile.mkdtemp(prefix="icanal-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    rows: list[Row] = []
    extras: list[str] = []
    try:
        for bench in args.only:
            print(f"running {bench}…", file=sys.stderr, flush=True)
            rows += _run_one(bench, args, work / bench.lower(), extras)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    mode = "QUICK smoke run: tiny sizes, one run each; not figures to quote" if args.quick else ""
    print()
    print(machine(load_before))
    if mode:
        print(mode)
    print(time.strftime("run at %Y-%m-%d %H:%M UTC", time.gmtime()))
    print()
    print(render(rows))
    for extra in extras:
        print()
        print(extra)
    print(f"\n(all benchmarks took {time.monotonic() - started:.0f} s)")
    broken = sorted({r.bench for r in rows if r.what == FAILED})
    if broken:  # a missed target never fails the command; a benchmark that broke does
        sys.exit(f"benchmark(s) that could not run: {', '.join(broken)} (see above)")


def _run_one(bench: str, args: argparse.Namespace, work: Path, extras: list[str]) -> list[Row]:
    work.mkdir(parents=True, exist_ok=True)
    quick: bool = args.quick
    runners: dict[str, Callable[[], list[Row]]] = {
        "B1": lambda: _b1(work, quick),
        "B2": lambda: _b2(work, quick, extras),
        "B3": lambda: _b3(work, quick),
        "B4": lambda: _b4(work, quick),
        "B5": lambda: _b5(args.with_bundles),
        "B6": lambda: _b6(work, quick),
        "B7": lambda: b7_slow_link.measure(work, quick),
    }
    try:
        return runners[bench]()
    except Exception as exc:  # one broken benchmark still lets the others print
        traceback.print_exc()
        return [Row(bench, FAILED, None, "", note=f"error: {type(exc).__name__}: {exc}")]


def _b1(work: Path, quick: bool) -> list[Row]:
    return b1_startup.measure(work, quick)


def _b2(work: Path, quick: bool, extras: list[str]) -> list[Row]:
    rows, per_resource = b2_sync.measure(work, quick)
    extras.append(per_resource)
    return rows


def _b3(work: Path, quick: bool) -> list[Row]:
    return b3_responsiveness.measure(work, quick)


def _b4(work: Path, quick: bool) -> list[Row]:
    return b4_scale.measure(work, quick)


def _b5(with_bundles: bool) -> list[Row]:
    return b5_size.measure(with_bundles)


def _b6(work: Path, quick: bool) -> list[Row]:
    return b6_pdf_open.measure(work, quick)
