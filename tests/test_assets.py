"""The site's own scripts and styles as published: one minified script, in load order."""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess

import pytest
from handbook_site.assets import SCRIPTS, AssetError, script_bundle

from conftest import ROOT

JS = ROOT / "docs" / "assets" / "js"


def test_every_page_loads_the_one_bundle_and_none_of_the_sources(built_site):
    for page in (built_site / "index.html", built_site / "en" / "quizzes" / "000-1" / "index.html"):
        scripts = re.findall(r'<script src="([^"]+)"', page.read_text(encoding="utf-8"))
        own = [s for s in scripts if "assets/js/" in s]
        assert len(own) == 1 and own[0].endswith("assets/js/handbook.js")
    assert not (built_site / "assets" / "js" / "quiz.js").exists()


def test_the_bundle_holds_every_script_in_load_order_and_is_smaller(built_site):
    bundle = (built_site / "assets" / "js" / "handbook.js").read_text(encoding="utf-8")
    banners = re.findall(r"^/\* ([\w-]+\.js) \*/$", bundle, flags=re.MULTILINE)
    assert banners == list(SCRIPTS) and sorted(banners) == sorted(p.name for p in JS.glob("*.js"))
    # What phones download: one compressed bundle against ten compressed sources.
    sources = sum(len(gzip.compress(p.read_bytes(), 6)) for p in JS.glob("*.js"))
    assert len(gzip.compress(bundle.encode(), 6)) < 0.7 * sources
    assert "/* The quiz widget" not in bundle  # comments are gone from what phones download


def test_the_minified_quiz_engine_still_marks_answers():
    """The engine as phones get it behaves as its source does (run in Node, in a
    sandbox that has only a global object, as a browser worker would)."""
    node = shutil.which("node")
    assert node, "Node.js is needed (Debian: apt-get install nodejs)"
    bundle = script_bundle(JS)
    engine = bundle[bundle.index("/* quiz-engine.js */") : bundle.index("/* quiz.js */")]
    program = (
        "const vm = require('vm'); const box = {self: {}};"
        "vm.runInNewContext(require('fs').readFileSync(0, 'utf8'), box);"
        "const Q = box.self.HbQuiz, q = {type: 'single', o: [{t: 'a', c: 1}, {t: 'b'}]};"
        "process.stdout.write([Q.isRight(q, 0), Q.isRight(q, 1), Q.isAnswer(q, 5)].join(' '));"
    )
    result = subprocess.run([node, "-e", program], input=engine, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "true false false"


def test_a_script_missing_from_the_load_order_stops_the_build(tmp_path):
    for name in SCRIPTS:
        (tmp_path / name).write_text("(function () {})();", encoding="utf-8")
    (tmp_path / "new-widget.js").write_text("(function () {})();", encoding="utf-8")
    with pytest.raises(AssetError, match=r"new-widget\.js.*List every script once"):
        script_bundle(tmp_path)


def test_own_javascript_stays_within_its_budget(built_site):
    from benchmark.budgets import MAX_OWN_JS

    total = sum(len(gzip.compress(p.read_bytes(), 6)) for p in (built_site / "assets" / "js").glob("*.js"))
    assert total <= MAX_OWN_JS


def test_the_stylesheet_closes_every_rule_it_opens():
    """A merge once dropped one `}`: every rule after it silently stopped applying
    (the suggestion badges lost their colour and border)."""
    import re

    css = re.sub(
        r"/\*.*?\*/", "", (ROOT / "docs" / "assets" / "css" / "handbook.css").read_text(encoding="utf-8"), flags=re.S
    )
    depth = 0
    for number, line in enumerate(css.splitlines(), start=1):
        depth += line.count("{") - line.count("}")
        assert depth >= 0, f"handbook.css: a '}}' with no rule open, around line {number}"
    assert depth == 0, "handbook.css: a rule is never closed"
