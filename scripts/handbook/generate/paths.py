"""Where every page lives: each page's path, its URL, links between pages, and
where each language's site is (the language layout).

The one place that knows the site's shape. Generators, the navigation and the
site adapter ask here for a page's path or a link; none of them writes a path
or "/en/" of its own. Knows nothing of MkDocs beyond its directory-style URLs
(`a/b.md` is served at `a/b/`).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache

from ..model import Chapter, Checklist, Manual, Quiz, Rubric, Section, Topic


@dataclass(frozen=True)
class LanguageLayout:
    """The source language's site at the root; each translation's in a folder of its own name."""

    root_lang: str = "zh"
    langs: tuple[str, ...] = ("zh", "en")

    def folder(self, lang: str) -> str:
        """Where a language's site is, from the root site: '' or 'en/'."""
        return "" if lang == self.root_lang else f"{lang}/"

    def site_url(self, root_url: str, lang: str) -> str:
        """A language's site address, given the root site's (which may already be the language's)."""
        folder = self.folder(lang).rstrip("/")
        if not root_url or not folder or root_url.rstrip("/").endswith("/" + folder):
            return root_url
        return root_url.rstrip("/") + "/" + folder + "/"

    def between(self, from_lang: str, to_lang: str) -> str:
        """A relative link from one language's site root to another's: 'en/', '../' or ''."""
        if from_lang == to_lang:
            return ""
        up = "../" * self.folder(from_lang).count("/")
        return up + self.folder(to_lang)

    def same_page(self, path: str, from_lang: str, to_lang: str) -> str:
        """From page `path` of one language's site, the link to the same page in another language."""
        url = page_url(path)
        return "../" * url.count("/") + self.between(from_lang, to_lang) + url

    def file(self, from_path: str, file_path: str, from_lang: str, to_lang: str) -> str:
        """From a page, the link to a file (not a page) of a language's site, e.g. a download."""
        if from_lang == to_lang:
            return html_file_href(from_path, file_path)
        return "../" * page_url(from_path).count("/") + self.between(from_lang, to_lang) + file_path


LAYOUT = LanguageLayout()


# Page paths, relative to a language's docs folder. -------------------------------

HOME = "index.md"
MANUALS = "manuals/index.md"
TOPICS = "topics/index.md"
CHECKLISTS = "checklists/index.md"
RUBRICS = "rubrics/index.md"
QUIZZES = "quizzes/index.md"
ONBOARDING = "onboarding/index.md"
FINAL = "onboarding/final.md"
GLOSSARY = "glossary.md"
CHANGES = "changes/index.md"  # issue 22: what changed
CHANGES_NOTICE = "changes/notice.md"  # … the printable change notice
CHANGES_FEED = "changes/feed.xml"  # … its Atom feed
CHANGES_DATA = "changes/versions.json"  # … what the "since your last visit" notice reads
REFERENCES = "editors/references.md"
REPAIRS = "editors/repairs.md"


def manual_path(manual: Manual) -> str:
    return f"manuals/{manual.id}/index.md"


def chapter_path(chapter: Chapter) -> str:
    return f"manuals/{chapter.manual.id}/{chapter.number}/index.md"


def section_path(section: Section) -> str:
    chapter = section.chapter
    return f"manuals/{chapter.manual.id}/{chapter.number}/{section.number}.md"


def topic_path(topic: Topic) -> str:
    return f"topics/{topic.id}.md"


def checklist_path(checklist: Checklist) -> str:
    return f"checklists/{checklist.id}.md"


def rubric_path(rubric: Rubric) -> str:
    return f"rubrics/{rubric.id}.md"


def quiz_path(quiz: Quiz) -> str:
    return f"quizzes/{quiz.id}.md"


def paper_quiz_path(quiz: Quiz) -> str:
    return f"quizzes/{quiz.id}-paper.md"


def answer_key_path(quiz: Quiz) -> str:
    return f"quizzes/{quiz.id}-key.md"


def gift_path(lang: str) -> str:
    """The question bank in Moodle's GIFT format, a download in each language's site."""
    return f"quizzes/handbook-questions-{lang}.gift"


# URLs and links. ---------------------------------------------------------------


def page_url(path: str) -> str:
    """The directory-style URL MkDocs gives a page path."""
    stem = path[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


@lru_cache(maxsize=65536)
def link(from_path: str, to_path: str) -> str:
    """A relative Markdown link target, which MkDocs checks and rewrites."""
    return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")


@lru_cache(maxsize=65536)
def html_href(from_path: str, to_path: str) -> str:
    """A relative link inside raw HTML, which MkDocs leaves alone: the built directory URL."""
    return posixpath.relpath(page_url(to_path) or ".", page_url(from_path) or ".") + "/"


def html_file_href(from_path: str, file_path: str) -> str:
    """A relative link inside raw HTML to a file of the same site: './name' beside the page."""
    folder = posixpath.relpath(posixpath.dirname(file_path) or ".", page_url(from_path) or ".")
    return ("./" if folder == "." else folder + "/") + posixpath.basename(file_path)
