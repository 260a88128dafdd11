"""The Dutch catalogue is complete: pyside6-lupdate re-scans desktop/ into a copy of the
committed .ts, and every message must then have a finished Dutch translation that keeps
the placeholders of its source. Strings lupdate cannot see (a translate() under another
name, or with a computed context) would stay English at run time, so those fail too."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "keukentafel_nl.ts"
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"
PLACEHOLDER = re.compile(r"%(?:\d+|n)")


def _rescanned(tmp_path: Path) -> ET.Element:
    copy = tmp_path / "keukentafel_nl.ts"
    shutil.copy(TS, copy)
    subprocess.run(
        [str(LUPDATE), "-no-obsolete", "-locations", "none", "-extensions", "py",
         str(ROOT / "desktop"), "-ts", str(copy)],
        check=True, capture_output=True,
    )
    return ET.parse(copy).getroot()


def test_every_string_has_a_finished_dutch_translation(tmp_path):
    root = _rescanned(tmp_path)
    assert root.get("language", "").startswith("nl")
    messages = [
        (context.findtext("name"), message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]
    assert len(messages) > 100, "lupdate found too few strings: is it scanning .py files?"
    problems = []
    for context, message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{context}: {source!r} is unfinished")
        elif not all(f.strip() for f in forms):
            problems.append(f"{context}: {source!r} has no Dutch text")
        else:
            wanted = set(PLACEHOLDER.findall(source))
            for form in forms:
                if set(PLACEHOLDER.findall(form)) - {"%n"} != wanted - {"%n"}:
                    problems.append(f"{context}: {source!r} loses or adds a placeholder")
    assert problems == [], "\n".join(problems)


_TRANSLATORS = {"QCoreApplication", "QApplication", "QGuiApplication"}


def _translate_calls_lupdate_cannot_read(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        # `_t = QCoreApplication.translate`: lupdate only knows the names tr and translate.
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Attribute):
            if node.value.attr == "translate":
                for target in node.targets:
                    if isinstance(target, ast.Name) and target.id != "translate":
                        found.append(f"{path.name}:{node.lineno} translate renamed {target.id}")
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            # QTransform.translate and its kin share the name; only Qt's translate is a string.
            owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(
                func.value, ast.Name) else None
            is_qt_translate = isinstance(func, ast.Name) or owner in _TRANSLATORS
            if name == "translate" and node.args and is_qt_translate:
                if not (isinstance(node.args[0], ast.Constant) and len(node.args) > 1
                        and isinstance(node.args[1], ast.Constant)):
                    found.append(f"{path.name}:{node.lineno} translate() without literals")
            if name == "tr" and node.args and not isinstance(node.args[0], ast.Constant):
                found.append(f"{path.name}:{node.lineno} tr() without a literal")
    return found


def test_every_translated_string_is_one_lupdate_can_read():
    problems = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        problems += _translate_calls_lupdate_cannot_read(path)
    assert problems == [], "\n".join(problems)
