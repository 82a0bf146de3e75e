"""Channels of a plan: number, name, category, HD — searchable and sortable (F8)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject

from icanal_desktop.core.domain.catalog import Channel
from icanal_desktop.gui.models.record_table_model import Column, RecordTableModel

translate = QCoreApplication.translate

NUMBER, NAME, CATEGORY, HD = range(4)

COLUMNS: Sequence[Column[Channel]] = (
    Column(lambda: translate("Channels", "No."), lambda c: str(c.number), lambda c: c.number, True),
    Column(lambda: translate("Channels", "Channel"), lambda c: c.name, lambda c: c.name.casefold()),
    Column(lambda: translate("Channels", "Category"), lambda c: c.category),
    Column(
        lambda: translate("Channels", "HD"),
        lambda c: translate("Channels", "HD") if c.hd else "",
        lambda c: c.hd,
    ),
)


def channels_model(parent: QObject | None = None) -> RecordTableModel[Channel]:
    return RecordTableModel(
        COLUMNS,
        search_text=lambda c: f"{c.number} {c.name} {c.category}".casefold(),
        parent=parent,
    )
