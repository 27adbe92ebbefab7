"""The History of a content folder: its published versions and what each changed, per rule.

Three git commands read the whole history (gitlog.py); each file version is
parsed once, by blob id, and kept in a cache on disk (.cache/handbook-history/
at the repository's top, which git ignores), so a build reparses only the
files a new commit changed. The differences the pages show (chardiff.py) are
kept beside it, so a build works out only those of a new change. `History.cost`
says what it took.

A version is a content commit on main's first-parent line. The first one the
history holds (or the last before `history_from`) is the baseline: the rules
as first published are not changes. Versions after it that change no rule
(formatting, order, stamps) are left out; an English-only change is listed as
a translation update. Without history (no git, not a repository, a shallow
clone of one commit) the History is empty and says why, once; it never
invents a date.
"""

from __future__ import annotations

import logging
import os
import pickle
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..derive import REF_MARKER
from . import chardiff, gitlog
from .compare import Change, compare
from .rules import Rule, file_kind, parse
from .settings import Settings, read_settings

log = logging.getLogger("handbook.history")
CACHE_FORMAT = 1  # raise when rules.py reads files differently: old entries are then ignored


@dataclass(frozen=True)
class Version:
    id: str  # the commit, short: what a reader's browser remembers
    sha: str
    date: str  # YYYY-MM-DD
    time: str  # ISO 8601
    subject: str
    changes: tuple[Change, ...]  # added, changed, removed: the Chinese
    translations: tuple[Change, ...]  # the English alone


@dataclass
class History:
    available: bool
    settings: Settings
    versions: tuple[Version, ...] = ()  # oldest first
    start: str = ""  # the baseline's date: changes are counted from here
    note: str = ""  # why there is no (or only part of the) history
    cost: dict = field(default_factory=dict)

    def newest_first(self) -> list[Version]:
        return list(reversed(self.versions))

    @property
    def current(self) -> Version | None:
        return self.versions[-1] if self.versions else None

    def rule_changes(self, rule_id: str) -> list[tuple[Version, Change]]:
        """A rule's changes to its Chinese, newest first (a checklist item counts for its rule)."""
        return self._index()[0].get(rule_id, [])

    def section_changes(self, section_id: str) -> list[tuple[Version, Change]]:
        """The changes to a section's rules, removed ones included, newest first."""
        return self._index()[1].get(section_id, [])

    def owner_changes(self, owner: str) -> list[tuple[Version, Change]]:
        """A checklist's items added or removed, newest first."""
        return self._index()[2].get(owner, [])

    def _index(self):
        if not hasattr(self, "_by"):
            by_rule: dict[str, list] = {}
            by_section: dict[str, list] = {}
            by_owner: dict[str, list] = {}
            for version in self.newest_first():
                for change in version.changes:
                    if change.rule.kind == "item":
                        by_owner.setdefault(change.rule.owner, []).append((version, change))
                        continue
                    by_rule.setdefault(change.id, []).append((version, change))
                    if change.rule.kind != "question":
                        by_section.setdefault(change.rule.section_id, []).append((version, change))
            self._by = (by_rule, by_section, by_owner)
        return self._by


_warned: set[str] = set()


def _warn_once(message: str) -> None:
    """Once per process, however many languages are built. Not on MkDocs' own logger, whose
    warnings fail a strict build: a build without history is still a good build."""
    if message not in _warned:
        _warned.add(message)
        log.warning("WARNING  -  " + message)


_memo: dict = {}


def history_for(content: Path, cache: bool = True) -> History:
    """The History of `content`, worked out once per process for each HEAD."""
    content = Path(content).resolve()
    settings = read_settings(content)
    if os.environ.get("HANDBOOK_HISTORY") == "off":  # the benchmark's build without it
        return History(available=False, settings=settings, note="switched off (HANDBOOK_HISTORY=off)")
    try:
        top, folder = gitlog.locate(content)
        head = gitlog._git(top, "rev-parse", "HEAD").decode().strip()
    except (gitlog.NoHistory, ValueError) as error:
        return _without(settings, f"no git history of {content.name}/ ({_first_line(error)})")
    key = (content, head, settings)
    if key not in _memo:
        _memo.clear()
        _memo[key] = build_history(content, settings, cache=cache)
    return _memo[key]


def _first_line(error: Exception) -> str:
    return (str(error).splitlines() or ["unknown"])[0]


def _without(settings: Settings, why: str) -> History:
    _warn_once(
        f"The change history is left out of this build: {why}. "
        "Build from a full clone (CI: actions/checkout with fetch-depth: 0) to publish it."
    )
    return History(available=False, settings=settings, note=why)


def build_history(content: Path, settings: Settings | None = None, cache: bool = True) -> History:
    started = time.perf_counter()
    settings = settings or read_settings(content)
    try:
        top, folder = gitlog.locate(content)
        commits = gitlog.commits(top, folder)
        shallow = gitlog.shallow_commits(top) if gitlog.is_shallow(top) else set()
    except (gitlog.NoHistory, ValueError) as error:
        return _without(settings, f"no git history of {content.name}/ ({_first_line(error)})")
    if not commits:
        return _without(settings, f"no commit touches {folder}/")
    base = 0
    if settings.history_from:
        before = [i for i, c in enumerate(commits) if c.date < settings.history_from]
        base = before[-1] if before else 0
    if len(commits) - base < 2:
        why = "the clone is shallow" if shallow else "the content has one version only"
        if shallow or not settings.history_from:
            return _without(settings, f"{why}: there is nothing to compare")
    note = ""
    if commits[base].sha in shallow and not settings.history_from:
        note = f"shallow clone: changes before {commits[base].date} are not in this build"
    elif settings.history_from and commits[0].sha in shallow and commits[0].date >= settings.history_from:
        note = f"shallow clone: changes from {settings.history_from} to {commits[0].date} are not in this build"
    if note:
        _warn_once(
            f"The change history is incomplete: {note}. "
            "Build from a full clone (CI: actions/checkout with fetch-depth: 0)."
        )
    git_started = time.perf_counter()
    files = {path: blob for path, blob in gitlog.tree(top, commits[base].sha, folder).items() if file_kind(path)}
    git_seconds = git_started - started + 0.0
    parser = _Parser(top, cache)
    # Every file version the history needs, read in one `git cat-file --batch`.
    parser.prefetch(
        {
            **files,
            **{
                f"{path}\0{blob}": blob
                for commit in commits[base + 1 :]
                for path, blob in commit.changed.items()
                if blob and file_kind(path)
            },
        }
    )
    state = parser.rules(files)
    versions = []
    compare_seconds = 0.0
    for commit in commits[base + 1 :]:
        touched = {path: blob for path, blob in commit.changed.items() if file_kind(path)}
        if not touched:
            continue
        before_ids = {rule.id for path in touched for rule in parser.file_rules(path, files.get(path))}
        for path, blob in touched.items():
            if blob is None:
                files.pop(path, None)
            else:
                files[path] = blob
        after_rules = [rule for path in touched for rule in parser.file_rules(path, files.get(path))]
        t0 = time.perf_counter()
        new_state = dict(state)
        for rule_id in before_ids:
            new_state.pop(rule_id, None)
        new_state.update({rule.id: rule for rule in after_rules})
        found = compare(state, new_state, before_ids | {rule.id for rule in after_rules})
        compare_seconds += time.perf_counter() - t0
        state = new_state
        changes = tuple(c for c in found if c.kind != "translated")
        translations = tuple(c for c in found if c.kind == "translated")
        if changes or translations:
            versions.append(
                Version(commit.sha[:10], commit.sha, commit.date, commit.time, commit.subject, changes, translations)
            )
    parser.save()
    t0 = time.perf_counter()
    diffs = parser.cache_file.with_name(f"diffs-{chardiff.DIFFS_FORMAT}.pickle") if parser.cache_file else None
    chardiff.remember(_diff_pairs(versions), diffs)
    diff_seconds = time.perf_counter() - t0
    cost = {
        "seconds": time.perf_counter() - started,
        "git_log_seconds": git_seconds,
        "git_blob_seconds": parser.git_seconds,
        "parse_seconds": parser.parse_seconds,
        "compare_seconds": compare_seconds,
        "diff_seconds": diff_seconds,
        "commits": len(commits) - base,
        "blobs_parsed": parser.parsed,
        "blobs_cached": parser.cached,
    }
    return History(
        available=True,
        settings=settings,
        versions=tuple(versions),
        start=settings.history_from or commits[base].date,
        note=note,
        cost=cost,
    )


def _diff_pairs(versions: list[Version]) -> set[tuple[bool, str, str]]:
    """Every difference the pages show: each changed or translated rule's old and new text in
    each language, as generate/changes.py shows them (by words for English)."""
    pairs = set()
    for version in versions:
        for change in version.changes + version.translations:
            if change.old is None or change.new is None:
                continue
            for lang in ("zh", "en"):
                old, new = _plain(change.old[lang]), _plain(change.new[lang])
                if old != new:
                    pairs.add((lang == "en", old, new))
    return pairs


def _plain(text: str) -> str:
    return REF_MARKER.sub("", text or "").strip()


class _Parser:
    """Each file version's rules, parsed once: in memory for this build, on disk for the next."""

    def __init__(self, top: Path, cache: bool):
        self.top = top
        folder = os.environ.get("HANDBOOK_HISTORY_CACHE") or top / ".cache" / "handbook-history"
        self.cache_file = Path(folder) / f"rules-{CACHE_FORMAT}.pickle" if cache else None
        self.known: dict[str, tuple[Rule, ...]] = self._load()
        self.loaded = len(self.known)
        self.parsed = self.cached = 0
        self.parse_seconds = self.git_seconds = 0.0
        self._by_blob_id: dict[str, dict[str, Rule]] = {}

    def _load(self) -> dict:
        if not self.cache_file or not self.cache_file.exists():
            return {}
        try:
            with self.cache_file.open("rb") as stream:
                data = pickle.load(stream)
            return data if isinstance(data, dict) else {}
        except Exception:  # a damaged cache is only a slower build
            return {}

    def save(self) -> None:
        if not self.cache_file or len(self.known) == self.loaded:
            return
        try:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.cache_file.with_suffix(".tmp")
            with temporary.open("wb") as stream:
                pickle.dump(self.known, stream, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(self.cache_file)
        except OSError:
            pass

    def _key(self, path: str, blob: str) -> str:
        return f"{file_kind(path)}:{blob}"

    def prefetch(self, files: dict[str, str]) -> None:
        pairs = [(p.split("\0", 1)[0], b) for p, b in files.items() if b]
        missing = {self._key(p, b): (p, b) for p, b in pairs if self._key(p, b) not in self.known}
        if not missing:
            return
        t0 = time.perf_counter()
        texts = gitlog.blobs(self.top, sorted({b for _, b in missing.values()}))
        t1 = time.perf_counter()
        for key, (path, blob) in missing.items():
            self.known[key] = parse(path, texts.get(blob, b""))
            self.parsed += 1
        self.git_seconds += t1 - t0
        self.parse_seconds += time.perf_counter() - t1

    def file_rules(self, path: str, blob: str | None) -> tuple[Rule, ...]:
        if not blob:
            return ()
        key = self._key(path, blob)
        if key not in self.known:
            self.prefetch({path: blob})
        else:
            self.cached += 1
        return self.known[key]

    def rules(self, files: dict[str, str]) -> dict[str, Rule]:
        self.prefetch(files)
        state: dict[str, Rule] = {}
        for path in sorted(files):
            state.update({rule.id: rule for rule in self.file_rules(path, files[path])})
        return state
