"""Browser helpers only the tests use. Launching Chromium, the screen sizes and
the loopback server the tests and the benchmark share live in scripts/harness/."""

from __future__ import annotations

import contextlib

# As a browser that refuses site data does: any use of localStorage throws.
_BLOCK_STORAGE = """Object.defineProperty(window, "localStorage", {
    get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });"""


@contextlib.contextmanager
def storage_blocked(instance):
    """A tab of `instance` in which localStorage cannot be used."""
    context = instance.new_context()
    context.add_init_script(_BLOCK_STORAGE)
    try:
        yield context.new_page()
    finally:
        context.close()


def follow_instantly(page, start: str, link: str, target: str, ready: str) -> None:
    """From `start`, follow the link named `link` to `target` (a URL path) as Material's
    instant navigation does it, without a page load, and wait for the selector `ready`."""
    page.goto(start)
    page.wait_for_load_state("networkidle")
    page.evaluate("() => { window.notReloaded = true }")
    page.get_by_role("link", name=link).first.click()
    page.wait_for_url(f"**/{target}**")
    page.locator(ready).wait_for()
    assert page.evaluate("() => window.notReloaded === true"), "instant navigation did not happen"
