"""The commands a benchmark runs beside the service (wrk, Node.js), from Debian's packages:
installed with apt-get when we are root, else the benchmark stops with the one command."""

from __future__ import annotations

import os
import shutil
import subprocess

# Another process may hold the dpkg lock for a moment; wait for it rather than fail.
WAIT_LOCK = ["-o", "DPkg::Lock::Timeout=300"]


def commands(names: tuple[str, ...], packages: tuple[str, ...], what: str) -> list[str]:
    """The paths of the commands `names`, after installing `packages` when one is missing."""
    found = [shutil.which(name) for name in names]
    if all(found):
        return [path for path in found if path]
    install = ["apt-get", "install", "-y", *packages]
    if os.geteuid() != 0:
        raise RuntimeError(f"{what} is missing; install it with: sudo {' '.join(install)}")
    print(f"   (installing {what} with apt-get)", flush=True)
    policy = subprocess.run(["apt-cache", "policy", *packages], capture_output=True, text=True)
    if "Candidate: (none)" in policy.stdout or "Candidate" not in policy.stdout:
        subprocess.run(["apt-get", "update", "-q"], check=True, capture_output=True)
    done = subprocess.run([*install, *WAIT_LOCK], capture_output=True, text=True,
                          env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(install)} failed: {done.stderr.strip()[-400:]}")
    found = [shutil.which(name) for name in names]
    if not all(found):
        raise RuntimeError(f"apt-get did not install {what}; try: {' '.join(install)}")
    return [path for path in found if path]
