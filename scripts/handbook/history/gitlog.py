"""The content's versions, read from git with three commands whatever the length of the history.

A version is a commit on the first-parent line of HEAD (main's own commits:
squash merges, merge commits, direct commits) that touches the content folder.
Each comes with the files it changed against its first parent (blob ids), so
only those are read again.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

RECORD, UNIT = "\x1e", "\x1f"


class NoHistory(Exception):
    """The content's history cannot be read: no git, not a repository, or no commit of the content."""


@dataclass(frozen=True)
class Commit:
    sha: str
    parents: tuple[str, ...]
    date: str  # YYYY-MM-DD, the day it landed (committer date, in its own time zone)
    time: str  # ISO 8601, with offset
    subject: str  # the pull request's title on a squash or merge commit
    changed: dict[str, str | None] = field(default_factory=dict)  # path in the content folder → blob (None: deleted)


def _git(top: Path, *args: str, input: bytes | None = None) -> bytes:
    try:
        result = subprocess.run(["git", *args], cwd=top, input=input, capture_output=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise NoHistory(f"git could not be run ({error})") from error
    if result.returncode:
        raise NoHistory(result.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return result.stdout


def locate(content: Path) -> tuple[Path, str]:
    """The repository's top folder and the content folder's path in it ('checklists')."""
    if not content.is_dir():
        raise NoHistory(f"{content} is not a folder")
    top = Path(_git(content, "rev-parse", "--show-toplevel").decode().strip()).resolve()
    return top, content.resolve().relative_to(top).as_posix()


def is_shallow(top: Path) -> bool:
    return _git(top, "rev-parse", "--is-shallow-repository").decode().strip() == "true"


def shallow_commits(top: Path) -> set[str]:
    path = Path(_git(top, "rev-parse", "--git-path", "shallow").decode().strip())
    path = path if path.is_absolute() else top / path
    return set(path.read_text().split()) if path.exists() else set()


def _subject(subject: str, body: str, parents: list[str]) -> str:
    """A merge commit's subject is "Merge pull request #12 from …"; the title is the body's first line."""
    if len(parents) > 1 and subject.startswith("Merge pull request") and body.strip():
        return body.strip().splitlines()[0].strip()
    return subject


def commits(top: Path, folder: str) -> list[Commit]:
    """The content's versions, oldest first, each with the content files it changed."""
    fmt = RECORD + UNIT.join(("%H", "%P", "%cI", "%s", "%b")) + UNIT
    raw = _git(
        top,
        "log",
        "--first-parent",
        "--diff-merges=first-parent",
        "--raw",
        "--no-abbrev",
        "--no-renames",
        "--reverse",
        "-z",
        f"--format={fmt}",
        "HEAD",
        "--",
        folder,
    )
    found = []
    prefix = folder.rstrip("/") + "/"
    for record in raw.decode("utf-8", "replace").split(RECORD)[1:]:
        sha, parents, time, subject, body, rest = record.split(UNIT, 5)
        changed: dict[str, str | None] = {}
        # -z: ":old_mode new_mode old_blob new_blob status\0path\0", repeated.
        fields = rest.split("\0")
        for i in range(len(fields) - 1):
            meta, path = fields[i].strip(), fields[i + 1]
            if not meta.startswith(":") or not path.startswith(prefix):
                continue
            _, _, _, new_blob, status = meta[1:].split(" ", 4)
            changed[path[len(prefix) :]] = None if status.startswith("D") else new_blob
        parent_list = parents.split()
        found.append(Commit(sha, tuple(parent_list), time[:10], time, _subject(subject, body, parent_list), changed))
    return found


def tree(top: Path, sha: str, folder: str) -> dict[str, str]:
    """Every file of the content folder at commit `sha`: path in the folder → blob."""
    raw = _git(top, "ls-tree", "-r", "-z", sha, "--", folder)
    prefix = folder.rstrip("/") + "/"
    files = {}
    for entry in raw.decode("utf-8", "replace").split("\0"):
        if "\t" in entry:
            meta, path = entry.split("\t", 1)
            if meta.split()[1] == "blob" and path.startswith(prefix):
                files[path[len(prefix) :]] = meta.split()[2]
    return files


def blobs(top: Path, ids: list[str]) -> dict[str, bytes]:
    """The contents of many blobs, in one `git cat-file --batch`."""
    if not ids:
        return {}
    raw = _git(top, "cat-file", "--batch", input="".join(f"{blob}\n" for blob in ids).encode())
    found, at = {}, 0
    for blob in ids:
        end = raw.index(b"\n", at)
        header = raw[at:end].split()
        if len(header) < 3 or header[1] != b"blob":
            at = end + 1
            found[blob] = b""
            continue
        size = int(header[2])
        found[blob] = raw[end + 1 : end + 1 + size]
        at = end + 1 + size + 1
    return found
