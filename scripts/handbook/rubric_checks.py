"""Cross-checks of the grading rubrics that the schema cannot express.

A rubric's numbers are the organisation's settings, but they must make a
working scale: weights that add up to 100, levels and bands best first, caps
that name a real level and grade. Its words must be honest: a descriptor that
claims to quote the manual must be found, word for word, where it says.
Its grades must be the manual's: where a cell quotes the manual's descriptor
of a grade as a feature of that grade, rating the criterion there caps the
total at that grade. And no indicator is scored twice.
"""

from __future__ import annotations

from .derive import Index
from .model import Criterion, Handbook, Rubric
from .problems import Problems

TOTAL_WEIGHT = 100


def check_rubrics(handbook: Handbook, problems: Problems) -> None:
    complete = "manuals" not in handbook.unread
    known = handbook.index  # the model's lookups: grades, sections, indicators, standards, quotable texts
    for rubric in handbook.rubrics:
        _check_scale(rubric, known, problems, complete)
        _check_weights(rubric, problems)
        criterion_ids: dict[str, int] = {}
        for criterion in rubric.criteria:
            if criterion.id in criterion_ids:
                problems.add(
                    criterion.origin.file,
                    criterion.origin.line,
                    f"criterion id '{criterion.id}' appears twice in rubric '{rubric.id}'",
                    f"it is already used on line {criterion_ids[criterion.id]}; give this one another id",
                )
            criterion_ids.setdefault(criterion.id, criterion.origin.line)
            _check_criterion(rubric, criterion, known, problems, complete)
            _check_grade_features(rubric, criterion, known, problems)
        _check_scored_once(rubric, problems)


def _check_grade_features(rubric: Rubric, criterion: Criterion, known: Index, problems: Problems) -> None:
    """A cell that quotes grade G's descriptor, in the column named after G, lists a feature of G:
    rated there, the total can be no better than G (001 五（二）: 不合格 is 服务态度差、语言不文明 …)."""
    bands = [band.grade_id for band in rubric.bands]
    place = {level.id: n for n, level in enumerate(rubric.levels)}  # best first
    for level in rubric.levels:
        descriptor = criterion.levels.get(level.id)
        grade = level.grade_id
        if descriptor is None or descriptor.quote != grade or grade not in bands or grade == bands[0]:
            continue
        # A cap applies at its level and every worse one; it must reach this level and this grade.
        capped = any(
            place.get(cap.at, len(place)) <= place[level.id]
            and cap.cap in bands
            and bands.index(cap.cap) >= bands.index(grade)
            for cap in criterion.critical
        )
        if not capped:
            name = known.grades[grade].name.zh if grade in known.grades else grade
            problems.add(
                criterion.origin.file,
                descriptor.origin.line,
                f"criterion '{criterion.id}' at '{level.id}' quotes “{descriptor.text.zh}”, a feature of "
                f"{name} ({grade}), but rating it so does not cap the grade at {name}",
                f'add to critical: {{at: {level.id}, cap: "{grade}", because: …}}',
            )


def _check_scored_once(rubric: Rubric, problems: Problems) -> None:
    """An indicator that names one criterion is not also scored by another."""
    named = {c.indicator_id: c for c in rubric.criteria if c.indicator_id}
    for criterion in rubric.criteria:
        for i, target in enumerate(criterion.assesses):
            other = named.get(target)
            if other is not None and other is not criterion:
                problems.add(
                    criterion.origin.file,
                    criterion.lines[f"assesses.{i}"],
                    f"criterion '{criterion.id}' assesses indicator '{target}', which criterion "
                    f"'{other.id}' scores: it would be counted twice",
                    "score it in one criterion only; list it under the other's assesses: only if that one is removed",
                )


def _check_scale(rubric: Rubric, known: Index, problems: Problems, complete: bool) -> None:
    file = rubric.origin.file
    grades, sections = known.grades, known.sections
    if complete:
        for i, section_id in enumerate(rubric.basis):
            if section_id not in sections:
                problems.add(
                    file,
                    rubric.lines[f"basis.{i}"],
                    f"basis names section '{section_id}', which does not exist",
                    'use a section id as in the manuals, e.g. "001-5.2"',
                )
    seen: set[str] = set()
    for level in rubric.levels:
        line = level.origin.line
        if level.id in seen:
            problems.add(
                file, line, f"level id '{level.id}' appears twice in rubric '{rubric.id}'", "give each level its own id"
            )
        seen.add(level.id)
        if (level.grade_id is None) == (level.name is None):
            problems.add(
                file,
                line,
                f"level '{level.id}' needs either grade: or name:, not {'both' if level.name else 'neither'}",
                "grade: takes the name of one of the manual's grades; name: gives one in both languages",
            )
        elif level.grade_id and complete and level.grade_id not in grades:
            problems.add(
                file,
                line,
                f"level '{level.id}' names grade '{level.grade_id}', which does not exist",
                'use a grade id from a section\'s grades, e.g. "001-5.2-g1"',
            )
    points = [level.points for level in rubric.levels]
    if points[0] != 100:
        problems.add(
            file,
            rubric.levels[0].origin.line,
            f"the best level scores {points[0]} points, not 100",
            "give the first (best) level points: 100, so that a top rating in every criterion scores 100",
        )
    for before, level in zip(rubric.levels, rubric.levels[1:]):
        if level.points >= before.points:
            problems.add(
                file,
                level.origin.line,
                f"level '{level.id}' scores {level.points}, not fewer points than '{before.id}' above it ({before.points})",
                "list levels best first, each scoring fewer points than the one before",
            )
    band_grades: set[str] = set()
    for band in rubric.bands:
        if band.grade_id in band_grades:
            problems.add(file, band.origin.line, f"grade '{band.grade_id}' has two bands", "list each grade once")
        band_grades.add(band.grade_id)
        if complete and band.grade_id not in grades:
            problems.add(
                file,
                band.origin.line,
                f"band names grade '{band.grade_id}', which does not exist",
                'use a grade id from a section\'s grades, e.g. "001-5.2-g2"',
            )
    for before, band in zip(rubric.bands, rubric.bands[1:]):
        if band.min >= before.min:
            problems.add(
                file,
                band.origin.line,
                f"the band for '{band.grade_id}' starts at {band.min}, not below the band above it ({before.min})",
                "list bands best first, each starting lower than the one before",
            )
    if rubric.bands[-1].min != 0:
        problems.add(
            file,
            rubric.bands[-1].origin.line,
            f"the lowest band starts at {rubric.bands[-1].min}, so a score below it has no grade",
            "set min: 0 on the last band",
        )


def _check_weights(rubric: Rubric, problems: Problems) -> None:
    total = sum(criterion.weight for criterion in rubric.criteria)
    if total != TOTAL_WEIGHT:
        listed = ", ".join(f"{c.id} {c.weight} (line {c.lines['weight']})" for c in rubric.criteria)
        problems.add(
            rubric.origin.file,
            rubric.lines["groups"],
            f"the weights of rubric '{rubric.id}' add up to {total}%, not {TOTAL_WEIGHT}%",
            f"change them so that they add up to {TOTAL_WEIGHT}: {listed}",
        )


def _check_criterion(rubric: Rubric, criterion: Criterion, known: Index, problems: Problems, complete: bool) -> None:
    file, line = criterion.origin.file, criterion.origin.line
    if (criterion.indicator_id is None) == (criterion.title is None):
        problems.add(
            file,
            line,
            f"criterion '{criterion.id}' needs either indicator: or title:, not "
            f"{'both' if criterion.title else 'neither'}",
            "indicator: takes the name and description of one of the manual's indicators; title: names it here",
        )
    level_ids = [level.id for level in rubric.levels]
    band_grades = [band.grade_id for band in rubric.bands]
    for level_id, descriptor in criterion.levels.items():
        if level_id not in level_ids:
            problems.add(
                file,
                descriptor.origin.line,
                f"criterion '{criterion.id}' describes level '{level_id}', which rubric '{rubric.id}' does not have",
                f"use one of: {', '.join(level_ids)}",
            )
    for cap in criterion.critical:
        if cap.at not in level_ids:
            problems.add(
                file,
                cap.origin.line,
                f"critical: at: '{cap.at}' is not a level of rubric '{rubric.id}'",
                f"use one of: {', '.join(level_ids)}",
            )
        if cap.cap not in band_grades:
            problems.add(
                file,
                cap.origin.line,
                f"critical: cap: '{cap.cap}' is not a grade of this rubric's bands",
                f"use one of: {', '.join(band_grades)}",
            )
        elif cap.cap == band_grades[0]:
            problems.add(
                file,
                cap.origin.line,
                f"a cap at the best grade '{cap.cap}' never limits anything",
                "cap the grade at a lower one, or remove this critical: entry",
            )
    if not complete:
        return
    if criterion.indicator_id and criterion.indicator_id not in known.indicators:
        problems.add(
            file,
            criterion.lines["indicator"],
            f"criterion '{criterion.id}' names indicator '{criterion.indicator_id}', which does not exist",
            'use an indicator id, e.g. "003-5.2-i1"',
        )
    if criterion.standard_id and criterion.standard_id not in known.standards:
        problems.add(
            file,
            criterion.lines["standard"],
            f"criterion '{criterion.id}' takes its standard from "
            f"'{criterion.standard_id}', which is not a requirement or indicator",
            'use a requirement id, e.g. "003-4.1.1-r1"',
        )
    for i, target in enumerate(criterion.assesses):
        if target not in known.assessables:
            problems.add(
                file,
                criterion.lines[f"assesses.{i}"],
                f"criterion '{criterion.id}' assesses '{target}', which does not exist",
                'use a section, requirement, indicator or grade id, e.g. "001-2.1"',
            )
    for descriptor in criterion.levels.values():
        if descriptor.quote is None:
            continue
        source = known.quotable.get(descriptor.quote)
        if source is None:
            problems.add(
                file,
                descriptor.origin.line,
                f"quote: '{descriptor.quote}' is not a grade, indicator or requirement",
                "name the grade, indicator or requirement whose Chinese this descriptor copies",
            )
        elif descriptor.text.zh not in source:
            problems.add(
                file,
                descriptor.text.zh_line,
                f"'{descriptor.text.zh}' is not in the text of {descriptor.quote}",
                f"copy the manual's words exactly ({source}), or remove quote: to mark it as the organisation's wording",
            )
