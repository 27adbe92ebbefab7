"""Load the handbook from `checklists/`, validate it, and build the model.

`load_handbook` reads every file, reports every problem at once, and raises
`ContentError` if any is an error, so that no view is built from bad content.

`read_handbook` builds the model once: every text registered as it is read
(registry.py), every lookup and back-reference derived from the finished model
(derive.py), then frozen. The checks (checks.py) only read it and report.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from pathlib import Path

from . import checks, content_text, revisions, schema
from .asked import read_asked
from .derive import derive_index
from .model import (
    Block,
    Chapter,
    Checklist,
    ChecklistGroup,
    ChecklistItem,
    Criterion,
    CriterionGroup,
    Grade,
    Handbook,
    Indicator,
    Manual,
    Onboarding,
    OnboardingStage,
    OrganisationStandard,
    Origin,
    Question,
    Quiz,
    QuizOption,
    Reference,
    Repair,
    Requirement,
    Rubric,
    RubricBand,
    RubricCap,
    RubricDescriptor,
    RubricLevel,
    Section,
    Step,
    Term,
    Text,
    Topic,
)
from .problems import ContentError, Problems
from .reading import read_checked
from .registry import TextRegistry
from .repository import ROOT
from .retired import read_retired
from .search_words import read_search_words
from .yamlsource import YamlDoc, load_yaml

# HANDBOOK_CONTENT points the build at another content folder (tests, benchmarks).
CONTENT = Path(os.environ.get("HANDBOOK_CONTENT") or ROOT / "checklists").resolve()


def load_handbook(content: Path = CONTENT, root: Path | None = None, strict: bool = True) -> tuple[Handbook, Problems]:
    """Read and check all content. Raises ContentError on errors.

    With `strict`, warnings (such as stale translations) count as errors too.
    """
    problems = Problems(root or ROOT)
    handbook = read_handbook(content, problems)
    # Checks only report: they get the finished, frozen model and add nothing to it.
    checks.check_handbook(handbook, problems)
    failing = problems.errors + (problems.warnings if strict else [])
    if failing:
        raise ContentError(sorted(set(failing)))
    return handbook, problems


_remembered: dict = {}


def load_handbook_remembered(content: Path = CONTENT) -> tuple[Handbook, Problems]:
    """load_handbook(strict=False), read again only when a content or schema file
    has changed since this process last read it. One process builds both
    languages' sites (and `mkdocs serve` rebuilds on every edit)."""
    files = sorted(p for folder in (content, schema.SCHEMA_DIR) for p in folder.rglob("*") if p.is_file())
    key = (content, tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files))
    if key not in _remembered:
        _remembered.clear()
        _remembered[key] = load_handbook(content, strict=False)
    return _remembered[key]


def read_handbook(content: Path, problems: Problems) -> Handbook:
    """Read what can be read. A file that cannot be read is left out and named
    in `handbook.unread`, so that checks which need it are skipped rather than
    reporting its absence as a hundred other problems.

    Every text is registered as it is read (`handbook.registry`), and every
    lookup and back-reference is derived once from the finished model
    (`handbook.index`, derive.py)."""
    registry = TextRegistry()
    token = _reading.set(_Reading(registry))
    try:
        handbook = _read_all(content, problems)
    finally:
        _reading.reset(token)
    handbook = replace(handbook, registry=registry.freeze())
    index = derive_index(handbook)
    for reference in handbook.references.values():
        _set(reference, "cited_by", index.cited_by.get(reference.id, ()))
    _set(handbook, "index", index)
    return handbook


class _Reading:
    """What the loader needs while it reads: the registry, and each file's kind (for the texts' kinds)."""

    def __init__(self, registry: TextRegistry):
        self.registry = registry
        self.kinds: dict[Path, str] = {}


_reading: ContextVar[_Reading] = ContextVar("handbook_reading")


def _set(obj: object, name: str, value: object) -> None:
    """Fill in a back-reference or derived field while the model is being built (it is frozen after)."""
    object.__setattr__(obj, name, value)


@contextmanager
def _owned_by(owner_id: str):
    with _reading.get().registry.owner(owner_id):
        yield


def _owned_texts(owner_id: str) -> tuple[Text, ...]:
    """The texts registered so far for `owner_id` (a chapter's or a section's own)."""
    return _reading.get().registry.read_so_far(owner_id)


def _read_all(content: Path, problems: Problems) -> Handbook:
    glossary_doc = _load(content / "glossary.yml", "glossary", problems)
    references_doc = _load(content / "references.yml", "references", problems)
    manuals = []
    unread = {name for name, doc in (("glossary", glossary_doc), ("references", references_doc)) if doc is None}
    before = len(problems.errors)
    manual_files = sorted((content / "manuals").glob("*/manual.yml"))
    if not manual_files:
        problems.add(
            content / "manuals", 1, "no manual found", "each manual lives in checklists/manuals/NNN/manual.yml"
        )
    for manual_file in manual_files:
        manual = _read_manual(manual_file, problems)
        if manual:
            manuals.append(manual)
    if len(problems.errors) > before:
        unread.add("manuals")
    before = len(problems.errors)
    quizzes = _read_quizzes(content / "quizzes", problems)
    if len(problems.errors) > before:
        unread.add("quizzes")
    asked = read_asked(content / "asked", problems)
    for question in asked:  # shown on the pages of the sections they name
        origin = question.origin
        _reading.get().registry.add_plain(question.text, question.lang, origin.file, origin.line, "asked:q")
    return Handbook(
        root=problems.root,
        content=content,
        manuals=manuals,
        references=_read_references(references_doc, problems) if references_doc else {},
        glossary=[_term(glossary_doc, ("terms", i), t) for i, t in enumerate(glossary_doc.data["terms"])]
        if glossary_doc
        else [],
        unread=frozenset(unread),
        topics=_read_topics(content / "topics.yml", problems),
        checklists=_read_checklists(content / "checklists", problems),
        rubrics=_read_rubrics(content / "rubrics", problems),
        quizzes=quizzes,
        onboarding=_read_onboarding(content / "onboarding.yml", problems),
        search_words=read_search_words(content / "search.yml", problems),
        asked=asked,
    )


def _read_checklists(folder: Path, problems: Problems) -> list[Checklist]:
    """Checklists are optional, and listed on the site in the order of their file names."""
    checklists = []
    for path in sorted(folder.glob("*.yml")):
        doc = _load(path, "checklist", problems)
        if doc is None:
            continue
        data = doc.data
        with _owned_by(data["id"]):
            checklists.append(_checklist(doc, path))
    return checklists


def _checklist(doc: YamlDoc, path: Path) -> Checklist:
    data = doc.data
    title = _text(doc, ("title",), data["title"])
    purpose = _text(doc, ("purpose",), data["purpose"])
    groups = []
    for g, group in enumerate(data["groups"]):
        where = ("groups", g)
        items = [
            ChecklistItem(
                rule_id=item["requirement"],
                optional=item.get("optional", False),
                origin=Origin(path, doc.line(where + ("items", i))),
            )
            for i, item in enumerate(group["items"])
        ]
        group_title = _text(doc, where + ("title",), group["title"]) if "title" in group else None
        groups.append(ChecklistGroup(title=group_title, items=items))
    return Checklist(
        id=data["id"], when=data["when"], title=title, purpose=purpose, groups=groups, origin=Origin(path, doc.line())
    )


def _read_rubrics(folder: Path, problems: Problems) -> list[Rubric]:
    """Rubrics are optional, and listed on the site in the order of their file names."""
    rubrics = []
    for path in sorted(folder.glob("*.yml")):
        doc = _load(path, "rubric", problems)
        if doc is not None:
            with _owned_by(doc.data["id"]):
                rubrics.append(_rubric(doc))
    return rubrics


def _rubric(doc: YamlDoc) -> Rubric:
    data, path = doc.data, doc.path
    title, purpose = _text(doc, ("title",), data["title"]), _text(doc, ("purpose",), data["purpose"])
    levels = [
        RubricLevel(
            id=level["id"],
            grade_id=level.get("grade"),
            name=_text(doc, ("levels", i, "name"), level["name"]) if "name" in level else None,
            points=level["points"],
            descriptor=_text(doc, ("levels", i, "descriptor"), level["descriptor"]),
            origin=Origin(path, doc.line(("levels", i))),
        )
        for i, level in enumerate(data["levels"])
    ]
    bands = [
        RubricBand(grade_id=band["grade"], min=band["min"], origin=Origin(path, doc.line(("bands", i))))
        for i, band in enumerate(data["bands"])
    ]
    groups = []
    for g, group in enumerate(data["groups"]):
        where = ("groups", g)
        criteria = [
            _criterion(doc, where + ("criteria", c), criterion) for c, criterion in enumerate(group["criteria"])
        ]
        groups.append(
            CriterionGroup(
                title=_text(doc, where + ("title",), group["title"]) if "title" in group else None, criteria=criteria
            )
        )
    lines = {
        "basis": doc.line(("basis",)),
        "levels": doc.line(("levels",)),
        "bands": doc.line(("bands",)),
        "groups": doc.line(("groups",)),
    }
    lines.update({f"basis.{i}": doc.line(("basis", i)) for i in range(len(data["basis"]))})
    return Rubric(
        id=data["id"],
        title=title,
        purpose=purpose,
        basis=data["basis"],
        levels=levels,
        bands=bands,
        groups=groups,
        origin=Origin(path, doc.line()),
        lines=lines,
    )


def _criterion(doc: YamlDoc, where: tuple, data: dict) -> Criterion:
    levels = {
        level: RubricDescriptor(
            text=_text(doc, where + ("levels", level), value),
            quote=value.get("quote"),
            origin=Origin(doc.path, doc.line(where + ("levels", level))),
        )
        for level, value in data.get("levels", {}).items()
    }
    critical = [
        RubricCap(
            at=cap["at"],
            cap=cap["cap"],
            because=_text(doc, where + ("critical", i, "because"), cap["because"]),
            origin=Origin(doc.path, doc.line(where + ("critical", i))),
        )
        for i, cap in enumerate(data.get("critical", []))
    ]
    own = data.get("organisation_standard")
    standard = (
        OrganisationStandard(
            asks=_text(doc, where + ("organisation_standard", "asks"), own["asks"]),
            value=_text(doc, where + ("organisation_standard", "value"), own["value"]) if "value" in own else None,
            origin=Origin(doc.path, doc.line(where + ("organisation_standard",))),
        )
        if own
        else None
    )
    lines = {key: doc.line(where + (key,)) for key in ("indicator", "standard", "weight", "title") if key in data}
    lines.update({f"assesses.{i}": doc.line(where + ("assesses", i)) for i in range(len(data["assesses"]))})
    return Criterion(
        id=data["id"],
        indicator_id=data.get("indicator"),
        title=_text(doc, where + ("title",), data["title"]) if "title" in data else None,
        standard_id=data.get("standard"),
        assesses=data["assesses"],
        weight=data["weight"],
        levels=levels,
        critical=critical,
        origin=Origin(doc.path, doc.line(where)),
        lines=lines,
        organisation_standard=standard,
    )


def _read_quizzes(folder: Path, problems: Problems) -> list[Quiz]:
    """Question banks are optional, one file per chapter, named after it."""
    quizzes = []
    for path in sorted(folder.glob("*.yml")):
        doc = _load(path, "quiz", problems)
        if doc is not None:
            questions = [_question(doc, ("questions", i), q) for i, q in enumerate(doc.data["questions"])]
            quizzes.append(
                Quiz(id=doc.data["chapter"], questions=questions, origin=Origin(path, doc.line(("chapter",))))
            )
    return quizzes


def _question(doc: YamlDoc, where: tuple, data: dict) -> Question:
    with _owned_by(data["id"]):
        return _question_read(doc, where, data)


def _question_read(doc: YamlDoc, where: tuple, data: dict) -> Question:
    question = _text(doc, where + ("question",), data["question"])  # read in reading order
    options = [
        QuizOption(
            text=_text(doc, where + ("options", i, "text"), o["text"]),
            correct=o.get("correct", False),
            feedback=_text(doc, where + ("options", i, "feedback"), o["feedback"]) if "feedback" in o else None,
            origin=Origin(doc.path, doc.line(where + ("options", i))),
        )
        for i, o in enumerate(data.get("options", []))
    ]
    lines = {
        key: doc.line(where + (key,)) for key in ("type", "section", "procedure", "options", "answer") if key in data
    }
    lines.update(
        {f"requirements.{i}": doc.line(where + ("requirements", i)) for i in range(len(data.get("requirements", [])))}
    )
    return Question(
        id=data["id"],
        type=data["type"],
        section_id=data["section"],
        requirement_ids=data.get("requirements", []),
        procedure_id=data.get("procedure"),
        question=question,
        options=options,
        answer=data.get("answer"),
        explanation=_text(doc, where + ("explanation",), data["explanation"]),
        origin=Origin(doc.path, doc.line(where)),
        lines=lines,
    )


def _read_onboarding(path: Path, problems: Problems) -> Onboarding | None:
    """The onboarding path is optional: a handbook without one has no path page."""
    if not path.exists():
        return None
    doc = _load(path, "onboarding", problems)
    if doc is None:
        return None
    data = doc.data
    with _owned_by("onboarding"):
        return _onboarding(doc, path, data)


def _onboarding(doc: YamlDoc, path: Path, data: dict) -> Onboarding:
    stages = [
        OnboardingStage(
            title=_text(doc, ("stages", i, "title"), stage["title"]),
            chapter_ids=stage["chapters"],
            origin=Origin(path, doc.line(("stages", i))),
            lines=[doc.line(("stages", i, "chapters", j)) for j in range(len(stage["chapters"]))],
        )
        for i, stage in enumerate(data["stages"])
    ]
    lines = {key: doc.line((key,)) for key in data}
    lines["minimum_training.requirement"] = doc.line(("minimum_training", "requirement"))
    lines["minimum_training.hours"] = doc.line(("minimum_training", "hours"))
    return Onboarding(
        pass_mark=data["pass_mark"],
        final_questions=data["final_questions"],
        reading_speed=data["reading_speed"],
        minutes_per_question=data["minutes_per_question"],
        minimum_hours=data["minimum_training"]["hours"],
        minimum_requirement=data["minimum_training"]["requirement"],
        stages=stages,
        origin=Origin(path, 1),
        lines=lines,
    )


def _read_topics(path: Path, problems: Problems) -> list[Topic]:
    """The topic index is optional: a handbook without one has no topic pages."""
    if not path.exists():
        return []
    doc = _load(path, "topics", problems)
    if doc is None:
        return []
    topics = []
    for i, data in enumerate(doc.data["topics"]):
        with _owned_by(data["id"]):
            topics.append(
                Topic(
                    id=data["id"],
                    title=_text(doc, ("topics", i, "title"), data["title"]),
                    sections=data["sections"],
                    origin=Origin(doc.path, doc.line(("topics", i))),
                    section_lines=[doc.line(("topics", i, "sections", j)) for j in range(len(data["sections"]))],
                )
            )
    return topics


# The preview (handbook_site.preview) keeps each file's parsed and checked
# document, with the problems found in it, and reads again only the files that
# changed: an edit costs one file's parsing, not all 78. None: off.
parsed_files: dict | None = None


def _load(path: Path, kind: str, problems: Problems) -> YamlDoc | None:
    if parsed_files is None or not path.exists():
        return _load_file(path, kind, problems)
    stat = path.stat()
    key = (kind, stat.st_mtime_ns, stat.st_size)
    remembered = parsed_files.get(path)
    if remembered and remembered[0] == key:
        problems.items.extend(remembered[2])
        return remembered[1]
    before = len(problems.items)
    doc = _load_file(path, kind, problems)
    parsed_files[path] = (key, doc, problems.items[before:])
    return doc


def _load_file(path: Path, kind: str, problems: Problems) -> YamlDoc | None:
    if not path.exists():
        problems.add(path, 1, f"{kind} file is missing", f"create {path.name}")
        return None
    doc = load_yaml(path, problems)
    if doc is None:
        return None
    # Unknown keys leave the rest of the file usable, so its other problems
    # (duplicate ids, dangling references) are still found in the same run.
    if read_checked(doc, kind, problems) - {"additionalProperties"}:
        return None
    content_text.check_document(doc, problems)
    _reading.get().kinds[path] = kind
    return doc


def _read_manual(path: Path, problems: Problems) -> Manual | None:
    doc = _load(path, "manual", problems)
    if doc is None:
        return None
    data = doc.data
    with _owned_by(data["id"]):
        title = _text(doc, ("title",), data["title"])
    chapters = []
    for index, name in enumerate(data["chapters"]):
        chapter_path = path.parent / name
        if not chapter_path.exists():
            problems.add(
                path,
                doc.line(("chapters", index)),
                f"chapter file '{name}' not found",
                f"create {name} next to manual.yml, or remove it from the list",
            )
            continue
        chapter = _read_chapter(chapter_path, problems)
        if chapter:
            chapters.append(chapter)
    manual = Manual(
        id=data["id"],
        title=title,
        source=data["source"],
        chapters=chapters,
        origin=Origin(path, doc.line()),
        style=data.get("style", "chapters"),
        owner=data["owner"],
        reviewed=data["review"]["last"],
        review_by=data["review"]["next"],
        lines={
            "id": doc.line(("id",)),
            "review.last": doc.line(("review", "last")),
            "review.next": doc.line(("review", "next")),
        },
    )
    for chapter in chapters:
        _set(chapter, "manual", manual)
    return manual


def _read_chapter(path: Path, problems: Problems) -> Chapter | None:
    doc = _load(path, "chapter", problems)
    if doc is None:
        return None
    data = doc.data
    with _owned_by(data["id"]):
        title = _text(doc, ("title",), data["title"])
        intro = _body(doc, ("intro",), data.get("intro", []))
        summary = _body(doc, ("summary",), data.get("summary", []))
        sections = [_section(doc, ("sections", i), s) for i, s in enumerate(data["sections"])]
    chapter = Chapter(
        id=data["id"],
        number=data["number"],
        title=title,
        summary=summary,
        sections=sections,
        repairs=[_repair(doc, ("repairs", i), r) for i, r in enumerate(data.get("repairs", []))],
        origin=Origin(path, doc.line()),
        intro=intro,
        own_texts=_owned_texts(data["id"]),
    )
    for section in sections:
        _set(section, "chapter", chapter)
    return chapter


def _section(doc: YamlDoc, where: tuple, data: dict) -> Section:
    with _owned_by(data["id"]):  # read in reading order: the registry keeps it
        title = _text(doc, where + ("title",), data["title"])
        body = _body(doc, where + ("body",), data.get("body", []))
        requirements = [
            _requirement(doc, where + ("requirements", i), r) for i, r in enumerate(data.get("requirements", []))
        ]
        indicators = [_indicator(doc, where + ("indicators", i), x) for i, x in enumerate(data.get("indicators", []))]
        grades = [_grade(doc, where + ("grades", i), x) for i, x in enumerate(data.get("grades", []))]
    section = Section(
        id=data["id"],
        number=data["number"],
        title=title,
        status=data["status"],
        body=body,
        requirements=requirements,
        repairs=[_repair(doc, where + ("repairs", i), r) for i, r in enumerate(data.get("repairs", []))],
        origin=Origin(doc.path, doc.line(where)),
        indicators=indicators,
        grades=grades,
        own_texts=_owned_texts(data["id"]),
        retired=read_retired(doc, where, data),
    )
    for part in section.indicators + section.grades:
        _set(part, "section", section)
    for requirement in requirements:
        _set(requirement, "section", section)
        for step in requirement.steps:
            _set(step, "requirement", requirement)
    return section


def _requirement(doc: YamlDoc, where: tuple, data: dict) -> Requirement:
    text = _text(doc, where + ("text",), data["text"]) if "text" in data else None
    steps = [
        Step(
            id=s["id"],
            number=i + 1,
            text=_text(doc, where + ("steps", i, "text"), s["text"]),
            cites=s.get("cites", []),
            origin=Origin(doc.path, doc.line(where + ("steps", i))),
            cite_lines=_cite_lines(doc, where + ("steps", i), s),
        )
        for i, s in enumerate(data.get("steps", []))
    ]
    return Requirement(
        id=data["id"],
        text=text,
        cites=data.get("cites", []),
        steps=steps,
        origin=Origin(doc.path, doc.line(where)),
        cite_lines=_cite_lines(doc, where, data),
        ordered=data.get("ordered"),
        fragment=data.get("fragment", False),
        lines={key: doc.line(where + (key,)) for key in ("ordered", "fragment") if key in data},
        force=data.get("force", "obligation"),
        source=data.get("source", ""),
        force_why=data.get("force_why", ""),
        force_line=doc.line(where + ("force",)) if "force" in data else doc.line(where),
        source_line=doc.line(where + ("source",)) if "source" in data else doc.line(where),
    )


def _cite_lines(doc: YamlDoc, where: tuple, data: dict) -> dict[str, int]:
    return {ref: doc.line(where + ("cites", i)) for i, ref in enumerate(data.get("cites", []))}


def _body(doc: YamlDoc, where: tuple, data: list) -> list[Block]:
    blocks = []
    for i, block in enumerate(data):
        ((kind, value),) = block.items()
        values = value if isinstance(value, list) else [value]
        path = where + (i, kind)
        texts = (
            [_text(doc, path + (j,), v) for j, v in enumerate(values)]
            if isinstance(value, list)
            else [_text(doc, path, value)]
        )
        blocks.append(Block(kind=kind, texts=texts))
    return blocks


def _indicator(doc: YamlDoc, where: tuple, data: dict) -> Indicator:
    return Indicator(
        id=data["id"],
        name=_text(doc, where + ("name",), data["name"]),
        description=_text(doc, where + ("description",), data["description"]),
        cites=data.get("cites", []),
        origin=Origin(doc.path, doc.line(where)),
    )


def _grade(doc: YamlDoc, where: tuple, data: dict) -> Grade:
    return Grade(
        id=data["id"],
        name=_text(doc, where + ("name",), data["name"]),
        descriptor=_text(doc, where + ("descriptor",), data["descriptor"]),
        origin=Origin(doc.path, doc.line(where)),
    )


def _repair(doc: YamlDoc, where: tuple, data: dict) -> Repair:
    # The raw and restored Chinese, and the editor's note on why (in English), shown on the repairs pages.
    for key, lang in (("source", "zh"), ("restored", "zh"), ("why", "en")):
        _plain(doc, where + (key,), data[key], lang)
    return Repair(
        source=data["source"],
        restored=data["restored"],
        why=data["why"],
        review=data["review"],
        origin=Origin(doc.path, doc.line(where)),
    )


def _text(doc: YamlDoc, where: tuple, data: dict) -> Text:
    """A bilingual text, registered as it is read with its kind: the file's kind and the field's path."""
    text = Text(
        zh=data["zh"],
        en=data["en"],
        en_from_zh=data["en_from_zh"],
        origin=Origin(doc.path, doc.line(where + ("en",))),
        zh_line=doc.line(where + ("zh",)),
        stale_ok=data.get("stale_ok", False),
        superseded_by=data.get("superseded_by", ""),
        revision=revisions.read_revision(doc, where, data),
    )
    reading = _reading.get()
    field_path = ".".join(str(key) for key in where if not isinstance(key, int))
    return reading.registry.add(text, f"{reading.kinds.get(doc.path, '?')}:{field_path}")


def _plain(doc: YamlDoc, where: tuple, value: str, lang: str) -> str:
    """A one-language string the site shows, registered with its language."""
    reading = _reading.get()
    field_path = ".".join(str(key) for key in where if not isinstance(key, int))
    return reading.registry.add_plain(
        value, lang, doc.path, doc.line(where), f"{reading.kinds.get(doc.path, '?')}:{field_path}"
    )


def _term(doc: YamlDoc, where: tuple, data: dict) -> Term:
    _plain(doc, where + ("zh",), data["zh"], "zh")
    _plain(doc, where + ("en",), data["en"], "en")
    for i, form in enumerate(data.get("avoid", [])):  # shown struck out on the glossary page
        _plain(doc, where + ("avoid", i), form, "en")
    if "note" in data:
        _plain(doc, where + ("note",), data["note"], "en")
    return Term(
        zh=data["zh"],
        en=data["en"],
        en_forms=data.get("en_forms", []),
        not_in=data.get("not_in", []),
        avoid=data.get("avoid", []),
        note=data.get("note", ""),
        origin=Origin(doc.path, doc.line(where)),
    )


def _reference(doc: YamlDoc, where: tuple, data: dict) -> Reference:
    return Reference(
        id=data["id"],
        kind=data["kind"],
        citation=_text(doc, where + ("citation",), data["citation"]),
        status=data["status"],
        note=_text(doc, where + ("note",), data["note"]) if "note" in data else None,
        verification=data.get("verification"),
        origin=Origin(doc.path, doc.line(where)),
        url=data.get("url"),
        superseded_by=(
            _text(doc, where + ("superseded_by",), data["superseded_by"]) if "superseded_by" in data else None
        ),
        superseded_on=data.get("superseded_on"),
        lines={key: doc.line(where + (key,)) for key in ("status", "verification", "superseded_by", "superseded_on")},
    )


def _read_references(doc: YamlDoc, problems: Problems) -> dict[str, Reference]:
    """The references by id. A second reference with an id already used is left out
    (reported here: the model keeps one reference per id); checks.references checks the rest."""
    found: dict[str, Reference] = {}
    for i, data in enumerate(doc.data["references"]):
        where = ("references", i)
        with _owned_by(data["id"]):
            reference = _reference(doc, where, data)
        if reference.id in found:
            first = found[reference.id].origin.line
            problems.add(
                doc.path,
                reference.origin.line,
                f"duplicate reference id '{reference.id}'",
                f"already used on line {first}; give this one another id",
            )
            continue
        found[reference.id] = reference
    return found
