"""What needs work: translation and requirement coverage, questions per chapter,
unverified references, repairs awaiting review and reviews that are due.

`coverage` gathers the numbers as plain data (for `report --json` and CI);
`markdown` lays them out as one table per language and the lists behind them.
"""

from __future__ import annotations

import html
from datetime import date

from . import dependents, revisions
from .checks import REF_MARKER
from .content_text import urls_in
from .model import UNSOUND_STATES, Handbook, Step, Text, unsound_sources

MIN_QUESTIONS = 5


def _covered(handbook: Handbook) -> set[str]:
    """Requirement ids that a checklist item or a question points at (a step counts for its procedure)."""
    rules = handbook.rules()
    covered: set[str] = set()
    for rule_id in [item.rule_id for checklist in handbook.checklists for item in checklist.items] + [
        rule_id
        for q in handbook.questions()
        for rule_id in q.requirement_ids + ([q.procedure_id] if q.procedure_id else [])
    ]:
        rule = rules.get(rule_id)
        if rule is not None:
            covered.add(rule.requirement.id if isinstance(rule, Step) else rule.id)
    return covered


def _where(handbook: Handbook, text_or_origin) -> str:
    origin = getattr(text_or_origin, "origin", text_or_origin)
    path = origin.file
    shown = path.relative_to(handbook.root).as_posix() if path.is_relative_to(handbook.root) else path.as_posix()
    return f"{shown}:{origin.line}"


def coverage(handbook: Handbook, today: str | None = None) -> dict:
    today = today or date.today().isoformat()
    published = [s for s in handbook.sections() if s.published]
    translated = [s for s in published if all(t.en and not t.stale for t in s.texts())]
    stale: list[Text] = [t for t in handbook.texts() if t.stale]
    requirements = [r for s in published for r in s.requirements]
    covered = _covered(handbook)
    # a fragment is kept out of checklists and quizzes on purpose (issue 19d)
    uncovered = [r.id for r in requirements if r.id not in covered and not r.fragment]
    banks = handbook.quizzes_by_chapter()
    questions = {
        c.id: len(banks[c.id].questions) if c.id in banks else 0
        for c in handbook.chapters()
        if any(s.published for s in c.sections)
    }
    unverified = [r for r in handbook.references.values() if r.status == "unchecked"]
    pending = [
        repair
        for m in handbook.manuals
        for c in m.chapters
        for repair in c.repairs + [r for s in c.sections for r in s.repairs]
        if repair.review == "pending"
    ]
    due = [m for m in handbook.manuals if m.review_due(today)]
    return {
        "date": today,
        "zh": {
            "sections_with_text": len(published),
            "sections": len(handbook.sections()),
            "requirements": len(requirements),
            "requirements_uncovered": len(uncovered),
            "questions": len(handbook.questions()),
            "chapters_under_minimum": sorted(c for c, n in questions.items() if n < MIN_QUESTIONS),
        },
        "en": {
            "sections_translated": len(translated),
            "sections_with_text": len(published),
            "stale_translations": len(stale),
            "stale_accepted": sum(t.stale_ok for t in stale),
        },
        "questions_per_chapter": questions,
        "requirements_uncovered": uncovered,
        "stale": [_where(handbook, t) for t in stale],
        "references": {
            "total": len(handbook.references),
            "unverified": len(unverified),
            "by_status": {
                status: sum(r.status == status for r in handbook.references.values())
                for status in sorted({r.status for r in handbook.references.values()})
            },
        },
        "unsound_references": _unsound(handbook),
        "repairs_pending": [_where(handbook, r) for r in pending],
        "reviews_due": [{"manual": m.id, "owner": m.owner, "next": m.review_by} for m in due],
        "reviews": [
            {"manual": m.id, "owner": m.owner, "last": m.reviewed, "next": m.review_by} for m in handbook.manuals
        ],
        "external_links": external_links(handbook),
        "structure": structure(handbook),  # issue 19d
        # Issue 19b: what the glossary holds and how many texts its check reads (every text the loader registered).
        "glossary": {
            "terms": len(handbook.glossary),
            "terms_with_rejected_renderings": sum(bool(t.avoid) for t in handbook.glossary),
            "rejected_renderings": sum(len(t.avoid) for t in handbook.glossary),
            "texts_checked": len(handbook.registry),
        },
        # 19c: requirements by the force the source gives them
        "requirements_by_force": {
            force: sum(r.force == force for r in requirements)
            for force in ("obligation", "recommendation", "description")
        },
        "requirements_force_explained": sum(bool(r.force_why) for r in requirements),
        # issue 24: revised texts, prose superseded by a revised rule, and items built on rules
        "revisions": revisions.count(handbook),
        "dependents": dependents.count(handbook),
    }


def structure(handbook: Handbook) -> dict:
    """Issue 19d: procedures whose steps the source orders, and those it only lists; and the
    fragments (requirements quoted as far as a broken-off source sentence goes)."""
    procedures = [r for r in handbook.requirements() if r.steps]
    return {
        "procedures_ordered": sum(r.ordered is True for r in procedures),
        "procedures_unordered": sum(r.ordered is False for r in procedures),
        "fragments": [_where(handbook, r) + f" {r.id}" for r in handbook.requirements() if r.fragment],
        "retired": [
            f"{_where(handbook, r.origin)} {r.id} → {r.replaced_by}"
            for s in handbook.sections()
            for r in getattr(s, "retired", [])
        ],
    }


def _unsound(handbook: Handbook) -> dict:
    """19a: disputed and superseded citations: the sources, the places that cite them, and the
    rules that rest on nothing else."""
    citations: dict[str, list[str]] = {}  # reference id -> the section or chapter of each citation of it
    scopes = [(c.id, c.texts(), []) for m in handbook.manuals for c in m.chapters]
    scopes += [
        (s.id, s.texts(), [*s.requirements, *[step for r in s.requirements for step in r.steps], *s.indicators])
        for s in handbook.sections()
    ]
    for place, texts, rules in scopes:
        for text in texts:
            for ref_id in REF_MARKER.findall(text.zh):
                citations.setdefault(ref_id, []).append(place)
        for rule in rules:
            for ref_id in rule.cites:
                citations.setdefault(ref_id, []).append(place)
    found = {}
    for status in UNSOUND_STATES:
        sources = [r for r in handbook.references.values() if r.status == status]
        found[status] = {
            "references": len(sources),
            "citations": sum(len(citations.get(r.id, [])) for r in sources),
            "list": [
                f"{r.id} ({_where(handbook, r)}), cited in "
                f"{', '.join(dict.fromkeys(citations.get(r.id, []))) or 'nothing'}"
                for r in sources
            ],
        }
    rules = handbook.rules()
    found["rules_resting_on_them"] = sorted(
        rule_id for rule_id, rule in rules.items() if unsound_sources(rule.cites, handbook.references)
    )
    return found


def external_links(handbook: Handbook) -> list[dict]:
    """Every address outside the site: the links references carry (`url:`), and the web
    addresses texts mention (shown as text, not linked), each with where it is written."""
    found = [
        {"url": r.url, "where": _where(handbook, r), "linked": True}
        for r in handbook.references.values()
        if r.url and not r.url.lower().startswith(("/", ".")) and ":" in r.url
    ]
    for text in handbook.texts():
        for lang in ("zh", "en"):
            for url in urls_in(text[lang]):
                line = text.zh_line if lang == "zh" else text.origin.line
                found.append(
                    {"url": url, "where": _where(handbook, text.origin).rsplit(":", 1)[0] + f":{line}", "linked": False}
                )
    return found


def _unsound_rows(unsound: dict | None) -> list[str]:
    if not unsound:
        return []
    rows = [
        f"| {status} references | {unsound[status]['references']} "
        f"({unsound[status]['citations']} citations: markers in texts and rules' `cites`) |"
        for status in UNSOUND_STATES
    ]
    rows.append(f"| rules resting only on disputed or superseded sources | {len(unsound['rules_resting_on_them'])} |")
    return rows


def _force_rows(data: dict) -> list[str]:
    """19c: how many requirements the source states as rules, suggestions and descriptions."""
    forces = data.get("requirements_by_force", {})
    return [
        f"| … {label} | {forces.get(force, 0)} |"
        for force, label in (
            ("obligation", "obligations (应、须、不得)"),
            ("recommendation", "recommendations (建议、可以、宜)"),
            ("description", "descriptions (包括…、常见的…)"),
        )
    ] + [
        f"| … force differing from the quoted words, with the reason recorded | {data.get('requirements_force_explained', 0)} |"
    ]


def markdown(data: dict) -> str:
    zh, en, refs = data["zh"], data["en"], data["references"]
    under = ", ".join(data["zh"]["chapters_under_minimum"]) or "none"
    lines = [
        f"# Handbook report ({data['date']})",
        "",
        "## 中文 (zh-Hans, the source)",
        "",
        "| | |",
        "|---|---|",
        f"| sections with text | {zh['sections_with_text']} of {zh['sections']} (the rest are lost in the source) |",
        f"| requirements | {zh['requirements']} |",
        *_force_rows(data),
        f"| requirements in no checklist and no question | {zh['requirements_uncovered']} |",
        f"| quiz questions | {zh['questions']} |",
        f"| chapters with fewer than {MIN_QUESTIONS} questions | {under} |",
        f"| unverified references | {refs['unverified']} of {refs['total']} |",
        *_unsound_rows(data.get("unsound_references")),
        f"| repairs awaiting review | {len(data['repairs_pending'])} |",
        f"| manuals past their review date | {len(data['reviews_due'])} of {len(data['reviews'])} |",
        f"| procedures: in order / lists | {data['structure']['procedures_ordered']} / "
        f"{data['structure']['procedures_unordered']} |",
        f"| fragments (the source breaks off; in no checklist or quiz) | {len(data['structure']['fragments'])} |",
        f"| retired ids (withdrawn, never shown or cited) | {len(data['structure'].get('retired', []))} |",
        *_revision_rows(data),
        "",
        "## English",
        "",
        "| | |",
        "|---|---|",
        f"| sections translated (every text, none stale) | {en['sections_translated']} of {en['sections_with_text']} |",
        f"| stale translations | {en['stale_translations']} ({en['stale_accepted']} published with a notice) |",
        *_glossary_rows(data),
        "",
        "## Questions per chapter",
        "",
        "| chapter | questions |",
        "|---|---|",
    ]
    lines += [
        f"| {chapter} | {n}{' (under ' + str(MIN_QUESTIONS) + ')' if n < MIN_QUESTIONS else ''} |"
        for chapter, n in data["questions_per_chapter"].items()
    ]
    lines += ["", "## Reviews", "", "| manual | owner | last reviewed | next review |", "|---|---|---|---|"]
    due = {d["manual"] for d in data["reviews_due"]}
    lines += [
        f"| {r['manual']} | {r['owner']} | {r['last']} | {r['next']}{' **overdue**' if r['manual'] in due else ''} |"
        for r in data["reviews"]
    ]
    links = data.get("external_links", [])
    lines += ["", "## External links", ""]
    if links:
        lines += [
            "Addresses outside the site: reference links (`url:`) and addresses written in texts "
            "(shown as text, not linked). Check that each still points where it should.",
            "",
            "| address | linked | where |",
            "|---|---|---|",
        ]
        lines += [f"| {link['url']} | {'yes' if link['linked'] else 'no, text'} | {link['where']} |" for link in links]
    else:
        lines += ["none"]
    unsound = data.get("unsound_references") or {}
    listed = [
        (f"{status.capitalize()} references", unsound.get(status, {}).get("list", [])) for status in UNSOUND_STATES
    ] + [
        ("Stale items built on a changed rule", data.get("dependents", {}).get("stale", [])),
        ("Revised texts", data.get("revisions", {}).get("revised", [])),
        ("Prose superseded by a revised rule", data.get("revisions", {}).get("superseded", [])),
        ("Stale translations", data["stale"]),
        ("Repairs awaiting review", data["repairs_pending"]),
        ("Fragments", data["structure"]["fragments"]),
        ("Retired ids", data["structure"].get("retired", [])),
        ("Requirements in no checklist and no question", data["requirements_uncovered"]),
    ]
    for title, items in listed:
        if items:
            lines += [
                "",
                f"<details><summary>{title} ({len(items)})</summary>",
                "",
                # Items quote content (ids, texts): escaped, as the summary is read as HTML too.
                *[f"- {html.escape(str(item))}" for item in items],
                "",
                "</details>",
            ]
    return "\n".join(lines) + "\n"


def _glossary_rows(data: dict) -> list[str]:
    """Issue 19b: the glossary's reach, in the English table."""
    glossary = data.get("glossary")
    if not glossary:
        return []
    return [
        f"| glossary terms | {glossary['terms']} ({glossary['terms_with_rejected_renderings']} with "
        f"{glossary['rejected_renderings']} rejected renderings) |",
        f"| texts the glossary check reads (every text shown) | {glossary['texts_checked']} |",
    ]


def _revision_rows(data: dict) -> list[str]:
    """Issue 24: the handbook as revised since edition 1, and what rests on its rules."""
    revised, built = data.get("revisions"), data.get("dependents")
    if not revised or not built:
        return []
    kinds = built["by_kind"]
    plural = {
        "quiz question": "quiz questions",
        "rubric criterion": "rubric criteria",
        "topic entry": "topics",
        "glossary note": "glossary notes",
    }
    stamped = ", ".join(
        f"{v['stamped']} of {v['items']} {plural.get(kind, kind)}" for kind, v in kinds.items() if v["items"]
    )
    stale = sum(v["stale"] for v in kinds.values())
    detail = ", ".join(f"{v['stale']} {plural.get(kind, kind)}" for kind, v in kinds.items() if v["stale"])
    return [
        f"| texts revised since edition 1 (the imported wording kept, with why and on whose authority) | {len(revised['revised'])} |",
        f"| prose superseded by a revised rule | {len(revised['superseded'])} |",
        f"| items built on rules, with the version they rest on | {stamped} |",
        f"| **stale** items: their rule changed since they were reviewed | {stale}{' (' + detail + ')' if detail else ''} |",
    ]
