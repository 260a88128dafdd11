"""installer/qt_xcb_deps.py: every library `ldd` finds missing for Qt's xcb plugin maps to
the Debian package that ships it, and the advice is one apt-get command."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _module():
    script = ROOT / "installer" / "qt_xcb_deps.py"
    spec = importlib.util.spec_from_file_location("qt_xcb_deps", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


deps = _module()

# What ldd said about the plugin on a fresh Debian 12 with only libxcb1 (trimmed).
FRESH_LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibxcb-render-util.so.0 => not found
"""


def test_missing_libraries_are_read_from_ldd_once_each():
    assert deps.missing_libraries(FRESH_LDD) == [
        "libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1",
        "libxkbcommon-x11.so.0", "libxcb-render-util.so.0",
    ]


def test_each_missing_library_becomes_its_debian_package_in_one_command():
    packages, unknown = deps.packages_for(deps.missing_libraries(FRESH_LDD))
    assert unknown == []
    assert packages == ["libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1",
                        "libxkbcommon-x11-0", "libxcb-render-util0"]
    assert deps.install_command(packages) == (
        "sudo apt-get install -y libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 "
        "libxkbcommon-x11-0 libxcb-render-util0")


# The library families the window system brings; the rest (libc, ICU, ...) comes with any Debian.
X11_AND_GRAPHICS = ("libxcb", "libX", "libxkb", "libSM", "libICE", "libEGL.", "libGL.", "libGLX.",
                    "libfontconfig", "libfreetype", "libdbus", "libglib", "libgthread")


def test_every_library_the_installed_plugin_links_is_known():
    """All of the real plugin's dependencies (found or not) have a package: none is guessed
    at run time."""
    plugin = deps.plugin_path()
    assert plugin.exists()
    output = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout
    linked = [line.split()[0] for line in output.splitlines() if "=>" in line]
    system = [name for name in linked if name.startswith(X11_AND_GRAPHICS)]
    assert "libxcb-icccm.so.4" in system
    _, unknown = deps.packages_for(system)
    assert unknown == []


def test_the_script_says_nothing_and_succeeds_when_nothing_is_missing_or_names_one_command():
    result = subprocess.run([sys.executable, str(ROOT / "installer" / "qt_xcb_deps.py")],
                            capture_output=True, text=True, timeout=600)
    missing = deps.missing_libraries(subprocess.run(
        ["ldd", str(deps.plugin_path())], capture_output=True, text=True).stdout)
    if missing:  # not root, or apt-get could not help: one command that installs them all
        assert result.returncode == 1
        assert result.stderr.count("apt-get install") == 1
    else:
        assert result.returncode == 0
