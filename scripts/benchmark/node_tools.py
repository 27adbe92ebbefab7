"""Lighthouse and axe-core, installed from the npm registry at the versions
package-lock.json pins, into node_modules/ (never committed)."""

from __future__ import annotations

import hashlib
import shutil
import subprocess

from handbook.repository import ROOT

NODE_MODULES = ROOT / "node_modules"
LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"


class NodeToolsMissing(RuntimeError):
    pass


def ensure_node_tools() -> None:
    """Run `npm ci` unless node_modules already holds what package-lock.json pins."""
    lock = ROOT / "package-lock.json"
    marker = NODE_MODULES / f".installed-{hashlib.sha256(lock.read_bytes()).hexdigest()[:16]}"
    if marker.exists() and LIGHTHOUSE.exists() and AXE.exists():
        return
    npm = shutil.which("npm")
    if not npm:
        raise NodeToolsMissing(
            "the benchmark needs Node.js and npm for Lighthouse and axe-core (Debian: apt-get install nodejs npm)"
        )
    result = subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=ROOT, capture_output=True, text=True
    )
    if result.returncode:
        raise NodeToolsMissing(f"npm ci failed:\n{result.stdout}{result.stderr}")
    for old in NODE_MODULES.glob(".installed-*"):
        old.unlink()
    marker.touch()
