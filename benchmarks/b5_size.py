"""B5 size: the Linux bundle (`python3 dev.py package`: dist/icanal-desktop/) against an
untrimmed PyInstaller bundle of the same app (`packaging/build_linux.py --untrimmed`:
dist/untrimmed/icanal-desktop/). Reads the folders if they were built; `--with-bundles`
builds both first (minutes), otherwise they are reported as "not built"."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from benchmarks.sandbox import ROOT
from benchmarks.table import Row, within

BUNDLE = ROOT / "dist" / "icanal-desktop"
UNTRIMMED = ROOT / "dist" / "untrimmed" / "icanal-desktop"
BUILD = [sys.executable, "packaging/build_linux.py", "--untrimmed"]


def folder_mib(folder: Path) -> float | None:
    if not folder.is_dir():
        return None
    total = 0
    for path, _, files in os.walk(folder):
        for name in files:
            file = Path(path, name)
            if not file.is_symlink():
                total += file.stat().st_size
    return total / 1024 / 1024


def _built_at(folder: Path) -> str:
    stamp = dt.datetime.fromtimestamp(folder.stat().st_mtime, dt.UTC)
    return stamp.strftime("%Y-%m-%d %H:%M UTC")


def measure(with_bundles: bool) -> list[Row]:
    note = ""
    if with_bundles:
        done = subprocess.run(BUILD, cwd=ROOT, check=False, capture_output=True, text=True)
        if done.returncode != 0:
            note = f"the build failed (exit {done.returncode}): {done.stderr.strip()[-300:]}"
    size, untrimmed = folder_mib(BUNDLE), folder_mib(UNTRIMMED)
    if size is None or untrimmed is None:
        missing = [str(p.relative_to(ROOT)) for p in (BUNDLE, UNTRIMMED) if not p.is_dir()]
        return [
            Row("B5", "Linux bundle size", size, "MiB", baseline=untrimmed,
                baseline_what="untrimmed PyInstaller bundle", target="ratio <= 0.60",
                note=note or f"not built ({', '.join(missing)}): run with --with-bundles"),
        ]  # fmt: skip
    return [
        Row("B5", "Linux bundle size (folder)", size, "MiB", baseline=untrimmed,
            baseline_what="untrimmed PyInstaller bundle", target="ratio <= 0.60",
            met=within(size / untrimmed, 0.60),
            note=note or f"bundles built {_built_at(BUNDLE)} / {_built_at(UNTRIMMED)}"),
    ]  # fmt: skip
