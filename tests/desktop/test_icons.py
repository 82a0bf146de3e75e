"""The SVG icons are drawn at the size and device pixel ratio asked: sharp at 200 %."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from icanal_desktop.core.resources import resource_path
from icanal_desktop.gui.views.common.icons import app_icon, icon

ICONS = sorted(resource_path("icons").glob("*.svg"))
SIZE = 32


def rendered(svg: Path, pixels: int) -> QImage:
    """The SVG drawn straight at `pixels` x `pixels`: what a sharp icon looks like."""
    image = QImage(pixels, pixels, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    return image


def upscaled(svg: Path) -> QImage:
    """What a bitmap icon would look like at 200 %: the 1x picture stretched."""
    return (
        rendered(svg, SIZE)
        .scaled(SIZE * 2, SIZE * 2)
        .convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    )


def test_the_app_and_its_actions_have_icons() -> None:
    names = {p.stem for p in ICONS}
    assert {"icanal-desktop", "refresh", "sign-out", "help", "about", "log-folder"} <= names
    assert not app_icon().isNull()


@pytest.mark.parametrize("svg", ICONS, ids=lambda p: p.stem)
def test_icon_is_sharp_at_200_percent(qapp: QApplication, svg: Path) -> None:
    pixmap = icon(svg.stem).pixmap(QSize(SIZE, SIZE), 2.0)
    assert pixmap.devicePixelRatio() == 2.0
    assert (pixmap.width(), pixmap.height()) == (SIZE * 2, SIZE * 2)
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    assert image == rendered(svg, SIZE * 2)  # drawn from the vector at 64 px…
    assert image != upscaled(svg)  # …not a 32 px bitmap blown up


def test_actions_of_the_window_get_the_svg_icons(qapp: QApplication) -> None:
    from PySide6.QtWidgets import QMainWindow

    from icanal_desktop.gui.views.shell.help_menu import add_help_menu

    window = QMainWindow()
    menu = add_help_menu(window)
    for action in menu.actions():
        if not action.isSeparator():
            assert not action.icon().isNull(), action.text()
    window.deleteLater()
