"""Counts the calls of a model's `data()`: what a table costs the GUI thread, measured
without a clock."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt


def count_data_calls(monkeypatch: pytest.MonkeyPatch, model: type[QAbstractItemModel]) -> list[int]:
    """`model.data` counted from now on (undone with the test); the count is `calls[0]`."""
    calls = [0]
    original = model.data

    def counting(self: Any, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        calls[0] += 1
        return original(self, index, role)

    monkeypatch.setattr(model, "data", counting)
    return calls
