"""axe-core's accessibility violations on one page, counted by impact."""

from __future__ import annotations

from dataclasses import dataclass, field

from .node_tools import AXE

IMPACTS = ("critical", "serious", "moderate", "minor")
_VIOLATIONS = (
    "async () => (await axe.run(document)).violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length}))"
)


@dataclass
class AxeResult:
    counts: dict[str, int]  # impact → violated rules
    rules: dict[str, list[str]] = field(default_factory=dict)  # impact → "rule (elements)"


def run_axe(browser, url: str, viewports: list[dict]) -> AxeResult:
    """Every axe-core rule (WCAG 2 A and AA, and best practices) on `url` at each
    viewport; a rule violated at several widths counts once."""
    found: dict[str, dict] = {}
    for viewport in viewports:
        # axe-core is added as an inline script, which the site's Content-Security-Policy refuses.
        context = browser.new_context(viewport=viewport, bypass_csp=True)
        try:
            page = context.new_page()
            page.goto(url, wait_until="networkidle")
            page.add_script_tag(path=str(AXE))
            for violation in page.evaluate(_VIOLATIONS):
                seen = found.setdefault(violation["id"], violation)
                seen["nodes"] = max(seen["nodes"], violation["nodes"])
        finally:
            context.close()
    counts = {impact: 0 for impact in IMPACTS}
    rules: dict[str, list[str]] = {}
    for violation in found.values():
        impact = violation["impact"] or "minor"
        counts[impact] += 1
        rules.setdefault(impact, []).append(f"{violation['id']} ({violation['nodes']})")
    return AxeResult(counts, rules)
