"""The window's single facade over the signed-in account (see session.py)."""

from icanal_desktop.gui.session.account import ConnectionState
from icanal_desktop.gui.session.session import Session

__all__ = ["ConnectionState", "Session"]
