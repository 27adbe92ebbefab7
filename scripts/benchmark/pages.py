"""The five pages the benchmark loads: what a staff member opens most."""

from __future__ import annotations

from handbook.generate.paths import checklist_path, page_url, quiz_path, rubric_path, section_path
from handbook.model import Handbook

KINDS = ("home", "section", "checklist", "rubric", "quiz")


def measured_pages(handbook: Handbook) -> dict[str, str]:
    """Each kind's page, as a URL path relative to a language's site root.

    The section is the manuals' longest published one, so the page measured is
    the heaviest of its kind, not a flattering one."""
    sections = [s for m in handbook.manuals for c in m.chapters for s in c.sections if s.published]
    longest = max(sections, key=lambda s: sum(len(text.zh) for text in s.texts()))
    pages = {"home": "", "section": page_url(section_path(longest))}
    if handbook.checklists:
        pages["checklist"] = page_url(checklist_path(handbook.checklists[0]))
    if handbook.rubrics:
        pages["rubric"] = page_url(rubric_path(handbook.rubrics[0]))
    if handbook.quizzes:
        pages["quiz"] = page_url(quiz_path(handbook.quizzes[0]))
    return pages
