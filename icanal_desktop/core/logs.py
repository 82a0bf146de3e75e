"""The app's log file: rotating, in the platform's log folder, with secrets redacted.

Pure Python (no Qt). Every record that reaches the file goes through `RedactingFilter`
first, so a token, a password, a card number or an IBAN that slipped into a message, its
arguments or a traceback is replaced by a marker before it is written. The redaction errs on
the side of hiding: a long run of digits is hidden even when it is not a card number.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
from pathlib import Path

import platformdirs

from icanal_desktop.core.cache.paths import APP_NAME, DATA_DIR_ENV

LOG_FILE_NAME = "icanal-desktop.log"
LOG_DIR_ENV = "ICANAL_LOG_DIR"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
REDACTED = "[redacted]"
FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"

# Names of secrets (not secrets).
_SECRET_KEYS = "|".join(
    (
        r"[a-z_]*password",
        "passwd",
        "pwd",
        r"[a-z_]*token",
        "secret",
        "client_secret",
        r"api[_-]?key",
        "cvc",
        "cvv",
        "card_number",
        "pan",
        "iban",
        "code",
        "set-cookie",
        "cookie",
    )
)
# "Bearer abc…", "Basic abc…" (an Authorization header, wherever it appears).
_AUTH_SCHEME = re.compile(r"(?i)\b(bearer|basic)(\s+)[A-Za-z0-9._~+/=-]+")
# password=…, "refresh_token": "…", 'cvc': '123', token: … (JSON, dict reprs, query strings).
_KEY_VALUE = re.compile(
    r"(?i)(?P<key>[\"']?\b(?:" + _SECRET_KEYS + r")\b[\"']?\s*[:=]\s*)"
    r"(?P<quote>[\"']?)(?P<value>[^\"'\s,&;}\]]+)"
)
# A JSON Web Token, even without a key in front of it.
_JWT = re.compile(r"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*")
# user:password@ in a URL.
_URL_CREDENTIALS = re.compile(r"(?i)(\b[a-z][a-z0-9+.-]*://[^/\s:@]+:)[^/\s@]+@")
# An IBAN: country code, check digits, 11 to 30 letters or digits, in groups or not.
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b")
# 13 to 19 digits, maybe grouped by spaces or dashes (a card number's shape).
_GROUPED_DIGITS = re.compile(r"(?<![\d.])\d(?:[ -]?\d){12,18}(?![\d])")
# Any long run of digits: hidden whatever it is.
_LONG_DIGITS = re.compile(r"\d{13,}")


def luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _card(match: re.Match[str]) -> str:
    text = match.group(0)
    digits = re.sub(r"\D", "", text)
    if text.isdigit() or luhn_ok(digits):
        return "[card]"
    return text


def redact(text: str) -> str:
    """The text with every secret it seems to hold replaced by a marker."""
    text = _AUTH_SCHEME.sub(lambda m: f"{m.group(1)}{m.group(2)}{REDACTED}", text)
    text = _JWT.sub(REDACTED, text)
    text = _URL_CREDENTIALS.sub(lambda m: f"{m.group(1)}{REDACTED}@", text)
    text = _KEY_VALUE.sub(
        lambda m: (
            m.group(0)
            if m.group("value").lower() in {"bearer", "basic", REDACTED}
            else f"{m.group('key')}{m.group('quote')}{REDACTED}"
        ),
        text,
    )
    text = _IBAN.sub("[iban]", text)
    text = _GROUPED_DIGITS.sub(_card, text)
    return _LONG_DIGITS.sub("[digits]", text)


class RedactingFilter(logging.Filter):
    """Redacts the message (arguments merged in), the traceback and the stack of a record.

    Put it on a handler: a handler's filters see the records of every logger below it."""

    def __init__(self) -> None:
        super().__init__()
        self._formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def default_log_dir() -> Path:
    """ICANAL_LOG_DIR, else next to a data folder chosen with ICANAL_DATA_DIR (demos and
    tests never write to the user's real logs), else the platform's log folder."""
    override = os.environ.get(LOG_DIR_ENV)
    if override:
        return Path(override).expanduser()
    data_override = os.environ.get(DATA_DIR_ENV)
    if data_override:
        return Path(data_override).expanduser() / "logs"
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def setup_logging(
    log_dir: Path, level: int = logging.INFO, logger: logging.Logger | None = None
) -> Path:
    """Sends `logger`'s records (the root logger's by default) to a rotating file in
    `log_dir` (created readable by the user only); returns the file's path."""
    log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = log_dir / LOG_FILE_NAME
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
    )
    if os.name == "posix":
        path.chmod(0o600)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(RedactingFilter())
    target = logger or logging.getLogger()
    target.addHandler(handler)
    if target.level == logging.NOTSET or target.level > level:
        target.setLevel(level)
    logging.captureWarnings(True)
    return path
