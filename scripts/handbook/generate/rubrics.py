"""Grading rubrics: an index, and one page per rubric.

Each criterion is a fieldset of radio buttons, one per level, so the page can
be filled in with the keyboard and printed as an observation sheet without
JavaScript. `assets/js/rubric.js` adds the live score, the saved draft and the
exports, reading the rubric's numbers from `data-hb-config`; the same numbers
are written out in words under "How the score is worked out".
"""

from __future__ import annotations

import html
import json

from ..model import Criterion, Handbook, Rubric, RubricLevel, Section, Text
from ..translation import zh_hash
from .pages import GeneratedPage, front_matter, html_href, link, rubric_path, section_path, section_short
from .render import inline
from .paper import sign_lines
from .ui import script_strings, t

RUBRICS = "rubrics/index.md"


def rubric_pages(handbook: Handbook, lang: str) -> list[GeneratedPage]:
    if not handbook.rubrics:
        return []
    # Looked up once: per rubric, they would cost the whole handbook each time.
    lookups = (handbook.grades(), handbook.indicators(), handbook.assessables())
    return [_index_page(handbook, lang, lookups[2])] + [_RubricPage(handbook, rubric, lang, lookups).page()
                                                        for rubric in handbook.rubrics]


def _section_of(target) -> Section:
    return target if isinstance(target, Section) else target.section


def _index_page(handbook: Handbook, lang: str, assessables: dict) -> GeneratedPage:
    title = t("rubrics", lang)
    lines = [f"# {title}", "", t("rubrics_intro", lang), ""]
    for rubric in handbook.rubrics:
        sections = t("list_separator", lang).join(section_short(s, lang)
                                                  for s in handbook.rubric_sections(rubric, assessables))
        lines += [f"- **[{rubric.title[lang]}]({link(RUBRICS, rubric_path(rubric))})**  ",
                  f"    {inline(rubric.purpose, lang)}  ",
                  f'    <span class="hb-meta">{t("criterion_count", lang, n=str(len(rubric.criteria)))} · '
                  f'{t("rubric_basis", lang, sections=sections)}</span>', ""]
    return GeneratedPage(RUBRICS, title, front_matter(title) + "\n".join(lines), handbook.rubrics[0].origin.file)


class _RubricPage:
    def __init__(self, handbook: Handbook, rubric: Rubric, lang: str, lookups: tuple[dict, dict, dict]):
        self.handbook, self.rubric, self.lang = handbook, rubric, lang
        self.path = rubric_path(rubric)
        self.grades, self.indicators, self.assessables = lookups

    def page(self) -> GeneratedPage:
        rubric, lang = self.rubric, self.lang
        title = rubric.title[lang]
        sections = t("list_separator", lang).join(section_short(s, lang)
                                                  for s in self.handbook.rubric_sections(rubric, self.assessables))
        lines = [f"# {title}", "",
                 f'<p class="hb-meta">{t("criterion_count", lang, n=str(len(rubric.criteria)))} · '
                 f'{t("rubric_basis", lang, sections=sections)}</p>', "",
                 f'<div class="hb-rubric" data-hb-rubric="{rubric.id}" data-hb-lang="{lang}" '
                 f'style="--hb-levels: {len(rubric.levels)}" data-hb-config="{_attr(self.config())}" '
                 f'data-hb-strings="{_attr(script_strings(lang, "rjs_"))}" markdown>', "",
                 f'<p class="hb-purpose">{inline(rubric.purpose, lang)}</p>', "",
                 f'<p class="hb-legend">{t("rubric_legend", lang)}</p>', "",
                 self._fields(), "",
                 sign_lines(lang, ("field_assessor", "field_person", "field_date", "field_context")), ""]
        for number, group in enumerate(rubric.groups, start=1):
            if group.title:
                lines += [f"## {inline(group.title, lang)} {{ #group-{number} }}", ""]
            lines += [self._column_heads(), ""]
            lines += [self._criterion(criterion) for criterion in group.criteria]
            lines.append("")
        lines += [sign_lines(lang, ("total_score", "final_grade"), "hb-result-lines"), "",
                  '<p class="hb-print-only hb-cap-print" data-hb-print="cap_note" data-search-exclude></p>', "",
                  sign_lines(lang, ("sign_assessor", "sign_person"), "hb-result-lines"), "",
                  "</div>", ""]
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
        cells = [self.descriptor(criterion, level)[0].zh + f":{level.id}:{level.points}" for level in self.rubric.levels]
        standard = self.standard_of(criterion)
        own = criterion.organisation_standard
        own_value = own.value.zh if own and own.value else ""
        return zh_hash("\n".join([self.title_of(criterion).zh, standard.zh if standard else "", *cells]
                                 + ([own_value] if own_value else [])))

    def config(self) -> dict:
        lang = self.lang
        return {
            "id": self.rubric.id,
            "title": self.rubric.title[lang],
            "version": zh_hash(json.dumps([[c.id, c.weight, self.fingerprint(c), [(k.at, k.cap) for k in c.critical]]
                                           for c in self.rubric.criteria]
                                          + [[b.grade_id, b.min] for b in self.rubric.bands])),
            "levels": [{"id": level.id, "points": level.points, "name": self.level_name(level)[lang]}
                       for level in self.rubric.levels],
            "bands": [{"grade": band.grade_id, "min": band.min, "name": self.grade_name(band.grade_id)[lang]}
                      for band in self.rubric.bands],
            "criteria": [{"id": c.id, "title": self.title_of(c)[lang], "weight": c.weight, "text": self.fingerprint(c),
                          "critical": [{"at": k.at, "cap": k.cap, "because": inline(k.because, lang)} for k in c.critical],
                          **({"standard": {"asks": c.organisation_standard.asks[lang],
                                           "value": c.organisation_standard.value[lang] if c.organisation_standard.value else None}}
                             if c.organisation_standard else {})}
                         for c in self.rubric.criteria],
        }

    # --- HTML ------------------------------------------------------------

    def _fields(self) -> str:
        lang, fields = self.lang, []
        for name, kind in (("assessor", "text"), ("person", "text"), ("date", "date"), ("context", "text")):
            field_id = f"hb-{self.rubric.id}-{name}"
            hint = f' placeholder="{html.escape(t("field_context_hint", lang))}"' if name == "context" else ""
            fields.append(f'<p class="hb-field hb-field-{name}"><label for="{field_id}">{t("field_" + name, lang)}</label>'
                          f'<input type="{kind}" id="{field_id}" data-hb-field="{name}" autocomplete="off"{hint}></p>')
        return (f'<fieldset class="hb-assessment-fields"><legend>{t("assessment_fields", lang)}</legend>'
                f'{"".join(fields)}</fieldset>')

    def _column_heads(self) -> str:
        """Column headings for the grid on wide screens and paper; each option also names its level."""
        cells = [f'<span>{t("criterion_header", self.lang)}</span>']
        cells += [f'<span>{html.escape(self.level_name(level)[self.lang])}<small>{t("points", self.lang, n=str(level.points))}</small></span>'
                  for level in self.rubric.levels]
        cells.append(f'<span>{t("not_applicable", self.lang)}</span>')
        return f'<div class="hb-rubric-heads" aria-hidden="true" data-search-exclude>{"".join(cells)}</div>'

    def _criterion(self, criterion: Criterion) -> str:
        """A fieldset of radio buttons. Its cells repeat the manual's words, so they are kept out of
        the search index, where they would outrank the sections they quote."""
        lang, cid = self.lang, criterion.id
        title = inline(self.title_of(criterion), lang)
        critical = f' <span class="hb-tag hb-critical-tag">{t("critical", lang)}</span>' if criterion.critical else ""
        legend = (f'<legend><span class="hb-criterion-title">{title}</span> '
                  f'<span class="hb-weight">{t("weight", lang, n=str(criterion.weight))}</span>{critical}</legend>')
        standard = self.standard_of(criterion)
        info = [f'<p class="hb-standard">{inline(standard, lang)}</p>'] if standard else []
        info += self._organisation_standard(criterion)
        info.append(f'<p class="hb-assesses">{t("assesses", lang)}{self._assesses(criterion)}</p>')
        info += self._requirement_lists(criterion)
        options = []
        for level in self.rubric.levels:
            words, quote = self.descriptor(criterion, level)
            if quote:
                source = section_short(self.assessables[quote].section, lang)
                text = (f'<span class="hb-descriptor hb-quoted">“{inline(words, lang)}”'
                        f'<span class="hb-quote-source">{source}</span></span>')
            else:
                text = f'<span class="hb-descriptor" title="{t("org_wording", lang)}">{inline(words, lang)}</span>'
            options.append(f'<label class="hb-level" data-search-exclude><input type="radio" name="hb-r-{cid}" value="{level.id}">'
                           f'<span class="hb-level-name">{html.escape(self.level_name(level)[lang])}</span>{text}</label>')
        options.append(f'<label class="hb-level hb-level-na" data-search-exclude><input type="radio" name="hb-r-{cid}" value="na">'
                       f'<span class="hb-level-name">{t("not_applicable", lang)}</span></label>')
        comment_id = f"hb-c-{cid}"
        comment = (f'<p class="hb-comment"><label for="{comment_id}">{t("comment", lang)}</label>'
                   f'<textarea id="{comment_id}" data-hb-comment="{cid}" rows="1" maxlength="1000"></textarea></p>'
                   f'<p class="hb-print-only hb-sign-line hb-comment-line"><span class="hb-sign-label">{t("comment", lang)}</span>'
                   f'<span class="hb-line" data-hb-print="comment-{cid}"></span></p>')
        return (f'<fieldset class="hb-criterion" id="criterion-{cid}" data-hb-criterion="{cid}">{legend}'
                f'<div class="hb-criterion-grid" data-search-exclude><div class="hb-criterion-info">{"".join(info)}</div>'
                f'{"".join(options)}</div>{comment}</fieldset>')

    def _organisation_standard(self, criterion: Criterion) -> list[str]:
        """A standard the source leaves to the organisation: shown once set, written down by the scorer until then."""
        own, lang, cid = criterion.organisation_standard, self.lang, criterion.id
        if own is None:
            return []
        if own.value:
            return [f'<p class="hb-org-standard"><strong>{inline(own.asks, lang)}：</strong>{inline(own.value, lang)}</p>'
                    if lang == "zh" else
                    f'<p class="hb-org-standard"><strong>{inline(own.asks, lang)}:</strong> {inline(own.value, lang)}</p>']
        field_id = f"hb-s-{cid}"
        return [f'<p class="hb-org-standard"><label for="{field_id}">{inline(own.asks, lang)}</label>'
                f'<input type="text" id="{field_id}" data-hb-standard="{cid}" maxlength="1000" autocomplete="off" '
                f'aria-describedby="{field_id}-note">'
                f'<span class="hb-meta" id="{field_id}-note">{t("org_standard_unset", lang)}</span></p>']

    def _assesses(self, criterion: Criterion) -> str:
        links, seen = [], set()
        for target_id in criterion.assesses:
            target = self.assessables[target_id]
            section = _section_of(target)
            href = html_href(self.path, section_path(section)) + ("" if target is section else f"#{target_id}")
            if href in seen:
                continue
            seen.add(href)
            links.append(f'<a href="{href}">{section_short(section, self.lang)}</a>')
        return t("list_separator", self.lang).join(links)

    def _requirement_lists(self, criterion: Criterion) -> list[str]:
        """The rules of each section the criterion assesses (other than the rubric's own basis), folded away."""
        found = []
        for target_id in criterion.assesses:
            section = self.assessables[target_id]
            if not isinstance(section, Section) or section.id in self.rubric.basis or not section.requirements:
                continue
            summary = t("requirements_of", self.lang, section=section_short(section, self.lang), n=str(len(section.requirements)))
            items = []
            for rule in section.requirements:
                steps = "".join(f"<li>{inline(step.text, self.lang)}</li>" for step in rule.steps)
                items.append(f"<li>{inline(rule.text, self.lang)}{f'<ol>{steps}</ol>' if steps else ''}</li>")
            found.append(f'<details class="hb-requirements"><summary>{summary}</summary><ul>{"".join(items)}</ul></details>')
        return found

    def _method(self) -> list[str]:
        lang, rubric = self.lang, self.rubric
        sep = t("list_separator", lang)
        levels = sep.join(t("level_share", lang, name=self.level_name(level)[lang], n=str(level.points)) for level in rubric.levels)
        bands = []
        for band in rubric.bands[:-1]:
            bands.append(t("band_at_least", lang, min=str(band.min), grade=self.grade_name(band.grade_id)[lang]))
        bands.append(t("band_below", lang, min=str(rubric.bands[-2].min), grade=self.grade_name(rubric.bands[-1].grade_id)[lang]))
        first, second = rubric.criteria[0], rubric.levels[1]
        example = t("method_weights", lang, weight=str(first.weight), criterion=self.title_of(first)[lang],
                    level=self.level_name(second)[lang], share=str(second.points),
                    points=f"{first.weight * second.points / 100:g}")
        steps = [t("method_levels", lang, levels=levels), example, t("method_na", lang),
                 t("method_bands", lang, bands=sep.join(bands))]
        lines = [f"## {t('method', lang)} {{#method}}", ""]
        lines += [f"{n}. {step}" for n, step in enumerate(steps, start=1)]
        caps = [(c, cap) for c in rubric.criteria for cap in c.critical]
        if caps:
            lines.append(f"{len(steps) + 1}. {t('method_caps', lang)}")
            levels_by_id = {level.id: level for level in rubric.levels}
            for criterion, cap in caps:
                lowest = cap.at == rubric.levels[-1].id
                rule = t("cap_rule" if lowest else "cap_rule_or_lower", lang, criterion=self.title_of(criterion)[lang],
                         level=self.level_name(levels_by_id[cap.at])[lang],
                         grade=self.grade_name(cap.cap)[lang], because=inline(cap.because, lang))
                lines.append(f"    - {rule}")
        grade_sections = {self.grades[band.grade_id].section.id: self.grades[band.grade_id].section for band in rubric.bands}
        source = sep.join(section_short(s, lang) for s in grade_sections.values())
        lines += ["", f'<p class="hb-settings-note">{t("method_settings", lang, source=source)}</p>', ""]
        lines += [f"| {t('criterion_header', lang)} | {t('method_table_weight', lang)} | {t('method_table_critical', lang)} |",
                  "|---|--:|---|"]
        for criterion in rubric.criteria:
            critical = "✓" if criterion.critical else ""
            lines.append(f"| {inline(self.title_of(criterion), lang)} | {criterion.weight}% | {critical} |")
        lines.append(f"| **{t('total_score', lang)}** | **{sum(c.weight for c in rubric.criteria)}%** | |")
        return lines + [""]


def _attr(value) -> str:
    return html.escape(json.dumps(value, ensure_ascii=False, separators=(",", ":")), quote=True)

