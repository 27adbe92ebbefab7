"""`scripts/hb`: the editors' command line, on the same model the site uses."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .generate import write_pages
from .loader import CONTENT, ROOT, load_handbook
from .model import LANGS
from .problems import ContentError
from .stamp import stamp_file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/hb", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="validate all content; print every problem as file:line")
    check.add_argument("--lenient", action="store_true", help="do not fail on warnings (stale translations)")

    stamp = commands.add_parser("stamp", help="record which Chinese each new English text translates")
    stamp.add_argument("files", nargs="*", type=Path, help="YAML files (default: all under checklists/)")
    stamp.add_argument("--accept", action="append", default=[], metavar="FILE:LINE",
                       help="after updating a stale English text, accept it (repeatable); FILE alone accepts all in it")

    generate = commands.add_parser("generate", help="write the generated Markdown pages to a folder")
    generate.add_argument("out", type=Path)
    generate.add_argument("--lang", choices=LANGS, action="append")

    args = parser.parse_args(argv)
    if args.command == "check":
        return _check(strict=not args.lenient)
    if args.command == "stamp":
        return _stamp(args.files, args.accept)
    return _generate(args.out, args.lang or list(LANGS))


def _check(strict: bool) -> int:
    try:
        handbook, problems = load_handbook(strict=strict)
    except ContentError as error:
        for problem in error.problems:
            print(problem)
        print(f"{len(error.problems)} problem(s).")
        return 1
    for problem in problems.sorted():
        print(problem)
    sections = len(handbook.sections())
    print(f"ok: {len(handbook.manuals)} manual(s), {sections} section(s), "
          f"{len(handbook.requirements())} requirement(s), {len(handbook.references)} reference(s).")
    return 0


def _stamp(files: list[Path], accepts: list[str]) -> int:
    accept: dict[Path, set[int] | None] = {}   # None: accept every text in the file
    for item in accepts:
        name, _, line = item.rpartition(":")
        if not line.isdigit():
            accept[Path(item).resolve()] = None
        elif accept.get(path := Path(name).resolve(), set()) is not None:
            accept.setdefault(path, set()).add(int(line))
    targets = [f.resolve() for f in files] or sorted(CONTENT.rglob("*.yml"))
    targets += [p for p in accept if p not in targets]
    for path in targets:
        lines = accept.get(path, set())
        try:
            stamps = stamp_file(path, accept_lines=lines or set(), accept_all=path in accept and lines is None)
        except ValueError as error:
            print(f"{_show(path)}:{error}", file=sys.stderr)
            return 1
        for item in stamps:
            print(f"{_show(item.file)}:{item.line}: {item.action}")
    return 0


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
