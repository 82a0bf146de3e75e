"""What the three PyInstaller specs share: the app's metadata, what goes into the bundle and
what is left out of it.

Imported by the specs (PyInstaller puts nothing of its own in this module) and by
packaging/build_linux.py. Set ICANAL_BUNDLE_UNTRIMMED=1 to build the same bundle without
the trim, to measure what the trim saves (docs/PACKAGING.md).
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
BUILD = ROOT / "build"  # generated icons and version resource
APP_NAME = "iCanal Desktop"
EXECUTABLE = "icanal-desktop"
BUNDLE_ID = "example.icanal.desktop"
PUBLISHER = "iCanal"
DESCRIPTION = "iCanal Desktop: your iCanal account (espace client) on your computer"
COPYRIGHT = "© 2026 iCanal"
ENTRY = str(PACKAGING / "entry.py")
ICON_SVG = ROOT / "resources" / "icons" / "icanal-desktop.svg"
UNTRIMMED = os.environ.get("ICANAL_BUNDLE_UNTRIMMED") == "1"


def version() -> str:
    """The app's version, read from its source (the spec must not import the app)."""
    text = (ROOT / "icanal_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    assert match, "icanal_desktop/__init__.py has no __version__"
    return match.group(1)


def version_tuple() -> tuple[int, int, int, int]:
    numbers = [int(part) for part in re.findall(r"\d+", version())[:4]]
    return tuple([*numbers, 0, 0, 0, 0][:4])  # type: ignore[return-value]


# -- what goes in ------------------------------------------------------------------------------


def hidden_imports() -> list[str]:
    """Modules PyInstaller cannot see being imported, and the keyring's whole chain.

    keyring finds its backends through entry points and imports them by name; the Secret
    Service backend needs secretstorage -> jeepney (D-Bus) and cryptography, whose bindings
    want `_cffi_backend`. Without any of them keyring silently falls back to `fail.Keyring`
    (packaging/smoke_test.sh checks a real round trip inside the bundle)."""
    from PyInstaller.utils.hooks import collect_submodules

    names = [
        *collect_submodules("keyring.backends"),
        *collect_submodules("icanal_sandbox"),  # `--demo` runs the sandbox in-process
        *collect_submodules("uvicorn"),
        "_cffi_backend",
    ]
    if sys.platform.startswith("linux"):
        names += [
            *collect_submodules("secretstorage"),
            *collect_submodules("jeepney"),
            *collect_submodules("cryptography.hazmat.primitives"),
        ]
    elif sys.platform == "win32":
        names += ["win32ctypes.core", "win32ctypes.pywin32", "win32timezone"]
    return sorted(set(names))


# The About dialog reads versions and licences from these distributions' metadata; keyring
# also needs its own to find its backends (entry points).
METADATA = [
    "icanal-desktop",
    "keyring",
    "requests",
    "urllib3",
    "certifi",
    "idna",
    "charset-normalizer",
    "sqlite-utils",
    "platformdirs",
    "pyside6-essentials",
    "pyside6-addons",
    "shiboken6",
    "jaraco.classes",
    "jaraco.functools",
    "jaraco.context",
    "fastapi",
    "starlette",
    "pydantic",
    "uvicorn",
    "fpdf2",
    "fonttools",
]
LINUX_METADATA = ["secretstorage", "jeepney", "cryptography", "cffi"]


def datas() -> list[tuple[str, str]]:
    from importlib.metadata import PackageNotFoundError

    from PyInstaller.utils.hooks import copy_metadata

    resources = ROOT / "resources"
    found: list[tuple[str, str]] = [
        (str(resources / "translations" / "icanal_fr.qm"), "resources/translations"),
        (str(resources / "icons"), "resources/icons"),
        (str(resources / "api"), "resources/api"),
    ]
    assert (resources / "translations" / "icanal_fr.qm").exists(), (
        "compile the translations first (python3 dev.py setup)"
    )
    names = METADATA + (LINUX_METADATA if sys.platform.startswith("linux") else [])
    if UNTRIMMED:
        names += ["pillow"]  # only that bundle carries Pillow (TRIM_EXCLUDES)
    for name in names:
        with contextlib.suppress(PackageNotFoundError):  # a platform-only dependency
            found += copy_metadata(name)
    return found


# Python packages that are in the build environment (dev tools) but never in the app.
EXCLUDES = [
    "tkinter",
    "_tkinter",
    "hypothesis",
    "pytest",
    "_pytest",
    "pytestqt",
    "mypy",
    "mypyc",
    "ast_serialize",
    "ruff",
    "icalendar",
    "httpx",
    "IPython",
    "pip",
    "pydoc_data",
    "lib2to3",
    # Qt modules the app does not use (`grep -rh "from PySide6" icanal_desktop`).
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtMultimedia",
    "PySide6.QtNetwork",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.Qt3DCore",
]
# Left out of the trimmed bundle only: the untrimmed one is B5's baseline (docs/PERFORMANCE.md).
# Pillow (~9 MiB with its libraries): fpdf2 imports it in try/except, only to place images; the
# demo server's bill PDFs are text only and come out byte for byte the same without it
# (tests/packaging/test_bundle_trim.py renders one with PIL blocked).
TRIM_EXCLUDES = ["PIL"]
if not UNTRIMMED:
    EXCLUDES += TRIM_EXCLUDES

# -- what is left out: paths inside the bundle ----------------------------------------------
# Qt plugins kept, by folder. A folder not listed is dropped whole.
KEEP_PLUGINS = {
    # xcb for X11 and XWayland, offscreen for the smoke test, windows/cocoa on theirs
    "platforms": r"(lib)?q(xcb|offscreen|windows|cocoa|minimal)\.(so|dll|dylib)",
    "platformthemes": r"libqxdgdesktopportal\.so",  # native file dialogs (not GTK: ~20 MB)
    "platforminputcontexts": r"lib(compose|ibus)platforminputcontextplugin\.so",  # accents
    "xcbglintegrations": r".*",
    "iconengines": r"(lib)?qsvgicon\.(so|dll|dylib)",  # our SVG icons
    "imageformats": r"(lib)?q(svg|ico|jpeg|gif)\.(so|dll|dylib)",
    "printsupport": r".*",  # printing bills
    "styles": r".*",  # Windows 11 / macOS native styles
}
# Qt libraries only needed by dropped plugins (Wayland, QML virtual keyboard, eglfs).
# (QtNetwork stays: libQt6Pdf links to it; QtOpenGL too: QtCharts does.)
DROP_QT_LIBS = re.compile(
    r"(lib)?Qt6?(Qml|QmlMeta|QmlModels|QmlWorkerScript|Quick|QuickWidgets|VirtualKeyboard"
    r"|VirtualKeyboardQml|WaylandClient|WaylandEglClientHwIntegration|WlShellIntegration"
    r"|EglFSDeviceIntegration|EglFsKmsSupport)\b"
)
# Python bindings of Qt modules pulled in by hooks but never imported.
DROP_QT_BINDINGS = re.compile(r"PySide6/Qt(Network|OpenGL|Qml|Quick)\.(abi3\.so|pyd)$")
# Qt's own translations: only the languages the app has (qtbase: dialogs' buttons).
KEEP_QT_TRANSLATIONS = re.compile(r"qtbase_(fr)\.qm$")
# Never in a bundle: Windows' software OpenGL (~20 MB; the app draws no 3D).
DROP_ANY = re.compile(r"opengl32sw\.dll$")
# Linux: system libraries left out of the bundle, so that the system's own copy is used (the
# .deb depends on their packages: DEB_DEPENDS in build_linux.py). Each one has to match a part
# of the system it runs on, so a copy from the build machine can only be worse; the AppImage
# project's "excludelist" (libraries assumed on every desktop) leaves out the first two groups
# for the reasons given. Libraries that only these needed go with them (`trim`).
SYSTEM_LIBS = {
    # X11's client library has to match the system's libxcb, which PyInstaller never bundles
    # (excludelist: "libX11.so.6: undefined symbol: xcb_wait_for_reply64"); libXau and
    # libXdmcp are libxcb's own dependencies.
    "libX11.so.6",
    "libX11-xcb.so.1",
    "libXau.so.6",
    "libXdmcp.so.6",
    # fontconfig reads the system's /etc/fonts: an older copy stalls or fails on a newer
    # configuration (excludelist); FreeType, "low-level font rendering", goes with it.
    "libfontconfig.so.1",
    "libfreetype.so.6",
    # The CUPS client talks to the system's print server (no server, no printing anyway). It
    # alone (for Qt's cups print plugin) brought GnuTLS, Avahi, p11-kit, nettle, GMP,
    # libunistring, libidn2... ~7 MiB, all dropped with it (Kerberos stays: QtNetwork's).
    "libcups.so.2",
    # The D-Bus client talks to the system's bus, which the keyring (Secret Service) needs
    # anyway. It brought libsystemd, libgcrypt, lz4 and libcap.
    "libdbus-1.so.3",
}
# Libraries that must stay whatever a trim rule says: the keyring's Secret Service chain, and
# what the Python runtime links to, whose system copies may differ in version or build options
# (libssl, libsqlite3...), and the C++ and GCC runtimes of the build machine's compiler.
NEVER_DROP = re.compile(
    r"_cffi_backend|cryptography|jeepney|secretstorage|keyring"
    r"|^lib(python3|ssl|crypto|sqlite3|ffi|z|lzma|bz2|stdc\+\+|gcc_s)\."
)


def keep(dest: str) -> bool:
    """Whether a file, by its path inside the bundle, stays in the trimmed bundle."""
    if UNTRIMMED:
        return True
    path = PurePosixPath(dest.replace("\\", "/"))
    text = str(path)
    if NEVER_DROP.search(text):
        return True
    if DROP_ANY.search(path.name):
        return False
    parts = path.parts
    if len(parts) == 1 and path.name in SYSTEM_LIBS:
        return False  # PyInstaller puts the system's libraries at the top of the bundle
    if DROP_QT_LIBS.match(path.name) and "plugins" not in parts:
        return False  # in PySide6/Qt/lib, or its symlink at the top of the bundle
    if any(p.endswith(".framework") and DROP_QT_LIBS.match(p) for p in parts):
        return False  # macOS: the whole framework, not a folder without its library
    if "PySide6" in parts:
        if DROP_QT_BINDINGS.search(text):
            return False
        if "translations" in parts:
            return bool(KEEP_QT_TRANSLATIONS.search(path.name))
        if "plugins" in parts:
            index = parts.index("plugins")
            if len(parts) <= index + 2:
                return True
            pattern = KEEP_PLUGINS.get(parts[index + 1])
            return pattern is not None and re.fullmatch(pattern, path.name) is not None
    return True


Toc = list[tuple[str, str, str]]


def _name(dest: str) -> str:
    return PurePosixPath(dest.replace("\\", "/")).name


def trim(toc: Toc) -> Toc:
    """A PyInstaller TOC (Analysis.binaries or .datas) without what `keep` leaves out, and
    without the libraries that only the left-out files needed (the GTK stack of the GTK
    platform theme, for one)."""
    kept = [entry for entry in toc if keep(entry[0])]
    dropped = [entry for entry in toc if not keep(entry[0])]
    if not dropped:
        return kept
    # PyInstaller links Qt's libraries at the top of the bundle: a SYMLINK entry has its
    # target's name, and only the real file can be read by ldd.
    real = [(dest, src) for dest, src, kind in toc if kind != "SYMLINK"]
    by_name = {_name(dest): src for dest, src in real if keep(dest)}

    def closure(roots: list[str]) -> set[str]:
        seen: set[str] = set()
        todo = list(roots)
        while todo:
            for name in _imports(todo.pop()):
                if name in by_name and name not in seen:
                    seen.add(name)
                    todo.append(by_name[name])
        return seen

    orphans = closure([src for dest, src in real if not keep(dest)])
    needed = closure([src for dest, src in real if keep(dest) and _name(dest) not in orphans])
    unneeded = {name for name in orphans - needed if not NEVER_DROP.search(name)}
    return [entry for entry in kept if _name(entry[0]) not in unneeded]


def _imports(src: str) -> list[str]:
    """Base names of the shared libraries a binary links to directly (none for a data file).

    Directly: on Linux PyInstaller asks ldd, which lists the whole tree, so that the libraries
    of a left-out system library (libcups: GnuTLS, Kerberos...) would look needed by whatever
    needs that library (Qt's cups print plugin)."""
    if sys.platform.startswith("linux"):
        return _elf_needed(src)
    from PyInstaller.depend import bindepend

    try:
        return [
            PurePosixPath(name.replace("\\", "/")).name for name, _ in bindepend.get_imports(src)
        ]
    except Exception:  # not a binary (datas), or one the platform's tool cannot read
        return []


def _elf_needed(src: str) -> list[str]:
    """The DT_NEEDED entries of an ELF file, read by binutils' readelf."""
    import shutil
    import subprocess

    try:
        with open(src, "rb") as file:
            if file.read(4) != b"\x7fELF":
                return []
    except OSError:
        return []
    readelf = shutil.which("readelf")
    if readelf is None:
        raise SystemExit("readelf not found: install binutils (apt-get install binutils)")
    out = subprocess.run(  # noqa: S603 - binutils on a file PyInstaller collected
        [readelf, "-dW", src], capture_output=True, text=True, check=False
    ).stdout
    return [line.rsplit("[", 1)[-1].rstrip("]") for line in out.splitlines() if "(NEEDED)" in line]


def png_icon(size: int = 512) -> str:
    """The app's SVG icon rendered to a PNG in build/ (PyInstaller makes the .ico and the
    .icns out of it with Pillow)."""
    out = BUILD / f"icanal-desktop-{size}.png"
    if out.exists() and out.stat().st_mtime >= ICON_SVG.stat().st_mtime:
        return str(out)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(ICON_SVG)).render(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    assert image.save(str(out)), f"could not write {out}"
    return str(out)


def ico_icon() -> str:
    """build/icanal-desktop.ico (16 to 256 px) for the Windows executable and its installer."""
    from PIL import Image  # Pillow: in the venv with the sandbox extra (fpdf2)

    out = BUILD / "icanal-desktop.ico"
    sizes = [(n, n) for n in (16, 24, 32, 48, 64, 128, 256)]
    with Image.open(png_icon(256)) as image:
        image.save(out, sizes=sizes)
    return str(out)


def windows_version_file() -> str:
    """build/version_info.txt: the Windows version resource (company, product, file version)
    in PyInstaller's text form, read by PyInstaller on Windows only."""
    numbers = version_tuple()
    strings = {
        "CompanyName": PUBLISHER,
        "FileDescription": APP_NAME,
        "FileVersion": version(),
        "InternalName": EXECUTABLE,
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": f"{EXECUTABLE}.exe",
        "ProductName": APP_NAME,
        "ProductVersion": version(),
    }
    table = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3F, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
{table}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
    out = BUILD / "version_info.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return str(out)
