"""The bundle carries the list of what it bundles, with each licence, made with
importlib.metadata from the modules collected, never typed by hand."""

from __future__ import annotations

from desktop.licences import LIST_FILE, bundled_distributions, current_list
from installer import build_info

# What PyInstaller's analysis hands the spec: module names and library paths.
COLLECTED = [
    "desktop.app", "storage.database", "PySide6.QtWidgets", "shiboken6",
    "PySide6/Qt/lib/libQt6Core.so.6", "sqlcipher3.dbapi2", "sqlalchemy.engine", "keyring",
    "json", "pip._internal", "setuptools",
]


def test_the_list_names_each_bundled_distribution_with_its_licence(tmp_path):
    path = build_info.licences(tmp_path, COLLECTED)
    assert path.name == LIST_FILE
    text = path.read_text(encoding="utf-8")
    assert "EUPL-1.2" in text.splitlines()[0]
    summary = text.split("\n\n")[1].splitlines()  # after the heading, before the texts
    lines = {line.split(" ", 1)[0].lower(): line for line in summary}
    for name in ("pyside6_essentials", "shiboken6", "sqlcipher3", "sqlalchemy", "keyring"):
        assert name in lines, name
        assert not lines[name].split(": ", 1)[1].startswith("unknown"), lines[name]
    # Our own code is under LICENCE; pip and setuptools are build tools, never shipped.
    assert not {"keukentafel", "pip", "setuptools"} & set(lines)
    # The licence texts travel with the list (sqlcipher3's metadata names none: its text does).
    assert "altered source versions must be plainly marked" in " ".join(text.lower().split())
    assert lines["sqlcipher3"].split(": ", 1)[1].startswith("Zlib")


def test_every_collected_distribution_has_a_licence():
    found = bundled_distributions(COLLECTED)
    assert [b for b in found if b.licence == "unknown"] == []


def test_the_source_tree_lists_what_the_running_app_loaded():
    # The About dialog's list outside a bundle: the distributions of the loaded modules.
    import desktop.app  # noqa: F401 - loaded as the window loads it
    import storage.store  # noqa: F401

    listed = current_list()
    assert "PySide6" in listed and "sqlcipher3" in listed
