"""The app's icons: SVG files in resources/icons, drawn by Qt's SVG icon engine at the size
and device pixel ratio asked, so they stay sharp at 200 % scaling."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from icanal_desktop.core.resources import resource_path

APP_ICON = "icanal-desktop"


def icon(name: str) -> QIcon:
    """resources/icons/NAME.svg (a null icon if the file is missing)."""
    path = resource_path("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()


def app_icon() -> QIcon:
    return icon(APP_ICON)
