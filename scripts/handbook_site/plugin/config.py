"""The handbook plugin's settings (mkdocs.yml, `plugins: - handbook: ...`), typed
and checked by MkDocs when the configuration is loaded."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class HandbookConfig(base.Config):
    # The content folder, relative to the repository (not to the configuration
    # file, so that a configuration that inherits mkdocs.yml from elsewhere reads
    # the same content); tests and benchmarks point it elsewhere (mkdocs.yml
    # reads HANDBOOK_CONTENT when the configuration is loaded).
    content = c.Type(str, default="checklists")
    # The site's language: zh at the site root, en under /en/.
    language = c.Choice(("zh", "en"))
    # Where each page's edit button points, e.g. https://github.com/OWNER/REPO/edit/main/.
    # Unset: derived from the git remote `origin` (none when there is none); "": no edit buttons.
    edit_uri = c.Optional(c.Type(str))
    # Build the Pagefind search index after the pages (off while previewing: see handbook_site.preview).
    search_index = c.Type(bool, default=True)
