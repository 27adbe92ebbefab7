"""The handbook's content as plain objects: manual → chapter → section → rules.

Every object remembers the file and line it came from, so that any view or
check built on the model can point an editor at the YAML to change.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .translation import zh_hash

if TYPE_CHECKING:
    from .asked import AskedQuestion
    from .derive import Index
    from .registry import TextRegistry

LANGS = ("zh", "en")
# A Chinese character (CJK Unified Ideographs and Extension A): what tells Chinese text from English.
CHINESE_CHARACTER = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Origin:
    file: Path
    line: int


@dataclass(frozen=True)
class Revision:
    """Issue 24: an imported text the organisation has revised (revisions.py checks it)."""

    original: str  # the imported Chinese, word for word
    original_en: str  # its English translation at the time ("" if not recorded)
    why: str
    authority: str
    line: int  # the line of `revised:`


@dataclass(frozen=True)
class Text:
    zh: str
    en: str
    en_from_zh: str
    origin: Origin  # the line of `en`, which most problems are about
    zh_line: int = 0  # the line of `zh`
    stale_ok: bool = False  # an editor accepts publishing the English while it is behind
    revision: Revision | None = None  # issue 24: revised from the imported wording
    superseded_by: str = ""  # issue 24: prose overtaken by this revised rule's id

    def __getitem__(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    @property
    def stale(self) -> bool:
        """The Chinese changed after the English was translated."""
        return zh_hash(self.zh) != self.en_from_zh


@dataclass(frozen=True)
class Block:
    kind: str  # heading | paragraph | bullets | numbered
    texts: list[Text]


@dataclass(frozen=True)
class Step:
    id: str
    number: int
    text: Text
    cites: list[str]
    origin: Origin
    cite_lines: dict[str, int] = field(default_factory=dict)
    requirement: Requirement | None = field(default=None, compare=False, repr=False)  # back-reference

    @property
    def section(self) -> Section | None:
        return self.requirement.section if self.requirement else None


@dataclass(frozen=True)
class Requirement:
    id: str
    text: Text | None  # None: a procedure the source gives no heading of its own (issue 19d)
    cites: list[str]
    steps: list[Step]
    origin: Origin
    section: Section | None = field(default=None, compare=False, repr=False)  # back-reference
    cite_lines: dict[str, int] = field(default_factory=dict)
    # Issue 19d: a procedure's steps are a sequence (ordered) or a plain list; a fragment
    # is a requirement whose source sentence breaks off, quoted as far as it goes.
    ordered: bool | None = None
    fragment: bool = False
    lines: dict[str, int] = field(default_factory=dict)  # key → line, for messages
    # 19c: the force the source gives it, and the source sentence it restates
    force: str = "obligation"  # obligation | recommendation | description
    source: str = ""  # a short exact quote of the section body (Chinese)
    force_why: str = ""  # why the force differs from the quote's modal words
    force_line: int = 0
    source_line: int = 0

    @property
    def is_procedure(self) -> bool:
        return bool(self.steps)


@dataclass(frozen=True)
class Repair:
    source: str
    restored: str
    why: str
    review: str
    origin: Origin


@dataclass(frozen=True)
class Indicator:
    """An evaluation indicator or assessed aspect, as data for the rubrics."""

    id: str
    name: Text
    description: Text
    cites: list[str]
    origin: Origin
    section: Section | None = field(default=None, compare=False, repr=False)  # back-reference


@dataclass(frozen=True)
class Grade:
    """One grade of an assessment scale, best first, with the source's descriptor."""

    id: str
    name: Text
    descriptor: Text
    origin: Origin
    section: Section | None = field(default=None, compare=False, repr=False)  # back-reference


@dataclass(frozen=True)
class Section:
    id: str
    number: str
    title: Text
    status: str
    body: list[Block]
    requirements: list[Requirement]
    repairs: list[Repair]
    origin: Origin
    chapter: Chapter | None = field(default=None, compare=False, repr=False)  # back-reference
    indicators: list[Indicator] = field(default_factory=list)
    grades: list[Grade] = field(default_factory=list)
    retired: list = field(default_factory=list)  # retired.Retired: withdrawn ids, never shown

    @property
    def published(self) -> bool:
        """The section has text (all of it, or what survives of it)."""
        return self.status in ("published", "source-truncated")

    @property
    def truncated(self) -> bool:
        return self.status == "source-truncated"

    # Every bilingual text read from this section's YAML, in reading order (the loader's text registry).
    own_texts: tuple[Text, ...] = field(default=(), compare=False, repr=False)

    def texts(self) -> list[Text]:
        """Every bilingual text of this section, in reading order."""
        return list(self.own_texts)


@dataclass(frozen=True)
class Chapter:
    id: str
    number: str
    title: Text
    summary: list[Block]
    sections: list[Section]
    repairs: list[Repair]
    origin: Origin
    manual: Manual | None = field(default=None, compare=False, repr=False)  # back-reference
    intro: list[Block] = field(default_factory=list)

    # The chapter's own texts (title, introduction, summary; not its sections'), as the loader read them.
    own_texts: tuple[Text, ...] = field(default=(), compare=False, repr=False)

    def texts(self) -> list[Text]:
        return list(self.own_texts)


@dataclass(frozen=True)
class Manual:
    id: str
    title: Text
    source: str
    chapters: list[Chapter]
    origin: Origin
    style: str = "chapters"  # chapters | parts | questions: how the source numbers its divisions
    owner: str = ""
    reviewed: str = ""  # last review, YYYY-MM-DD
    review_by: str = ""  # next review due
    lines: dict[str, int] = field(default_factory=dict)

    def review_due(self, today: str) -> bool:
        return bool(self.review_by) and self.review_by < today


@dataclass(frozen=True)
class Topic:
    """A topic staff look for, and the sections (of any manual) that treat it."""

    id: str
    title: Text
    sections: list[str]
    origin: Origin
    section_lines: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class ChecklistItem:
    """A box to tick: one requirement, or one step of a procedure, by id."""

    rule_id: str
    optional: bool
    origin: Origin


@dataclass(frozen=True)
class ChecklistGroup:
    title: Text | None
    items: list[ChecklistItem]


@dataclass(frozen=True)
class Checklist:
    id: str
    when: str  # before-shift | during-service | after-service | supervision
    title: Text
    purpose: Text
    groups: list[ChecklistGroup]
    origin: Origin

    @property
    def items(self) -> list[ChecklistItem]:
        return [item for group in self.groups for item in group.items]


@dataclass(frozen=True)
class RubricDescriptor:
    """A criterion at one level: the manual's words (`quote` names where they are) or the organisation's."""

    text: Text
    quote: str | None
    origin: Origin


@dataclass(frozen=True)
class RubricLevel:
    """A column of a rubric, best first. `points` is the organisation's setting."""

    id: str
    grade_id: str | None  # the level is named after this grade of the manual …
    name: Text | None  # … or has a name of its own
    points: int
    descriptor: Text  # for criteria with no descriptor of their own
    origin: Origin


@dataclass(frozen=True)
class RubricBand:
    """A grade and the lowest total (out of 100) that earns it: the organisation's setting."""

    grade_id: str
    min: int
    origin: Origin


@dataclass(frozen=True)
class RubricCap:
    """Rated at level `at` or worse, a critical criterion caps the grade at `cap`."""

    at: str
    cap: str
    because: Text
    origin: Origin


@dataclass(frozen=True)
class OrganisationStandard:
    """A standard the source leaves to each organisation: what it is, and the organisation's, once set."""

    asks: Text
    value: Text | None
    origin: Origin


@dataclass(frozen=True)
class Criterion:
    id: str
    indicator_id: str | None  # named and described by this indicator of the manual …
    title: Text | None  # … or titled here
    standard_id: str | None  # … with its standard in this requirement's text
    assesses: list[str]
    weight: int
    levels: dict[str, RubricDescriptor]
    critical: list[RubricCap]
    origin: Origin
    lines: dict[str, int] = field(default_factory=dict)  # key → line, for messages
    organisation_standard: OrganisationStandard | None = None


@dataclass(frozen=True)
class CriterionGroup:
    title: Text | None
    criteria: list[Criterion]


@dataclass(frozen=True)
class Rubric:
    id: str
    title: Text
    purpose: Text
    basis: list[str]
    levels: list[RubricLevel]
    bands: list[RubricBand]
    groups: list[CriterionGroup]
    origin: Origin
    lines: dict[str, int] = field(default_factory=dict)

    @property
    def criteria(self) -> list[Criterion]:
        return [criterion for group in self.groups for criterion in group.criteria]


@dataclass(frozen=True)
class QuizOption:
    text: Text
    correct: bool
    feedback: Text | None
    origin: Origin


@dataclass(frozen=True)
class Question:
    """One question of a chapter's bank. Its section (and requirements) are where its answer is written."""

    id: str
    type: str  # single | multiple | true-false | ordering
    section_id: str
    requirement_ids: list[str]
    procedure_id: str | None  # ordering: the requirement whose steps are put in order
    question: Text
    options: list[QuizOption]
    answer: bool | None  # true-false
    explanation: Text
    origin: Origin
    lines: dict[str, int] = field(default_factory=dict)  # key → line, for messages


@dataclass(frozen=True)
class Quiz:
    """A chapter's question bank: `id` is the chapter's id."""

    id: str
    questions: list[Question]
    origin: Origin


@dataclass(frozen=True)
class OnboardingStage:
    title: Text
    chapter_ids: list[str]
    origin: Origin
    lines: list[int] = field(default_factory=list)  # the line of each chapter id


@dataclass(frozen=True)
class Onboarding:
    """The new hires' path through the chapters, and the quizzes' settings (the organisation's)."""

    pass_mark: int
    final_questions: int
    reading_speed: dict[str, int]  # zh_characters / en_words per minute
    minutes_per_question: float
    minimum_hours: int
    minimum_requirement: str
    stages: list[OnboardingStage]
    origin: Origin
    lines: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Reference:
    id: str
    kind: str
    citation: Text
    status: str
    note: Text | None
    verification: dict | None
    origin: Origin
    cited_by: tuple[str, ...] = ()  # derived by the loader (derive.py): the chapters and sections citing it
    url: str | None = None  # the source's address: https:, mailto: or a path in the site (content_text)
    # 19a: what replaced a superseded source, and when.
    superseded_by: Text | None = None
    superseded_on: str | None = None
    lines: dict[str, int] = field(default_factory=dict)  # key → line, for messages

    @property
    def unsound(self) -> bool:
        """19a: the citation is known to be wrong (disputed) or no longer in force (superseded)."""
        return self.status in UNSOUND_STATES


# 19a: verification states that tell readers not to rely on the source as cited.
UNSOUND_STATES = ("disputed", "superseded")


def unsound_sources(cites: list[str], references: dict[str, Reference]) -> list[Reference]:
    """19a: the sources of a rule that rests only on disputed or superseded citations; [] if any sound one remains."""
    cited = [references[ref_id] for ref_id in cites if ref_id in references]
    if cited and all(reference.unsound for reference in cited):
        return cited
    return []


@dataclass(frozen=True)
class Term:
    zh: str
    en: str
    en_forms: list[str]
    note: str
    origin: Origin
    not_in: list[str] = field(default_factory=list)
    avoid: list[str] = field(default_factory=list)  # rejected renderings (issue 19b)

    @property
    def renderings(self) -> list[str]:
        return [self.en, *self.en_forms]

    def occurs_in(self, chinese: str) -> bool:
        for phrase in self.not_in:
            chinese = chinese.replace(phrase, "")
        return self.zh in chinese


@dataclass(frozen=True)
class Handbook:
    """The whole handbook, read once. Frozen: checks and generators read it, never change it.
    `index` holds every lookup and back-reference (derive.py); `registry` every text as it was read."""

    root: Path  # the repository, which error messages are relative to
    content: Path  # the folder the YAML was read from
    manuals: list[Manual]
    references: dict[str, Reference]
    glossary: list[Term]
    unread: frozenset[str] = frozenset()  # parts left out for errors
    topics: list[Topic] = field(default_factory=list)
    checklists: list[Checklist] = field(default_factory=list)
    rubrics: list[Rubric] = field(default_factory=list)
    quizzes: list[Quiz] = field(default_factory=list)
    onboarding: Onboarding | None = None
    search_words: object = field(default=None, compare=False)  # search_words.SearchWords: checklists/search.yml
    asked: tuple[AskedQuestion, ...] = ()  # checklists/asked/*.yml: the questions staff ask
    registry: TextRegistry = field(default=None, compare=False, repr=False)
    index: Index = field(default=None, compare=False, repr=False)

    def sections(self) -> list[Section]:
        return list(self.index.all_sections)

    def chapters(self) -> list[Chapter]:
        return list(self.index.all_chapters)

    def requirements(self) -> list[Requirement]:
        return list(self.index.all_requirements)

    def questions(self) -> list[Question]:
        return list(self.index.all_questions)

    def rules(self) -> Mapping[str, Requirement | Step]:
        """Every requirement and every procedure step, by id: what a checklist item may point at."""
        return self.index.rules

    def indicators(self) -> Mapping[str, Indicator]:
        return self.index.indicators

    def grades(self) -> Mapping[str, Grade]:
        return self.index.grades

    def assessables(self) -> Mapping[str, Section | Requirement | Step | Indicator | Grade]:
        """Everything a rubric criterion may say it assesses, by id."""
        return self.index.assessables

    def rubric_sections(self, rubric: Rubric) -> list[Section]:
        """The sections a rubric rests on and assesses, in the handbook's order."""
        return list(self.index.rubric_sections[rubric.id])

    def rubrics_by_section(self) -> Mapping[str, tuple[Rubric, ...]]:
        """Section id → the rubrics that rest on or assess it."""
        return self.index.rubrics_by_section

    def question_section(self, question: Question) -> Section:
        """The section where the question's answer is written."""
        return self.index.sections[question.section_id]

    def question_steps(self, question: Question) -> list[Step]:
        """An ordering question's steps, in the source's order ([] for other questions)."""
        return self.index.rules[question.procedure_id].steps if question.procedure_id else []

    def quiz_of(self, chapter: Chapter) -> Quiz | None:
        return self.index.quizzes.get(chapter.id)

    def quizzes_by_chapter(self) -> Mapping[str, Quiz]:
        return self.index.quizzes

    def questions_by_section(self) -> Mapping[str, tuple[Question, ...]]:
        return self.index.questions_by_section

    def checklists_by_section(self) -> Mapping[str, tuple[Checklist, ...]]:
        """Section id → the checklists with an item from that section."""
        return self.index.checklists_by_section

    def texts(self) -> list[Text]:
        """Every bilingual text of the handbook, as the loader read them (the registry)."""
        return self.registry.texts()

    def language_text(self, lang: str) -> str:
        """Every text of the handbook in one language, joined (derived once)."""
        return self.index.language_text[lang]

    def searched_text(self, lang: str) -> str:
        """What the language's search index holds: its text and the questions its pages list."""
        return self.index.searched_text[lang]
