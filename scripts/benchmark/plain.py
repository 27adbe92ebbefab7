"""The handbook's pages as a plain mkdocs-material project: the generated
Markdown, the hand-written pages and the published assets written to disk, and
a configuration that inherits the real one without its plugin. Building it
measures what MkDocs and the theme cost on their own."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from handbook_site.assets import published_assets

from handbook import load_handbook
from handbook.generate import build_nav, build_pages
from handbook.generate.site import write_pages
from handbook.handwritten import ASSETS, DOCS

ROOT = DOCS.parent
CONFIGS = {"zh": ROOT / "mkdocs.yml", "en": ROOT / "mkdocs.en.yml"}


def write_plain_project(content: Path, folder: Path) -> dict[str, Path]:
    """Write both languages' plain projects under `folder`; return each language's config file."""
    handbook, _ = load_handbook(content, strict=False)
    if folder.exists():
        shutil.rmtree(folder)
    configs = {}
    for lang, inherited in CONFIGS.items():
        docs = folder / lang
        shutil.copytree(DOCS / lang, docs)
        write_pages(handbook, lang, docs)
        for path, text in published_assets(ASSETS).items():
            (docs / path).parent.mkdir(parents=True, exist_ok=True)
            (docs / path).write_text(text, encoding="utf-8")
        config = {
            "INHERIT": str(inherited),
            "docs_dir": str(docs),
            "plugins": [],
            "watch": [],
            "edit_uri": "",
            "theme": {"custom_dir": str(DOCS / "overrides")},
            "nav": build_nav(handbook, lang),
            # What the plugin marks as reached by links only (paper quizzes, answer keys).
            "not_in_nav": "\n".join("/" + page.path for page in build_pages(handbook, lang) if not page.in_nav),
        }
        configs[lang] = folder / f"mkdocs.{lang}.yml"
        configs[lang].write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return configs
