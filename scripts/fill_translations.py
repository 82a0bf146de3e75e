"""Fills translations into a Qt .ts file from a JSON file, for strings that lupdate added.

    python3 dev.py translations                  # lupdate: new strings arrive unfinished
    .venv/bin/python scripts/fill_translations.py resources/translations/icanal_fr.ts fr.json
    .venv/bin/python -m pytest tests/test_translations.py

The JSON maps a source text to its translation (it fills every unfinished message with that
source), or "Context|source" to the translation of that one context's message (it also
replaces one already translated). Prints what is still unfinished.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def fill(ts: Path, mapping: dict[str, str]) -> list[str]:
    tree = ET.parse(ts)  # noqa: S314 - our own file
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                continue
            qualified = f"{name}|{source}"
            unfinished = (
                translation.get("type") == "unfinished" or not (translation.text or "").strip()
            )
            if qualified in mapping or (source in mapping and unfinished):
                translation.text = mapping.get(qualified, mapping.get(source))
                translation.attrib.pop("type", None)
            elif unfinished:
                missing.append(qualified)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    text = ts.read_text(encoding="utf-8")
    if "<!DOCTYPE TS>" not in text:  # ElementTree drops it; lrelease wants it
        ts.write_text(text.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1), encoding="utf-8")
    return missing


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    mapping = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
    missing = fill(Path(sys.argv[1]), mapping)
    if missing:
        print("still unfinished:", *missing, sep="\n  ")
    else:
        print("nothing left unfinished")


if __name__ == "__main__":
    main()
