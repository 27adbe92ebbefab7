"""A reader of Moodle's GIFT format, written from its documentation
(docs.moodle.org/en/GIFT_format), independent of the exporter, so that tests
can check what an LMS would import."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_SPECIAL = re.compile(r"\\(.)")


def unescape(text: str) -> str:
    return _SPECIAL.sub(lambda m: "\n" if m.group(1) == "n" else m.group(1), text).strip()


@dataclass
class GiftQuestion:
    name: str
    category: str
    text: str
    kind: str  # truefalse | multichoice | matching
    answers: list = field(default_factory=list)  # multichoice: (text, weight %, feedback); matching: (left, right)
    truth: bool | None = None
    general_feedback: str = ""


def _unescaped(text: str, chars: str) -> list[int]:
    """Positions of `chars` not preceded by a backslash escape."""
    found, i = [], 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] in chars:
            found.append(i)
        i += 1
    return found


def parse(source: str) -> list[GiftQuestion]:
    questions, category = [], ""
    lines = [line for line in source.splitlines() if not line.lstrip().startswith("//")]
    for block in re.split(r"\n\s*\n", "\n".join(lines)):
        block = block.strip()
        if not block:
            continue
        if block.startswith("$CATEGORY:"):
            category = block.split(":", 1)[1].strip()
            continue
        name = ""
        if block.startswith("::"):
            end = block.index("::", 2)
            name, block = unescape(block[2:end]), block[end + 2 :]
        opening = _unescaped(block, "{")[0]
        closing = _unescaped(block, "}")[-1]
        text, body = unescape(block[:opening]), block[opening + 1 : closing].strip()
        general = ""
        if "####" in body:
            body, general = body.split("####", 1)
            general = unescape(general)
        question = GiftQuestion(name=name, category=category, text=text, kind="multichoice", general_feedback=general)
        head = body.strip().split("#", 1)[0].strip()
        if head in ("T", "TRUE", "F", "FALSE"):
            question.kind, question.truth = "truefalse", head.startswith("T")
        else:
            marks = _unescaped(body, "=~")
            items = [body[a:b].strip() for a, b in zip(marks, marks[1:] + [len(body)])]
            if any(" -> " in item for item in items):
                question.kind = "matching"
                question.answers = [tuple(unescape(part) for part in item[1:].split(" -> ", 1)) for item in items]
            else:
                for item in items:
                    weight = 100.0 if item[0] == "=" else 0.0
                    rest = item[1:]
                    match = re.match(r"%(-?[\d.]+)%", rest)
                    if match:
                        weight, rest = float(match.group(1)), rest[match.end() :]
                    hashes = _unescaped(rest, "#")
                    answer, feedback = (rest[: hashes[0]], rest[hashes[0] + 1 :]) if hashes else (rest, "")
                    question.answers.append((unescape(answer), weight, unescape(feedback)))
        questions.append(question)
    return questions
