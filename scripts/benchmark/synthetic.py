"""Synthetic content at N times the size of a real content folder.

Copy k of every manual gets a fresh three-digit id, and every id in it (chapters,
sections, requirements, questions, grades) is renamed to match; the quizzes,
checklists, rubrics and topics that point into the manuals are copied with them,
so every view grows N times too, in both languages. Texts are unchanged, so every
translation stamp still matches its Chinese. The references and the glossary are
shared, as they would be by more manuals of one organisation.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml


class ScaleError(ValueError):
    pass


def scale_content(source: Path, target: Path, times: int) -> Path:
    """Write `times` × the content of `source` into `target` (replaced) and return it."""
    if times < 1:
        raise ScaleError("the scale must be 1 or more")
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("schema"))
    base_ids = sorted(path.name for path in (source / "manuals").iterdir() if (path / "manual.yml").is_file())
    free = iter(f"{n:03d}" for n in range(1000) if f"{n:03d}" not in base_ids)
    copies = []
    for _ in range(1, times):
        try:
            copies.append({old: next(free) for old in base_ids})
        except StopIteration:
            raise ScaleError(f"{times}× needs {times * len(base_ids)} manual ids; there are 1000") from None
    for k, ids in enumerate(copies, start=1):
        rename = _renamer(ids)
        for old, new in ids.items():
            _copy_tree(source / "manuals" / old, target / "manuals" / new, rename)
        for quiz in sorted((source / "quizzes").glob("*.yml")):
            _copy_file(quiz, target / "quizzes" / f"{_renamed(quiz.stem, ids)}.yml", rename)
        for folder, key in (("checklists", "id"), ("rubrics", "id")):
            for file in sorted((source / folder).glob("*.yml")):
                _copy_file(file, target / folder / f"{file.stem}-copy{k}.yml", rename, suffix=(key, f"-copy{k}"))
    _extend_list_files(source, target, copies)
    return target


def _renamer(ids: dict[str, str]):
    quoted = re.compile(r'"(' + "|".join(map(re.escape, ids)) + r')(?=[-"])')

    def rename(text: str) -> str:
        """Every quoted id of a copied manual, in the text of a YAML file."""
        return quoted.sub(lambda match: '"' + ids[match.group(1)], text)

    return rename


def _copy_tree(source: Path, target: Path, rename) -> None:
    target.mkdir(parents=True)
    for file in sorted(source.glob("*.yml")):
        _copy_file(file, target / file.name, rename)


def _copy_file(source: Path, target: Path, rename, suffix: tuple[str, str] | None = None) -> None:
    text = rename(source.read_text(encoding="utf-8"))
    if suffix:
        key, tail = suffix
        # Only the file's own top-level id: item and level ids stay as they are.
        text = re.sub(
            rf"^({key}: *)(\S+)$", lambda m: m.group(1) + m.group(2) + tail, text, count=1, flags=re.MULTILINE
        )
    target.write_text(text, encoding="utf-8")


def _extend_list_files(source: Path, target: Path, copies: list[dict[str, str]]) -> None:
    """The topic index and the onboarding path list chapters and sections: each
    copy's join the list its original is in (the onboarding path must place every
    chapter exactly once)."""
    topics_file, onboarding_file = source / "topics.yml", source / "onboarding.yml"
    if topics_file.exists():
        text = topics_file.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        for topic in data.get("topics", []):
            topic["sections"] = topic["sections"] + [_renamed(s, ids) for ids in copies for s in topic["sections"]]
            if "rests_on" in topic:  # issue 24: a copy of a section has the original's text, so its fingerprint
                topic["rests_on"] |= {_renamed(s, ids): h for ids in copies for s, h in topic["rests_on"].items()}
        (target / "topics.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    if onboarding_file.exists():
        data = yaml.safe_load(onboarding_file.read_text(encoding="utf-8"))
        for stage in data.get("stages", []):
            stage["chapters"] = stage["chapters"] + [_renamed(c, ids) for ids in copies for c in stage["chapters"]]
        # The final assessment draws one question from every chapter, so it grows too.
        if "final_questions" in data:
            data["final_questions"] *= len(copies) + 1
        (target / "onboarding.yml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )


def _renamed(item_id: str, ids: dict[str, str]) -> str:
    head, _, rest = item_id.partition("-")
    return ids.get(head, head) + ("-" + rest if rest else "")
