"""A two-character fix to Material's search worker, applied to the built site.

Material segments a Chinese query greedily against the words in the index, but
its loops stop one character short: the last word of a query is never looked
up (应急演练 searches only 应急), and a one-character last word is dropped.
Staff type exactly such queries. The worker ships minified, so the built copy
is patched; if a Material upgrade changes the code, the build stops here
instead of silently searching worse.
"""

from __future__ import annotations

from pathlib import Path

# The word-boundary loop and the "continue after this word" test.
FIXES = [
    ("for(let o=s+1;o<t.length;o++)t.slice(s,o)in e", "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"),
    ("n[a]&&a<t.length-1&&(i[s++]=a)", "n[a]&&a<t.length&&(i[s++]=a)"),
]


class WorkerChanged(Exception):
    """Material's search worker no longer contains the code the fix expects."""


def patch_search_worker(site_dir: Path) -> Path:
    workers = sorted((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if len(workers) != 1:
        raise WorkerChanged(f"expected one search worker in {site_dir}, found {len(workers)}")
    worker = workers[0]
    code = worker.read_text(encoding="utf-8")
    for broken, fixed in FIXES:
        if fixed in code:
            continue
        if code.count(broken) != 1:
            raise WorkerChanged(
                f"{worker.name}: the Chinese query segmenter changed ({broken!r} not found once); "
                "check whether the new Material release fixed it and update scripts/handbook/search_worker.py")
        code = code.replace(broken, fixed)
    worker.write_text(code, encoding="utf-8")
    return worker
