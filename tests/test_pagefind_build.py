"""The search index in the build: scripts/build indexes a language with Pagefind while
the next language's pages are built, waits for every index before it ends, and fails
with Pagefind's own message when indexing fails; a plain `mkdocs build` waits for its
index before it ends.

Pagefind is replaced by a small program (PAGEFIND_EXTENDED_BINARY_PATH) that logs
when each language's run starts and ends, and fails or waits as a test asks.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from handbook_site import pagefind_index
from handbook_site.plugin import HandbookPlugin

from conftest import ROOT

FAKE = textwrap.dedent(
    """\
    import os, sys, time
    from pathlib import Path

    args = sys.argv[1:]
    site, lang = Path(args[args.index("--site") + 1]), args[args.index("--force-language") + 1]
    log = Path(os.environ["FAKE_PAGEFIND_LOG"])
    with log.open("a") as f:
        f.write(f"start {lang}\\n")
    if lang in os.environ.get("FAKE_PAGEFIND_FAIL", ""):
        print(f"Error: fake Pagefind could not parse a page ({lang})")
        sys.exit(1)
    wait_for = os.environ.get("FAKE_PAGEFIND_WAIT_" + lang.upper())
    if wait_for:
        deadline = time.monotonic() + 120
        while wait_for not in log.read_text():
            if time.monotonic() > deadline:
                print(f"Error: the {lang} index waited in vain for {wait_for!r}")
                sys.exit(1)
            time.sleep(0.05)
    (site / "pagefind").mkdir(exist_ok=True)
    (site / "pagefind" / "pagefind.js").write_text("")
    with log.open("a") as f:
        f.write(f"end {lang}\\n")
    """
)


@pytest.fixture
def fake_pagefind(tmp_path: Path, monkeypatch) -> Path:
    script = tmp_path / "fake-pagefind.py"
    script.write_text(FAKE, encoding="utf-8")
    runner = tmp_path / "pagefind_extended"
    runner.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{script}" "$@"\n', encoding="utf-8")
    runner.chmod(0o755)
    log = tmp_path / "pagefind.log"
    log.touch()
    monkeypatch.setenv("PAGEFIND_EXTENDED_BINARY_PATH", str(runner))
    monkeypatch.setenv("FAKE_PAGEFIND_LOG", str(log))
    return log


def build(out: Path, **env: str) -> subprocess.CompletedProcess:
    environment = dict(os.environ, HANDBOOK_EDIT_URI="", **env)
    environment.pop("HANDBOOK_CONTENT", None)
    return subprocess.run(
        [str(ROOT / "scripts" / "build"), str(out)], cwd=ROOT, env=environment, capture_output=True, text=True
    )


@pytest.mark.build
def test_the_chinese_index_is_built_while_the_english_pages_are(tmp_path, fake_pagefind):
    # The Chinese index ends only once the English index has started, which is after the
    # English pages are built: a build that waited for it first would never get there.
    result = build(tmp_path / "site", FAKE_PAGEFIND_WAIT_ZH="start en")
    assert result.returncode == 0, result.stdout + result.stderr
    assert fake_pagefind.read_text().splitlines() == ["start zh", "start en", "end en", "end zh"]
    # Both indexes were finished before the build said it was done.
    assert (tmp_path / "site" / "pagefind" / "pagefind.js").is_file()
    assert (tmp_path / "site" / "en" / "pagefind" / "pagefind.js").is_file()
    assert "Built the site into" in result.stdout


@pytest.mark.build
def test_a_failed_index_fails_the_build_with_pagefinds_message(tmp_path, fake_pagefind):
    result = build(tmp_path / "site", FAKE_PAGEFIND_FAIL="zh")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Pagefind failed to index" in output and "(zh)" in output
    assert "Error: fake Pagefind could not parse a page (zh)" in output
    assert "Traceback" not in output and "Built the site into" not in output


def plugin_after_build(site: Path) -> tuple[HandbookPlugin, object]:
    plugin = HandbookPlugin()
    errors, warnings = plugin.load_config({"language": "zh"})
    assert not errors and not warnings
    site.mkdir()
    return plugin, type("Config", (), {"site_dir": str(site)})()


def test_a_plain_mkdocs_build_waits_for_its_index(tmp_path, fake_pagefind, monkeypatch):
    monkeypatch.setenv("FAKE_PAGEFIND_WAIT_ZH", "go on")
    plugin, config = plugin_after_build(tmp_path / "site")
    threading.Timer(0.5, lambda: fake_pagefind.open("a").write("go on\n")).start()
    start = time.monotonic()
    plugin.on_post_build(config)  # as `mkdocs build` calls it, nothing deferred
    assert time.monotonic() - start >= 0.5
    assert fake_pagefind.read_text().splitlines()[-1] == "end zh"
    assert (tmp_path / "site" / "pagefind" / "pagefind.js").is_file()


def test_a_deferred_index_is_left_running_and_waited_for_at_the_end(tmp_path, fake_pagefind, monkeypatch):
    monkeypatch.setenv("FAKE_PAGEFIND_WAIT_ZH", "go on")
    plugin, config = plugin_after_build(tmp_path / "site")
    with pagefind_index.deferring() as indexes:
        plugin.on_post_build(config)  # returns while Pagefind waits for "go on"
        assert "end zh" not in fake_pagefind.read_text()
        assert not (tmp_path / "site" / "pagefind" / "pagefind.js").exists()
        with fake_pagefind.open("a") as log:
            log.write("go on\n")
        indexes.wait()
    assert fake_pagefind.read_text().splitlines()[-1] == "end zh"
    assert (tmp_path / "site" / "pagefind" / "pagefind.js").is_file()


def test_a_deferred_index_that_fails_raises_pagefinds_message(tmp_path, fake_pagefind, monkeypatch):
    monkeypatch.setenv("FAKE_PAGEFIND_FAIL", "zh")
    plugin, config = plugin_after_build(tmp_path / "site")
    with pagefind_index.deferring() as indexes:
        plugin.on_post_build(config)
        with pytest.raises(pagefind_index.PagefindError, match=r"could not parse a page \(zh\)"):
            indexes.wait()


def test_the_index_reads_every_page_but_the_other_language_and_the_unsearched_folders(tmp_path):
    """The real Pagefind, on a small site: the Chinese index leaves out en/ (the English site)
    and quizzes/ (never searched), and nothing else, however alike the names."""
    from handbook_site.plugin.plugin import UNSEARCHED

    assert all(f"{folder}/" in UNSEARCHED for folder in pagefind_index.UNREAD)
    pages = [
        "index.html",
        "manuals/000/1/index.html",
        "en/index.html",
        "en/manuals/index.html",
        "quizzes/000/index.html",
        "quizzes-old/index.html",
        "e/index.html",
        "eng/index.html",
        "q/index.html",
        "quiz/index.html",
    ]
    for page in pages:
        path = tmp_path / "site" / page
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f'<html lang="zh"><body><main data-pagefind-body><h1>{page}</h1><p>服务 {page}</p></main></body></html>',
            encoding="utf-8",
        )
    glob = pagefind_index.pages_outside(set(pagefind_index.UNREAD) | {"en"})
    result = subprocess.run(
        [str(pagefind_index.binary()), "--site", str(tmp_path / "site"), "--glob", glob, "--force-language", "zh"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    indexed = len(pages) - 3  # not en/index.html, en/manuals/index.html, quizzes/000/index.html
    assert re.search(rf"Indexed {indexed} pages?\b", result.stdout), result.stdout


def test_a_page_that_repeats_rules_is_weighted_down_but_keeps_its_titles_weight():
    article = '<article class="md-content__inner md-typeset">'
    html = f"<header><h1>Site</h1></header>{article}<h1 id='t'>Checklist</h1><p>No jewellery.</p></article>"
    stating = pagefind_index.marked_for_index(html, article, states=True)
    assert stating.count("data-pagefind-body") == 1 and "data-pagefind-weight" not in stating
    repeating = pagefind_index.marked_for_index(html, article, states=False)
    assert (
        '<header><h1>Site</h1></header><article class="md-content__inner md-typeset" data-pagefind-body ' in repeating
    )
    assert f'data-pagefind-weight="{pagefind_index.REPEATING_WEIGHT}"><h1 data-pagefind-weight="7" id=' in repeating
    assert pagefind_index.marked_for_index("<p>no article</p>", article, states=False) == "<p>no article</p>"


def test_what_the_generator_marks_as_a_search_aid_weighs_less_than_what_the_section_says():
    """A section page's list of the questions staff ask (checklists/asked) is marked a search aid
    by its template and searched at half the weight of the section's own text: they are not the
    manual's words. Only a tag is marked: the same words as text on the page stay as they are."""
    from handbook.generate.templating import fragment

    article = '<article class="md-content__inner md-typeset">'
    listed = fragment("pages", "asked_list", questions=["能戴首饰吗", "what does data-search-aid> do"])
    html = f'{article}<h1 id="t">6.1</h1><p>饰品 data-search-aid</p><h2 id="asked">问题</h2>{listed}</article>'
    for states in (True, False):
        marked = pagefind_index.marked_for_index(html, article, states=states)
        assert f'<ul class="hb-asked" data-pagefind-weight="{pagefind_index.AID_WEIGHT}">' in marked
        assert marked.count("data-pagefind-weight") == (1 if states else 3)  # and the article's, the title's
        assert "<p>饰品 data-search-aid</p>" in marked  # the section's own text keeps its weight
        assert "<li>what does data-search-aid&gt; do</li>" in marked
    assert float(pagefind_index.AID_WEIGHT) < 1
