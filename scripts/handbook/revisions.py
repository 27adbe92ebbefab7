"""Issue 24: revisions of imported text, and pages that never say two things.

The four manuals were imported as edition 1 (`checklists/editions/1.json`: the
Chinese of every imported text, by where it sits). An imported text may be
revised: it then carries a record (`revised:` — the original wording, why it
changed, on whose authority). This module

- reads that record (`read_revision`, for the loader);
- holds every imported text to edition 1: unchanged, or revised with a record
  whose `original` is the imported wording (`check_revisions`);
- keeps a section consistent: a rule that restates a prose sentence (its
  `source:` quote) and that sentence are revised together, or the prose is
  marked `superseded_by:` the revised rule.

Repairs (`repairs:`) are a different thing: they restore what the damaged
source meant, and stay part of edition 1.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from pathlib import Path

from .model import Handbook, Requirement, Revision, Section, Step, Text
from .problems import Problems

EDITION_FILE = Path("editions") / "1.json"


def read_revision(doc, where: tuple, data: dict) -> Revision | None:
    """The `revised:` record of a text (already validated by the schema), or None."""
    record = data.get("revised")
    if not isinstance(record, dict):
        return None
    return Revision(
        original=record.get("original", ""),
        original_en=record.get("original_en", ""),
        why=record.get("why", ""),
        authority=record.get("authority", ""),
        line=doc.line(where + ("revised",)),
    )


def imported(text: Text) -> str:
    """The Chinese as imported: the original of a revised text, else the text itself."""
    return text.revision.original if text.revision else text.zh


# --- edition 1: where each imported text sits, and what it said ------------------------------


def imported_texts(handbook: Handbook) -> dict[str, list[Text]]:
    """Every text of the manuals by a key that names where it sits ("001-3.1 body", "001-3.1-r2 text")."""
    found: dict[str, list[Text]] = {}
    for manual in handbook.manuals:
        found[f"{manual.id} title"] = [manual.title]
        for chapter in manual.chapters:
            found[f"{chapter.id} title"] = [chapter.title]
            found[f"{chapter.id} intro"] = [t for b in chapter.intro for t in b.texts]
            found[f"{chapter.id} summary"] = [t for b in chapter.summary for t in b.texts]
            for section in chapter.sections:
                found[f"{section.id} title"] = [section.title]
                found[f"{section.id} body"] = prose(section)
                for requirement in section.requirements:
                    found[f"{requirement.id} text"] = [requirement.text] if requirement.text else []
                    for step in requirement.steps:
                        found[f"{step.id} text"] = [step.text]
                for part in section.indicators:
                    found[f"{part.id} name"], found[f"{part.id} description"] = [part.name], [part.description]
                for part in section.grades:
                    found[f"{part.id} name"], found[f"{part.id} descriptor"] = [part.name], [part.descriptor]
    return {key: texts for key, texts in found.items() if texts}


def prose(section: Section) -> list[Text]:
    return [text for block in section.body for text in block.texts]


def read_edition(content: Path) -> dict[str, list[str]] | None:
    path = content / EDITION_FILE
    if not path.exists():
        return None  # content with no imported edition (new content, test fixtures): nothing to hold to
    return json.loads(path.read_text(encoding="utf-8"))["texts"]


def write_edition(handbook: Handbook, path: Path) -> int:
    """Record the imported wording of every text (run once, when an edition is imported)."""
    texts = {key: [imported(t) for t in found] for key, found in imported_texts(handbook).items()}
    data = {
        "about": "Edition 1: the Chinese of every text imported from the source manuals, by where it sits. "
        "Never edit: a revised text keeps this wording as `revised: original:` (CONTRIBUTING.md 7.11).",
        "texts": texts,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return sum(len(v) for v in texts.values())


# --- the checks ---------------------------------------------------------------------------------


def check_revisions(handbook: Handbook, problems: Problems) -> None:
    if "manuals" in handbook.unread:
        return
    edition = read_edition(handbook.content)
    for key, texts in imported_texts(handbook).items():
        for text in texts:
            _check_record(text, problems)
            if edition is not None:
                _check_against_edition(key, text, edition.get(key), problems)
    rules = handbook.rules()
    for section in handbook.sections():
        _check_superseded(section, rules, problems)
        _check_consistency(section, problems)


def _check_record(text: Text, problems: Problems) -> None:
    file, revision = text.origin.file, text.revision
    if revision and revision.original == text.zh:
        problems.add(
            file,
            revision.line,
            "`revised:` on a text that still reads its original wording",
            "revise the zh text, or remove the `revised:` record",
        )
    if revision and text.superseded_by:
        problems.add(
            file,
            revision.line,
            "a text is either revised or superseded, not both",
            f"remove `superseded_by: {text.superseded_by}` (the prose now says it itself) or the `revised:` record",
        )


def _check_against_edition(key: str, text: Text, imported_wording: list[str] | None, problems: Problems) -> None:
    if imported_wording is None:
        return  # added after the import: new content, not a revision
    file = text.origin.file
    if text.revision:
        if text.revision.original not in imported_wording:
            problems.add(
                file,
                text.revision.line,
                "the `original:` of this revision is not the imported wording",
                f"copy it exactly as imported: {_closest(text.revision.original, imported_wording)}",
            )
    elif text.zh not in imported_wording:
        original = _closest(text.zh, imported_wording)
        # A warning, as a stale translation is: strict builds, `hb check` and CI fail on it,
        # while the editor's preview (scripts/serve) shows the edited text and says what to add.
        problems.warn(
            file,
            text.zh_line,
            "this text differs from the imported wording, with no revision record",
            f"if the organisation changed it, add `revised:` under it with `original: {original}`, "
            "`why:` and `authority:` (CONTRIBUTING.md 7.11); if not, restore the imported wording",
        )


def _closest(text: str, candidates: list[str]) -> str:
    return max(candidates, key=lambda c: difflib.SequenceMatcher(None, text, c, autojunk=False).ratio())


@dataclass
class Restatement:
    """A rule (a requirement's text or a step) and the words of the section's prose it restates."""

    rule_id: str
    kind: str  # "rule" (a requirement) or "step"
    text: Text
    quote: str  # the imported words of the prose the rule restates
    prose: Text | None  # the prose text holding them (as imported)


def restatements(section: Section) -> list[Restatement]:
    """Each rule of the section with the prose sentence it restates: a requirement by its
    `source:` quote, a step by its own imported words where the prose holds them."""
    found = []
    texts = prose(section)

    def holder(quote: str) -> Text | None:
        return next((t for t in texts if quote and quote in imported(t)), None)

    for requirement in section.requirements:
        if requirement.text:
            found.append(
                Restatement(requirement.id, "rule", requirement.text, requirement.source, holder(requirement.source))
            )
        for step in requirement.steps:
            words = imported(step.text).rstrip("。；;.")
            at = holder(words)
            if at is None and not requirement.text:
                words, at = requirement.source, holder(requirement.source)
            found.append(Restatement(step.id, "step", step.text, words, at))
    return found


def _check_consistency(section: Section, problems: Problems) -> None:
    """A page never says two things: a revised rule and the prose (or other rules) still saying the old words."""
    items = [r for r in restatements(section) if r.prose is not None]
    for item in items:
        name = f"{item.kind} {item.rule_id}"
        if item.text.revision:
            # the prose still holds the old words, and is not marked as superseded by this rule
            prose_text = item.prose
            if item.quote in prose_text.zh and not prose_text.superseded_by:
                _pair(
                    problems,
                    item.text,
                    prose_text,
                    f"{name} was revised, but the prose it restates still reads 「{item.quote}」",
                    f"prose restates {name}, which was revised",
                    f'revise the prose too (with a `revised:` record), or mark it `superseded_by: "{item.rule_id}"`',
                )
            # another rule that restates the same words and still says them
            for other in items:
                if (
                    other is not item
                    and not other.text.revision
                    and item.quote in imported(other.text)
                    and item.quote in other.text.zh
                ):
                    _pair(
                        problems,
                        other.text,
                        item.text,
                        f"{other.kind} {other.rule_id} restates the words of {name}, which was revised",
                        f"{name} was revised; {other.kind} {other.rule_id} still reads 「{item.quote}」",
                        f"revise {other.kind} {other.rule_id} too (with a `revised:` record)",
                    )
        elif item.prose.revision and item.quote not in item.prose.zh and not item.prose.superseded_by:
            _pair(
                problems,
                item.text,
                item.prose,
                f"the prose {name} restates was revised, but the {item.kind} still reads as imported",
                f"prose was revised; {name} restates its old words 「{item.quote}」",
                f"revise {name} to agree (with a `revised:` record)",
            )


def _pair(problems: Problems, text: Text, other: Text, message: str, other_message: str, hint: str) -> None:
    """Report both places, each naming the other."""
    here = f"{problems.relative(text.origin.file)}:{text.zh_line}"
    there = f"{problems.relative(other.origin.file)}:{other.zh_line}"
    problems.add(text.origin.file, text.zh_line, f"{message} (at {there})", hint)
    problems.add(other.origin.file, other.zh_line, f"{other_message} (at {here})", hint)


def _check_superseded(section: Section, rules: dict[str, Requirement | Step], problems: Problems) -> None:
    for text in prose(section):
        if not text.superseded_by:
            continue
        rule = rules.get(text.superseded_by)
        owner = rule.section if rule is not None else None
        rule_text = rule.text if rule is not None else None
        if rule is None or owner is not section:
            problems.add(
                text.origin.file,
                text.zh_line,
                f"superseded_by names '{text.superseded_by}', which is not a rule of section {section.number}",
                "name the revised requirement or step of this section that states the rule now",
            )
        elif rule_text is None or rule_text.revision is None:
            problems.add(
                text.origin.file,
                text.zh_line,
                f"superseded_by names rule {text.superseded_by}, which has not been revised",
                "revise the rule (with a `revised:` record) first, or remove superseded_by",
            )


def superseding_rule(text: Text, section: Section) -> Requirement | Step | None:
    """The revised rule a prose text is superseded by, for the page."""
    if not text.superseded_by:
        return None
    for requirement in section.requirements:
        if requirement.id == text.superseded_by:
            return requirement
        for step in requirement.steps:
            if step.id == text.superseded_by:
                return step
    return None


def count(handbook: Handbook) -> dict:
    """For the report: revised texts (by kind of place), superseded prose, and where each is."""
    revised, superseded = [], []
    for key, texts in imported_texts(handbook).items():
        for text in texts:
            where = f"{_show(handbook, text.origin.file)}:{text.zh_line}"
            if text.revision:
                revised.append(f"{where} {key.split(' ')[0]}: {text.revision.original} → {text.zh}")
            if text.superseded_by:
                superseded.append(f"{where} {key.split(' ')[0]}: superseded by {text.superseded_by}")
    return {"revised": revised, "superseded": superseded}


def _show(handbook: Handbook, path: Path) -> str:
    return path.relative_to(handbook.root).as_posix() if path.is_relative_to(handbook.root) else path.as_posix()
