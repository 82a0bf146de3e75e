"""B1 experiment: the real app, the app with only its Dashboard tab (`dashboard_only_app`)
and B1's bare window, started in turn 7 times each on the same offline, remembered account;
prints the medians. `python -m benchmarks.lazy_tabs_experiment [--quick]`."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from benchmarks.b1_startup import DEMO, FILE_KEYRING, HEAVY, _prepare, _time_to_shown
from benchmarks.sandbox import child_env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="icanal-lazy-") as folder:
        work = Path(folder)
        extra = {**FILE_KEYRING, "BENCH_KEYRING_FILE": str(work / "keyring.json")}
        url, data_dir, remembered = _prepare(work, DEMO if args.quick else HEAVY, extra)
        assert remembered
        env = child_env(ICANAL_STARTUP_PROBE="1", **extra)
        where = ["--server", url, "--data-dir", str(data_dir)]
        commands = {
            "bare window": [sys.executable, "-m", "benchmarks.b1_bare_window"],
            "app": [sys.executable, "-m", "icanal_desktop", *where],
            "app, Dashboard tab only": [
                sys.executable, "-m", "benchmarks.dashboard_only_app", *where,
            ],
        }  # fmt: skip
        times: dict[str, list[float]] = {name: [] for name in commands}
        for command in commands.values():
            _time_to_shown(command, env)  # bytecode and disk cache, untimed
        for _ in range(1 if args.quick else 7):
            for name, command in commands.items():
                times[name].append(_time_to_shown(command, env) * 1000)
    bare = statistics.median(times["bare window"])
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:26s} {median:6.0f} ms  ratio {median / bare:4.2f}")


if __name__ == "__main__":
    main()
