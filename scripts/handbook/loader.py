"""Load the handbook from `checklists/`, validate it, and build the model.

`load_handbook` reads every file, reports every problem at once, and raises
`ContentError` if any is an error, so that no view is built from bad content.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import checks, content_text, revisions, schema
from .model import (Block, Chapter, Checklist, ChecklistGroup, ChecklistItem, Grade, Handbook, Indicator, Manual, Origin, OrganisationStandard, Reference,
                    Repair, Requirement, Rubric, RubricBand, RubricCap, RubricDescriptor, RubricLevel,
                    Section, Step, Term, Text, Topic, Criterion, CriterionGroup,
                    Onboarding, OnboardingStage, Question, Quiz, QuizOption)
from .problems import ContentError, Problems
from .search_words import read_search_words
from .yamlsource import YamlDoc, load_yaml

ROOT = Path(__file__).resolve().parents[2]
# HANDBOOK_CONTENT points the build at another content folder (tests, benchmarks).
CONTENT = Path(os.environ.get("HANDBOOK_CONTENT") or ROOT / "checklists").resolve()


def load_handbook(content: Path = CONTENT, root: Path | None = None,
                  strict: bool = True) -> tuple[Handbook, Problems]:
    """Read and check all content. Raises ContentError on errors.

    With `strict`, warnings (such as stale translations) count as errors too.
    """
    problems = Problems(root or ROOT)
    handbook = read_handbook(content, problems)
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
    reporting its absence as a hundred other problems."""
    glossary_doc = _load(content / "glossary.yml", "glossary", problems)
    references_doc = _load(content / "references.yml", "references", problems)
    manuals = []
    unread = {name for name, doc in (("glossary", glossary_doc), ("references", references_doc)) if doc is None}
    before = len(problems.errors)
    manual_files = sorted((content / "manuals").glob("*/manual.yml"))
    if not manual_files:
        problems.add(content / "manuals", 1, "no manual found",
                     "each manual lives in checklists/manuals/NNN/manual.yml")
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
    return Handbook(
        root=problems.root,
        content=content,
        manuals=manuals,
        references=_read_references(references_doc, problems) if references_doc else {},
        glossary=[_term(glossary_doc, ("terms", i), t)
                  for i, t in enumerate(glossary_doc.data["terms"])] if glossary_doc else [],
        unread=unread,
        topics=_read_topics(content / "topics.yml", problems),
        checklists=_read_checklists(content / "checklists", problems),
        rubrics=_read_rubrics(content / "rubrics", problems),
        quizzes=quizzes,
        onboarding=_read_onboarding(content / "onboarding.yml", problems),
        search_words=read_search_words(content / "search.yml", problems),
    )


def _read_checklists(folder: Path, problems: Problems) -> list[Checklist]:
    """Checklists are optional, and listed on the site in the order of their file names."""
    checklists = []
    for path in sorted(folder.glob("*.yml")):
        doc = _load(path, "checklist", problems)
        if doc is None:
            continue
        data = doc.data
        groups = []
        for g, group in enumerate(data["groups"]):
            where = ("groups", g)
            items = [ChecklistItem(rule_id=item["requirement"], optional=item.get("optional", False),
                                   origin=Origin(path, doc.line(where + ("items", i))))
                     for i, item in enumerate(group["items"])]
            title = _text(doc, where + ("title",), group["title"]) if "title" in group else None
            groups.append(ChecklistGroup(title=title, items=items))
        checklists.append(Checklist(id=data["id"], when=data["when"], title=_text(doc, ("title",), data["title"]),
                                    purpose=_text(doc, ("purpose",), data["purpose"]), groups=groups,
                                    origin=Origin(path, doc.line())))
    return checklists


def _read_rubrics(folder: Path, problems: Problems) -> list[Rubric]:
    """Rubrics are optional, and listed on the site in the order of their file names."""
    rubrics = []
    for path in sorted(folder.glob("*.yml")):
        doc = _load(path, "rubric", problems)
        if doc is not None:
            rubrics.append(_rubric(doc))
    return rubrics


def _rubric(doc: YamlDoc) -> Rubric:
    data, path = doc.data, doc.path
    levels = [RubricLevel(id=level["id"], grade_id=level.get("grade"),
                          name=_text(doc, ("levels", i, "name"), level["name"]) if "name" in level else None,
                          points=level["points"], descriptor=_text(doc, ("levels", i, "descriptor"), level["descriptor"]),
                          origin=Origin(path, doc.line(("levels", i))))
              for i, level in enumerate(data["levels"])]
    bands = [RubricBand(grade_id=band["grade"], min=band["min"], origin=Origin(path, doc.line(("bands", i))))
             for i, band in enumerate(data["bands"])]
    groups = []
    for g, group in enumerate(data["groups"]):
        where = ("groups", g)
        criteria = [_criterion(doc, where + ("criteria", c), criterion) for c, criterion in enumerate(group["criteria"])]
        groups.append(CriterionGroup(title=_text(doc, where + ("title",), group["title"]) if "title" in group else None,
                                     criteria=criteria))
    lines = {"basis": doc.line(("basis",)), "levels": doc.line(("levels",)), "bands": doc.line(("bands",)),
             "groups": doc.line(("groups",))}
    lines.update({f"basis.{i}": doc.line(("basis", i)) for i in range(len(data["basis"]))})
    return Rubric(id=data["id"], title=_text(doc, ("title",), data["title"]), purpose=_text(doc, ("purpose",), data["purpose"]),
                  basis=data["basis"], levels=levels, bands=bands, groups=groups, origin=Origin(path, doc.line()), lines=lines)


def _criterion(doc: YamlDoc, where: tuple, data: dict) -> Criterion:
    levels = {level: RubricDescriptor(text=_text(doc, where + ("levels", level), value), quote=value.get("quote"),
                                      origin=Origin(doc.path, doc.line(where + ("levels", level))))
              for level, value in data.get("levels", {}).items()}
    critical = [RubricCap(at=cap["at"], cap=cap["cap"], because=_text(doc, where + ("critical", i, "because"), cap["because"]),
                          origin=Origin(doc.path, doc.line(where + ("critical", i))))
                for i, cap in enumerate(data.get("critical", []))]
    own = data.get("organisation_standard")
    standard = OrganisationStandard(
        asks=_text(doc, where + ("organisation_standard", "asks"), own["asks"]),
        value=_text(doc, where + ("organisation_standard", "value"), own["value"]) if "value" in own else None,
        origin=Origin(doc.path, doc.line(where + ("organisation_standard",)))) if own else None
    lines = {key: doc.line(where + (key,)) for key in ("indicator", "standard", "weight", "title") if key in data}
    lines.update({f"assesses.{i}": doc.line(where + ("assesses", i)) for i in range(len(data["assesses"]))})
    return Criterion(id=data["id"], indicator_id=data.get("indicator"),
                     title=_text(doc, where + ("title",), data["title"]) if "title" in data else None,
                     standard_id=data.get("standard"), assesses=data["assesses"], weight=data["weight"],
                     levels=levels, critical=critical, origin=Origin(doc.path, doc.line(where)), lines=lines,
                     organisation_standard=standard)


def _read_quizzes(folder: Path, problems: Problems) -> list[Quiz]:
    """Question banks are optional, one file per chapter, named after it."""
    quizzes = []
    for path in sorted(folder.glob("*.yml")):
        doc = _load(path, "quiz", problems)
        if doc is not None:
            questions = [_question(doc, ("questions", i), q) for i, q in enumerate(doc.data["questions"])]
            quizzes.append(Quiz(id=doc.data["chapter"], questions=questions, origin=Origin(path, doc.line(("chapter",)))))
    return quizzes


def _question(doc: YamlDoc, where: tuple, data: dict) -> Question:
    options = [QuizOption(text=_text(doc, where + ("options", i, "text"), o["text"]), correct=o.get("correct", False),
                          feedback=_text(doc, where + ("options", i, "feedback"), o["feedback"]) if "feedback" in o else None,
                          origin=Origin(doc.path, doc.line(where + ("options", i))))
               for i, o in enumerate(data.get("options", []))]
    lines = {key: doc.line(where + (key,)) for key in ("type", "section", "procedure", "options", "answer") if key in data}
    lines.update({f"requirements.{i}": doc.line(where + ("requirements", i)) for i in range(len(data.get("requirements", [])))})
    return Question(id=data["id"], type=data["type"], section_id=data["section"], requirement_ids=data.get("requirements", []),
                    procedure_id=data.get("procedure"), question=_text(doc, where + ("question",), data["question"]),
                    options=options, answer=data.get("answer"), explanation=_text(doc, where + ("explanation",), data["explanation"]),
                    origin=Origin(doc.path, doc.line(where)), lines=lines)


def _read_onboarding(path: Path, problems: Problems) -> Onboarding | None:
    """The onboarding path is optional: a handbook without one has no path page."""
    if not path.exists():
        return None
    doc = _load(path, "onboarding", problems)
    if doc is None:
        return None
    data = doc.data
    stages = [OnboardingStage(title=_text(doc, ("stages", i, "title"), stage["title"]), chapter_ids=stage["chapters"],
                              origin=Origin(path, doc.line(("stages", i))),
                              lines=[doc.line(("stages", i, "chapters", j)) for j in range(len(stage["chapters"]))])
              for i, stage in enumerate(data["stages"])]
    lines = {key: doc.line((key,)) for key in data}
    lines["minimum_training.requirement"] = doc.line(("minimum_training", "requirement"))
    lines["minimum_training.hours"] = doc.line(("minimum_training", "hours"))
    return Onboarding(pass_mark=data["pass_mark"], final_questions=data["final_questions"],
                      reading_speed=data["reading_speed"], minutes_per_question=data["minutes_per_question"],
                      minimum_hours=data["minimum_training"]["hours"], minimum_requirement=data["minimum_training"]["requirement"],
                      stages=stages, origin=Origin(path, 1), lines=lines)


def _read_topics(path: Path, problems: Problems) -> list[Topic]:
    """The topic index is optional: a handbook without one has no topic pages."""
    if not path.exists():
        return []
    doc = _load(path, "topics", problems)
    if doc is None:
        return []
    return [Topic(id=data["id"], title=_text(doc, ("topics", i, "title"), data["title"]),
                  sections=data["sections"], origin=Origin(doc.path, doc.line(("topics", i))),
                  section_lines=[doc.line(("topics", i, "sections", j)) for j in range(len(data["sections"]))])
            for i, data in enumerate(doc.data["topics"])]


def _load(path: Path, kind: str, problems: Problems) -> YamlDoc | None:
    if not path.exists():
        problems.add(path, 1, f"{kind} file is missing", f"create {path.name}")
        return None
    doc = load_yaml(path, problems)
    if doc is None:
        return None
    # Unknown keys leave the rest of the file usable, so its other problems
    # (duplicate ids, dangling references) are still found in the same run.
    if schema.check(doc, kind, problems) - {"additionalProperties"}:
        return None
    content_text.check_document(doc, problems)
    return doc


def _read_manual(path: Path, problems: Problems) -> Manual | None:
    doc = _load(path, "manual", problems)
    if doc is None:
        return None
    data = doc.data
    if data["id"] != path.parent.name:
        problems.add(path, doc.line(("id",)), f"manual id '{data['id']}' does not match its folder '{path.parent.name}'",
                     f"set id: \"{path.parent.name}\" or rename the folder")
    chapters = []
    for index, name in enumerate(data["chapters"]):
        chapter_path = path.parent / name
        if not chapter_path.exists():
            problems.add(path, doc.line(("chapters", index)), f"chapter file '{name}' not found",
                         f"create {name} next to manual.yml, or remove it from the list")
            continue
        chapter = _read_chapter(chapter_path, problems)
        if chapter:
            chapters.append(chapter)
    manual = Manual(id=data["id"], title=_text(doc, ("title",), data["title"]),
                    source=data["source"], chapters=chapters,
                    origin=Origin(path, doc.line()), style=data.get("style", "chapters"),
                    owner=data["owner"], reviewed=data["review"]["last"], review_by=data["review"]["next"],
                    lines={"review.last": doc.line(("review", "last")), "review.next": doc.line(("review", "next"))})
    for chapter in chapters:
        chapter.manual = manual
    return manual


def _read_chapter(path: Path, problems: Problems) -> Chapter | None:
    doc = _load(path, "chapter", problems)
    if doc is None:
        return None
    data = doc.data
    sections = [_section(doc, ("sections", i), s) for i, s in enumerate(data["sections"])]
    chapter = Chapter(
        id=data["id"], number=data["number"],
        title=_text(doc, ("title",), data["title"]),
        summary=_body(doc, ("summary",), data.get("summary", [])),
        sections=sections,
        repairs=[_repair(doc, ("repairs", i), r) for i, r in enumerate(data.get("repairs", []))],
        origin=Origin(path, doc.line()),
        intro=_body(doc, ("intro",), data.get("intro", [])),
    )
    for section in sections:
        section.chapter = chapter
    return chapter


def _section(doc: YamlDoc, where: tuple, data: dict) -> Section:
    requirements = [_requirement(doc, where + ("requirements", i), r)
                    for i, r in enumerate(data.get("requirements", []))]
    section = Section(
        id=data["id"], number=data["number"],
        title=_text(doc, where + ("title",), data["title"]),
        status=data["status"],
        body=_body(doc, where + ("body",), data.get("body", [])),
        requirements=requirements,
        repairs=[_repair(doc, where + ("repairs", i), r) for i, r in enumerate(data.get("repairs", []))],
        origin=Origin(doc.path, doc.line(where)),
        indicators=[_indicator(doc, where + ("indicators", i), x) for i, x in enumerate(data.get("indicators", []))],
        grades=[_grade(doc, where + ("grades", i), x) for i, x in enumerate(data.get("grades", []))],
    )
    for part in section.indicators + section.grades:
        part.section = section
    for requirement in requirements:
        requirement.section = section
        for step in requirement.steps:
            step.requirement = requirement
    return section


def _requirement(doc: YamlDoc, where: tuple, data: dict) -> Requirement:
    steps = [Step(id=s["id"], number=i + 1, text=_text(doc, where + ("steps", i, "text"), s["text"]),
                  cites=s.get("cites", []), origin=Origin(doc.path, doc.line(where + ("steps", i))),
                  cite_lines=_cite_lines(doc, where + ("steps", i), s))
             for i, s in enumerate(data.get("steps", []))]
    return Requirement(id=data["id"], text=_text(doc, where + ("text",), data["text"]) if "text" in data else None,
                       cites=data.get("cites", []), steps=steps,
                       origin=Origin(doc.path, doc.line(where)),
                       cite_lines=_cite_lines(doc, where, data),
                       ordered=data.get("ordered"), fragment=data.get("fragment", False),
                       lines={key: doc.line(where + (key,)) for key in ("ordered", "fragment") if key in data},
                       force=data.get("force", "obligation"), source=data.get("source", ""),
                       force_why=data.get("force_why", ""),
                       force_line=doc.line(where + ("force",)) if "force" in data else doc.line(where),
                       source_line=doc.line(where + ("source",)) if "source" in data else doc.line(where))


def _cite_lines(doc: YamlDoc, where: tuple, data: dict) -> dict[str, int]:
    return {ref: doc.line(where + ("cites", i)) for i, ref in enumerate(data.get("cites", []))}


def _body(doc: YamlDoc, where: tuple, data: list) -> list[Block]:
    blocks = []
    for i, block in enumerate(data):
        (kind, value), = block.items()
        values = value if isinstance(value, list) else [value]
        path = where + (i, kind)
        texts = ([_text(doc, path + (j,), v) for j, v in enumerate(values)]
                 if isinstance(value, list) else [_text(doc, path, value)])
        blocks.append(Block(kind=kind, texts=texts))
    return blocks


def _indicator(doc: YamlDoc, where: tuple, data: dict) -> Indicator:
    return Indicator(id=data["id"], name=_text(doc, where + ("name",), data["name"]),
                     description=_text(doc, where + ("description",), data["description"]),
                     cites=data.get("cites", []), origin=Origin(doc.path, doc.line(where)))


def _grade(doc: YamlDoc, where: tuple, data: dict) -> Grade:
    return Grade(id=data["id"], name=_text(doc, where + ("name",), data["name"]),
                 descriptor=_text(doc, where + ("descriptor",), data["descriptor"]),
                 origin=Origin(doc.path, doc.line(where)))


def _repair(doc: YamlDoc, where: tuple, data: dict) -> Repair:
    return Repair(source=data["source"], restored=data["restored"], why=data["why"],
                  review=data["review"], origin=Origin(doc.path, doc.line(where)))


def _text(doc: YamlDoc, where: tuple, data: dict) -> Text:
    return Text(zh=data["zh"], en=data["en"], en_from_zh=data["en_from_zh"],
                origin=Origin(doc.path, doc.line(where + ("en",))), zh_line=doc.line(where + ("zh",)),
                stale_ok=data.get("stale_ok", False), superseded_by=data.get("superseded_by", ""),
                revision=revisions.read_revision(doc, where, data))


def _term(doc: YamlDoc, where: tuple, data: dict) -> Term:
    return Term(zh=data["zh"], en=data["en"], en_forms=data.get("en_forms", []),
                not_in=data.get("not_in", []), avoid=data.get("avoid", []),
                note=data.get("note", ""), origin=Origin(doc.path, doc.line(where)))


def _check_unsound(doc: YamlDoc, where: tuple, data: dict, reference: Reference, problems: Problems) -> None:
    """19a: a disputed or superseded source says what is right instead; only a superseded one has a successor."""
    status_line = doc.line(where + ("status",))
    if reference.unsound and reference.note is None:
        correct = "the correct title or number" if reference.status == "disputed" else "what replaced it and when"
        problems.add(doc.path, status_line, f"reference '{reference.id}' is {reference.status} without a note",
                     f"add note: {{zh, en}} naming {correct}, and how that was established")
    if reference.status == "superseded":
        for key in ("superseded_by", "superseded_on"):
            if getattr(reference, key) is None:
                what = ("the title of the law or standard that replaced it, as {zh, en}" if key == "superseded_by"
                        else "the date it was withdrawn, repealed or replaced, as \"YYYY-MM-DD\"")
                problems.add(doc.path, status_line, f"reference '{reference.id}' is superseded without {key}",
                             f"add {key}: {what}")
    else:
        for key in ("superseded_by", "superseded_on"):
            if key in data:
                problems.add(doc.path, doc.line(where + (key,)),
                             f"reference '{reference.id}' has {key} but is {reference.status}",
                             f"set status: superseded (with a note and a verification record), or remove {key}")


def _read_references(doc: YamlDoc, problems: Problems) -> dict[str, Reference]:
    found: dict[str, Reference] = {}
    for i, data in enumerate(doc.data["references"]):
        where = ("references", i)
        reference = Reference(
            id=data["id"], kind=data["kind"],
            citation=_text(doc, where + ("citation",), data["citation"]),
            status=data["status"],
            note=_text(doc, where + ("note",), data["note"]) if "note" in data else None,
            verification=data.get("verification"),
            origin=Origin(doc.path, doc.line(where)),
            url=data.get("url"),
            superseded_by=(_text(doc, where + ("superseded_by",), data["superseded_by"])
                           if "superseded_by" in data else None),
            superseded_on=data.get("superseded_on"),
        )
        if reference.id in found:
            first = found[reference.id].origin.line
            problems.add(doc.path, reference.origin.line, f"duplicate reference id '{reference.id}'",
                         f"already used on line {first}; give this one another id")
            continue
        if reference.status == "unchecked" and reference.verification:
            problems.add(doc.path, doc.line(where + ("verification",)),
                         f"reference '{reference.id}' is unchecked but has a verification record",
                         "set status: verified, disputed or superseded, or remove the record")
        if reference.status != "unchecked" and not reference.verification:
            problems.add(doc.path, doc.line(where + ("status",)),
                         f"reference '{reference.id}' is {reference.status} without a verification record",
                         "add verification: {by, date, how} saying what you checked it against")
        _check_unsound(doc, where, data, reference, problems)
        found[reference.id] = reference
    return found
