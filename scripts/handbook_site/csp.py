"""The hashes that let the theme's inline scripts run under the Content-Security-Policy.

The policy itself is written once, in docs/overrides/main.html. It allows the
site's own script files and, of inline scripts, only those whose SHA-256 hash
it lists. Those are the theme's own small scripts (Material's
partials/javascripts/*.html and ours in docs/overrides/partials/javascripts/),
worked out here by rendering each of those templates as the theme does, for
every depth of page (their one varying part is the relative path to the site's
root). A script that is not one of them, such as one that markup slipped into
a page would add, is listed nowhere and does not run.
"""

from __future__ import annotations

import base64
import hashlib
import re

_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
DEPTHS = 12  # pages nest at most this deep below the site root (manuals/000/1/1.1/ is 4)


def script_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


def inline_script_hashes(env, template_names: list[str], context: dict, site_path: str = "/") -> list[str]:
    """The hashes of the inline scripts the named templates write, at every page depth.
    `env` is the theme's Jinja environment (overrides first); `context`, what they read;
    `site_path`, the site's address path, which the error page uses as its root."""
    hashes: dict[str, None] = {}
    roots = ["."] + ["/".join([".."] * n) for n in range(1, DEPTHS + 1)] + [site_path]
    for name in template_names:
        template = env.get_template(name)
        for root in roots:
            rendered = template.render(**context, base_url=root)
            for source in _SCRIPT.findall(rendered):
                hashes[script_hash(source)] = None
    return list(hashes)


def script_templates(template_dirs: list) -> list[str]:
    """The theme's (and our) inline-script templates: partials/javascripts/*.html."""
    names: dict[str, None] = {}
    for folder in template_dirs:
        scripts = folder / "partials" / "javascripts"
        if scripts.is_dir():
            names.update((f"partials/javascripts/{path.name}", None) for path in sorted(scripts.glob("*.html")))
    return list(names)
