"""Opening another account while the first one is still syncing: the new one gets its own
sync (the old one's is cancelled, not mistaken for it)."""

from __future__ import annotations

import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from icanal_desktop.gui.operations import Query

from ..conftest import DEMO, SECOND, SandboxProcess
from .driver import Api, build, sign_in


def test_an_account_opened_during_another_ones_sync_is_synced(
    qtbot: QtBot, sandbox: SandboxProcess, data_dir: Path
) -> None:
    parts = build(qtbot, sandbox.url, data_dir)
    session = parts.session
    try:
        sign_in(qtbot, parts, *DEMO)
        # demo@'s next sync waits behind a read that holds the cache's writer until
        # second@ has opened: it is still pending when second@ asks for its own sync.
        gate = threading.Event()
        session.operations.read(Query("hold", lambda _cache: gate.wait(20)), lambda _: None)
        assert session.sync() is not None
        session.account_opened.connect(lambda _known: gate.set())
        try:
            sign_in(qtbot, parts, *SECOND)
        finally:
            gate.set()
        email = Api(sandbox.url, SECOND).get("/me")["email"]

        def second_synced() -> bool:
            snapshot = session.snapshot
            return (
                snapshot is not None
                and snapshot.profile is not None
                and (snapshot.profile.email == email)
            )

        qtbot.waitUntil(second_synced, timeout=15_000)
        assert session.account is not None
        assert session.account.login == SECOND[0]
        qtbot.waitUntil(lambda: not session.busy)
    finally:
        parts.shutdown()
