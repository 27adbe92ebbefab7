"""A generated page (path, title, Markdown, the YAML an editor changes), and its front matter."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .templating import html_text


@dataclass
class GeneratedPage:
    path: str  # relative to the docs folder, e.g. manuals/000/2/2.1.md
    title: str
    markdown: str
    source: Path  # the YAML file an editor changes to change this page
    in_nav: bool = True  # False: reached by links only (paper quizzes and answer keys)


class _Quoted(str):
    """A value written double-quoted, so that no title is read back as a number, a date or a mapping."""


class _FrontMatterDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """libyaml's emitter where PyYAML has it: a page's front matter is written for every page."""


_FrontMatterDumper.add_representer(
    _Quoted, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style='"')
)


def front_matter(title: str, wide: bool = False, searchable: bool = True, **extra: str) -> str:
    """`wide`: no table of contents beside the page (grids and quizzes need the width);
    not `searchable`: the page repeats others (a paper quiz) and stays out of search.
    Titles are HTML-escaped: the theme prints them as HTML."""
    data: dict = {"title": _Quoted(html_text(title))}
    data.update((key, _Quoted(html_text(value))) for key, value in extra.items())
    if not searchable:
        data["search"] = {"exclude": True}
    if wide:
        data["hide"] = ["toc"]
    dumped = yaml.dump(
        data, Dumper=_FrontMatterDumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1 << 30
    )  # never fold a long title
    return "---\n" + dumped + "---\n\n"
