"""Helpers for the feature modules: a value that refreshed nothing, as an `Outcome`."""

from __future__ import annotations

from typing import TypeVar

from icanal_desktop.core.actions import Outcome
from icanal_desktop.core.domain.reports import SyncReport

T = TypeVar("T")


def unchanged(value: T) -> Outcome[T]:
    """The value of a request that changed nothing the window shows (a preview, a PDF)."""
    return Outcome(value, SyncReport())
