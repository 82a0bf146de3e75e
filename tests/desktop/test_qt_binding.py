"""Guards against a Qt for Python release that breaks the interpreter.

PySide6 6.12.0 loses a reference each time a signal carries a Python bool (a Signal(bool)
of ours, or a button's clicked/toggled): after a few hundred emissions Python aborts with
"Fatal Python error: bool_dealloc" (or none_dealloc). A subscriber clicking around would
crash the app. This runs the pattern in a child process, where an abort cannot take the
test run down with it.
"""

from __future__ import annotations

import os
import subprocess
import sys

PROGRAM = """
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QCheckBox, QPushButton

class Emitter(QObject):
    flag = Signal(bool)

app = QApplication([])
emitter = Emitter()
emitter.flag.connect(lambda value: None)
box = QCheckBox()
box.toggled.connect(lambda checked: None)
button = QPushButton()
button.clicked.connect(lambda: None)
for i in range(3000):
    emitter.flag.emit(i % 2 == 0)
    box.setChecked(i % 2 == 0)
    button.click()
print("survived")
"""


def test_signals_carrying_bools_do_not_corrupt_the_interpreter() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", PROGRAM],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "survived"
