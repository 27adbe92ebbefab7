"""What each page carries of the site's navigation (issue 23): the section
page's HTML and DOM nodes, and the size of the whole site, for the navigation
the site has and the alternatives it was chosen from, built from the same
content in the same run; and the same page at N× content.

The alternatives are the site's own configuration with other theme features:
the handbook plugin runs as it does for the site (they lift the manuals to the top level
only when there are no tabs)."""

from __future__ import annotations

import gzip
import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from handbook.generate.paths import page_url, section_path
from handbook.handwritten import DOCS
from handbook.model import Handbook
from harness.server import GZIP_LEVEL, serve_compressed

from .builds import ROOT, Run, timed

CONFIGS = {"zh": ROOT / "mkdocs.yml", "en": ROOT / "mkdocs.en.yml"}
PRUNE, TABS, PATH = "navigation.prune", "navigation.tabs", "navigation.path"

# name → (what it is, how its theme features differ from the site's)
ALTERNATIVES = {
    "bounded": (
        "every page carries the whole navigation in tabs, a list over 30 entries bounded "
        "to its index and the current entry (before issue 23)",
        {"add": [TABS], "drop": [PRUNE, PATH]},
    ),
    "prune": (
        "mkdocs-material's navigation.prune added to that, tabs kept (the first attempt)",
        {"add": [TABS], "drop": [PATH]},
    ),
}
CHOSEN = "prune, manuals lifted"
CHOSEN_DESCRIPTION = (
    "the site as configured: navigation.prune, no tabs, the manuals at the top level, breadcrumbs, long lists bounded"
)


@dataclass
class PageSize:
    html: int = 0  # bytes, the larger of the two languages
    compressed: int = 0
    dom: int = 0  # elements once loaded, the larger of the two languages


@dataclass
class NavMeasure:
    name: str
    description: str
    build: Run
    pages: int  # HTML pages, both languages
    site_bytes: int  # every file of the built site, both languages
    sizes: dict[str, PageSize] = field(default_factory=dict)  # page kind →


def section_pages(handbook: Handbook) -> dict[str, str]:
    """The section pages measured: the longest section of the first manual (the
    page the benchmark loads), and the last section of the last manual, which at
    N× content sits at the end of the longest lists."""
    from .pages import measured_pages

    last = handbook.manuals[-1].chapters[-1].sections[-1]
    return {"section": measured_pages(handbook)["section"], "last section": page_url(section_path(last))}


def other_pages(handbook: Handbook) -> dict[str, str]:
    from .pages import measured_pages

    return {kind: path for kind, path in measured_pages(handbook).items() if kind in ("home", "checklist")}


def write_alternative(name: str, folder: Path) -> dict[str, Path]:
    """Both languages' configuration files for the alternative `name`: the site's own,
    inherited, with other theme features."""
    change = ALTERNATIVES[name][1]
    features = _site_features()
    features = [f for f in features if f not in change["drop"]]
    features[1:1] = [f for f in change["add"] if f not in features]
    folder.mkdir(parents=True, exist_ok=True)
    configs = {}
    for lang, inherited in CONFIGS.items():
        config = {
            "INHERIT": str(inherited),
            "docs_dir": str(DOCS / lang),
            "watch": [],
            "theme": {"custom_dir": str(DOCS / "overrides"), "features": features},
        }
        configs[lang] = folder / f"mkdocs.{lang}.yml"
        configs[lang].write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return configs


def _site_features() -> list[str]:
    """The theme features of mkdocs.yml, read without its Python tags."""
    lines = CONFIGS["zh"].read_text(encoding="utf-8").splitlines()
    start = lines.index("  features:") + 1
    features = []
    for line in lines[start:]:
        stripped = line.strip()
        if stripped.startswith("- "):
            features.append(stripped[2:].strip())
        elif stripped and not stripped.startswith("#"):
            break
    return features


def build_alternative(name: str, work: Path, out: Path, content: Path | None = None) -> Run:
    """The alternative `name` built as scripts/build builds the site (both languages
    in one process, strict), from `content` (default: the real handbook)."""
    configs = write_alternative(name, work / f"config-{name}")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "scripts"), os.environ.get("PYTHONPATH", "")]))
    env.pop("HANDBOOK_CONTENT", None)
    if content:
        env["HANDBOOK_CONTENT"] = str(content)
    return timed(
        [
            sys.executable,
            "-m",
            "handbook_site.build",
            "--strict",
            str(configs["zh"]),
            str(out),
            str(configs["en"]),
            str(out / "en"),
        ],
        env,
    )


def site_bytes(site: Path) -> int:
    return sum(path.stat().st_size for path in site.rglob("*") if path.is_file())


def measure(
    instance, site: Path, name: str, description: str, build: Run, pages: dict[str, str], viewport: dict
) -> NavMeasure:
    """The built `site`'s size, and each of `pages` (kind → path) in both languages."""
    result = NavMeasure(name, description, build, sum(1 for _ in site.rglob("*.html")), site_bytes(site))
    with serve_compressed(site) as base:
        context = instance.new_context(viewport=viewport)
        tab = context.new_page()
        for kind, path in pages.items():
            size = PageSize()
            for prefix in ("", "en/"):
                html = site / prefix / path / "index.html"
                data = html.read_bytes()
                size.html = max(size.html, len(data))
                size.compressed = max(size.compressed, len(gzip.compress(data, GZIP_LEVEL, mtime=0)))
                tab.goto(base + prefix + path, wait_until="networkidle")
                size.dom = max(size.dom, tab.evaluate("() => document.getElementsByTagName('*').length"))
            result.sizes[kind] = size
        context.close()
    return result


def remove(site: Path) -> None:
    if site.exists():
        shutil.rmtree(site)
