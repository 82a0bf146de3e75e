"""Every user-facing string has a French translation with the same placeholders."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = sorted((ROOT / "resources" / "translations").glob("*.ts"))
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def messages(ts: Path) -> list[tuple[str, str, str | None, str | None]]:
    """(context, source, translation, type) of every message."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):  # noqa: S314 - our own file
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append(
                (name, message.findtext("source") or "", translation.text, translation.get("type"))
            )
    return found


def test_there_is_a_french_translation() -> None:
    assert [p.name for p in TRANSLATIONS] == ["icanal_fr.ts"]


@pytest.mark.parametrize("ts", TRANSLATIONS, ids=lambda p: p.name)
def test_no_unfinished_or_empty_translation(ts: Path) -> None:
    bad = [(c, s) for c, s, t, kind in messages(ts) if kind is not None or not (t or "").strip()]
    assert bad == []


@pytest.mark.parametrize("ts", TRANSLATIONS, ids=lambda p: p.name)
def test_placeholders_and_shortcuts_match(ts: Path) -> None:
    for context, source, translation, _ in messages(ts):
        text = translation or ""
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), (
            context,
            source,
        )
        assert ("&" in source) == ("&" in text), (context, source)


@pytest.mark.parametrize("ts", TRANSLATIONS, ids=lambda p: p.name)
def test_every_string_of_the_code_is_in_the_file(ts: Path, tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate, "pyside6-lupdate comes with pyside6-essentials"
    fresh = tmp_path / ts.name
    shutil.copy(ts, fresh)
    sources = sorted(str(p) for p in (ROOT / "icanal_desktop").rglob("*.py"))
    subprocess.run(
        [lupdate, "-silent", "-no-obsolete", "-locations", "none", *sources, "-ts", str(fresh)],
        check=True,
    )
    missing = [(c, s) for c, s, _, kind in messages(fresh) if kind == "unfinished"]
    assert missing == [], "run `python3 dev.py translations` and translate these"
