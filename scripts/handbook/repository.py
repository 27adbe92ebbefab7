"""Where the repository lives on its host, for the pages' edit links."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the one place the repository root is computed

_REMOTE = re.compile(
    r"^(?:https?://(?:[^@/]+@)?(?P<host1>[^/:]+)(?::\d+)?/|git@(?P<host2>[^:]+):|ssh://git@(?P<host3>[^/:]+)(?::\d+)?/)"
    r"(?P<path>.+?)(?:\.git)?/?$"
)


def edit_uri_for(remote: str, branch: str = "main") -> str:
    """The edit address prefix for a git remote URL ('' when it is not a web host)."""
    match = _REMOTE.match(remote.strip())
    if not match:
        return ""
    host = match["host1"] or match["host2"] or match["host3"]
    edit = "-/edit" if "gitlab" in host else "edit"
    return f"https://{host}/{match['path']}/{edit}/{branch}/"


def _git(*args: str) -> str:
    try:
        result = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""


def edit_uri() -> str:
    remote = _git("remote", "get-url", "origin")
    head = _git("symbolic-ref", "--short", "refs/remotes/origin/HEAD")
    branch = head.split("/", 1)[1] if "/" in head else "main"
    return edit_uri_for(remote, branch) if remote else ""


if __name__ == "__main__":
    print(edit_uri())
