"""The rules of one version of one content file, by id.

Reads the ids the loader reads (handbook/loader.py): a chapter's requirements
and their procedure steps, a checklist's items and a question bank's questions.
Only what a change is judged by is kept: the Chinese and English texts and
where the rule lives (its section, its manual). Formatting, key order and the
order of the ids do not survive parsing, so a change to them is no change.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

# LibYAML where PyYAML has it; dates stay strings as in the loader.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    pass


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

KINDS = ("requirement", "step", "item", "question")


@dataclass(frozen=True)
class Rule:
    kind: str  # requirement | step | item (a checklist's item) | question
    id: str  # the rule's id; a checklist item: CHECKLIST/RULE
    zh: str  # the Chinese a change is judged by
    en: str
    section_id: str  # the section the rule is in (an item: its rule's section, when known)
    manual_id: str
    owner: str = ""  # a checklist item's checklist, a question's bank

    def __getitem__(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    @property
    def target(self) -> str:
        """The id of the rule on a page: a checklist item points at its requirement."""
        return self.id.split("/", 1)[1] if self.kind == "item" else self.id


def file_kind(path: str) -> str | None:
    """What a content file holds, by its place under the content folder ('manuals/000/02.yml')."""
    parts = path.split("/")
    if not path.endswith(".yml"):
        return None
    if len(parts) == 3 and parts[0] == "manuals" and parts[2] != "manual.yml":
        return "chapter"
    if len(parts) == 2 and parts[0] in ("quizzes", "checklists"):
        return parts[0]
    return None


def parse(path: str, text: bytes) -> tuple[Rule, ...]:
    """The rules in one file version; a version that is not readable YAML holds none (the
    build that published it would have stopped)."""
    kind = file_kind(path)
    try:
        data = yaml.load(text, Loader=_Loader) if kind else None
    except yaml.YAMLError:
        return ()
    if not isinstance(data, dict):
        return ()
    try:
        return tuple(_READERS[kind](data))
    except (KeyError, TypeError, AttributeError, IndexError):
        return ()


def _text(node, lang: str) -> str:
    if not isinstance(node, dict):
        return ""
    value = node.get(lang)
    return value.strip() if isinstance(value, str) else ""


def _manual(rule_id: str) -> str:
    return str(rule_id).split("-", 1)[0]


def _chapter(data: dict):
    for section in data.get("sections") or []:
        section_id = str(section["id"])
        for requirement in section.get("requirements") or []:
            rule_id = str(requirement["id"])
            yield Rule(
                "requirement",
                rule_id,
                _text(requirement.get("text"), "zh"),
                _text(requirement.get("text"), "en"),
                section_id,
                _manual(section_id),
            )
            for step in requirement.get("steps") or []:
                yield Rule(
                    "step",
                    str(step["id"]),
                    _text(step.get("text"), "zh"),
                    _text(step.get("text"), "en"),
                    section_id,
                    _manual(section_id),
                    owner=rule_id,
                )


def _question_text(question: dict, lang: str) -> str:
    """The question as a reader meets it: its stem, then its options, the right ones marked."""
    lines = [_text(question.get("question"), lang)]
    for option in question.get("options") or []:
        lines.append(("✓ " if option.get("correct") else "· ") + _text(option.get("text"), lang))
    if "answer" in question and not question.get("options"):
        answer = question["answer"]
        lines.append("✓ " + (" → ".join(map(str, answer)) if isinstance(answer, list) else str(answer)))
    return "\n".join(lines)


def _quiz(data: dict):
    bank = str(data.get("chapter", ""))
    for question in data.get("questions") or []:
        section_id = str(question.get("section", ""))
        yield Rule(
            "question",
            str(question["id"]),
            _question_text(question, "zh"),
            _question_text(question, "en"),
            section_id,
            _manual(question["id"]),
            owner=bank,
        )


def _checklist(data: dict):
    checklist = str(data["id"])
    for group in data.get("groups") or []:
        for item in group.get("items") or []:
            rule_id = str(item["requirement"])
            # An item is its requirement, ticked on this checklist: whether it is there is the change.
            optional = "（可选）" if item.get("optional") else ""
            section_id = "-".join(rule_id.split("-")[:2])  # 000-2.3-p1-s1 is in section 000-2.3
            yield Rule(
                "item",
                f"{checklist}/{rule_id}",
                optional,
                "(optional)" if optional else "",
                section_id,
                _manual(rule_id),
                owner=checklist,
            )


_READERS = {"chapter": _chapter, "quizzes": _quiz, "checklists": _checklist}
