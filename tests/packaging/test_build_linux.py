"""packaging/build_linux.py's work on a built bundle: stripping its libraries without
breaking them, and finding what a trim rule dropped by mistake."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

from .scripts import load

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux bundles"),
    pytest.mark.skipif(shutil.which("readelf") is None, reason="binutils builds the bundle"),
]

build = load("build_linux")


def unstripped_library(folder: Path) -> Path:
    """A copy of a real library that carries its symbol table (cffi's wheel ships it so)."""
    found = importlib.util.find_spec("_cffi_backend")
    assert found is not None
    assert found.origin is not None
    source = Path(found.origin)
    if not build._has_symbols(source):
        pytest.skip(f"{source.name} is stripped already here")
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(source, folder / source.name))


def test_strip_keeps_what_the_loader_reads(tmp_path: Path) -> None:
    library = unstripped_library(tmp_path / "_internal" / "sub")
    before = library.stat().st_size
    headers = build._program_headers(library)
    saved = build.strip_debug_info(tmp_path / "_internal")
    assert saved == before - library.stat().st_size > 0
    assert not build._has_symbols(library)
    assert build._program_headers(library) == headers
    assert [p.name for p in library.parent.iterdir()] == [library.name]
    assert build.strip_debug_info(tmp_path / "_internal") == 0  # nothing left to strip


def test_a_library_that_strip_would_move_stays_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = unstripped_library(tmp_path / "_internal")
    content = library.read_bytes()
    # as binutils' strip does to some libraries that patchelf rewrote (Pillow's)
    monkeypatch.setattr(build, "_program_headers", lambda path: str(path))
    assert build.strip_debug_info(tmp_path / "_internal") == 0
    assert library.read_bytes() == content
    assert [p.name for p in library.parent.iterdir()] == [library.name]


def test_a_library_missing_from_the_bundle_is_found(tmp_path: Path) -> None:
    pytest.importorskip("PyInstaller", reason="the packaging extra (python3 dev.py setup)")
    import _ssl

    internal = tmp_path / "_internal"
    internal.mkdir()
    module = Path(shutil.copy(str(_ssl.__file__), internal))
    unresolved = build.unresolved_libraries(internal)
    ssl_names = [name for name in unresolved if name.startswith("libssl.so")]
    assert ssl_names, unresolved
    assert unresolved[ssl_names[0]] == [module.name]
    assert "libc.so.6" not in unresolved  # the system's, for every program
    for name in unresolved:
        (internal / name).write_bytes(b"")  # now bundled
    assert build.unresolved_libraries(internal) == {}


def test_libraries_left_to_the_system_are_declared_by_the_deb() -> None:
    depends = " ".join(build.DEB_DEPENDS)
    packages = {
        "libX11.so.6": "libx11-6",
        "libX11-xcb.so.1": "libx11-xcb1",
        "libXau.so.6": "libxcb1",  # libxcb1 depends on libxau6 and libxdmcp6
        "libXdmcp.so.6": "libxcb1",
        "libfontconfig.so.1": "libfontconfig1",
        "libfreetype.so.6": "libfreetype6",
        "libcups.so.2": "libcups2",
        "libdbus-1.so.3": "libdbus-1-3",
    }
    assert set(packages) == build.common.SYSTEM_LIBS
    for package in packages.values():
        assert package in depends
