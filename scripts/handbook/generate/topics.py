"""The topic index: every rule on a topic staff look for, from all manuals, on one page."""

from __future__ import annotations

from ..model import Handbook, Section, Topic
from . import render
from .manual_pages import requirement_list, status_tag
from .numbering import section_label
from .page import GeneratedPage, front_matter
from .paths import TOPICS, html_href, link, section_path, topic_path
from .render import Citations
from .templating import fragment, md_text, t

# A topic gathering more sections than this lists them without their rules: a page of
# every rule of hundreds of sections (2 MB at 100x content) is no page to read, nor to
# download as a search result. The handbook's own topics gather at most 11.
MAX_SECTIONS_WITH_RULES = 30


def topic_pages(handbook: Handbook, lang: str) -> list[GeneratedPage]:
    if not handbook.topics:
        return []
    sections = handbook.index.sections
    pages = [_index_page(handbook, sections, lang)]
    pages += [_topic_page(handbook, topic, sections, lang) for topic in handbook.topics]
    return pages


def _counts(topic: Topic, sections: dict[str, Section]) -> tuple[int, int]:
    listed = [sections[i] for i in topic.sections if i in sections]
    return len(listed), sum(len(s.requirements) for s in listed)


def _index_page(handbook: Handbook, sections: dict[str, Section], lang: str) -> GeneratedPage:
    title = t("topics", lang)
    lines = [f"# {title}", "", t("topics_intro", lang), ""]
    for topic in handbook.topics:
        count, rules = _counts(topic, sections)
        lines.append(
            f"- [{md_text(topic.title[lang])}]({link(TOPICS, topic_path(topic))}) "
            + fragment("registers", "topic_count", lang=lang, sections=count, rules=rules)
        )
    origin = handbook.topics[0].origin.file
    return GeneratedPage(TOPICS, title, front_matter(title) + "\n".join(lines) + "\n", origin)


def _topic_page(handbook: Handbook, topic: Topic, sections: dict[str, Section], lang: str) -> GeneratedPage:
    path = topic_path(topic)
    title = topic.title[lang]
    count, rules = _counts(topic, sections)
    citations = Citations(handbook, lang)
    listed = count > MAX_SECTIONS_WITH_RULES
    lines = [
        f"# {md_text(title)}",
        "",
        fragment("render", "meta", content=t("topic_counts", lang, sections=count, rules=rules)),
        "",
        t("topic_intro_listed" if listed else "topic_intro", lang),
        "",
    ]
    if listed:
        lines += [_section_entry(sections[i], path, lang) for i in topic.sections] + [""]
        return GeneratedPage(path, title, front_matter(title) + "\n".join(lines), topic.origin.file)
    for section_id in topic.sections:
        section = sections[section_id]
        manual = section.chapter.manual
        target = html_href(path, section_path(section))
        anchor = "s-" + section.id.replace(".", "-")
        lines += [
            f"## {md_text(f'{manual.id} · {section_label(section, lang)}')}{status_tag(section, lang)} {{#{anchor}}}",
            "",
            fragment("registers", "topic_section_meta", lang=lang, manual_title=manual.title[lang], href=target),
            "",
        ]
        if section.requirements:
            lines += [requirement_list(section, lang, citations, page=target), ""]
        elif section.published:
            lines += [fragment("render", "meta", content=t("no_requirements", lang)), ""]
    lines += render.references_section(handbook, citations, lang)
    return GeneratedPage(path, title, front_matter(title) + "\n".join(lines), topic.origin.file)


def _section_entry(section: Section, page: str, lang: str) -> str:
    """One line of a long topic's list: the section, linked, and its manual."""
    manual = section.chapter.manual
    name = md_text(f"{manual.id} · {section_label(section, lang)}")
    return f"- [{name}]({link(page, section_path(section))}){status_tag(section, lang)} · {md_text(manual.title[lang])}"
