"""The list of third-party distributions a build carries, with their licences.

The bundle's spec hands in the module names PyInstaller collected; the source tree's About
dialog hands in the modules this process has loaded. Either way the distributions are
found with importlib.metadata, so the list names exactly what is shipped, not what
pyproject.toml hoped for. No Qt here: the spec runs it at build time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from desktop.build_info import DISTRIBUTION, LICENCE, resource_root, version

LIST_FILE = "THIRD-PARTY-LICENCES.txt"
# Distributions that are build or test tools even when a hook drags a module of theirs in.
NOT_SHIPPED = frozenset({DISTRIBUTION, "pip", "setuptools", "wheel", "pyinstaller",
                         "pyinstaller-hooks-contrib", "altgraph"})
_LICENCE_CLASSIFIER = "License :: "
# For a distribution whose metadata names no licence: a phrase only that licence's text has.
_KNOWN_TEXTS = (
    ("Zlib", "altered source versions must be plainly marked"),
    ("MIT", "permission is hereby granted, free of charge"),
    ("Apache-2.0", "apache license"),
    ("BSD", "redistribution and use in source and binary forms"),
    ("MPL-2.0", "mozilla public license"),
    ("LGPL", "gnu lesser general public license"),
)


@dataclass(frozen=True)
class Bundled:
    name: str
    version: str
    licence: str
    home: str
    texts: tuple[str, ...] = ()  # the licence files the distribution ships


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def top_level(module_or_path: str) -> str:
    """"PySide6.QtCore" and "PySide6/Qt/lib/libQt6Core.so.6" are both PySide6's."""
    return re.split(r"[./\\]", module_or_path, maxsplit=1)[0]


def licence_texts(dist: metadata.Distribution) -> tuple[str, ...]:
    texts = []
    for file in dist.files or ():
        parts = [p.upper() for p in file.parts]
        if ".DIST-INFO" in "".join(parts[:1]) and any(
                p.startswith(("LICEN", "COPYING", "NOTICE")) for p in parts[1:]):
            try:
                texts.append(file.read_text(encoding="utf-8").strip())
            except (OSError, UnicodeDecodeError):
                continue
    return tuple(texts)


def licence_of(meta: metadata.PackageMetadata, texts: tuple[str, ...] = ()) -> str:
    """SPDX expression if given, else the licence classifiers, else the first line of the
    free-text License field (some paste the whole text there), else what the shipped
    licence text is recognisably."""
    expression = meta.get("License-Expression")
    if expression:
        return expression.strip()
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or []
                   if c.startswith(_LICENCE_CLASSIFIER)]
    if classifiers:
        return "; ".join(dict.fromkeys(classifiers))
    text = (meta.get("License") or "").strip()
    if text:
        return text.splitlines()[0][:120]
    for name, phrase in _KNOWN_TEXTS:
        if any(phrase in " ".join(t.lower().split()) for t in texts):
            return name
    return "unknown"


def _home(meta: metadata.PackageMetadata) -> str:
    if meta.get("Home-page"):
        return str(meta["Home-page"])
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository"):
            return url.strip()
    return ""


def bundled_distributions(modules: Iterable[str]) -> list[Bundled]:
    """The installed distributions that provide any of `modules`, sorted by name."""
    providers = metadata.packages_distributions()
    names: set[str] = set()
    for module in modules:
        names.update(providers.get(top_level(module), ()))
    found: dict[str, Bundled] = {}
    for name in names:
        if _normal(name) in NOT_SHIPPED:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        meta = dist.metadata
        texts = licence_texts(dist)
        found[_normal(meta["Name"])] = Bundled(meta["Name"], dist.version,
                                               licence_of(meta, texts), _home(meta), texts)
    return sorted(found.values(), key=lambda b: b.name.lower())


def render(bundled: Iterable[Bundled]) -> str:
    lines = [
        f"Keukentafel {version()} is licensed under the {LICENCE} (see LICENCE).",
        "It carries these third-party distributions, each under its own licence:",
        "",
    ]
    bundled = list(bundled)
    for b in bundled:
        lines.append(f"{b.name} {b.version}: {b.licence}" + (f" ({b.home})" if b.home else ""))
    # The texts follow: most of these licences ask that their text travels with the copy.
    for b in bundled:
        for text in b.texts:
            lines += ["", "=" * 72, f"{b.name} {b.version}", "=" * 72, "", text]
    return "\n".join(lines) + "\n"


def write_list(path: Path, modules: Iterable[str]) -> list[Bundled]:
    bundled = bundled_distributions(modules)
    path.write_text(render(bundled), encoding="utf-8")
    return bundled


def current_list() -> str:
    """The bundle's list when bundled; from a source tree, the list for what this process
    has loaded (the same distributions a bundle of it would carry)."""
    path = resource_root() / LIST_FILE
    if path.exists():
        return path.read_text(encoding="utf-8")
    import sys

    return render(bundled_distributions(list(sys.modules)))
