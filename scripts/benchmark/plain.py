"""The handbook's pages as a plain mkdocs-material project: the generated
Markdown, the hand-written pages and the published assets written to disk, and
a configuration that inherits the real one without its plugin. Building it
measures what MkDocs and the theme cost on their own.

Two configurations per language over the same pages:
- `search`, the generation-overhead budget's baseline: a plain mkdocs-material
  site with its own search, Material's built-in `search` plugin in the page's
  language (`lang: [zh]` / `lang: [en]`; it segments Chinese with jieba, which
  requirements-test.txt installs). The handbook's build indexes its pages too
  (Pagefind), so like is measured against like, as when the budget was set
  (then the plain project inherited the site's `plugins: [search]`);
- `bare`: no search at all (`plugins: []`), reported beside it so that no one
  reads the overhead against a baseline that does less than the site.
"""

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


VARIANTS = {
    "search": lambda lang: [{"search": {"lang": [lang]}}],  # the budget's baseline
    "bare": lambda lang: [],
}


def write_plain_project(content: Path, folder: Path) -> dict[str, dict[str, Path]]:
    """Write both languages' plain projects under `folder`; return, for each variant
    (`search`, `bare`), each language's config file."""
    handbook, _ = load_handbook(content, strict=False)
    if folder.exists():
        shutil.rmtree(folder)
    configs: dict[str, dict[str, Path]] = {variant: {} for variant in VARIANTS}
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
            "watch": [],
            "edit_uri": "",
            "theme": {"custom_dir": str(DOCS / "overrides")},
            "nav": build_nav(handbook, lang),
            # What the plugin marks as reached by links only (paper quizzes, answer keys).
            "not_in_nav": "\n".join("/" + page.path for page in build_pages(handbook, lang) if not page.in_nav),
        }
        for variant, plugins in VARIANTS.items():
            path = configs[variant][lang] = folder / f"mkdocs.{lang}.{variant}.yml"
            text = yaml.safe_dump({**config, "plugins": plugins(lang)}, allow_unicode=True, sort_keys=False)
            path.write_text(text, encoding="utf-8")
    return configs
