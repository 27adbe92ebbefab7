"""Issue 24: everything built on a rule follows it.

Quiz questions, rubric criteria, topic entries and glossary notes are written
from rules. Each records which version of each rule it rests on (`rests_on:`,
rule id → the fingerprint of the rule's Chinese, as `en_from_zh` does for a
translation; `scripts/hb stamp` writes it). When a rule changes, every item
resting on it is *stale* until someone has reviewed it against the new rule
and accepted it (`scripts/hb stamp --accept FILE:LINE`).

The fingerprints are read from the YAML here rather than from the model, so
the loader is untouched: `read_dependents` pairs each recorded `rests_on` with
the item of the model it belongs to.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from .model import Chapter, Grade, Handbook, Indicator, Requirement, Section, Step, Text
from .problems import Problems
from .revisions import imported, imported_texts, read_edition
from .translation import zh_hash
from .yamlsource import load_yaml

KINDS = ("quiz question", "rubric criterion", "topic entry", "glossary note")


@dataclass
class Dependent:
    kind: str  # one of KINDS
    id: str  # the question's, criterion's or topic's id; a glossary term's Chinese
    file: Path
    line: int  # the item's first line
    rules: list[str]  # the ids of what it rests on, in its own order
    stamps: dict[str, str] = field(default_factory=dict)  # id → recorded fingerprint
    stamp_lines: dict[str, int] = field(default_factory=dict)  # id → line of that entry
    rests_on_line: int = 0  # the line of `rests_on:`, 0 when there is none


@dataclass
class StaleDependent:
    dependent: Dependent
    rule_id: str
    line: int
    was: str | None  # the rule's Chinese when the item was stamped, if it can be found
    now: str


# --- what a rule is, and its fingerprint ----------------------------------------------------------


def targets(handbook: Handbook) -> dict[str, object]:
    """Everything an item may rest on, by id: requirements, steps, sections, chapters, indicators, grades."""
    found: dict[str, object] = {chapter.id: chapter for chapter in handbook.chapters()}
    found.update((section.id, section) for section in handbook.sections())
    found.update(handbook.rules())
    found.update(handbook.indicators())
    found.update(handbook.grades())
    return found


def parts(target: object) -> list[Text]:
    """The texts whose Chinese make up a rule's version."""
    if isinstance(target, Requirement):
        return ([target.text] if target.text else []) + [step.text for step in target.steps]
    if isinstance(target, Step):
        return [target.text]
    if isinstance(target, Section):
        return target.texts()
    if isinstance(target, Chapter):
        return [target.title]
    if isinstance(target, Indicator):
        return [target.name, target.description]
    if isinstance(target, Grade):
        return [target.name, target.descriptor]
    return []


def fingerprint(target: object) -> str:
    return zh_hash("\n".join(text.zh for text in parts(target)))


def _imported_fingerprint(target: object) -> str:
    return zh_hash("\n".join(imported(text) for text in parts(target)))


# --- reading the dependents ------------------------------------------------------------------------


def read_dependents(handbook: Handbook) -> list[Dependent]:
    """Every item built on rules, with what it rests on (from the model) and what it recorded (from its file)."""
    found: list[Dependent] = []
    content = handbook.content
    for quiz in handbook.quizzes:
        recorded = _recorded(quiz.origin.file, ("questions",))
        for question in quiz.questions:
            rules = list(
                dict.fromkeys(question.requirement_ids + ([question.procedure_id] if question.procedure_id else []))
            )
            found.append(
                _dependent(
                    "quiz question",
                    question.id,
                    question.origin.file,
                    question.origin.line,
                    rules or [question.section_id],
                    recorded,
                )
            )
    for rubric in handbook.rubrics:
        recorded = _recorded(rubric.origin.file, ("groups", "*", "criteria"))
        for criterion in rubric.criteria:
            rules = criterion.assesses + [x for x in (criterion.standard_id, criterion.indicator_id) if x]
            found.append(
                _dependent(
                    "rubric criterion",
                    criterion.id,
                    criterion.origin.file,
                    criterion.origin.line,
                    list(dict.fromkeys(rules)),
                    recorded,
                )
            )
    if handbook.topics:
        recorded = _recorded(handbook.topics[0].origin.file, ("topics",))
        for topic in handbook.topics:
            found.append(
                _dependent(
                    "topic entry", topic.id, topic.origin.file, topic.origin.line, list(topic.sections), recorded
                )
            )
    glossary = content / "glossary.yml"
    if handbook.glossary and glossary.exists():
        recorded = _recorded(glossary, ("terms",), key="zh")
        for term in handbook.glossary:
            mine = recorded.get(term.zh)
            if term.note and mine:  # a note rests on what it names, where an editor has said so
                found.append(
                    _dependent("glossary note", term.zh, term.origin.file, term.origin.line, list(mine[0]), recorded)
                )
    return found


def _dependent(kind: str, item_id: str, file: Path, line: int, rules: list[str], recorded: dict) -> Dependent:
    stamps, lines, rests_on_line = recorded.get(item_id, ({}, {}, 0))
    return Dependent(kind, item_id, file, line, rules, dict(stamps), dict(lines), rests_on_line)


_files: dict[tuple, dict] = {}


def _recorded(path: Path, where: tuple, key: str = "id") -> dict[str, tuple[dict, dict, int]]:
    """Item id → (its `rests_on` as recorded, the line of each entry, the line of `rests_on:`).
    `where` leads to the list of items; "*" stands for every index of a list on the way."""
    stat = path.stat()
    cache_key = (path, stat.st_mtime_ns, stat.st_size, where, key)
    if cache_key in _files:
        return _files[cache_key]
    doc = load_yaml(path, Problems(path.parent))
    found: dict[str, tuple[dict, dict, int]] = {}
    if doc is not None:
        for at, item in _items(doc.data, where, ()):
            if isinstance(item, dict) and isinstance(item.get("rests_on"), dict):
                rests = {str(k): str(v) for k, v in item["rests_on"].items()}
                lines = {str(k): doc.line(at + ("rests_on", k)) for k in item["rests_on"]}
                found[str(item.get(key))] = (rests, lines, doc.line(at + ("rests_on",)))
    if len(_files) > 64:
        _files.clear()
    _files[cache_key] = found
    return found


def _items(data, where: tuple, at: tuple):
    if not where:
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield at + (index,), item
        return
    head, rest = where[0], where[1:]
    if head == "*":
        for index, item in enumerate(data if isinstance(data, list) else []):
            yield from _items(item, rest, at + (index,))
    elif isinstance(data, dict) and head in data:
        yield from _items(data[head], rest, at + (head,))


# --- the check -------------------------------------------------------------------------------------


def stale_dependents(handbook: Handbook, dependents: list[Dependent] | None = None) -> list[StaleDependent]:
    everything = targets(handbook)
    _cache.clear()
    found = []
    history: dict[Path, dict[str, str]] = {}
    for dependent in read_dependents(handbook) if dependents is None else dependents:
        for rule_id in dependent.rules:
            target = everything.get(rule_id)
            recorded = dependent.stamps.get(rule_id)
            if target is None or recorded is None or recorded == fingerprint(target):
                continue
            was, now = _shorten(_earlier(target, recorded, handbook, history), target)
            found.append(StaleDependent(dependent, rule_id, dependent.stamp_lines[rule_id], was, now))
    return found


def _earlier(target: object, recorded: str, handbook: Handbook, history: dict) -> list[tuple[str, str]] | None:
    """(was, now) for each changed text of the rule, taking the earlier wording from the revision
    records or edition 1 (`checklists/editions/1.json`) — whichever gives the recorded version —
    or, for a single text changed twice, from the git history; None when none of them has it."""
    texts = parts(target)
    for earlier in (lambda t: imported(t), lambda t: _edition_wording(t, handbook)):
        wording = [earlier(text) for text in texts]
        if zh_hash("\n".join(wording)) == recorded:
            return [(was, text.zh) for was, text in zip(wording, texts) if was != text.zh]
    if len(texts) == 1:
        from .stale import _chinese_in_history  # git is asked only when a single text changed twice

        file = texts[0].origin.file
        if file not in history:
            history[file] = _chinese_in_history(file)
        if recorded in history[file]:
            return [(history[file][recorded], texts[0].zh)]
    return None


def _edition_wording(text: Text, handbook: Handbook) -> str:
    """The imported wording of a text changed without a revision record (the closest of its place's)."""
    edition = _edition(handbook)
    key = _keys(handbook).get(id(text))
    candidates = edition.get(key) if edition and key else None
    if not candidates or text.zh in candidates:
        return imported(text)
    return max(candidates, key=lambda c: difflib.SequenceMatcher(None, text.zh, c, autojunk=False).ratio())


_cache: dict[tuple, object] = {}


def _edition(handbook: Handbook):
    if ("edition", id(handbook)) not in _cache:
        _cache[("edition", id(handbook))] = read_edition(handbook.content)
    return _cache[("edition", id(handbook))]


def _keys(handbook: Handbook) -> dict[int, str]:
    if ("keys", id(handbook)) not in _cache:
        _cache[("keys", id(handbook))] = {id(t): key for key, texts in imported_texts(handbook).items() for t in texts}
    return _cache[("keys", id(handbook))]


def _shorten(pairs: list[tuple[str, str]] | None, target: object) -> tuple[str | None, str]:
    if pairs is None:
        texts = parts(target)
        now = " / ".join(t.zh for t in texts) if len(texts) <= 2 else f"{texts[0].zh} / … ({len(texts)} texts)"
        return None, now
    pairs = [_window(was, now) for was, now in pairs]
    return " / ".join(was for was, _ in pairs), " / ".join(now for _, now in pairs)


def _window(was: str, now: str, context: int = 12, short: int = 40) -> tuple[str, str]:
    """A long text cut to the change and a few characters either side: …在电话铃响三声内接听…"""
    if len(was) <= short and len(now) <= short:
        return was, now
    start = 0
    while start < min(len(was), len(now)) and was[start] == now[start]:
        start += 1
    end = 0
    while end < min(len(was), len(now)) - start and was[-1 - end] == now[-1 - end]:
        end += 1
    begin = max(0, start - context)

    def cut(text: str) -> str:
        stop = min(len(text), len(text) - end + context)
        return ("…" if begin else "") + text[begin:stop] + ("…" if stop < len(text) else "")

    return cut(was), cut(now)


def label(target: object, target_id: str) -> str:
    kind = {Section: "section", Chapter: "part", Indicator: "indicator", Grade: "grade"}.get(type(target), "rule")
    return f"{kind} {target_id}"


def check_dependents(handbook: Handbook, problems: Problems) -> None:
    if handbook.unread & {"manuals", "quizzes"}:
        return
    everything = targets(handbook)
    dependents = read_dependents(handbook)
    for dependent in dependents:
        unstamped = [
            rule_id for rule_id in dependent.rules if rule_id in everything and rule_id not in dependent.stamps
        ]
        if unstamped:
            problems.warn(
                dependent.file,
                dependent.rests_on_line or dependent.line,
                f"{dependent.kind} {dependent.id} does not record which version of {', '.join(unstamped)} it rests on",
                f"check it against the rule, then run scripts/hb stamp {problems.relative(dependent.file)}",
            )
        for rule_id, line in dependent.stamp_lines.items():
            if rule_id not in dependent.rules:
                problems.warn(
                    dependent.file,
                    line,
                    f"rests_on names {rule_id}, which {dependent.kind} {dependent.id} no longer rests on",
                    f"run scripts/hb stamp {problems.relative(dependent.file)} to remove it",
                )
    for item in stale_dependents(handbook, dependents):
        dependent = item.dependent
        where = f"{problems.relative(dependent.file)}:{item.line}"
        was = (
            f"「{item.was}」"
            if item.was
            else "(its earlier wording is in no revision record, edition 1 or the git history)"
        )
        review = REVIEW[dependent.kind]
        problems.warn(
            dependent.file,
            item.line,
            f"stale {dependent.kind} {dependent.id}: {label(everything.get(item.rule_id), item.rule_id)} "
            "changed since it was written; "
            f"was {was}, now 「{item.now}」",
            f"{review}, then run scripts/hb stamp --accept {where}",
        )


REVIEW = {
    "quiz question": "rewrite its stem, options, feedback and explanation to the new rule (a quiz must never "
    "teach a superseded rule: the strict build fails until it is accepted)",
    "rubric criterion": "check its title and descriptors against the new rule",
    "topic entry": "check the section still belongs under this topic and the topic's title still fits",
    "glossary note": "check the note still describes the text it names",
}


def count(handbook: Handbook) -> dict:
    """For the report: items resting on rules, stamped, and stale, by kind; and where each stale one is."""
    dependents = read_dependents(handbook)
    stale = stale_dependents(handbook, dependents)
    root = handbook.root

    def show(path: Path) -> str:
        return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()

    return {
        "by_kind": {
            kind: {
                "items": sum(d.kind == kind for d in dependents),
                "stamped": sum(d.kind == kind and bool(d.stamps) for d in dependents),
                "stale": len({s.dependent.id for s in stale if s.dependent.kind == kind}),
            }
            for kind in KINDS
        },
        "stale": [
            f"{show(s.dependent.file)}:{s.line} {s.dependent.kind} {s.dependent.id} rests on "
            f"{s.rule_id}: was {s.was or '?'}, now {s.now}"
            for s in stale
        ],
    }
