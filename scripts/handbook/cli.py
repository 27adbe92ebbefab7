"""`scripts/hb`: the editors' command line, on the same model the site uses."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import dependents, guessability, item_stats, report, scaffold, stale
from .checks import check_handbook
from .dependent_stamp import stamp_dependents
from .generate import write_pages
from .guessability import check_guessability
from .loader import CONTENT, ROOT, load_handbook, read_handbook
from .model import LANGS
from .problems import ContentError, Problems
from .stamp import stamp_file
from .translation import PLACEHOLDER


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/hb", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="validate all content; print every problem as file:line")
    check.add_argument("--lenient", action="store_true", help="do not fail on warnings (stale translations)")

    commands.add_parser(
        "guess",
        help="how test-wise strategies score on each question bank (cue words, "
        "longest option, one wrong option, key positions), against their budgets",
    )

    stats = commands.add_parser(
        "item-stats",
        help="each question's facility (share right) from a folder of "
        "exported exam results and onboarding records, flagging questions everybody "
        "gets right or wrong",
    )
    stats.add_argument("folder", type=Path, help="the folder holding the exported .json files")
    stats.add_argument("--csv", type=Path, metavar="FILE", help="also write the table as CSV (UTF-8, opens in Excel)")
    stats.add_argument(
        "--min-attempts",
        type=int,
        default=item_stats.MIN_ATTEMPTS,
        metavar="N",
        help=f"flag a question only after N attempts (default {item_stats.MIN_ATTEMPTS})",
    )

    stamp = commands.add_parser("stamp", help="record which Chinese each new English text translates")
    stamp.add_argument("files", nargs="*", type=Path, help="YAML files (default: all under checklists/)")
    stamp.add_argument(
        "--accept",
        action="append",
        default=[],
        metavar="FILE:LINE",
        help="after updating a stale English text, accept it (repeatable); FILE alone accepts all in it",
    )

    generate = commands.add_parser("generate", help="write the generated Markdown pages to a folder")
    generate.add_argument("out", type=Path)
    generate.add_argument("--lang", choices=LANGS, action="append")

    summary = commands.add_parser(
        "report",
        help="coverage per language, questions per chapter, unverified "
        "references, repairs awaiting review, reviews due",
    )
    summary.add_argument("--json", action="store_true", help="print JSON (for CI) instead of Markdown tables")

    commands.add_parser(
        "stale",
        help="each English text whose Chinese changed since it was translated, and each item "
        "(quiz question, rubric criterion, topic, glossary note) whose rule changed, with the change",
    )

    new = commands.add_parser(
        "new", help="scaffold a section, checklist or question in both languages, ready to fill in"
    )
    kinds = new.add_subparsers(dest="kind", required=True)
    kinds.add_parser("section", help="add a section to a chapter").add_argument("chapter", help="e.g. 000-2")
    kinds.add_parser("checklist", help="add a checklist").add_argument("id", help="e.g. counter-closing")
    question = kinds.add_parser("question", help="add a question to a section's chapter bank")
    question.add_argument("section", help="e.g. 000-2.4")
    question.add_argument("--type", default="single", choices=("single", "multiple", "true-false", "ordering"))

    site = commands.add_parser(
        "check-site", help="check a built site: every internal link and anchor resolves, every image has alt text"
    )
    site.add_argument("site", type=Path, help="the folder scripts/build wrote, e.g. site/")

    args = parser.parse_args(argv)
    if args.command == "check-site":
        return _check_site(args.site)
    if args.command == "check":
        return _check(strict=not args.lenient)
    if args.command == "item-stats":
        return _item_stats(args.folder, args.csv, args.min_attempts)
    if args.command == "guess":
        return _guess()
    if args.command == "stamp":
        return _stamp(args.files, args.accept)
    if args.command == "report":
        return _report(args.json)
    if args.command == "stale":
        return _stale()
    if args.command == "new":
        return _new(args)
    return _generate(args.out, args.lang or list(LANGS))


def _loaded():
    """The content as far as it can be read: a report or a scaffold still helps while
    `check` has errors to fix, but not while a file cannot be read at all."""
    problems = Problems(ROOT)
    handbook = read_handbook(CONTENT, problems)
    if handbook.unread:
        for problem in problems.sorted():
            print(problem, file=sys.stderr)
        print("Fix these first (scripts/hb check).", file=sys.stderr)
        return None
    return handbook


def _check_site(folder: Path) -> int:
    if not (folder / "index.html").exists():
        print(f"error: {folder} holds no built site; run scripts/build {folder} first", file=sys.stderr)
        return 2
    from handbook_site.site_check import check_site  # the built site is the site package's

    found = check_site(folder)
    for problem in found:
        print(problem)
    pages = sum(1 for _ in folder.rglob("*.html"))
    print(
        f"{len(found)} problem(s) in the built site."
        if found
        else f"ok: {pages} pages, every link, anchor and image alt text."
    )
    return 1 if found else 0


def _report(as_json: bool) -> int:
    handbook = _loaded()
    if handbook is None:
        return 1
    data = report.coverage(handbook)
    print(
        json.dumps(data, ensure_ascii=False, indent=2) if as_json else report.markdown(data),
        end="" if not as_json else "\n",
    )
    return 0


def _stale() -> int:
    handbook = _loaded()
    if handbook is None:
        return 1
    found = stale.stale_texts(handbook)
    for item in found:
        text = item.text
        accepted = " (published as it is: stale_ok)" if text.stale_ok else ""
        print(f"{_show(text.origin.file)}:{text.origin.line}: stale English{accepted}")
        print(f"  en:  {text.en}")
        if item.before is None:
            print(f"  zh:  {text.zh}")
            print("       (the Chinese this English was made from is not in the git history)")
        else:
            print(f"  was: {item.before}")
            print(f"  now: {text.zh}")
            print(f"  change: {stale.inline_diff(item.before, text.zh)}")
        print()
    # issue 24: items built on a rule that changed since they were reviewed; the counts come last
    built = dependents.stale_dependents(handbook)
    for item in built:
        print(f"{_show(item.dependent.file)}:{item.line}: stale {item.dependent.kind} {item.dependent.id}")
        print(f"  rests on: {item.rule_id}")
        if item.was:
            print(f"  was: {item.was}")
        print(f"  now: {item.now}")
        if item.was:
            print(f"  change: {stale.inline_diff(item.was, item.now)}")
        print()
    if built:
        print(f"{len(built)} stale item(s) built on a changed rule.")
    print(f"{len(found)} stale translation(s)." if found else "No stale translations.")
    return 0


def _new(args) -> int:
    handbook = _loaded()
    if handbook is None:
        return 1
    try:
        if args.kind == "section":
            path, line, new_id = scaffold.new_section(handbook, args.chapter)
        elif args.kind == "checklist":
            path, line, new_id = scaffold.new_checklist(handbook, args.id)
        else:
            path, line, new_id = scaffold.new_question(handbook, args.section, args.type)
    except (LookupError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"{_show(path)}:{line}: added {args.kind} {new_id}")
    print(
        f"Replace every '{PLACEHOLDER['zh']}' / '{PLACEHOLDER['en']}', then run "
        f"scripts/hb stamp {_show(path)} and scripts/hb check."
    )
    return 0


def _check(strict: bool) -> int:
    problems = Problems(ROOT)
    handbook = read_handbook(CONTENT, problems)
    check_handbook(handbook, problems)
    # The guessability budgets are statistics over all banks: they fail the check
    # (and CI) but not the build, so a bank can be previewed while it is rewritten.
    budgets = Problems(ROOT)
    if "quizzes" not in handbook.unread:
        check_guessability(handbook.quizzes, budgets)
    problems.items += budgets.items
    found = problems.sorted()
    for problem in found:
        print(problem)
    failing = problems.errors + (problems.warnings if strict else [])
    if failing:
        print(
            f"{len(set(failing))} problem(s)."
            + (" scripts/hb guess shows each test-wise strategy's score per question bank." if budgets.errors else "")
        )
        return 1
    sections = len(handbook.sections())
    print(
        f"ok: {len(handbook.manuals)} manual(s), {sections} section(s), "
        f"{len(handbook.requirements())} requirement(s), {len(handbook.references)} reference(s)."
    )
    return 0


def _item_stats(folder: Path, csv_path: Path | None, min_attempts: int) -> int:
    if not folder.is_dir():
        print(f"error: {folder} is not a folder; put the exported results (.json) in one folder", file=sys.stderr)
        return 2
    if min_attempts < 1:
        print("error: --min-attempts must be 1 or more", file=sys.stderr)
        return 2
    found = item_stats.collect(folder)
    texts = _question_texts()
    print(item_stats.table(found, min_attempts, texts), end="")
    if not found.attempts:
        print(f"error: no exam results in {folder}", file=sys.stderr)
        return 1
    if csv_path:
        item_stats.write_csv(found, csv_path, min_attempts, texts)
        print(f"wrote {csv_path}")
    return 0


def _question_texts() -> dict[str, str] | None:
    """Each question's Chinese, to show what it asks; None when the banks cannot be read (the
    statistics do not need them)."""
    problems = Problems(ROOT)
    handbook = read_handbook(CONTENT, problems)
    if "quizzes" in handbook.unread:
        return None
    return {question.id: question.question.zh for question in handbook.questions()}


def _guess() -> int:
    handbook = _loaded()
    if handbook is None:
        return 1
    print(guessability.table(handbook.quizzes), end="")
    found = Problems(ROOT)
    check_guessability(handbook.quizzes, found)
    print(
        f"\n{len(found.errors)} budget(s) exceeded; scripts/hb check lists the items."
        if found.errors
        else "\nEvery budget is held."
    )
    return 0


def _stamp(files: list[Path], accepts: list[str]) -> int:
    accept: dict[Path, set[int] | None] = {}  # None: accept every text in the file
    for item in accepts:
        name, _, line = item.rpartition(":")
        if not line.isdigit():
            accept[Path(item).resolve()] = None
        elif accept.get(path := Path(name).resolve(), set()) is not None:
            accept.setdefault(path, set()).add(int(line))
    targets = [f.resolve() for f in files] or sorted(CONTENT.rglob("*.yml"))
    targets += [p for p in accept if p not in targets]
    handbook = False
    for path in targets:
        lines = accept.get(path, set())
        try:
            stamps = stamp_file(path, accept_lines=lines or set(), accept_all=path in accept and lines is None)
            # issue 24: which version of each rule a question, criterion, topic or note rests on;
            # the content is read again once a stamp has moved lines
            if handbook is False or any(item.action == "added" for item in stamps):
                handbook = _read_for_stamping()
            if handbook is not None:
                by_rules = stamp_dependents(
                    handbook, path, accept_lines=lines or set(), accept_all=path in accept and lines is None
                )
                stamps += by_rules
                handbook = False if by_rules else handbook
        except ValueError as error:
            print(f"{_show(path)}:{error}", file=sys.stderr)
            return 1
        for item in stamps:
            print(f"{_show(item.file)}:{item.line}: {item.action}")
    return 0


def _read_for_stamping():
    """The content, read again before each file is stamped (the previous file may have changed);
    None while the manuals cannot be read, when only translations are stamped."""
    handbook = read_handbook(CONTENT, Problems(ROOT))
    return None if handbook.unread & {"manuals", "quizzes"} else handbook


def _show(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.as_posix()


def _generate(out: Path, langs: list[str]) -> int:
    try:
        handbook, _ = load_handbook()
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    for lang in langs:
        written = write_pages(handbook, lang, out / lang)
        print(f"{lang}: {len(written)} page(s) in {out / lang}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
