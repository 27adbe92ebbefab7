"""The editors' preview (scripts/serve): both languages served by one process,
and an edit of the content visible in the open page about a second after it is
saved.

`mkdocs serve` rebuilds a whole site on every change, and serves one language:
the English site used to be rebuilt beside it by a `mkdocs build` subprocess,
12-14 s from save to visible. Here both languages are built once, with MkDocs'
own build, into one folder (English under /en/) served by MkDocs' livereload
server. After an edit under the content folder the model is loaded again (the
loader reads only when a file changed), each language's pages are generated as
Markdown, and only the pages whose Markdown changed are rendered again (the
plugin kept MkDocs' files, navigation and templates from the build): the
edited language first, whose open pages reload at once, then the other. When
the navigation or the set of pages changes, or anything else changes (the
hand-written pages, the theme overrides, the stylesheets and scripts), both
sites are built again in this process. Python code is not reloaded: restart.

Search works in the preview: each language is indexed by Pagefind after its
build, and again in the background after an edit, once the pages have
reloaded, so it never delays the reload (the README gives the figures).

Content with errors stops nothing: the pages keep their last good version and
every page shows a banner naming each problem's file and line, until fixed.

Usage: python -m handbook_site.preview [-a HOST:PORT] [--no-search] [--whole]
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import jinja2
import watchdog.events
import watchdog.observers
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.livereload import _SCRIPT_TEMPLATE, LiveReloadServer, _timestamp

from handbook import ContentError, loader
from handbook.repository import ROOT

log = logging.getLogger("mkdocs.handbook.preview")
CONFIGS = {"zh": ROOT / "mkdocs.yml", "en": ROOT / "mkdocs.en.yml"}
OWN = "/.preview/"  # the preview's own files: the reload script and the banner's style
BANNER_CSS = """
.hb-preview-problems{position:fixed;z-index:1000;inset:0 0 auto 0;max-height:50vh;overflow:auto;
 margin:0;padding:.8rem 1.2rem;background:#b71c1c;color:#fff;font:0.8rem/1.5 system-ui,sans-serif;
 box-shadow:0 2px 8px rgba(0,0,0,.4)}
.hb-preview-problems strong{display:block;margin-bottom:.3rem}
.hb-preview-problems ul{margin:0;padding-left:1.2rem}
.hb-preview-problems code{font-family:ui-monospace,monospace;background:rgba(0,0,0,.25);padding:0 .2em;
 white-space:pre-wrap;overflow-wrap:anywhere}
"""

# What the preview adds to every page it serves: the reload script and, while the
# content has problems, the banner naming them. A template, so every value is escaped.
BANNER = jinja2.Environment(autoescape=True).from_string(
    "{% if problems %}"
    '<link rel="stylesheet" href="{{ own }}preview.css">'
    '<div class="hb-preview-problems" role="alert"><strong>The content has {{ problems|length }} problem(s); '
    "the pages show the last good version. 内容有问题，页面仍为上一次正确的版本。</strong>"
    "<ul>{% for problem in problems %}<li><code>{{ problem }}</code></li>{% endfor %}</ul></div>"
    "{% endif %}"
    '<script src="{{ own }}reload.js?epoch={{ epoch }}&amp;request={{ request }}"></script>'
)


class PreviewServer(LiveReloadServer):
    """MkDocs' livereload server that remembers which files changed, and serves
    its reload script as a file (the site's Content-Security-Policy allows no
    inline script) with a banner for content problems."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # inotify (watchdog's native observer) instead of polling every half second.
        self.observer = watchdog.observers.Observer()
        self.build_delay = 0.05
        self.changed: set[Path] = set()
        self.problems: list[str] = []
        self._changed_lock = threading.Lock()

    def watch(self, path: str, func=None, *, recursive: bool = True) -> None:
        path = os.path.abspath(path)
        if path in self._watched_paths:
            return
        self._watched_paths[path] = 1

        def callback(event) -> None:
            if event.is_directory or event.event_type in ("opened", "closed_no_write"):
                return
            with self._changed_lock:
                self.changed.update(Path(p) for p in (event.src_path, getattr(event, "dest_path", "")) if p)
            with self._rebuild_cond:
                self._want_rebuild = True
                self._rebuild_cond.notify_all()

        handler = watchdog.events.FileSystemEventHandler()
        handler.on_any_event = callback
        self._watch_refs[path] = self.observer.schedule(handler, path, recursive=recursive)

    def take_changes(self) -> set[Path]:
        with self._changed_lock:
            changed, self.changed = self.changed, set()
        return changed

    def show(self) -> None:
        """Let the open pages reload now (the rest of the rebuild goes on)."""
        with self._epoch_cond:
            self._wanted_epoch = self._visible_epoch = _timestamp()
            self._epoch_cond.notify_all()

    def _serve_request(self, environ, start_response):
        path = environ["PATH_INFO"]
        if path == OWN + "reload.js":
            query = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""))
            epoch, request = (int(query.get(key, ["0"])[0]) for key in ("epoch", "request"))
            body = _SCRIPT_TEMPLATE.substitute(epoch=epoch, request_id=request).encode()
            start_response("200 OK", [("Content-Type", "text/javascript"), ("Cache-Control", "no-store")])
            return [body]
        if path == OWN + "preview.css":
            start_response("200 OK", [("Content-Type", "text/css"), ("Cache-Control", "no-store")])
            return [BANNER_CSS.encode()]
        return super()._serve_request(environ, start_response)

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        end = content.rfind(b"</body>")
        end = len(content) if end < 0 else end
        added = BANNER.render(own=OWN, epoch=epoch, request=_timestamp(), problems=self.problems)
        return content[:end] + added.encode() + content[end:]


class Preview:
    """Both languages' configurations and plugins, built once and refreshed per edit."""

    def __init__(self, host: str, port: int, search: bool, whole: bool = False) -> None:
        self.whole = whole  # every edit rebuilds both sites whole (as `mkdocs serve` does): for scripts/bench
        self.site_dir = Path(tempfile.mkdtemp(prefix="handbook-preview-"))
        self.serve_url = f"http://{host}:{port}/"
        self.search = search
        self.configs = {}
        for lang, file in CONFIGS.items():
            config = load_config(str(file), site_dir=str(self.site_dir / ("en" if lang == "en" else "")), strict=False)
            config.site_url = self.serve_url
            config.plugins["handbook"].config.search_index = False  # indexed here, after the reload
            self.configs[lang] = config
        self.plugins = {lang: config.plugins["handbook"] for lang, config in self.configs.items()}
        self.content = self.plugins["zh"].content
        loader.parsed_files = {}  # each YAML file is read again only when it changed
        self.server = PreviewServer(builder=self.rebuild, host=host, port=port, root=str(self.site_dir))
        self.server.error_handler = self._error_page
        self._index_lock = threading.Lock()
        self._index_wanted = threading.Event()

    def _error_page(self, code: int) -> bytes | None:
        page = self.site_dir / f"{code}.html"
        return page.read_bytes() if page.is_file() else None

    def build_all(self) -> None:
        """Both sites, whole (zh first: it cleans the folder the English site is in)."""
        for lang in ("zh", "en"):
            config = self.configs[lang]
            config.plugins.on_startup(command="serve", dirty=False)
            build(config, serve_url=self.serve_url)
        self.request_index()

    def rebuild(self) -> None:
        changed = self.server.take_changes()
        start = time.monotonic()
        content_only = not self.whole and all(path.is_relative_to(self.content) for path in changed)
        try:
            if content_only and self._refresh(start):
                self.server.problems = []
                self.request_index()
                return
            # Anything else, or new pages or a changed navigation: both sites again.
            self._check_content()
            self.build_all()
            self.server.problems = []
            log.info(f"Rebuilt both languages in {time.monotonic() - start:.2f} s")
        except ContentError as error:
            self.server.problems = [_relative(str(problem)) for problem in error.problems]
            for problem in self.server.problems:
                log.error(problem)
            log.error("The content has problems: the preview keeps the last good pages, with a banner.")

    def _check_content(self) -> None:
        self.plugins["zh"].load_content(raising=True)

    def _refresh(self, start: float) -> bool:
        """Re-render the changed pages of each language, showing each as soon as it
        is done. False when a language needs a whole build."""
        changes = {}
        for lang in ("zh", "en"):
            changes[lang] = self.plugins[lang].changes(self.configs[lang])
            if changes[lang] is None:
                return False
        # The edited language first: the one whose pages the edit changed most (an edit of
        # the Chinese also changes the English section's stale-translation notice, and an
        # edit of the English the Chinese checklist's bilingual print, not more).
        for lang in sorted(changes, key=lambda lang: -len(changes[lang])):
            if not changes[lang]:
                continue
            pages = self.plugins[lang].render(self.configs[lang], changes[lang])
            log.info(
                f"Reloaded {lang}: {len(pages)} page(s) rendered in {time.monotonic() - start:.2f} s"
                f" ({', '.join(pages[:3])}{' …' if len(pages) > 3 else ''})"
            )
            self.server.show()
        return True

    def request_index(self) -> None:
        if not self.search:
            return
        self._index_wanted.set()
        if self._index_lock.acquire(blocking=False):
            threading.Thread(target=self._index_loop, daemon=True).start()

    def _index_loop(self) -> None:
        try:
            while self._index_wanted.is_set():
                self._index_wanted.clear()
                start = time.monotonic()
                for lang in ("zh", "en"):
                    try:
                        self.plugins[lang].index(self.configs[lang], background=True)
                    except Abort as error:
                        log.warning(f"Search index ({lang}) not rebuilt: {error}")
                log.info(f"Search indexes rebuilt in {time.monotonic() - start:.2f} s")
        finally:
            self._index_lock.release()

    def serve(self) -> None:
        try:
            self._check_content()
        except ContentError as error:
            for problem in error.problems:
                log.error(_relative(str(problem)))
            raise Abort("The content has problems (file:line above); fix them and start the preview again.") from None
        self.build_all()
        for folder in [self.content, ROOT / "docs", *self.configs["zh"].watch, *CONFIGS.values()]:
            self.server.watch(str(folder))
        try:
            log.info(f"Preview: {self.serve_url} (English: {self.serve_url}en/); an edit shows in about a second")
            self.server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            self.server.shutdown()
            shutil.rmtree(self.site_dir, ignore_errors=True)


def _relative(text: str) -> str:
    return text.replace(str(ROOT) + os.sep, "")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="scripts/serve", description=__doc__.split("\n\n")[0])
    parser.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="HOST:PORT to serve at")
    parser.add_argument("--no-search", action="store_true", help="do not index the pages for search")
    parser.add_argument(
        "--whole",
        action="store_true",
        help="rebuild both sites whole on every change, as `mkdocs serve` does (to measure it)",
    )
    args = parser.parse_args(argv)
    host, _, port = args.dev_addr.rpartition(":")
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    try:
        Preview(host or "127.0.0.1", int(port), search=not args.no_search, whole=args.whole).serve()
    except Abort as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
