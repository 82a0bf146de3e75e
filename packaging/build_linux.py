"""Builds the Linux bundle, its .tar.gz and its .deb into dist/ (run by `python3 dev.py package`,
with the .venv's Python, after the translations are compiled).

    dist/icanal-desktop/                      the one-folder bundle (PyInstaller)
    dist/icanal-desktop-VERSION-linux-x86_64.tar.gz
    dist/icanal-desktop_VERSION_amd64.deb     installs to /opt/icanal-desktop
    dist/sizes.json                           bundle/archive sizes (docs/PACKAGING.md)

`--untrimmed` builds the same bundle without the trim into dist/untrimmed/ only to measure it
(B5's baseline: neither trimmed nor stripped). Needs binutils (strip, readelf) and dpkg-deb.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle_common as common

DIST = common.ROOT / "dist"
BUILD = common.ROOT / "build"
SPEC = common.PACKAGING / "icanal-desktop-linux.spec"
INSTALL_DIR = "/opt/icanal-desktop"

# What a bare Debian 12 / Ubuntu 22.04+ desktop may lack for Qt's xcb platform plugin and
# the libraries the bundle does not carry: PyInstaller leaves out the system's graphics stack,
# and the trim the libraries that must match the system (common.SYSTEM_LIBS: X11, fontconfig,
# FreeType, D-Bus, CUPS).
DEB_DEPENDS = [
    "libc6 (>= 2.31)",
    "libegl1",
    "libgl1",
    "libglib2.0-0 | libglib2.0-0t64",
    "libfontconfig1",
    "libfreetype6",
    "libdbus-1-3",
    "libx11-6",
    "libx11-xcb1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-xfixes0",
    "libxcb-xinerama0",
    "libxcb-xkb1",
    "libcups2 | libcups2t64",  # printing bills (Qt's cups print plugin)
]
DEB_RECOMMENDS = ["gnome-keyring | kwalletmanager | keepassxc", "xdg-utils"]

DESKTOP_ENTRY = """\
[Desktop Entry]
Type=Application
Version=1.4
Name=iCanal Desktop
GenericName=Pay-TV account
GenericName[fr]=Espace client TV
Comment=Your iCanal account: subscription, bills, payments and help, also offline
Comment[fr]=Votre espace client iCanal : abonnement, factures, paiements et aide, même hors ligne
Exec=icanal-desktop %U
Icon=icanal-desktop
Terminal=false
Categories=Office;Finance;
Keywords=iCanal;TV;bills;invoice;subscription;factures;abonnement;
StartupWMClass=icanal-desktop
"""

WRAPPER = f"""\
#!/bin/sh
# iCanal Desktop, installed in {INSTALL_DIR} by the icanal-desktop package.
exec {INSTALL_DIR}/icanal-desktop "$@"
"""


def run(command: list[str], env: dict[str, str] | None = None) -> None:
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True, env=env)  # noqa: S603 - our own build commands


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build_bundle(dist: Path, work: Path, untrimmed: bool = False) -> Path:
    env = dict(os.environ)
    env["ICANAL_BUNDLE_UNTRIMMED"] = "1" if untrimmed else "0"
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(SPEC),
        ],
        env=env,
    )
    bundle = dist / common.EXECUTABLE
    if not untrimmed:
        saved = strip_debug_info(bundle / "_internal")
        print(f"stripped symbols and debug info: {mib(saved)} MiB", flush=True)
    check_bundle(bundle)
    return bundle


def binutils(tool: str, *args: str, check: bool = True) -> str:
    """The output of one of binutils' tools (strip, readelf) run on our own build output."""
    program = shutil.which(tool)
    if program is None:
        sys.exit(f"{tool} not found: install binutils (apt-get install binutils)")
    result = subprocess.run(  # noqa: S603 - a tool of binutils on our own build output
        [program, *args], capture_output=True, text=True, check=check
    )
    return result.stdout


def _program_headers(path: Path) -> str:
    """How the loader maps a file (`readelf -lW` less its first line, which names the file)."""
    return binutils("readelf", "-lW", str(path)).split("\n", 1)[-1]


def _is_elf(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(4) == b"\x7fELF"


def _has_symbols(path: Path) -> bool:
    """Whether an ELF file carries a symbol table or debug sections (what strip removes)."""
    sections = binutils("readelf", "-SW", str(path), check=False)
    return " .symtab " in sections or " .debug_" in sections


def strip_debug_info(internal: Path) -> int:
    """Strips the shared libraries of the bundle the way Debian packages do (dh_strip:
    `strip --strip-unneeded`): symbol tables and debug info, which the loader never reads;
    libpython3.11 alone goes from 23 to 6 MiB. Returns the bytes saved.

    Not PyInstaller's `strip=True`: it strips every binary, and binutils' strip can break a
    library that auditwheel's patchelf rewrote ("ELF load command address/offset not
    page-aligned", seen with Pillow's). Here a file is kept as it was whenever stripping
    changed its program headers, the loader's view of it, which strip alone never should.
    The executable is not touched (PyInstaller appends its archive to it)."""
    saved = 0
    for path in sorted(internal.rglob("*.so*")):
        if path.is_symlink() or not path.is_file() or not _is_elf(path):
            continue
        if (path.parent / f".{path.name}.hmac").exists() or path.with_suffix(".chk").exists():
            continue  # a FIPS checksum of the file (libgcrypt, NSS): it must stay as it is
        if not _has_symbols(path):
            continue
        stripped = path.with_name(path.name + ".stripped")
        binutils("strip", "--strip-unneeded", "-o", str(stripped), str(path))
        if _program_headers(stripped) != _program_headers(path):
            print(f"not stripped (strip would move its segments): {path.name}", flush=True)
            stripped.unlink()
            continue
        saved += path.stat().st_size - stripped.stat().st_size
        stripped.chmod(path.stat().st_mode)
        stripped.replace(path)
    return saved


def check_bundle(bundle: Path) -> None:
    """What a careless trim loses silently: fail the build instead of the user's keyring."""
    internal = bundle / "_internal"
    must_have = [
        "_cffi_backend*.so",
        "keyring-*.dist-info/entry_points.txt",
        "resources/translations/icanal_fr.qm",
        "resources/icons/icanal-desktop.svg",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/translations/qtbase_fr.qm",
    ]
    missing = [pattern for pattern in must_have if not any(internal.glob(pattern))]
    if missing:
        sys.exit(f"the bundle lacks {missing}")
    unresolved = unresolved_libraries(internal)
    if unresolved:
        sys.exit(f"bundled binaries need libraries neither bundled nor the system's: {unresolved}")


def unresolved_libraries(internal: Path) -> dict[str, list[str]]:
    """Libraries that a bundled binary links to (ELF NEEDED) and that are neither in the bundle
    nor left to the system, by PyInstaller (glibc, OpenGL, libxcb) or by the trim
    (common.SYSTEM_LIBS): what a trim rule dropped by mistake."""
    from PyInstaller.depend import dylib

    files = [p for p in internal.rglob("*.so*") if p.is_file() and not p.is_symlink()]
    bundled = {p.name for p in internal.rglob("*.so*")}
    unresolved: dict[str, list[str]] = {}
    for path in files:
        for line in binutils("readelf", "-dW", str(path), check=False).splitlines():
            if "(NEEDED)" not in line:
                continue
            name = line.rsplit("[", 1)[-1].rstrip("]")
            if name in bundled or name in common.SYSTEM_LIBS or name.startswith("ld-linux"):
                continue  # ld-linux: glibc's loader, which PyInstaller never bundles
            if not dylib.include_library(name):
                continue
            unresolved.setdefault(name, []).append(str(path.relative_to(internal)))
    return unresolved


def make_tarball(bundle: Path, version: str) -> Path:
    out = DIST / f"{common.EXECUTABLE}-{version}-linux-x86_64.tar.gz"
    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=f"{common.EXECUTABLE}-{version}")
    return out


def make_deb(bundle: Path, version: str) -> Path:
    root = BUILD / "deb" / "root"
    if root.exists():
        shutil.rmtree(root)
    opt = root / INSTALL_DIR.lstrip("/")
    shutil.copytree(bundle, opt, symlinks=True)
    usr_bin = root / "usr" / "bin"
    usr_bin.mkdir(parents=True)
    (usr_bin / common.EXECUTABLE).write_text(WRAPPER)
    (usr_bin / common.EXECUTABLE).chmod(0o755)
    applications = root / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    (applications / "icanal-desktop.desktop").write_text(DESKTOP_ENTRY, encoding="utf-8")
    icons = root / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps"
    icons.mkdir(parents=True)
    shutil.copy(common.ICON_SVG, icons / "icanal-desktop.svg")
    doc = root / "usr" / "share" / "doc" / common.EXECUTABLE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "iCanal Desktop\nCopyright: 2026 iCanal. Proprietary.\n"
        "Bundled components and their licences: Help > About in the app "
        "(Qt and PySide6 under the LGPL-3.0; sources at https://download.qt.io).\n"
    )
    for path in root.rglob("*"):
        # Debian wants root-owned files, 0755 folders and programs, 0644 data.
        if path.is_dir():
            path.chmod(0o755)
        elif not path.is_symlink():
            path.chmod(0o755 if os.access(path, os.X_OK) else 0o644)
    control_dir = root / "DEBIAN"
    control_dir.mkdir()
    installed_kib = folder_size(root) // 1024
    control = {
        "Package": common.EXECUTABLE,
        "Version": version,
        "Section": "utils",
        "Priority": "optional",
        "Architecture": "amd64",
        "Maintainer": "iCanal <support@icanal.example>",
        "Installed-Size": str(installed_kib),
        "Depends": ", ".join(DEB_DEPENDS),
        "Recommends": ", ".join(DEB_RECOMMENDS),
        "Homepage": "https://espace-client.icanal.example",
        "Description": "iCanal pay-TV account space (espace client) on the desktop\n"
        " See your plan and renewal, change or cancel it, read and pay your bills,\n"
        " manage payment methods and get help, in French or English, also offline.",
    }
    (control_dir / "control").write_text(
        "".join(f"{key}: {value}\n" for key, value in control.items())
    )
    # Refresh the menus and icon caches where the tools exist (a bare system may lack them).
    for script in ("postinst", "postrm"):
        (control_dir / script).write_text(
            "#!/bin/sh\nset -e\n"
            "if command -v update-desktop-database >/dev/null 2>&1; then\n"
            "  update-desktop-database -q /usr/share/applications || true\nfi\n"
            "if command -v gtk-update-icon-cache >/dev/null 2>&1; then\n"
            "  gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true\nfi\n"
        )
        (control_dir / script).chmod(0o755)
    out = DIST / f"{common.EXECUTABLE}_{version}_amd64.deb"
    # gzip: every dpkg reads it, and xz takes minutes of the 2 CI cores for ~15 % less.
    run(["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(root), str(out)])
    return out


def mib(size: int) -> float:
    return round(size / 1024 / 1024, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--untrimmed", action="store_true", help="also measure an untrimmed bundle")
    args = parser.parse_args()
    version = common.version()
    sizes: dict[str, float] = {}
    if args.untrimmed:
        untrimmed = build_bundle(DIST / "untrimmed", BUILD / "untrimmed", untrimmed=True)
        sizes["untrimmed_bundle_mib"] = mib(folder_size(untrimmed))
    bundle = build_bundle(DIST, BUILD / "pyinstaller")
    sizes["bundle_mib"] = mib(folder_size(bundle))
    tarball = make_tarball(bundle, version)
    sizes["tar_gz_mib"] = mib(tarball.stat().st_size)
    deb = make_deb(bundle, version)
    sizes["deb_mib"] = mib(deb.stat().st_size)
    (DIST / "sizes.json").write_text(json.dumps(sizes, indent=2) + "\n")
    print(f"bundle  {bundle}  {sizes['bundle_mib']} MiB")
    if "untrimmed_bundle_mib" in sizes:
        print(f"untrimmed bundle  {sizes['untrimmed_bundle_mib']} MiB")
    print(f"tarball {tarball}  {sizes['tar_gz_mib']} MiB")
    print(f"deb     {deb}  {sizes['deb_mib']} MiB")


if __name__ == "__main__":
    main()
