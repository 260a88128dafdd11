"""The core knows nothing of the screen: storage/ and sync/ never import Qt, and the
service never imports desktop/."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", ["storage", "sync"])
def test_core_never_imports_qt(package):
    offenders = [
        str(p.relative_to(ROOT))
        for p in _modules(package)
        if any(n.split(".")[0] in ("PySide6", "shiboken6", "PyQt6", "PyQt5") for n in _imports(p))
    ]
    assert _modules(package), f"{package}/ has no modules"
    assert offenders == []


def test_storage_does_not_reach_the_network():
    offenders = [
        str(p.relative_to(ROOT)) for p in _modules("storage")
        if any(n.split(".")[0] in ("httpx", "fastapi", "uvicorn") for n in _imports(p))
    ]
    assert offenders == []


def test_service_never_imports_desktop():
    offenders = [
        str(p.relative_to(ROOT)) for p in _modules("sync/service")
        if any(n.split(".")[0] == "desktop" for n in _imports(p))
    ]
    assert offenders == []


def test_merge_is_pure():
    allowed = {"__future__", "collections", "dataclasses", "difflib", "typing", "sync"}
    imported = {n.split(".")[0] for n in _imports(ROOT / "sync" / "merge.py")}
    assert imported <= allowed
