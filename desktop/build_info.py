"""What this build is: its version, licence and source address, from the source tree or a
PyInstaller bundle alike. No Qt: `keukentafel --version` runs headless.

The version lives only in pyproject.toml. An installed checkout reads it back from the
distribution's metadata; a bundle carries no metadata of ours, so the spec writes it into
`build-info.json` at the bundle's root (installer/build_info.py) and that file is the
fallback.
"""

from __future__ import annotations

import json
import re
import sys
from importlib import metadata
from pathlib import Path

DISTRIBUTION = "keukentafel"
LICENCE = "EUPL-1.2"
BUILD_INFO_FILE = "build-info.json"
UNKNOWN_VERSION = "0+unknown"

_URL_LINE = re.compile(r"^url:\s*[\"']?(\S+?)[\"']?\s*$", re.MULTILINE)


def bundle_root() -> Path | None:
    """The bundle's data folder when running from PyInstaller, else None."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if bundle else None


def resource_root() -> Path:
    """Where LICENCE, publiccode.yml and resources/ are: the bundle, or the source tree."""
    return bundle_root() or Path(__file__).resolve().parents[1]


def version(bundle: Path | None = None) -> str:
    """This build's version: the bundle's build-info.json, else the installed metadata."""
    bundle = bundle if bundle is not None else bundle_root()
    if bundle is not None:
        try:
            info = json.loads((bundle / BUILD_INFO_FILE).read_text(encoding="utf-8"))
            return str(info["version"])
        except (OSError, ValueError, KeyError):
            pass  # a hand-made bundle without the file still has a version below
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return UNKNOWN_VERSION


def source_url(root: Path | None = None) -> str:
    """The repository's address as publiccode.yml names it ("" when the file is missing)."""
    path = (root or resource_root()) / "publiccode.yml"
    try:
        found = _URL_LINE.search(path.read_text(encoding="utf-8"))
    except OSError:
        return ""
    return found.group(1) if found else ""
