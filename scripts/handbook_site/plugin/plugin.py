"""The MkDocs plugin `handbook`: a thin adapter from the handbook model to one
language's site.

Each language is its own MkDocs build (mkdocs.yml for zh-Hans at the root,
mkdocs.en.yml for English under /en/). The plugin loads and checks the YAML
(once per process: scripts/build builds both languages in one), hands MkDocs
the generated pages and navigation, points each page's edit link at the file an
editor changes, publishes the site's own scripts and styles minified, shapes
each page's navigation, and indexes each language's pages for search
(Pagefind). It keeps what one build gathered (files, navigation, templates), so
that the preview (handbook_site.preview) can re-render only the pages an edit
changed.

Order: the plugin's page and build events run after every other plugin's
(event_priority -50): Pagefind indexes the pages as finally written, and the
navigation is shaped after any other plugin has changed it.
"""

from __future__ import annotations

import copy
import logging
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from handbook import ContentError, loader
from handbook.generate import build_files, build_nav, build_pages
from handbook.generate.paths import LAYOUT, section_path, topic_path
from handbook.handwritten import ASSETS, compare_languages
from handbook.repository import ROOT, edit_uri

from .. import pagefind_index, search_words
from ..assets import AssetError, published_assets
from ..csp import inline_script_hashes, script_templates
from ..pagefind_index import PagefindError
from ..sidebar import bounded_items, lifted_items
from .config import HandbookConfig

log = logging.getLogger("mkdocs.plugins.handbook")
ARTICLE = '<article class="md-content__inner md-typeset">'
UNSEARCHED = (
    "quizzes/",
    "onboarding/final",
    "editors/references",
    "editors/repairs",
    "checklists/index",
    "rubrics/index",
)
LATE = -50


class HandbookPlugin(BasePlugin[HandbookConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.handbook = None
        self.pages: list = []
        self.downloads: dict[str, str] = {}
        self.nav_spec: list = []
        self.words = ""
        self.stating: set[str] = set()
        # What the last build gathered, for re-rendering single pages (preview).
        self.files: Files | None = None
        self.nav = None
        self.env = None

    @property
    def lang(self) -> str:
        return self.config.language

    @property
    def content(self) -> Path:
        folder = (ROOT / self.config.content).resolve()
        if not folder.is_dir():
            raise Abort(
                f"The handbook plugin's content folder {folder} does not exist (HANDBOOK_CONTENT, "
                "or `content:` under `plugins: - handbook:` in mkdocs.yml)."
            )
        return folder

    # --- MkDocs events -------------------------------------------------------

    def on_config(self, config):
        config.extra["handbook_lang"] = self.lang  # docs/overrides/partials/alternate.html
        if self.config.edit_uri is None:
            self.config.edit_uri = edit_uri()  # from the git remote; "" when there is none
        config.edit_uri = self.config.edit_uri or None
        config.site_url = LAYOUT.site_url(config.site_url, self.lang)  # the English site's own address
        handbook = self.load_content()
        if self.lang == "zh":
            # Both languages' hand-written pages are compared once, in the zh build.
            for problem in compare_languages(ROOT / "docs"):
                log.warning(str(problem))
        self._generate(handbook, config)
        config.nav = copy.deepcopy(self.nav_spec)
        content = str(self.content)
        if content not in map(str, config.watch):
            config.watch.append(content)  # content kept outside checklists/
        return config

    def on_files(self, files: Files, config) -> Files:
        docs_folder = Path(config.docs_dir).resolve().relative_to(ROOT).as_posix()
        for file in files:
            file.edit_uri = f"{docs_folder}/{file.src_uri}"
        for page in self.pages:
            generated = File.generated(config, page.path, content=page.markdown)
            source = page.source.resolve()
            # Content kept outside the repository (tests, benchmarks) has no edit link.
            generated.edit_uri = source.relative_to(ROOT).as_posix() if source.is_relative_to(ROOT) else None
            if not page.in_nav:
                generated.inclusion = InclusionLevel.NOT_IN_NAV
            files.append(generated)
        for path, text in self.downloads.items():
            files.append(File.generated(config, path, content=text))
        for asset in sorted(ASSETS.rglob("*")):
            if asset.is_file() and asset.suffix not in (".js", ".css"):
                files.append(
                    File(
                        asset.relative_to(ASSETS.parent).as_posix(),
                        src_dir=str(ASSETS.parent),
                        dest_dir=config.site_dir,
                        use_directory_urls=config.use_directory_urls,
                    )
                )
        try:
            published = published_assets(ASSETS)
        except AssetError as error:
            raise Abort(str(error)) from error
        for path, text in published.items():
            files.append(File.generated(config, path, content=text))
        # The question words and synonyms the search dialog fetches when it is opened.
        self.words = self._search_words(self.handbook)
        files.append(File.generated(config, search_words.PUBLISHED, content=self.words))
        self.files = files
        return files

    @event_priority(LATE)
    def on_nav(self, nav, config, files):
        self.nav = nav
        return nav

    @event_priority(LATE)
    def on_env(self, env, config, files):
        """The Content-Security-Policy (docs/overrides/main.html) lists the hashes of the theme's
        inline scripts (rendered here as the pages will render them)."""
        # The theme's templates indent every {% if %} and {% for %}: a section page
        # was a quarter blank lines and indents (50 KB, over its 45 KB budget).
        # Block tags now leave no line of their own; the text and the spaces
        # between words and elements stay (harness.compare_sites: 0 pages differ;
        # screenshots are byte-identical).
        env.trim_blocks = env.lstrip_blocks = True
        context = {"config": config, "features": config.theme.get("features", []), "i18n_page_title": ""}
        names = script_templates([Path(folder) for folder in config.theme.dirs])
        site_path = urlsplit(config.site_url or "/").path or "/"
        env.globals["hb_script_hashes"] = inline_script_hashes(env, names, context, site_path)
        self.env = env
        return env

    @event_priority(LATE)
    def on_page_context(self, context, page, config, nav):
        # The theme prunes what is off the page's path (navigation.prune); the
        # manuals are lifted to the top level (unless it is a tab bar, where four
        # manual titles do not fit) and long lists bounded here.
        path = [page, *page.ancestors]
        items = (
            nav.items if "navigation.tabs" in config.theme["features"] else lifted_items(nav.items, _is_manuals, path)
        )
        shown = copy.copy(nav)
        shown.items = bounded_items(items, path)
        context["nav"] = shown
        return context

    @event_priority(LATE)
    def on_post_page(self, output: str, page, config) -> str:
        # Search indexes the article only (not the navigation, header or footer), and
        # only pages that answer: not the quizzes (a search for a rule finds the
        # rule, never an exam question or its answer key), not the lists of
        # citations and repairs, not the lists of checklists and rubrics (each
        # checklist and rubric is indexed itself).
        if page.file.src_uri.startswith(UNSEARCHED) or (page.meta.get("search") or {}).get("exclude"):
            return output
        return pagefind_index.marked_for_index(output, ARTICLE, page.file.src_uri in self.stating)

    @event_priority(LATE)
    def on_post_build(self, config) -> None:
        if not self.config.search_index:
            return
        # scripts/build waits for every language's index at its end (pagefind_index.deferring);
        # a plain `mkdocs build` waits here.
        try:
            indexing = pagefind_index.start(Path(config.site_dir), self.lang)
            if not pagefind_index.defer(indexing):
                indexing.wait()
        except PagefindError as error:
            raise Abort(str(error)) from error

    # --- used by the preview -------------------------------------------------

    def index(self, config, background: bool = False) -> None:
        try:
            pagefind_index.index_language(Path(config.site_dir), self.lang, background)
        except PagefindError as error:
            raise Abort(str(error)) from error

    def changes(self, config) -> list | None:
        """Load the content again and generate this language's pages: the pages
        whose Markdown changed, or None when the navigation, the set of pages or
        the search words changed (then the whole language is built again).
        Raises ContentError when the content has errors (the built pages stay)."""
        old_pages = {page.path: page for page in self.pages}
        old_nav, old_downloads = self.nav_spec, self.downloads
        handbook = self.load_content(raising=True)
        self._generate(handbook, config)
        if (
            self.nav_spec != old_nav
            or {page.path for page in self.pages} != set(old_pages)
            or self.files is None
            or self.nav is None
            or self.words != self._search_words(handbook)
        ):
            return None
        for path, text in self.downloads.items():
            if old_downloads.get(path) != text:
                target = Path(config.site_dir) / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
        return [page for page in self.pages if page.markdown != old_pages[page.path].markdown]

    def render(self, config, changed: list) -> list[str]:
        """Render these generated pages again, with the files, navigation and
        templates of the last build (MkDocs' own page build functions)."""
        doc_files = self.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        for generated in changed:
            file = self.files.get_file_from_path(generated.path)
            file.content_string = generated.markdown
            _populate_page(file.page, config, self.files)
            _build_page(file.page, config, doc_files, self.nav, self.env)
        return [page.path for page in changed]

    # --- the model -----------------------------------------------------------

    def load_content(self, raising: bool = False):
        try:
            handbook, problems = loader.load_handbook_remembered(self.content)
        except ContentError as error:
            if raising:
                raise
            for problem in error.problems:
                log.error(str(problem))
            raise Abort(
                f"The handbook content has {len(error.problems)} problem(s); "
                "fix them (file:line above) and build again."
            ) from None
        for problem in problems.warnings:
            log.warning(str(problem))
        self.handbook = handbook
        return handbook

    def _search_words(self, handbook) -> str:
        return search_words.published(handbook.search_words, self.lang, handbook.searched_text(self.lang))

    def _generate(self, handbook, config) -> None:
        self.pages = build_pages(handbook, self.lang, config.site_url or "")
        self.downloads = build_files(handbook, self.lang, config.site_url or "")
        self.nav_spec = build_nav(handbook, self.lang)
        # The pages that state rules, rather than list or point at them: weighted fully in search.
        self.stating = {section_path(s) for s in handbook.sections()} | {topic_path(t) for t in handbook.topics}


def _is_manuals(section) -> bool:
    index = section.children[0]
    return getattr(index, "is_index", False) and index.file.src_uri == "manuals/index.md"
