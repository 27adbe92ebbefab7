"""scripts/serve serves both languages from one process, shows an edit in the
open page (it reloads by itself), and keeps the last good page with a banner
naming file:line when the content has an error."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from conftest import ROOT
from handbook.translation import zh_hash
from harness.browser import free_port

# scripts/serve builds both languages of the real handbook.
pytestmark = pytest.mark.build


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(predicate, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    pytest.fail(f"timed out after {seconds:.0f} s waiting for {what}")


@pytest.fixture
def server(tmp_path, real_content):
    content = real_content
    port = free_port()
    log = open(tmp_path / "serve.log", "w")
    process = subprocess.Popen(
        [str(ROOT / "scripts" / "serve"), "-a", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=dict(os.environ, HANDBOOK_CONTENT=str(content), HANDBOOK_EDIT_URI=""),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        yield f"http://127.0.0.1:{port}/", content, tmp_path / "serve.log"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
        log.close()


def test_serve_shows_both_languages_and_rebuilds_on_yaml_change(server):
    base, content, log = server
    zh_url, en_url = base + "manuals/000/2/2.4/", base + "en/manuals/000/2/2.4/"
    wait_for(lambda: fetch(en_url), 90, "the English page to be served")
    assert "服务人员应尊重客户的意见。" in fetch(zh_url)
    assert "Service staff should respect customers&#39; opinions." in fetch(
        en_url
    ) or "Service staff should respect customers' opinions." in fetch(en_url)

    chapter = content / "manuals/000/02.yml"
    old_zh, new_zh = "服务人员应尊重客户的意见。", "服务人员应始终尊重客户的意见。"
    text = chapter.read_text(encoding="utf-8")
    text = text.replace(
        f"zh: {old_zh}\n          en: Service staff should respect customers' opinions.\n"
        f"          en_from_zh: {zh_hash(old_zh)}",
        f"zh: {new_zh}\n          en: Service staff should always respect customers' opinions.\n"
        f"          en_from_zh: {zh_hash(new_zh)}\n"  # a revision of the imported rule (issue 24)
        f"          revised: {{original: {old_zh}, why: 明确要求, authority: 服务监督小组}}",
    )
    text = text.replace(
        "          en_from_zh: b582899b\n",  # the prose it restates: superseded by it
        '          en_from_zh: b582899b\n          superseded_by: "000-2.4-r5"\n',
    )
    assert new_zh in text, "test setup: the rule was not found"
    chapter.write_text(text, encoding="utf-8")

    wait_for(lambda: new_zh in (fetch(zh_url) or ""), 90, "the Chinese page to show the edit")
    wait_for(
        lambda: "should always respect" in (fetch(en_url) or ""),
        90,
        "the English page to show the edit:\n" + log.read_text(encoding="utf-8")[-2000:],
    )


def _rule(zh: str, en: str) -> str:
    return f"zh: {zh}\n          en: {en}\n          en_from_zh: {zh_hash(zh)}"


def _shows(tab, text: str) -> bool:
    try:
        return tab.evaluate("t => !!document.body && document.body.innerText.includes(t)", text)
    except Exception:  # reloading
        return False


@pytest.mark.browser
def test_an_edit_reaches_the_open_pages_and_an_error_shows_a_banner_over_the_last_good_page(server, page):
    base, content, log = server
    zh_url, en_url = base + "manuals/000/2/2.4/", base + "en/manuals/000/2/2.4/"
    wait_for(lambda: fetch(en_url) and fetch(zh_url), 90, "both languages to be served")
    en_tab = page.context.new_page()
    page.goto(zh_url)
    en_tab.goto(en_url)
    assert _shows(page, "服务人员应尊重客户的意见。")
    page.evaluate("() => { window.notReloaded = true }")

    chapter = content / "manuals/000/02.yml"
    text = chapter.read_text(encoding="utf-8")
    old = _rule("服务人员应尊重客户的意见。", "Service staff should respect customers' opinions.")
    new = _rule("服务人员应时刻尊重客户的意见。", "Service staff should at all times respect customers' opinions.") + (
        # a recorded revision of the imported rule, the prose it restates superseded by it (issue 24)
        "\n          revised: {original: 服务人员应尊重客户的意见。, why: 明确要求, authority: 服务监督小组}"
    )
    text = text.replace(
        "          en_from_zh: b582899b\n", '          en_from_zh: b582899b\n          superseded_by: "000-2.4-r5"\n'
    )
    assert old in text, "test setup: the rule was not found"
    chapter.write_text(text.replace(old, new), encoding="utf-8")
    # Nobody reloads the tabs: the preview does.
    wait_for(lambda: _shows(page, "服务人员应时刻尊重客户的意见。"), 60, "the open Chinese page to show the edit")
    wait_for(lambda: _shows(en_tab, "should at all times respect"), 60, "the open English page to show the edit")
    assert page.evaluate("() => window.notReloaded") is None, "the page was not reloaded"
    assert page.locator(".hb-preview-problems").count() == 0

    # A mistake: an unknown key. The page keeps its last good text, under a banner that names file:line.
    broken = text.replace(old, new).replace("\n  - id: ", "\n  - idd: ", 1)
    chapter.write_text(broken, encoding="utf-8")
    line = broken.splitlines().index(next(row for row in broken.splitlines() if row.startswith("  - idd: "))) + 1
    banner = page.locator(".hb-preview-problems")
    wait_for(lambda: banner.count() and banner.is_visible(), 60, "the problem banner")
    assert f"02.yml:{line}:" in banner.inner_text() and "idd" in banner.inner_text()
    assert _shows(page, "服务人员应时刻尊重客户的意见。")

    chapter.write_text(text.replace(old, new), encoding="utf-8")
    wait_for(
        lambda: _shows(page, "服务人员应时刻尊重客户的意见。") and page.locator(".hb-preview-problems").count() == 0,
        60,
        "the banner to go once the mistake is fixed",
    )
