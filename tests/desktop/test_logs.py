"""The log file: rotating, in the right folder, and never holding a secret."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from icanal_desktop.core import logs
from icanal_desktop.core.logs import REDACTED, default_log_dir, luhn_ok, redact, setup_logging

VISA = "4111111111111111"  # passes Luhn
IBAN = "FR7630006000011234567890189"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Authorization: Bearer abc.def-ghi_123", "abc.def-ghi_123"),
        ("headers={'Authorization': 'Basic dXNlcjpwYXNz'}", "dXNlcjpwYXNz"),
        ('{"login": "demo@icanal.example", "password": "Demo-2026!"}', "Demo-2026!"),
        ("password=hunter2&login=x", "hunter2"),
        ("{'refresh_token': 'r-tok-123', 'x': 1}", "r-tok-123"),
        ('"access_token":"a1b2c3d4"', "a1b2c3d4"),
        ("new_password: S3cret!", "S3cret!"),
        ("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_nature", "eyJhbGciOiJIUzI1NiJ9"),
        ("https://user:pa55word@example.com/x", "pa55word"),
        (f"card {VISA} refused", VISA),
        ("card 4111 1111 1111 1111 refused", "4111 1111 1111 1111"),
        ("card 4111-1111-1111-1111 refused", "4111-1111-1111-1111"),
        ("some id 12345678901234567890123 here", "12345678901234567890123"),
        (f"mandate for {IBAN}", IBAN),
        ("mandate for FR76 3000 6000 0112 3456 7890 189", "3000 6000 0112"),
        ("cvc=123", "123"),
        ("reset code: 482913", "482913"),
    ],
)
def test_secrets_are_redacted(text: str, secret: str) -> None:
    assert secret not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "GET /api/v1/bills?page=2 -> 200 in 0.12 s",
        "sync of bills: 1250 rows, subscriber 10000001",
        "2026-11-26 08:01:50,123 INFO started",
        "phone +33 6 12 34 56 78",
        "status_code=503 retry in 2 s",
    ],
)
def test_ordinary_text_is_kept(text: str) -> None:
    assert redact(text) == text


def test_luhn() -> None:
    assert luhn_ok(VISA)
    assert not luhn_ok("4111111111111112")
    # Grouped digits that are not a card number (a Luhn failure) are kept.
    assert redact("ref 4111 1111 1111 1112") == "ref 4111 1111 1111 1112"


@pytest.fixture
def logger(tmp_path: Path) -> Iterator[logging.Logger]:
    """A private logger tree, so the test never touches the root logger's handlers."""
    parent = logging.getLogger("icanal_test_logs")
    parent.propagate = False
    yield parent
    for handler in list(parent.handlers):
        handler.close()
        parent.removeHandler(handler)
    logging.captureWarnings(False)


def test_the_file_never_holds_a_secret(tmp_path: Path, logger: logging.Logger) -> None:
    path = setup_logging(tmp_path / "logs", logger=logger)
    child = logging.getLogger("icanal_test_logs.api")  # records of any logger below
    child.info("login %s with %s", "demo@icanal.example", {"password": "Demo-2026!"})
    child.warning("sent Authorization: Bearer %s", "tok-secret-42")
    try:
        raise ValueError(f"refused card {VISA} for {IBAN}")
    except ValueError:
        child.exception("payment failed")
    for handler in logger.handlers:
        handler.flush()

    text = path.read_text(encoding="utf-8")
    for secret in ("Demo-2026!", "tok-secret-42", VISA, IBAN):
        assert secret not in text
    assert "demo@icanal.example" in text  # what is not secret stays readable
    assert "ValueError: refused card [card] for [iban]" in text
    assert "payment failed" in text
    assert REDACTED in text
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_the_file_rotates(
    tmp_path: Path, logger: logging.Logger, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    path = setup_logging(tmp_path, logger=logger)
    for index in range(200):
        logger.info("line %d %s", index, "x" * 40)
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == [
        "icanal-desktop.log",
        *(f"icanal-desktop.log.{n}" for n in range(1, logs.BACKUP_COUNT + 1)),
    ]
    assert all(p.stat().st_size <= 2_000 for p in tmp_path.iterdir())
    assert "line 199" in path.read_text(encoding="utf-8")


def test_log_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ICANAL_LOG_DIR", raising=False)
    monkeypatch.delenv("ICANAL_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    platform_default = default_log_dir()
    assert "iCanal Desktop" in str(platform_default)
    monkeypatch.setenv("ICANAL_DATA_DIR", str(tmp_path / "profile"))
    assert default_log_dir() == tmp_path / "profile" / "logs"
    monkeypatch.setenv("ICANAL_LOG_DIR", str(tmp_path / "here"))
    assert default_log_dir() == tmp_path / "here"
