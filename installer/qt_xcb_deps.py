"""Which Debian packages Qt's xcb platform plugin still needs on this machine.

Qt names only the first library it cannot load ("could not load the Qt platform plugin
xcb"), so a fresh machine fails one library at a time. This asks `ldd` about the installed
PySide6's platforms/libqxcb.so instead, which lists every missing library at once (also
those of libQt6XcbQpa it pulls in), and maps each to the Debian package that ships it.

Run with the venv's Python after PySide6 is installed (the Makefile does). Exit status 0
when nothing is missing; otherwise 1, after installing the packages when run as root or
printing the one apt-get command to run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# Qt 6's xcb list (doc.qt.io "Qt for X11 Requirements") as Debian runtime packages, plus the
# libraries the plugin links besides: soname -> package (Debian 12 names).
PACKAGES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-dri3.so.0": "libxcb-dri3-0",
    "libxcb-present.so.0": "libxcb-present0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libXext.so.6": "libxext6",
    "libXfixes.so.3": "libxfixes3",
    "libXi.so.6": "libxi6",
    "libXrender.so.1": "libxrender1",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libOpenGL.so.0": "libopengl0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$", re.MULTILINE)


def plugin_path() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"


def missing_libraries(ldd_output: str) -> list[str]:
    """The sonames `ldd` reports as "not found", each once, in its order."""
    return list(dict.fromkeys(_NOT_FOUND.findall(ldd_output)))


def packages_for(libraries: list[str]) -> tuple[list[str], list[str]]:
    """(Debian packages to install, sonames no package is known for)."""
    packages = [PACKAGES[name] for name in libraries if name in PACKAGES]
    unknown = [name for name in libraries if name not in PACKAGES]
    return list(dict.fromkeys(packages)), unknown


def ldd(path: Path) -> str:
    return subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=False).stdout


def install_command(packages: list[str]) -> str:
    return "sudo apt-get install -y " + " ".join(packages)


def main() -> int:
    plugin = plugin_path()
    if not sys.platform.startswith("linux") or not plugin.exists() or not shutil.which("ldd"):
        return 0
    missing = missing_libraries(ldd(plugin))
    if not missing:
        return 0
    packages, unknown = packages_for(missing)
    if unknown:
        print(f"note: Qt's xcb plugin also misses {', '.join(unknown)}", file=sys.stderr)
    if not packages:
        return 1
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"installing the libraries Qt's window needs: {' '.join(packages)}", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        install = ["apt-get", "install", "-y", "-qq", *packages]
        if subprocess.run(install, env=env, stdout=subprocess.DEVNULL).returncode != 0:
            # A fresh image has no package lists yet: fetch them once, then try again.
            subprocess.run(["apt-get", "update", "-qq"], env=env, check=False)
            subprocess.run(install, env=env, stdout=subprocess.DEVNULL, check=False)
        still = missing_libraries(ldd(plugin))
        if not still:
            return 0
        packages, _ = packages_for(still)
    print("Keukentafel's window needs these system libraries. Install them with:\n"
          f"  {install_command(packages)}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
