"""Start-up fixes found by benchmark B1, kept: what the window's start must not import."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from icanal_desktop.cache import AccountCache

ROOT = Path(__file__).resolve().parents[2]


def test_starting_the_window_does_not_import_sqlite_utils() -> None:
    # sqlite-utils (with click, pluggy and dateutil) cost ~0.1 s of every start-up.
    code = "import sys, icanal_desktop.app; print('sqlite_utils' in sys.modules)"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"


def test_the_cache_still_offers_sqlite_utils_on_demand(tmp_path: Path) -> None:
    cache = AccountCache(tmp_path / "account")
    try:
        assert cache.db["bills"].exists()
        assert cache.db is cache.db  # one wrapper over the cache's own connection
    finally:
        cache.close()
