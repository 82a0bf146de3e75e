"""The sandbox's stand-in for an email provider: messages land in a table."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from icanal_sandbox.clock import iso_z
from icanal_sandbox.ids import new_id


def send_email(
    conn: sqlite3.Connection, now: datetime, to_address: str, subject: str, body: str
) -> str:
    seq = int(conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM outbox").fetchone()[0])
    message_id = new_id("msg")
    conn.execute(
        "INSERT INTO outbox (id, seq, to_address, subject, body, sent_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (message_id, seq, to_address, subject, body, iso_z(now)),
    )
    return message_id
