"""`icanal-desktop --self-test` (what packaging/smoke_test.sh runs in the frozen app): it
signs in through the real dialog and fails when the keyring is not a secure one."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest
from keyring.backends import fail
from pytestqt.qtbot import QtBot

from icanal_desktop.core.config import AppConfig, build_parser
from icanal_desktop.core.credentials import CredentialStore
from icanal_desktop.gui.self_test import run_self_test, self_test_login

from ..conftest import DEMO, SandboxProcess


def report_of(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    out = capsys.readouterr().out
    report = json.loads(out)
    assert isinstance(report, dict)
    return report


@pytest.mark.keyring
@pytest.mark.usefixtures("secret_service")
def test_self_test_passes_with_a_real_secret_service(
    qtbot: QtBot, sandbox: SandboxProcess, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run_self_test(AppConfig(server_url=sandbox.url, data_dir=data_dir), *DEMO)
    report = report_of(capsys)
    assert code == 0, report
    assert report["ok"] is True
    assert report["keyring_backend"] == "keyring.backends.SecretService.Keyring"
    assert report["keyring_round_trip"] is True
    assert report["remembered"] is True
    assert str(report["signed_in_as"]).endswith(f"({DEMO[0]})")
    assert int(str(report["bill_pdf_bytes"])) > 500
    assert report["tabs"] == [  # every tab built, not only the one shown first
        "dashboardTab",
        "subscriptionTab",
        "billsTab",
        "paymentMethodsTab",
        "supportTab",
        "profileTab",
    ]
    assert report["frozen"] is False
    assert list(data_dir.iterdir()) == []  # its own throw-away data folder


def test_self_test_fails_when_the_keyring_fell_back_to_fail(
    qtbot: QtBot, sandbox: SandboxProcess, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    insecure = CredentialStore(backend=fail.Keyring())
    code = run_self_test(AppConfig(server_url=sandbox.url, data_dir=data_dir), *DEMO, insecure)
    report = report_of(capsys)
    assert code == 1
    assert report["ok"] is False
    assert report["keyring_backend"] == "keyring.backends.fail.Keyring"
    assert any("no secure keyring" in str(e) for e in report["errors"])  # type: ignore[attr-defined]
    assert report["signed_in_as"]  # the rest still ran and says so


def test_self_test_fails_on_a_wrong_password(
    qtbot: QtBot, sandbox: SandboxProcess, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run_self_test(
        AppConfig(server_url=sandbox.url, data_dir=data_dir),
        DEMO[0],
        "not-the-password",
        CredentialStore(backend=fail.Keyring()),
    )
    report = report_of(capsys)
    assert code == 1
    assert any("sign-in did not complete" in str(e) for e in report["errors"])  # type: ignore[attr-defined]


def test_login_and_password_for_the_self_test(monkeypatch: pytest.MonkeyPatch) -> None:
    parser = build_parser()
    args = parser.parse_args(["--self-test", "--login", "x@y.example", "--password-stdin"])
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret pass\n"))
    assert self_test_login(args, DEMO) == ("x@y.example", "s3cret pass")
    demo = parser.parse_args(["--self-test", "--demo"])
    assert self_test_login(demo, DEMO) == DEMO
    assert "--self-test" not in parser.format_help()  # hidden from users
    assert isinstance(args, argparse.Namespace)
