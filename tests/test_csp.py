"""The Content-Security-Policy (docs/overrides/main.html): the site runs its own scripts only.

It is the second line of defence behind escaping: an inline script that markup
slipped into a page is refused, while the site itself (search, checklists,
quizzes, the language switch) works with no violation reported."""

from __future__ import annotations

import re
import shutil

from handbook_site.csp import script_hash

from harness.browser import free_port
from harness.server import serve_compressed as serve
from tests.test_browser import answering, search, switch_language
from tests.test_quiz_browser import handbook, questions, text  # noqa: F401 - fixtures

POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def policy_of(html: str) -> dict[str, list[str]]:
    directives = [d.strip().split() for d in POLICY.search(html).group(1).split(";")]
    return {d[0]: d[1:] for d in directives if d}


def test_every_page_has_the_policy_and_it_lists_exactly_the_inline_scripts_the_page_runs(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 500
    for page in pages:
        html = page.read_text(encoding="utf-8")
        policy = policy_of(html)
        assert policy["default-src"] == ["'none'"]
        assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
        for directive in ("style-src", "img-src", "font-src", "connect-src", "worker-src"):
            assert policy[directive][0] == "'self'" and not any(
                source.startswith(("http", "*", "'unsafe")) for source in policy[directive]
            ), (page, directive)
        # The meta tag comes before anything it must govern: the first script of the page.
        assert html.index("Content-Security-Policy") < html.index("<script")
        for source in re.findall(r"<script>(.*?)</script>", html, re.S):
            assert script_hash(source) in policy["script-src"], (page, source[:80])
        # Nor style attributes or <style> elements, which style-src 'self' refuses.
        styled = re.search(r"<[a-z][^>]*\sstyle=[^>]*>|<style[\s>]", html)
        assert not styled, (page, styled.group(0))


def test_an_injected_inline_script_is_refused(built_site, chromium, tmp_path):
    """As if markup had slipped through escaping: a page with a script the theme did not write."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page_file = site / "manuals" / "000" / "2" / "2.4" / "index.html"
    html = page_file.read_text(encoding="utf-8")
    article = re.search(r'<article class="md-content__inner md-typeset"[^>]*>', html)
    html = (
        html[: article.end()] + "<script>window.hbInjected = 1</script>"
        '<img src="x" onerror="window.hbInjected = 2" alt="">' + html[article.end() :]
    )
    page_file.write_text(html, encoding="utf-8")
    with serve(site, free_port()) as base:
        context = chromium.new_context()
        tab = context.new_page()
        refused = []
        tab.on(
            "console",
            lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None,
        )
        tab.goto(base + "manuals/000/2/2.4/")
        tab.wait_for_load_state("networkidle")
        assert tab.evaluate("typeof window.hbInjected") == "undefined"
        assert any("inline script" in text or "event handler" in text for text in refused), refused
        # The theme's own scripts still ran: its search and our widgets' scripts are there.
        assert tab.evaluate("document.documentElement.classList.contains('hb-js')")
        assert tab.evaluate("typeof __md_get") == "function"
        context.close()


def test_the_site_works_under_the_policy_with_no_violation(page, base, questions):  # noqa: F811 - the fixture
    violations, errors = [], []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text
            else None
        ),
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    # Search opens and answers.
    page.goto(base + "manuals/000/2/2.4/")
    # (2.4 itself, or a topic page that gathers it: what the search tests count as an answer)
    assert set(search(page, "投诉")[:3]) & answering(base, "manuals/000/2/2.4/")
    page.keyboard.press("Escape")
    # The language switch.
    switch_language(page, "English")
    assert page.url == base + "en/manuals/000/2/2.4/"
    # A checklist ticks (and its script draws progress).
    page.goto(base + "checklists/pre-shift/")
    first = page.locator("li.task-list-item").first
    first.locator(".hb-item-text").click()
    assert first.locator("input[type=checkbox]").is_checked()
    page.locator(".hb-checklist-progress, .hb-progress").first.wait_for()
    # A quiz answers.
    page.goto(base + "quizzes/000-2/")
    question = questions["000-2.1-q1"]
    card = page.locator(f'[data-hb-question="{question.id}"]')
    right = next(o for o in question.options if o.correct)
    card.locator(".hb-opt").filter(has_text=text(right.text, "zh")).locator("input").check()
    card.get_by_role("button", name="检查答案").click()
    assert card.locator(".hb-feedback").inner_text().startswith("回答正确。")
    # A rubric lays out its levels as columns (from data-hb-levels, not a style attribute).
    page.goto(base + "rubrics/service-quality-scorecard/")
    columns = page.locator(".hb-criterion-grid").first.evaluate(
        "grid => getComputedStyle(grid).gridTemplateColumns.split(' ').length"
    )
    assert columns == 5 + 2
    # Every other kind of page, in both languages.
    for lang in ("", "en/"):
        for path in (
            "",
            "manuals/",
            "manuals/003/",
            "manuals/001/2/",
            "topics/complaints/",
            "glossary/",
            "editors/references/",
            "editors/repairs/",
            "onboarding/",
            "onboarding/final/",
            "quizzes/",
            "quizzes/000-2-paper/",
            "quizzes/000-2-key/",
            "checklists/",
            "rubrics/",
            "rubrics/staff-competence-assessment/",
        ):
            page.goto(base + lang + path)
    assert violations == [] and errors == [], (violations, errors)
