"""The benchmark command runs end to end in its smoke mode (tiny sizes, one run each) and
prints the table with every benchmark's rows, so the benchmarks cannot rot unnoticed.
It checks the table's shape only: speed is never asserted in tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIGURES = {
    "B1": ["start-up to window with cached data"],
    "B2": ["first full sync of demo@", "second sync, nothing changed", "its requests"],
    "B3": ["longest GUI stall, full sync of demo@", "longest GUI stall, opening a 3-page"],
    "B4": ["fill the bills model (2,000 bills)", "filter keystroke", "sort by a column",
           "peak memory"],
    "B5": ["Linux bundle size"],
    "B6": ["open a cached bill PDF, offline"],
    "B7": ["(a) sign-in to dashboard", "(b) sign-in to the whole archive", "(c) resync"],
}  # fmt: skip


def table_rows(output: str) -> list[list[str]]:
    return [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in output.splitlines()
        if line.startswith("| B")
    ]


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_the_benchmark_command_prints_every_figure_in_quick_mode() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=540,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "QUICK smoke run" in done.stdout
    assert "machine: " in done.stdout
    rows = table_rows(done.stdout)
    assert {r[0] for r in rows} == set(FIGURES), done.stdout + done.stderr
    for bench, figures in FIGURES.items():
        mine = [r for r in rows if r[0] == bench]
        for figure in figures:
            assert any(r[1].startswith(figure) for r in mine), (bench, figure, done.stdout)
    for bench, figure, value, baseline, _, ratio, target, met in rows:
        assert figure != "(failed)", done.stdout + done.stderr
        if bench == "B5" and value.startswith("not built"):
            continue  # the bundles take minutes to build: not in a smoke run
        assert value[0].isdigit(), (figure, value)
        if target:
            assert met in ("met", "MISSED"), (figure, met)
        if bench != "B5" and target and bench != "B2":
            assert baseline[0].isdigit(), (figure, baseline)
            assert ratio, (figure, ratio)
    assert "B2 requests per resource" in done.stdout
    assert "`/bills`" in done.stdout
