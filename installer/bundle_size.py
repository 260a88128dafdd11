"""Print a bundle folder's size, and its largest parts, after `make installer`: the number
to watch when keeping the bundle lean."""

from __future__ import annotations

import sys
from pathlib import Path

TOP = 8


def size_of(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main(folder: Path) -> int:
    if not folder.is_dir():
        print(f"no bundle at {folder}", file=sys.stderr)
        return 1
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    total = sum(p.stat().st_size for p in files)
    print(f"bundle {folder}: {total / 2**20:.1f} MiB in {len(files)} files; largest:")
    for path in sorted(files, key=lambda p: p.stat().st_size, reverse=True)[:TOP]:
        print(f"  {path.stat().st_size / 2**20:6.1f} MiB  {path.relative_to(folder)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "dist/keukentafel")))
