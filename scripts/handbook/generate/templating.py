"""The one place the generator writes HTML: Jinja2 templates with autoescaping.

Every value a template prints is escaped unless it is `Markup`, and the only
`Markup` there is comes from templates themselves (a fragment rendered by one
macro and placed by another) or from the interface's own words (ui.py), with
content put into them escaped. Content is plain text: its characters are shown,
never read as markup.

Pages are Markdown with HTML fragments. Where content goes into a Markdown
line (a heading, a list item's link text, a table cell), `md_text` writes it
so that Markdown reads it as text: a title is a title, never a link or an image.

Templates are in templates/ (NAME.jinja), one file per kind of page, each a set of macros:
`fragment("pages", "review_line", lang=..., owner=...)` renders one.
"""

from __future__ import annotations

import json
import os
import re
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from ..content_text import url_problem
from ..repository import ROOT
from .ui import STRINGS

TEMPLATES = Path(__file__).with_name("templates")


def t(key: str, lang: str, **values) -> Markup:
    """An interface string as HTML: its own words are trusted, the values put into it are
    escaped unless they are fragments a template rendered."""
    return Markup(escape(STRINGS[key][lang])).format(**values) if values else Markup(escape(STRINGS[key][lang]))


def json_attr(value) -> str:
    """Data for a widget, as JSON to put in an attribute or an element's text (the template escapes
    it). `&`, `<` and `>` are written as JSON escapes: md_in_html re-writes the attributes of a
    `markdown` container and keeps anything that looks like a character reference (`&lt;`) as it
    is, which the browser would then decode a second time."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def link_url(url: str) -> str:
    """A link from content, checked again where it is written: only what the model allows
    (content_text.url_problem; the loader has already refused anything else, with file:line)."""
    problem = url_problem(url)
    if problem:
        raise ValueError(problem[0])
    return url


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Compiled templates kept between builds (.cache/handbook-jinja/): compiling them was a
    tenth of a second of every build. Jinja checks each against its template's source, so an
    edited template is compiled again. None where the folder cannot be written."""
    folder = ROOT / ".cache" / "handbook-jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder)) if os.access(folder, os.W_OK) else None


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=_bytecode_cache(),
    )
    env.globals.update(t=t, json_attr=json_attr, link_url=link_url)
    return env


_ENV = _environment()


@cache
def _module(name: str):
    return _ENV.get_template(f"{name}.jinja").module


def fragment(template: str, macro: str, **values) -> Markup:
    """One macro of templates/TEMPLATE.jinja, rendered with `values`: escaped HTML, as Markup."""
    return Markup(str(getattr(_module(template), macro)(**values)).strip())


def concat(*parts) -> Markup:
    """Texts (escaped) and fragments, one after another."""
    return Markup("").join(escape(part) for part in parts)


def join(separator, fragments) -> Markup:
    """Fragments (or texts, escaped) joined by an escaped separator."""
    return escape(separator).join(escape(f) for f in fragments)


# Characters Markdown (with this site's extensions: attr_list, tables) reads as
# syntax in a line of text, written as character references; `&`, `<` and `>`
# make it HTML-escaped as well. An emoji shortcode's colons (:name:) likewise.
_MARKDOWN_SYNTAX = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*_{}[]#<>&|"})
_SHORTCODE = re.compile(r":(?=[\w+-]+:)")


# In a fragment: its tags and character references, left as they are.
_MARKUP_PARTS = re.compile(r"(<[^>]*>|&#?\w+;)")


def md_text(text) -> Markup:
    """Content for a Markdown line: shown as written, never read as Markdown or HTML.
    A text is escaped; a fragment (Markup) keeps its tags, and its text is escaped for Markdown.
    The result is valid HTML too, so one value serves a heading and the page's title."""
    if isinstance(text, Markup):
        parts = _MARKUP_PARTS.split(str(text))
        return Markup("".join(part if n % 2 else _md_escape(part) for n, part in enumerate(parts)))
    return Markup(_md_escape(str(text)))


def _md_escape(text: str) -> str:
    return _SHORTCODE.sub("&#58;", text.translate(_MARKDOWN_SYNTAX))


def html_text(text: str) -> str:
    """Content HTML-escaped, for places MkDocs and the theme print as HTML (titles in the
    front matter and the navigation)."""
    return str(escape(text))
