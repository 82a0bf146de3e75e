"""The trim rules of packaging/bundle_common.py: what leaves the bundle and what must stay
(the keyring's Secret Service chain above all)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from .scripts import load

ROOT = Path(__file__).resolve().parents[2]

common = load("bundle_common")


@pytest.mark.parametrize(
    "dest",
    [
        "_cffi_backend.cpython-311-x86_64-linux-gnu.so",
        "cryptography/hazmat/bindings/_rust.abi3.so",
        "jeepney/__init__.py",
        "keyring-25.7.0.dist-info/entry_points.txt",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
        "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/translations/qtbase_fr.qm",
        "PySide6/Qt/lib/libQt6Network.so.6",  # libQt6Pdf links to it
        "PySide6/Qt/lib/libQt6OpenGL.so.6",  # libQt6Charts links to it
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/QtPdfWidgets.abi3.so",
        "PySide6/QtCharts.abi3.so",
        "libQt6Core.so.6",
        "PySide6/Qt/lib/QtGui.framework/Versions/A/QtGui",
        "PySide6/Qt/lib/QtGui.framework/Versions/A/Resources/Info.plist",
        "resources/translations/icanal_fr.qm",
        # What Python links to: the system's copy may differ in version or build options.
        "libpython3.11.so.1.0",
        "libssl.so.3",
        "libcrypto.so.3",
        "libsqlite3.so.0",
        "libffi.so.8",
        "libz.so.1",
        "libstdc++.so.6",
        "libgcc_s.so.1",
        # The small xcb helpers that Qt's xcb plugin needs and a desktop may lack.
        "libxcb-cursor.so.0",
        "libxcb-icccm.so.4",
    ],
)
def test_kept(dest: str) -> None:
    assert common.keep(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/plugins/imageformats/libqtiff.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
        "PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-egldevice-integration.so",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/qt_help_fr.qm",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "libQt6Quick.so.6",  # PyInstaller's symlink at the top of the bundle
        "PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick",
        "PySide6/Qt/lib/QtQuick.framework/Versions/A/Resources/Info.plist",
        "PySide6/QtNetwork.abi3.so",
        "PySide6/QtOpenGL.abi3.so",
        "PySide6\\opengl32sw.dll",
        "libX11.so.6",  # the system's: it has to match the system's libxcb
        "libfontconfig.so.1",
        "libcups.so.2",
        "libdbus-1.so.3",
    ],
)
def test_dropped(dest: str) -> None:
    assert not common.keep(dest)


def test_untrimmed_keeps_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common, "UNTRIMMED", True)
    assert common.keep("PySide6/Qt/plugins/platforms/libqwayland.so")
    assert common.keep("libcups.so.2")


def test_pillow_is_left_out_of_the_trimmed_bundle_only(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "PIL" in common.EXCLUDES
    monkeypatch.setenv("ICANAL_BUNDLE_UNTRIMMED", "1")
    untrimmed = load("bundle_common")
    assert "PIL" not in untrimmed.EXCLUDES  # B5's baseline is a plain PyInstaller bundle
    assert "pytest" in untrimmed.EXCLUDES
    assert "pillow" not in common.METADATA  # the About dialog lists only what is bundled


def test_system_libraries_spare_what_python_and_the_keyring_need() -> None:
    assert common.SYSTEM_LIBS
    for name in common.SYSTEM_LIBS:
        assert not common.NEVER_DROP.search(name), name
    for name in ["libpython3.11.so.1.0", "libssl.so.3", "libcrypto.so.3", "libsqlite3.so.0"]:
        assert common.NEVER_DROP.search(name), name
    for name in ["libzstd.so.1", "libk5crypto.so.3", "libgcrypt.so.20", "libgnutls.so.30"]:
        assert not common.NEVER_DROP.search(name), name


def test_trim_drops_what_only_a_system_library_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    links = {  # what each (fake) file links to
        "/plugins/libcupsprintersupport.so": ["libcups.so.2", "libQt6Gui.so.6"],
        "/sys/libcups.so.2": ["libgnutls.so.30", "libssl.so.3", "libz.so.1"],
        "/sys/libgnutls.so.30": ["libnettle.so.8"],
        "/qt/libQt6Gui.so.6": ["libz.so.1"],
    }
    monkeypatch.setattr(common, "_imports", lambda src: links.get(src, []))
    plugin = "/plugins/libcupsprintersupport.so"
    toc = [
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", plugin, "BINARY"),
        ("libcups.so.2", "/sys/libcups.so.2", "BINARY"),
        ("libgnutls.so.30", "/sys/libgnutls.so.30", "BINARY"),
        ("libnettle.so.8", "/sys/libnettle.so.8", "BINARY"),
        ("libssl.so.3", "/sys/libssl.so.3", "BINARY"),
        ("libz.so.1", "/sys/libz.so.1", "BINARY"),
        ("libQt6Gui.so.6", "/qt/libQt6Gui.so.6", "BINARY"),
    ]
    kept = {dest for dest, _, _ in common.trim(toc)}
    assert kept == {
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "libssl.so.3",  # only libcups linked to it, but Python's _ssl needs it
        "libz.so.1",  # Qt needs it too
        "libQt6Gui.so.6",
    }


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF files")
def test_direct_imports_of_an_elf_file() -> None:
    import PySide6

    if shutil.which("readelf") is None:
        pytest.skip("binutils' readelf is needed to build the bundle, not to run the app")
    gui = Path(PySide6.__file__).parent / "Qt" / "lib" / "libQt6Gui.so.6"
    names = common._imports(str(gui))
    assert "libfontconfig.so.1" in names
    assert "libexpat.so.1" not in names  # fontconfig's (ldd would list it)
    assert common._imports(__file__) == []


def test_bill_pdfs_need_no_pillow() -> None:
    """The bundle leaves Pillow out: fpdf2 makes the demo server's bills byte for byte the
    same without it, and says nothing about it."""
    script = textwrap.dedent(
        """
        import hashlib, sys, warnings
        warnings.simplefilter("error")
        if sys.argv[1] == "without":
            sys.modules["PIL"] = None  # import PIL raises ImportError
        from icanal_sandbox.pdf import BillDocument, BillLine, render_bill
        doc = BillDocument(
            "F1-202611-001", "Camille Durand", ["12 rue des Lilas", "69003 Lyon"], "10000001",
            "CT-1", "2026-11-17", "2026-12-16", "2026-11-17", "2026-12-02",
            [BillLine("Abonnement Cinéma+", 1, 3999, 3999)], 3333, 666, 3999, 2000, "Due",
        )
        pdf = render_bill(doc)
        assert pdf.startswith(b"%PDF")
        pillow = sys.modules.get("PIL") is not None
        print(pillow, hashlib.sha256(pdf).hexdigest())
        """
    )
    runs = {
        how: subprocess.run(
            [sys.executable, "-c", script, how],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        for how in ("with", "without")
    }
    with_pillow, without = (runs[how].stdout.split() for how in ("with", "without"))
    assert without[0] == "False"  # Pillow was not there
    assert without[1] == with_pillow[1]
    assert runs["without"].stderr == ""


def test_the_keyring_chain_is_in_the_hidden_imports() -> None:
    pytest.importorskip("PyInstaller", reason="the packaging extra (python3 dev.py setup)")
    names = set(common.hidden_imports())
    assert {"keyring.backends.SecretService", "keyring.backends.fail", "_cffi_backend"} <= names
    if sys.platform.startswith("linux"):
        assert {"secretstorage", "jeepney", "jeepney.io.blocking"} <= names
    assert "icanal_sandbox.embedded" in names  # --demo in the bundle


def test_version_comes_from_the_package() -> None:
    from icanal_desktop import __version__

    assert common.version() == __version__
    assert common.version_tuple()[:2] == tuple(int(p) for p in __version__.split(".")[:2])


def test_windows_version_resource(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from icanal_desktop import __version__

    monkeypatch.setattr(common, "BUILD", tmp_path)
    text = Path(common.windows_version_file()).read_text(encoding="utf-8")
    found: dict[str, object] = {}

    def record(name: str):  # stands in for PyInstaller's classes (Windows only)
        def make(*args: object, **kwargs: object) -> tuple[str, tuple[object, ...]]:
            if name == "StringStruct":
                found[str(args[0])] = args[1]
            if name == "FixedFileInfo":
                found["filevers"] = kwargs["filevers"]
            return name, args

        return make

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable"]
    names += ["StringStruct", "VarFileInfo", "VarStruct"]
    eval(text, {n: record(n) for n in names})  # noqa: S307 - our own generated file
    assert found["ProductVersion"] == found["FileVersion"] == __version__
    assert found["ProductName"] == "iCanal Desktop"
    assert found["CompanyName"] == "iCanal"
    assert found["filevers"] == common.version_tuple()


def test_icons_for_windows_and_macos(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # qapp: png_icon() makes a QGuiApplication when none exists; widget tests need theirs.
    pytest.importorskip("PIL", reason="Pillow comes with the sandbox extra")
    from PIL import Image

    monkeypatch.setattr(common, "BUILD", tmp_path)
    with Image.open(common.png_icon(256)) as png:
        assert png.size == (256, 256)
        assert png.getpixel((128, 128)) != png.getpixel((0, 0))  # drawn, not blank
    with Image.open(common.ico_icon()) as ico:
        assert ico.format == "ICO"
        assert (256, 256) in ico.info["sizes"]
