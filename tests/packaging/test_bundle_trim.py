"""The trim rules of packaging/bundle_common.py: what leaves the bundle and what must stay
(the keyring's Secret Service chain above all)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_common() -> ModuleType:
    # Not importable by name: the folder is called `packaging`, like a PyPI package.
    spec = importlib.util.spec_from_file_location(
        "bundle_common", ROOT / "packaging" / "bundle_common.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


common = load_common()


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
        "PIL/_imaging.cpython-311-x86_64-linux-gnu.so",  # fpdf2 (the demo server) needs it
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
        "PIL/_avif.cpython-311-x86_64-linux-gnu.so",  # the demo server's PDFs have no images
        "PIL/_webp.cpython-311-x86_64-linux-gnu.so",
        "PIL/_imagingtk.cpython-311-x86_64-linux-gnu.so",
    ],
)
def test_dropped(dest: str) -> None:
    assert not common.keep(dest)


def test_untrimmed_keeps_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common, "UNTRIMMED", True)
    assert common.keep("PySide6/Qt/plugins/platforms/libqwayland.so")


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
