"""All generated pages of one language, and writing them to a folder."""

from __future__ import annotations

from pathlib import Path

from ..model import Handbook
from .changes import change_files, change_pages
from .checklists import checklist_pages
from .gift import gift
from .manual_pages import content_pages
from .onboarding import onboarding_pages
from .page import GeneratedPage
from .paper_quizzes import paper_pages
from .paths import gift_path
from .quizzes import quiz_pages
from .registers import glossary_page, references_page, repairs_page
from .rubrics import rubric_pages
from .topics import topic_pages


def build_pages(handbook: Handbook, lang: str, site_url: str = "") -> list[GeneratedPage]:
    """`site_url`, where this language's site is published, is printed on paper forms."""
    return (
        content_pages(handbook, lang)
        + [
            glossary_page(handbook, lang),
            references_page(handbook, lang),
            repairs_page(handbook, lang),
        ]
        + topic_pages(handbook, lang)
        + checklist_pages(handbook, lang, site_url)
        + rubric_pages(handbook, lang)
        + (quiz_pages(handbook, lang) + paper_pages(handbook, lang) + onboarding_pages(handbook, lang))
        + (change_pages(handbook, lang, site_url))
    )


def build_files(handbook: Handbook, lang: str, site_url: str = "") -> dict[str, str]:
    """Downloads that are not pages: the question bank in GIFT format, in this language; the
    changes' feed and the data of the "since your last visit" notice."""
    files = {gift_path(lang): gift(handbook, lang)} if handbook.quizzes else {}
    return {**files, **change_files(handbook, lang, site_url)}


def write_pages(handbook: Handbook, lang: str, out_dir: Path) -> list[Path]:
    """Write the generated Markdown for `lang` into `out_dir`, for any site generator."""
    written = []
    for page in build_pages(handbook, lang):
        target = out_dir / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
        written.append(target)
    for path, text in build_files(handbook, lang).items():
        target = out_dir / path
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written
