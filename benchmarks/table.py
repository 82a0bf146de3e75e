"""The one table the benchmark command prints: figure, baseline, ratio, target."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """One line of the table. `value`/`baseline` are numbers in `unit` (None: not measured,
    `note` says why). `target` reads `ratio <= 1.5`, `<= 300 ms`…; `met` is None when the
    figure could not be measured."""

    bench: str
    what: str
    value: float | None
    unit: str
    baseline: float | None = None
    baseline_what: str = ""
    target: str = ""
    met: bool | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.baseline:
            return None
        return self.value / self.baseline


def within(value: float | None, limit: float) -> bool | None:
    return None if value is None else value <= limit


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "ms":
        text = f"{value:.1f}" if value < 100 else f"{value:.0f}"
    elif unit == "s":
        text = f"{value:.2f}"
    elif unit in ("MB", "MiB", "KiB", "kB"):
        text = f"{value:.1f}"
    elif isinstance(value, float) and not value.is_integer():
        text = f"{value:.2f}"
    else:
        text = f"{int(value):,}"
    return f"{text} {unit}".strip()


def _met(row: Row) -> str:
    if not row.target:
        return ""
    if row.met is None:
        return "n/a"
    return "met" if row.met else "MISSED"


COLUMNS: Sequence[tuple[str, Callable[[Row], str]]] = (
    ("bench", lambda r: r.bench),
    ("figure", lambda r: r.what),
    ("value", lambda r: _number(r.value, r.unit) if r.value is not None else r.note or "—"),
    ("baseline", lambda r: _number(r.baseline, r.unit) if r.baseline is not None else ""),
    ("baseline is", lambda r: r.baseline_what),
    ("ratio", lambda r: "" if r.ratio is None or math.isinf(r.ratio) else f"{r.ratio:.2f}"),
    ("target", lambda r: r.target),
    ("met?", _met),
)


def render(rows: Sequence[Row]) -> str:
    """A Markdown table (it reads in a terminal and pastes into docs/PERFORMANCE.md)."""
    cells = [[name for name, _ in COLUMNS]] + [[get(r) for _, get in COLUMNS] for r in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(COLUMNS))]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) + " |"
        for line in cells
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    notes = [f"- {r.bench} {r.what}: {r.note}" for r in rows if r.note and r.value is not None]
    return "\n".join(lines + (["", *notes] if notes else []))
