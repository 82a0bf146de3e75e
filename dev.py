#!/usr/bin/env python3
"""Project tasks that work the same on Linux, macOS and Windows.

    python3 dev.py demo      # set up .venv if needed, then open the app on the embedded demo
    python3 dev.py test      # set up .venv if needed, then lint, type-check and run every test
    python3 dev.py setup     # only create or refresh .venv (and compile translations)
    python3 dev.py translations  # add new user-facing strings to resources/translations/*.ts
    python3 dev.py package   # build the Linux bundle, its .tar.gz and its .deb into dist/
    python3 dev.py bench     # run the benchmarks and print their table (docs/PERFORMANCE.md)

The virtual environment lives in `.venv` next to this file. It is reinstalled only when
pyproject.toml or constraints.txt change (a stamp inside .venv remembers their hash), so the
second run of either command starts at once.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".icanal-install-stamp"
INPUTS = ("pyproject.toml", "constraints.txt")


def venv_bin(name: str) -> Path:
    folder = "Scripts" if os.name == "nt" else "bin"
    suffix = ".exe" if os.name == "nt" else ""
    return VENV / folder / f"{name}{suffix}"


def wanted_stamp() -> str:
    digest = hashlib.sha256()
    for name in INPUTS:
        digest.update((ROOT / name).read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def setup() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be run by any python3
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    if not venv_bin("python").exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = wanted_stamp()
    if STAMP.exists() and STAMP.read_text() == stamp:
        return
    print("installing dependencies into .venv (pinned by constraints.txt)", flush=True)
    pip = [str(venv_bin("python")), "-m", "pip", "--disable-pip-version-check"]
    run([*pip, "install", "--quiet", "-c", "constraints.txt", "-e", ".[sandbox,dev,packaging]"])
    STAMP.write_text(stamp)


TRANSLATIONS = ROOT / "resources" / "translations"


def compile_translations() -> None:
    """.ts (committed) -> .qm (built): run on every setup so a checkout always has them."""
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            run([str(venv_bin("pyside6-lrelease")), "-silent", str(ts), "-qm", str(qm)])


def update_translations() -> None:
    """Adds the strings of the source to every .ts, drops the ones that are gone."""
    sources = sorted(str(p) for p in (ROOT / "icanal_desktop").rglob("*.py"))
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        run(
            [
                str(venv_bin("pyside6-lupdate")),
                "-no-obsolete",
                "-locations",
                "none",
                *sources,
                "-ts",
                str(ts),
            ]
        )


def run(command: list[str], env: dict[str, str] | None = None) -> None:
    result = subprocess.run(command, cwd=ROOT, env=env, check=False)
    if result.returncode != 0:
        sys.exit(result.returncode)


def test(extra: list[str]) -> None:
    python = str(venv_bin("python"))
    run([python, "-m", "ruff", "check", "."])
    run([python, "-m", "ruff", "format", "--check", "."])
    run([python, "-m", "mypy"])
    run([python, "-m", "pytest", *extra])


def bench(extra: list[str]) -> None:
    run([str(venv_bin("python")), "-m", "benchmarks", *extra])


def package(extra: list[str]) -> None:
    """packaging/build_linux.py: PyInstaller bundle, .tar.gz and .deb (docs/PACKAGING.md)."""
    run([str(venv_bin("python")), str(ROOT / "packaging" / "build_linux.py"), *extra])


def demo(extra: list[str]) -> None:
    run([str(venv_bin("icanal-desktop")), "--demo", *extra])


def main() -> None:
    task, *extra = sys.argv[1:] or ["help"]
    if task not in {"setup", "test", "demo", "translations", "package", "bench"}:
        sys.exit(__doc__)
    setup()
    if task == "translations":
        update_translations()
    compile_translations()
    if task == "test":
        test(extra)
    elif task == "demo":
        demo(extra)
    elif task == "package":
        package(extra)
    elif task == "bench":
        bench(extra)


if __name__ == "__main__":
    main()
