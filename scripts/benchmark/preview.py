"""The editors' preview: from saving a one-rule edit of a section's YAML to the
new text on the page open in the browser, with `scripts/serve` running.

Each run edits one rule of section 000 §2.4 in both languages (its Chinese,
its English and the English's en_from_zh stamp, as an editor does after
`scripts/hb stamp`), in a copy of the content, with the section open in two
tabs (zh and en) of one Chromium. The time is taken from the write to the tab
showing the new text after its automatic reload. The preview renders the
language whose pages changed most first (here zh, whose checklist and topic
pages also show the rule), then the other.

Measured side by side, in one run, on the same edits: the preview as it is
(only the changed pages rendered again, each language shown when done) and
the same server rebuilding both sites whole on every change (as `mkdocs serve`
does; MkDocs' --dirty builds render every generated page again too, so they
are the same); with --preview-baseline REV also the `scripts/serve` of an
older commit (before issue 21: `mkdocs serve` of the Chinese site, the
English rebuilt by a `mkdocs build` subprocess).
"""

from __future__ import annotations

import os
import shutil
import signal
import statistics
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from handbook.repository import ROOT
from handbook.translation import zh_hash

FILE = "manuals/000/02.yml"
PAGE = "manuals/000/2/2.4/"
ZH, EN = "服务人员应尊重客户的意见。", "Service staff should respect customers' opinions."
# Each run's edit: a word added to the rule, different from the run before.
WORDS = [
    ("始终", "always"),
    ("一直", "consistently"),
    ("时刻", "at all times"),
    ("务必", "make sure to"),
    ("切实", "genuinely"),
]
MODES = {
    "pages": ("`scripts/serve`: the changed pages rendered again, each language shown when done", []),
    "whole": ("the same server, both sites rebuilt whole on every change (as `mkdocs serve` does)", ["--whole"]),
}


@dataclass
class PreviewMeasure:
    mode: str
    description: str
    startup: float = 0.0  # start to both languages served
    first: list[float] = field(default_factory=list)  # edit → visible, zh (rendered first)
    second: list[float] = field(default_factory=list)  # edit → visible, en
    failed: str = ""

    @property
    def first_median(self) -> float:
        return statistics.median(self.first) if self.first else float("inf")

    @property
    def second_median(self) -> float:
        return statistics.median(self.second) if self.second else float("inf")


def _edit(n: int) -> tuple[str, str]:
    """Run n's wording of the rule, zh and en."""
    zh_word, en_word = WORDS[n % len(WORDS)]
    return ZH.replace("应", "应" + zh_word, 1), EN.replace("should", f"should {en_word}", 1)


def _rule_block(zh: str, en: str) -> str:
    stamp = zh_hash(zh)
    stamp = f'"{stamp}"' if stamp.isdigit() else stamp  # all digits would read as a number
    return f"zh: {zh}\n          en: {en}\n          en_from_zh: {stamp}"


def _fetch(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def _shows(page, text: str) -> bool:
    try:
        return bool(page.evaluate("t => !!document.body && document.body.innerText.includes(t)", text))
    except Exception:  # the page is reloading
        return False


def _served(url: str, text: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return text in response.read().decode("utf-8").replace("&#39;", "'")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def _quiet(log_path: Path, indexed: int) -> None:
    """Wait until the preview has indexed its pages for search `indexed` times (it does
    so in the background after each reload), so that one edit's indexing is not
    timed with the next edit; then a second more. A server that does not say so
    (an older one) gets 5 seconds."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        log = log_path.read_text(encoding="utf-8", errors="replace")
        if "Search indexes rebuilt" not in log:
            time.sleep(4)
            break
        if log.count("Search indexes rebuilt") >= indexed:
            break
        time.sleep(0.2)
    time.sleep(1)


def measure_preview(
    instance,
    content: Path,
    work: Path,
    runs: int,
    port: int,
    mode: str,
    command: list[str] | None = None,
    description: str = "",
    by_http: bool = False,
) -> PreviewMeasure:
    """Start a preview server on a copy of `content`, then edit and watch `runs` times: the
    open tabs, or with `by_http` the served pages (a server whose pages cannot reload themselves)."""
    description = description or MODES[mode][0]
    measure = PreviewMeasure(mode, description)
    copy = work / f"preview-content-{mode}"
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(content, copy)
    chapter = copy / FILE
    log_path = work / f"preview-{mode}.log"
    command = command or [str(ROOT / "scripts" / "serve"), *MODES[mode][1]]
    env = dict(os.environ, HANDBOOK_CONTENT=str(copy), HANDBOOK_EDIT_URI="")
    with open(log_path, "w") as log:
        started = time.monotonic()
        server = subprocess.Popen(
            [*command, "-a", f"127.0.0.1:{port}"],
            cwd=command[0].rsplit("/scripts/", 1)[0],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            base = f"http://127.0.0.1:{port}/"
            deadline = time.monotonic() + 300
            while not (_fetch(base + "en/" + PAGE) and _fetch(base + PAGE)):
                if time.monotonic() > deadline or server.poll() is not None:
                    measure.failed = f"the preview did not start (see {log_path})"
                    return measure
                time.sleep(0.2)
            measure.startup = time.monotonic() - started
            context = instance.new_context()
            tabs = {lang: context.new_page() for lang in ("zh", "en")}
            tabs["zh"].goto(base + PAGE)
            tabs["en"].goto(base + "en/" + PAGE)
            indexed = 1
            _quiet(log_path, indexed)  # the first search index is built in the background
            old_zh, old_en = ZH, EN
            for n in range(runs):
                zh, en = _edit(n)
                text = chapter.read_text(encoding="utf-8")
                block = _rule_block(old_zh, old_en)
                if block not in text:
                    measure.failed = f"the rule to edit was not found in {FILE}"
                    break
                written = time.monotonic()
                chapter.write_text(text.replace(block, _rule_block(zh, en)), encoding="utf-8")
                seen: dict[str, float] = {}
                while len(seen) < 2 and time.monotonic() - written < (180 if by_http else 60):
                    for lang, wanted in (("zh", zh), ("en", en)):
                        url = base + ("en/" if lang == "en" else "") + PAGE
                        if lang not in seen and (_served(url, wanted) if by_http else _shows(tabs[lang], wanted)):
                            seen[lang] = time.monotonic() - written
                    time.sleep(0.1 if by_http else 0.02)
                if len(seen) < 2:
                    measure.failed = (
                        f"run {n + 1}: the edit did not reach the {'/'.join({'zh', 'en'} - set(seen))} page"
                    )
                    break
                measure.first.append(seen["zh"])
                measure.second.append(seen["en"])
                old_zh, old_en = zh, en
                _quiet(log_path, indexed := indexed + 1)
            context.close()
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
    shutil.rmtree(copy, ignore_errors=True)
    return measure


def baseline_tree(work: Path, revision: str) -> Path:
    """An older commit's tree (git archive), to run its scripts/serve."""
    tree = work / f"preview-baseline-{revision}"
    if tree.exists():
        shutil.rmtree(tree)
    tree.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", revision], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    # Its Pagefind: the same pinned package as this tree's.
    (tree / "scripts" / "pagefind" / "node_modules").symlink_to(ROOT / "scripts" / "pagefind" / "node_modules")
    return tree
