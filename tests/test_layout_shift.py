"""Pages do not jump while their widgets draw themselves (Lighthouse's cumulative
layout shift): the room a widget needs is kept from the first paint."""

from __future__ import annotations

import pytest

from harness.browser import PHONE

pytestmark = pytest.mark.browser

# Every layout shift the page makes while loading, as the browser reports it.
_RECORD_SHIFTS = """window.hbShifts = [];
new PerformanceObserver(list => { for (const entry of list.getEntries())
  if (!entry.hadRecentInput) window.hbShifts.push(entry.value); })
  .observe({type: "layout-shift", buffered: true});"""
# Google's threshold for a good score is 0.1; a widget that pushes the page down
# scores 0.1 to 0.5 on a phone.
MOST = 0.02


@pytest.mark.parametrize(
    "path",
    [
        "quizzes/000-1/",
        "en/quizzes/003-1/",
        "onboarding/final/",
        "checklists/pre-shift/",
        "en/checklists/supervision-inspection/",
    ],
)
def test_widgets_draw_without_moving_the_page(chromium, base, path):
    context = chromium.new_context(viewport=PHONE)
    context.add_init_script(_RECORD_SHIFTS)
    try:
        page = context.new_page()
        page.goto(base + path, wait_until="networkidle")
        page.wait_for_timeout(500)
        assert page.locator(".hb-quiz[data-hb-ready], .hb-checklist-slot .hb-checklist-bar").count() == 1
        shift = sum(page.evaluate("window.hbShifts"))
    finally:
        context.close()
    assert shift < MOST, f"{path}: the page moved while loading (layout shift {shift:.3f})"


def test_without_javascript_no_room_is_kept(chromium, base):
    """No script, no widget: the quiz's notice is followed by the page, not a screen of blank space."""
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base + "quizzes/000-1/")
        quiz_height = page.locator(".hb-quiz").bounding_box()["height"]
    finally:
        context.close()
    assert quiz_height < PHONE["height"] / 3
