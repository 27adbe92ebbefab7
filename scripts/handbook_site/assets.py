"""The site's own JavaScript and CSS as published: minified, and the widgets'
scripts joined into one file in the order they depend on each other.

The sources under docs/assets stay readable and are what the Node tests load;
a phone downloads one small script instead of ten commented ones.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

# Load order: widget-kit before the widgets; each engine before its widget (search-query.js
# before search.js).
SCRIPTS = (
    "language-switch.js",
    "drawer.js",
    "search-query.js",
    "search.js",
    "widget-kit.js",
    "checklist-state.js",
    "checklist.js",
    "rubric-score.js",
    "rubric.js",
    "quiz-engine.js",
    "quiz.js",
    "onboarding.js",
    "review-date.js",
    "changes-filter.js",
    "changes-visit.js",
)
BUNDLE = "assets/js/handbook.js"


class AssetError(ValueError):
    pass


def script_bundle(js_folder: Path) -> str:
    """All of `js_folder`'s scripts, minified, in SCRIPTS order, each headed by its source's name."""
    present = {path.name for path in js_folder.glob("*.js")}
    unlisted, missing = sorted(present - set(SCRIPTS)), sorted(set(SCRIPTS) - present)
    if unlisted or missing:
        raise AssetError(
            f"{js_folder}: scripts not in handbook_site.assets.SCRIPTS: {unlisted or 'none'}; "
            f"listed but missing: {missing or 'none'}. List every script once, in load order."
        )
    parts = []
    for name in SCRIPTS:
        # Each script is a self-contained function; the separator keeps two of them apart.
        parts.append(f"/* {name} */\n{rjsmin.jsmin((js_folder / name).read_text(encoding='utf-8'))};\n")
    return "".join(parts)


def minified_css(css_file: Path) -> str:
    return rcssmin.cssmin(css_file.read_text(encoding="utf-8"))


def published_assets(assets: Path) -> dict[str, str]:
    """What the site publishes of `assets` (docs/assets) that is rewritten on the
    way: the script bundle and the minified stylesheets, by path in the site."""
    files = {BUNDLE: script_bundle(assets / "js")}
    for css in sorted((assets / "css").glob("*.css")):
        files[css.relative_to(assets.parent).as_posix()] = minified_css(css)
    return files
