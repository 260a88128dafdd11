"""PouchDB as the peer of the first sync, measured in the same run (issue 15 sets the goal
as a multiple of PouchDB's replication of the same records).

`bench/pouchdb/replicate.js` replicates the records from one PouchDB on disk into an empty
one in a Node process of its own, once with PouchDB's default options and once with the
laptop's page size as its batch size. Node and npm are Debian packages (`nodejs`, `npm`):
installed with apt-get when we are root, else the benchmark says the one command. PouchDB
itself comes from the npm registry, at the version bench/pouchdb/package.json pins, into
`.venv/pouchdb` (so `make clean` removes it).
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench import debian
from sync.protocol import LAPTOP_PULL_LIMIT

HERE = Path(__file__).resolve().parent / "pouchdb"
@dataclass(frozen=True)
class Replication:
    name: str
    docs: int
    seconds: float


def _pouchdb(npm: str) -> Path:
    """The folder whose node_modules holds the pinned PouchDB, installed once."""
    folder = Path(__file__).resolve().parents[1] / ".venv" / "pouchdb"
    wanted = (HERE / "package.json").read_text()
    if (folder / "node_modules" / "pouchdb").is_dir() and (
            folder / "package.json").read_text() == wanted:
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "package.json").write_text(wanted)
    print("   (installing PouchDB from the npm registry)", flush=True)
    done = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--prefix", str(folder)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"npm install of PouchDB failed: {done.stderr.strip()[-400:]}")
    return folder


def replicate(records_file: Path) -> list[Replication]:
    """PouchDB's replications of the records in `records_file` (one wire-form record a
    line), in the order replicate.js runs them."""
    node, npm = debian.commands(("node", "npm"), ("nodejs", "npm"), "Node.js and npm")
    modules = _pouchdb(npm) / "node_modules"
    with tempfile.TemporaryDirectory(prefix="kt-bench-pouchdb-") as folder:
        done = subprocess.run([node, str(HERE / "replicate.js"), str(records_file), folder,
                               str(LAPTOP_PULL_LIMIT)],
                              capture_output=True, text=True,
                              env={**os.environ, "NODE_PATH": str(modules)})
    if done.returncode != 0:
        raise RuntimeError(f"the PouchDB replication failed: {done.stderr.strip()[-400:]}")
    return [Replication(**json.loads(line)) for line in done.stdout.splitlines() if line]
