"""The committed OpenAPI document: `python -m icanal_sandbox.openapi` rewrites it.

A test compares the committed file with what the code generates, so the contract in
resources/api/openapi.json can never drift from the server.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from icanal_sandbox.app import create_app
from icanal_sandbox.config import Settings
from icanal_sandbox.db import Database
from icanal_sandbox.state import Sandbox

COMMITTED = Path(__file__).resolve().parent.parent / "resources" / "api" / "openapi.json"


def generate() -> dict[str, Any]:
    db = Database(Path(":memory:"))
    try:
        return create_app(Sandbox(settings=Settings(db_path=Path(":memory:")), db=db)).openapi()
    finally:
        db.close()


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else COMMITTED
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(generate()), encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
