"""Help → About: the app's version and the versions and licences of the components it ships
with, read from their installed metadata (the bundle carries it) where possible."""

from __future__ import annotations

import platform
import re
from dataclasses import dataclass
from importlib import metadata

from PySide6.QtCore import QSize, Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from icanal_desktop import __version__
from icanal_desktop.gui.views.common.icons import app_icon


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str


# (shown name, distribution, licence when the metadata does not say it in SPDX form)
COMPONENTS = (
    ("Qt", "", "LGPL-3.0-only"),
    ("PySide6 (Qt for Python)", "pyside6-essentials", "LGPL-3.0-only"),
    ("PySide6 Addons (Qt PDF, Qt Charts)", "pyside6-addons", "LGPL-3.0-only"),
    ("Shiboken6", "shiboken6", "LGPL-3.0-only"),
    ("Python", "", "PSF-2.0"),
    ("requests", "requests", "Apache-2.0"),
    ("urllib3", "urllib3", "MIT"),
    ("certifi", "certifi", "MPL-2.0"),
    ("idna", "idna", "BSD-3-Clause"),
    ("charset-normalizer", "charset-normalizer", "MIT"),
    ("keyring", "keyring", "MIT"),
    ("SecretStorage", "secretstorage", "BSD-3-Clause"),
    ("jeepney", "jeepney", "MIT"),
    ("cryptography", "cryptography", "Apache-2.0 OR BSD-3-Clause"),
    ("sqlite-utils", "sqlite-utils", "Apache-2.0"),
    ("SQLite", "", "Public domain"),
    ("platformdirs", "platformdirs", "MIT"),
    ("FastAPI (demo server)", "fastapi", "MIT"),
    ("Uvicorn (demo server)", "uvicorn", "BSD-3-Clause"),
    ("Starlette (demo server)", "starlette", "BSD-3-Clause"),
    ("pydantic (demo server)", "pydantic", "MIT"),
    ("fpdf2 (demo server)", "fpdf2", "LGPL-3.0-only"),
    ("Pillow (demo server)", "pillow", "MIT-CMU"),
    ("fontTools (demo server)", "fonttools", "MIT"),
)

_CLASSIFIER = re.compile(r"License :: OSI Approved :: (.+)")


def _field(meta: metadata.PackageMetadata, name: str) -> str:
    # PackageMetadata (the typed protocol) has no .get()
    return str(meta[name]) if name in meta else ""


def _licence_from(meta: metadata.PackageMetadata, fallback: str) -> str:
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    text = _field(meta, "License").strip()
    if text and len(text) <= 60 and "\n" not in text:
        return text
    for classifier in meta.get_all("Classifier") or []:
        match = _CLASSIFIER.match(classifier)
        if match:
            return match.group(1)
    return fallback


def bundled_components() -> list[Component]:
    """Every component that is installed here, with its version and licence."""
    import sqlite3

    found = []
    for name, distribution, fallback in COMPONENTS:
        if name == "Qt":
            found.append(Component(name, qVersion(), fallback))
        elif name == "Python":
            found.append(Component(name, platform.python_version(), fallback))
        elif name == "SQLite":
            found.append(Component(name, sqlite3.sqlite_version, fallback))
        else:
            try:
                meta = metadata.metadata(distribution)
            except metadata.PackageNotFoundError:
                continue  # not on this platform (SecretStorage is Linux only) or not bundled
            found.append(Component(name, meta["Version"], _licence_from(meta, fallback)))
    return found


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About iCanal Desktop"))
        self.resize(780, 560)

        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(QSize(64, 64), self.devicePixelRatioF()))
        self.title = QLabel(self.tr("<b>iCanal Desktop</b> {version}").format(version=__version__))
        self.title.setObjectName("aboutVersion")
        self.title.setAccessibleName(self.tr("Version"))
        self.title.setStyleSheet("font-size: 15pt;")
        summary = QLabel(
            self.tr(
                "Your iCanal account on your computer: subscription, bills, payments and "
                "help, also offline.\n© 2026 iCanal. All rights reserved."
            )
        )
        summary.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.addWidget(self.title)
        texts.addWidget(summary)
        header.addLayout(texts, 1)

        components = bundled_components()
        self.components = QTableWidget(len(components), 3)
        self.components.setObjectName("aboutComponents")
        self.components.setAccessibleName(self.tr("Bundled components and their licences"))
        self.components.setHorizontalHeaderLabels(
            [self.tr("Component"), self.tr("Version"), self.tr("Licence")]
        )
        self.components.verticalHeader().hide()
        self.components.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, component in enumerate(components):
            for column, text in enumerate((component.name, component.version, component.licence)):
                self.components.setItem(row, column, QTableWidgetItem(text))
        self.components.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.components.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.components.resizeColumnsToContents()
        self.components.resizeRowsToContents()
        self.components.horizontalHeader().setStretchLastSection(True)

        lgpl = QLabel(
            self.tr(
                "Qt and PySide6 are used under the GNU Lesser General Public License "
                "version 3: their libraries are shipped as separate files that you may replace, "
                'and their source code is available at <a href="https://download.qt.io">'
                "download.qt.io</a>."
            )
        )
        lgpl.setObjectName("aboutLgplNote")
        lgpl.setWordWrap(True)
        lgpl.setOpenExternalLinks(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(QLabel(self.tr("Bundled components:")))
        layout.addWidget(self.components, 1)
        layout.addWidget(lgpl)
        layout.addWidget(buttons)
