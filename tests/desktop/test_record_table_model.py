from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from icanal_desktop.gui.models.filter_proxy import RecordFilterProxy
from icanal_desktop.gui.models.record_table_model import Column, RecordTableModel
from icanal_desktop.gui.models.roles import OBJECT_ROLE, SORT_ROLE


@dataclass(frozen=True)
class Channel:
    number: int
    name: str
    category: str


COLUMNS = [
    Column[Channel](
        lambda: "No.", lambda c: str(c.number), sort_key=lambda c: c.number, align_right=True
    ),
    Column[Channel](lambda: "Name", lambda c: c.name),
    Column[Channel](lambda: "Category", lambda c: c.category),
]
CHANNELS = [
    Channel(9, "Ciné Frisson", "Cinéma"),
    Channel(10, "Stade 1", "Sport"),
    Channel(100, "Info Continu", "Info"),
    Channel(2, "Canal Famille", "Jeunesse"),
]


def make_model() -> RecordTableModel[Channel]:
    model = RecordTableModel(
        COLUMNS, search_text=lambda c: f"{c.number} {c.name} {c.category}".lower()
    )
    model.set_records(CHANNELS)
    return model


def test_model_passes_qt_model_tester(qtmodeltester) -> None:
    model = make_model()
    qtmodeltester.check(model)
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)


def test_roles() -> None:
    model = make_model()
    index = model.index(0, 0)
    assert model.data(index) == "9"
    assert model.data(index, SORT_ROLE) == 9
    assert model.data(index, OBJECT_ROLE) is CHANNELS[0]
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Name"
    assert model.data(model.index(99, 0)) is None


def test_numbers_sort_as_numbers_and_search_spans_columns(qtbot: QtBot) -> None:
    proxy = RecordFilterProxy()
    proxy.setSourceModel(make_model())
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert [proxy.data(proxy.index(r, 0)) for r in range(proxy.rowCount())] == [
        "2",
        "9",
        "10",
        "100",
    ]
    proxy.set_search("SPORT")
    assert proxy.rowCount() == 1
    assert proxy.data(proxy.index(0, 1)) == "Stade 1"
    proxy.set_search("")
    assert proxy.rowCount() == 4
