"""Themes: the platform's own look ("system"), or Fusion with a light or a dark palette.
Applied to the whole application at once, live."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

# The style and palette the app started with, kept on the application object itself.
_SYSTEM_STYLE = "_icanal_system_style"
_SYSTEM_PALETTE = "_icanal_system_palette"


def dark_palette() -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    group = QPalette.ColorGroup
    colors = {
        role.Window: QColor(37, 37, 40),
        role.WindowText: QColor(232, 232, 232),
        role.Base: QColor(28, 28, 30),
        role.AlternateBase: QColor(45, 45, 48),
        role.ToolTipBase: QColor(50, 50, 54),
        role.ToolTipText: QColor(232, 232, 232),
        role.PlaceholderText: QColor(150, 150, 150),
        role.Text: QColor(232, 232, 232),
        role.Button: QColor(50, 50, 54),
        role.ButtonText: QColor(232, 232, 232),
        role.BrightText: QColor(255, 90, 90),
        role.Link: QColor(110, 170, 255),
        role.Highlight: QColor(42, 110, 200),
        role.HighlightedText: QColor(255, 255, 255),
        role.Light: QColor(70, 70, 74),
        role.Midlight: QColor(60, 60, 64),
        role.Mid: QColor(45, 45, 48),
        role.Dark: QColor(20, 20, 22),
        role.Shadow: QColor(0, 0, 0),
    }
    for r, color in colors.items():
        palette.setColor(r, color)
    for r in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, r, QColor(128, 128, 128))
    return palette


def apply_theme(app: QApplication, theme: str) -> None:
    """theme: "system", "light" or "dark"."""
    if app.property(_SYSTEM_STYLE) is None:
        app.setProperty(_SYSTEM_STYLE, app.style().name())
        app.setProperty(_SYSTEM_PALETTE, QPalette(app.palette()))
    if theme == "system":
        style = QStyleFactory.create(str(app.property(_SYSTEM_STYLE)))
        if style is not None:
            app.setStyle(style)
        palette = app.property(_SYSTEM_PALETTE)
        app.setPalette(palette if isinstance(palette, QPalette) else app.style().standardPalette())
        return
    app.setStyle("Fusion")
    style = app.style()
    app.setPalette(dark_palette() if theme == "dark" else style.standardPalette())


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128
