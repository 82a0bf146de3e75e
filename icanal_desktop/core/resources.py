"""Finds the files in `resources/`, from a source checkout or inside a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)  # set by PyInstaller
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"  # the checkout's root


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
