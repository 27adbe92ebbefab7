"""Grading rubrics: an index, and one page per rubric.

Each criterion is a fieldset of radio buttons, one per level, so the page can
be filled in with the keyboard and printed as an observation sheet without
JavaScript. `assets/js/rubric.js` adds the live score, the saved draft and the
exports, reading the rubric's numbers from `data-hb-config`; the same numbers
are written out in words under "How the score is worked out".
"""

from __future__ import annotations

import json

from ..model import Criterion, Handbook, Rubric, RubricLevel, Section, Text
from ..translation import zh_hash
from . import render
from .numbering import section_short
from .page import GeneratedPage, front_matter
from .paper import sign_lines
from .paths import RUBRICS, html_href, link, rubric_path, section_path
from .render import inline, plain
from .templating import concat, fragment, join, md_text, t
from .ui import script_strings


def rubric_pages(handbook: Handbook, lang: str) -> list[GeneratedPage]:
    if not handbook.rubrics:
        return []
    return [_index_page(handbook, lang)] + [_RubricPage(handbook, rubric, lang).page() for rubric in handbook.rubrics]


def _section_of(target) -> Section:
    return target if isinstance(target, Section) else target.section


def _index_page(handbook: Handbook, lang: str) -> GeneratedPage:
    title = t("rubrics", lang)
    lines = [f"# {title}", "", t("rubrics_intro", lang), ""]
    for rubric in handbook.rubrics:
        sections = t("list_separator", lang).join(section_short(s, lang) for s in handbook.rubric_sections(rubric))
        meta = concat(
            t("criterion_count", lang, n=str(len(rubric.criteria))), " · ", t("rubric_basis", lang, sections=sections)
        )
        lines += [
            f"- **[{md_text(rubric.title[lang])}]({link(RUBRICS, rubric_path(rubric))})**  ",
            f"    {md_text(plain(rubric.purpose, lang))}  ",
            "    " + md_text(fragment("checklists", "index_meta", text=meta)),
            "",
        ]
    return GeneratedPage(RUBRICS, title, front_matter(title) + "\n".join(lines), handbook.rubrics[0].origin.file)


class _RubricPage:
    def __init__(self, handbook: Handbook, rubric: Rubric, lang: str):
        self.handbook, self.rubric, self.lang = handbook, rubric, lang
        self.path = rubric_path(rubric)
        index = handbook.index  # the model's lookups, derived once
        self.grades, self.indicators, self.assessables = index.grades, index.indicators, index.assessables

    def page(self) -> GeneratedPage:
        rubric, lang = self.rubric, self.lang
        title = rubric.title[lang]
        sections = t("list_separator", lang).join(section_short(s, lang) for s in self.handbook.rubric_sections(rubric))
        meta = concat(
            t("criterion_count", lang, n=str(len(rubric.criteria))), " · ", t("rubric_basis", lang, sections=sections)
        )
        lines = [
            f"# {md_text(title)}",
            "",
            fragment("render", "meta", content=meta),
            "",
            fragment(
                "rubrics",
                "widget_open",
                rubric_id=rubric.id,
                lang=lang,
                levels=len(rubric.levels),
                config=self.config(),
                strings=script_strings(lang, "rjs_"),
            ),
            "",
            fragment("checklists", "purpose", both=inline(rubric.purpose, lang)),
            "",
            fragment("checklists", "legend", text=t("rubric_legend", lang)),
            "",
            self._fields(),
            "",
            sign_lines(lang, ("field_assessor", "field_person", "field_date", "field_context")),
            "",
        ]
        for number, group in enumerate(rubric.groups, start=1):
            if group.title:
                lines += [f"## {md_text(plain(group.title, lang))} {{ #group-{number} }}", ""]
            lines += [self._column_heads(), ""]
            lines += [self._criterion(criterion) for criterion in group.criteria]
            lines.append("")
        lines += [
            sign_lines(lang, ("total_score", "final_grade"), "hb-result-lines"),
            "",
            fragment("rubrics", "cap_print"),
            "",
            sign_lines(lang, ("sign_assessor", "sign_person"), "hb-result-lines"),
            "",
            "</div>",
            "",
        ]
        lines += self._method()
        # The grid needs the width the page contents would take; its headings are few.
        meta = front_matter(title, wide=True)
        return GeneratedPage(self.path, title, meta + "\n".join(lines), rubric.origin.file)

    # --- names and texts -------------------------------------------------

    def level_name(self, level: RubricLevel) -> Text:
        return self.grades[level.grade_id].name if level.grade_id else level.name

    def grade_name(self, grade_id: str) -> Text:
        return self.grades[grade_id].name

    def title_of(self, criterion: Criterion) -> Text:
        return self.indicators[criterion.indicator_id].name if criterion.indicator_id else criterion.title

    def standard_of(self, criterion: Criterion) -> Text | None:
        if criterion.indicator_id:
            return self.indicators[criterion.indicator_id].description
        if criterion.standard_id:
            target = self.assessables[criterion.standard_id]
            return getattr(target, "text", None) or target.description
        return None

    def descriptor(self, criterion: Criterion, level: RubricLevel) -> tuple[Text, str | None]:
        """The cell's words, and the id of the manual's text they quote (None: the organisation's)."""
        own = criterion.levels.get(level.id)
        return (own.text, own.quote) if own else (level.descriptor, None)

    def fingerprint(self, criterion: Criterion) -> str:
        """Changes when what a rating means changes: a draft's rating is then asked for again."""
        cells = [
            self.descriptor(criterion, level)[0].zh + f":{level.id}:{level.points}" for level in self.rubric.levels
        ]
        standard = self.standard_of(criterion)
        own = criterion.organisation_standard
        own_value = own.value.zh if own and own.value else ""
        return zh_hash(
            "\n".join(
                [self.title_of(criterion).zh, standard.zh if standard else "", *cells]
                + ([own_value] if own_value else [])
            )
        )

    def config(self) -> dict:
        lang = self.lang
        return {
            "id": self.rubric.id,
            "title": plain(self.rubric.title, lang),
            "version": zh_hash(
                json.dumps(
                    [
                        [c.id, c.weight, self.fingerprint(c), [(k.at, k.cap) for k in c.critical]]
                        for c in self.rubric.criteria
                    ]
                    + [[b.grade_id, b.min] for b in self.rubric.bands]
                )
            ),
            "levels": [
                {"id": level.id, "points": level.points, "name": self.level_name(level)[lang]}
                for level in self.rubric.levels
            ],
            "bands": [
                {"grade": band.grade_id, "min": band.min, "name": self.grade_name(band.grade_id)[lang]}
                for band in self.rubric.bands
            ],
            "criteria": [
                {
                    "id": c.id,
                    "title": self.title_of(c)[lang],
                    "weight": c.weight,
                    "text": self.fingerprint(c),
                    "critical": [{"at": k.at, "cap": k.cap, "because": plain(k.because, lang)} for k in c.critical],
                    **(
                        {
                            "standard": {
                                "asks": plain(c.organisation_standard.asks, lang),
                                "value": plain(c.organisation_standard.value, lang)
                                if c.organisation_standard.value
                                else None,
                            }
                        }
                        if c.organisation_standard
                        else {}
                    ),
                }
                for c in self.rubric.criteria
            ],
        }

    # --- HTML ------------------------------------------------------------

    def _fields(self) -> str:
        lang = self.lang
        fields = [
            {
                "class": f"hb-field hb-field-{name}",
                "id": f"hb-{self.rubric.id}-{name}",
                "label": t("field_" + name, lang),
                "kind": kind,
                "name": name,
                "hint": t("field_context_hint", lang) if name == "context" else "",
            }
            for name, kind in (("assessor", "text"), ("person", "text"), ("date", "date"), ("context", "text"))
        ]
        return fragment(
            "checklists",
            "fields",
            legend=t("assessment_fields", lang),
            fields=fields,
            **{"class": "hb-assessment-fields"},
        )

    def _column_heads(self) -> str:
        """Column headings for the grid on wide screens and paper; each option also names its level."""
        levels = [{"name": self.level_name(level)[self.lang], "points": level.points} for level in self.rubric.levels]
        return fragment("rubrics", "column_heads", lang=self.lang, levels=levels)

    def _criterion(self, criterion: Criterion) -> str:
        """A fieldset of radio buttons. Its cells repeat the manual's words, so they are kept out of
        the search index, where they would outrank the sections they quote."""
        lang = self.lang
        standard = self.standard_of(criterion)
        info = {
            "standard": inline(standard, lang) if standard else "",
            "assesses": self._assesses(criterion),
            "requirements": self._requirement_lists(criterion),
            "organisation_standard": self._organisation_standard(criterion),
        }
        options = []
        for level in self.rubric.levels:
            words, quote = self.descriptor(criterion, level)
            options.append(
                {
                    "value": level.id,
                    "name": self.level_name(level)[lang],
                    "words": inline(words, lang),
                    "quote_source": section_short(self.assessables[quote].section, lang) if quote else "",
                }
            )
        return fragment(
            "rubrics",
            "criterion",
            lang=lang,
            cid=criterion.id,
            title=inline(self.title_of(criterion), lang),
            weight=criterion.weight,
            critical=bool(criterion.critical),
            info=info,
            options=options,
        )

    def _organisation_standard(self, criterion: Criterion) -> dict | None:
        """A standard the source leaves to the organisation: shown once set, written down by the scorer until then."""
        own, lang = criterion.organisation_standard, self.lang
        if own is None:
            return None
        return {"asks": inline(own.asks, lang), "value": inline(own.value, lang) if own.value else ""}

    def _assesses(self, criterion: Criterion) -> str:
        links, seen = [], set()
        for target_id in criterion.assesses:
            target = self.assessables[target_id]
            section = _section_of(target)
            href = html_href(self.path, section_path(section)) + ("" if target is section else f"#{target_id}")
            if href in seen:
                continue
            seen.add(href)
            links.append({"href": href, "text": section_short(section, self.lang)})
        return fragment("registers", "links", items=links, separator=t("list_separator", self.lang))

    def _requirement_lists(self, criterion: Criterion) -> list[dict]:
        """The rules of each section the criterion assesses (other than the rubric's own basis), folded away."""
        found = []
        for target_id in criterion.assesses:
            section = self.assessables[target_id]
            if not isinstance(section, Section) or section.id in self.rubric.basis or not section.requirements:
                continue
            summary = t(
                "requirements_of",
                self.lang,
                section=section_short(section, self.lang),
                n=str(len(section.requirements)),
            )
            # 19a: a rule resting only on disputed or superseded sources carries its note here too.
            # 19c: and a suggestion or description is marked as on its section page.
            rules = [
                {
                    "id": rule.id,
                    "force": rule.force,
                    "text": inline(rule.text, self.lang) if rule.text else "",
                    "note": render.rule_source_note(rule.cites, self.handbook, self.lang, None),
                    "ordered": rule.ordered,
                    "fragment": rule.fragment,
                    "steps": [
                        concat(
                            inline(step.text, self.lang),
                            render.rule_source_note(step.cites, self.handbook, self.lang, None),
                        )
                        for step in rule.steps
                    ],
                }
                for rule in section.requirements
            ]
            found.append(
                {"summary": summary, "rules": rules, "marked": any(rule["force"] != "obligation" for rule in rules)}
            )
        return found

    def _method(self) -> list[str]:
        lang, rubric = self.lang, self.rubric
        sep = t("list_separator", lang)
        # Markdown list items: the names in them are content, written as text.
        levels = join(
            sep,
            (
                t("level_share", lang, name=md_text(self.level_name(level)[lang]), n=str(level.points))
                for level in rubric.levels
            ),
        )
        bands = []
        for band in rubric.bands[:-1]:
            bands.append(
                t("band_at_least", lang, min=str(band.min), grade=md_text(self.grade_name(band.grade_id)[lang]))
            )
        bands.append(
            t(
                "band_below",
                lang,
                min=str(rubric.bands[-2].min),
                grade=md_text(self.grade_name(rubric.bands[-1].grade_id)[lang]),
            )
        )
        first, second = rubric.criteria[0], rubric.levels[1]
        example = t(
            "method_weights",
            lang,
            weight=str(first.weight),
            criterion=md_text(self.title_of(first)[lang]),
            level=md_text(self.level_name(second)[lang]),
            share=str(second.points),
            points=f"{first.weight * second.points / 100:g}",
        )
        steps = [
            t("method_levels", lang, levels=levels),
            example,
            t("method_na", lang),
            t("method_bands", lang, bands=join(sep, bands)),
        ]
        # The method is the sheet's mechanics (shares, bands, caps, weights): kept out of
        # the search index, where its many words would bury the rubric under the sections it quotes.
        lines = [f"## {t('method', lang)} {{#method}}", "", '<div class="hb-method" data-search-exclude markdown>', ""]
        lines += [f"{n}. {step}" for n, step in enumerate(steps, start=1)]
        caps = [(c, cap) for c in rubric.criteria for cap in c.critical]
        if caps:
            lines.append(f"{len(steps) + 1}. {t('method_caps', lang)}")
            levels_by_id = {level.id: level for level in rubric.levels}
            for criterion, cap in caps:
                lowest = cap.at == rubric.levels[-1].id
                rule = t(
                    "cap_rule" if lowest else "cap_rule_or_lower",
                    lang,
                    criterion=md_text(self.title_of(criterion)[lang]),
                    level=md_text(self.level_name(levels_by_id[cap.at])[lang]),
                    grade=md_text(self.grade_name(cap.cap)[lang]),
                    because=md_text(plain(cap.because, lang)),
                )
                lines.append(f"    - {rule}")
        grade_sections = {
            self.grades[band.grade_id].section.id: self.grades[band.grade_id].section for band in rubric.bands
        }
        source = join(sep, (section_short(s, lang) for s in grade_sections.values()))
        lines += ["", fragment("rubrics", "settings_note", lang=lang, source=source), ""]
        lines += [
            f"| {t('criterion_header', lang)} | {t('method_table_weight', lang)} | {t('method_table_critical', lang)} |",
            "|---|---|---|",
        ]  # the weights are right-aligned by handbook.css: the policy allows no style=""
        for criterion in rubric.criteria:
            critical = "✓" if criterion.critical else ""
            lines.append(f"| {md_text(plain(self.title_of(criterion), lang))} | {criterion.weight}% | {critical} |")
        lines.append(f"| **{t('total_score', lang)}** | **{sum(c.weight for c in rubric.criteria)}%** | |")
        return lines + ["", "</div>", ""]
