"""The published JSON Schemas are valid and wired to every YAML file for editors' IDEs."""

from __future__ import annotations

import fnmatch
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import ROOT
from handbook.schema import validator

SCHEMAS = ROOT / "checklists" / "schema"
KIND_OF = {
    "glossary.yml": "glossary",
    "references.yml": "references",
    "manual.yml": "manual",
    "topics.yml": "topics",
    "onboarding.yml": "onboarding",
    "search.yml": "search",
    "changes.yml": "changes",
}


def kind_of(path: Path) -> str:
    if path.parent.name == "rubrics" and path.parent.parent.name == "checklists":
        return "rubric"
    if path.parent.name == "quizzes" and path.parent.parent.name == "checklists":
        return "quiz"
    if path.parent.name == "checklists" and path.parent.parent.name == "checklists":
        return "checklist"
    if path.parent.name == "asked":
        return "asked"
    return KIND_OF.get(path.name, "chapter")


def content_files():
    return sorted(p for p in (ROOT / "checklists").rglob("*.yml"))


def test_every_schema_is_a_valid_json_schema():
    for path in SCHEMAS.glob("*.schema.json"):
        jsonschema.Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


def test_every_yaml_file_names_its_schema_and_validates_against_it():
    for path in content_files():
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema = (path.parent / first.split("=", 1)[1]).resolve()
        kind = kind_of(path)
        assert schema == SCHEMAS / f"{kind}.schema.json", path
        errors = list(validator(kind).iter_errors(yaml.safe_load(path.read_text(encoding="utf-8"))))
        assert errors == [], f"{path}: {errors[0].message if errors else ''}"


def test_vscode_maps_every_yaml_file_to_its_schema():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    for path in content_files():
        relative = path.relative_to(ROOT).as_posix()
        matches = [
            schema
            for schema, globs in settings["yaml.schemas"].items()
            if any(fnmatch.fnmatch(relative, glob) for glob in globs)
        ]
        kind = kind_of(path)
        assert matches == [f"./checklists/schema/{kind}.schema.json"], relative
        assert (ROOT / matches[0]).exists()


# --- The compiled fast path (handbook.schema.fast_validator) -------------------------


def test_every_kind_of_file_has_the_fast_path():
    from handbook import schema

    for kind in {kind_of(path) for path in content_files()} - {"schema"}:
        assert schema.fast_validator(kind) is not None, kind


def _mutations(data):
    """The document with one value at a time replaced by wrong values (a number, true, a
    list, a blank text) and one key at a time removed: what editors get wrong."""
    if isinstance(data, dict):
        for key in data:
            yield {k: v for k, v in data.items() if k != key}
            for wrong in (1, True, [], " ", {"x": 1}):
                yield {**data, key: wrong}
            for changed in _mutations(data[key]):
                yield {**data, key: changed}
    elif isinstance(data, list):
        for i, item in enumerate(data[:2]):
            for changed in _mutations(item):
                yield data[:i] + [changed] + data[i + 1 :]
        if data:
            yield data + [data[0]]  # the same item twice


def test_the_fast_path_never_accepts_what_jsonschema_rejects():
    """Every real content file, and every mutation of the fixture's files: whenever the compiled
    check says valid, jsonschema finds no problem (when it says invalid, jsonschema reports)."""
    from conftest import FIXTURE_CONTENT
    from handbook import schema
    from handbook.problems import Problems
    from handbook.yamlsource import load_yaml

    def read(path: Path):  # as the loader reads it (LibYAML's parser, dates kept as text)
        return load_yaml(path, Problems(ROOT)).data

    checked = rejected = 0
    for path in content_files():
        assert schema.fast_valid(read(path), kind_of(path)), path
    for path in sorted(FIXTURE_CONTENT.rglob("*.yml")):
        kind = kind_of(Path(str(path).replace(str(FIXTURE_CONTENT), str(ROOT / "checklists"))))
        for mutated in _mutations(read(path)):
            checked += 1
            if schema.fast_valid(mutated, kind):
                assert not list(validator(kind).iter_errors(mutated)), (path, mutated)
            else:
                rejected += 1
    assert checked > 1000 and rejected > checked / 2


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        # a const true written as 1: the compiled check compares with ==, and 1 == True
        (
            "        ordered: true\n",
            "        ordered: true\n        fragment: 1\n",
            47,
            "sections[0].requirements[1].fragment: True was expected",
        ),
        # dependentRequired (draft 2020-12), said as draft 7's dependencies
        ("        ordered: true\n", "", 39, "sections[0].requirements[1]: 'ordered' is a dependency of 'steps'"),
        (
            '          - id: "900-1.1-p1-s2"\n',
            '          - id: "900-1.1-p1-s2"\n            stauts: x\n',
            54,
            "sections[0].requirements[1].steps[1]: unknown key 'stauts' (allowed keys here:",
        ),
    ],
    ids=["const-true", "dependent-required", "unknown-key"],
)
def test_a_schema_problem_is_reported_at_its_file_and_line_with_the_fast_path(content, old, new, line, message):
    from handbook import ContentError, load_handbook, schema

    chapter = content / "manuals" / "900" / "01.yml"
    text = chapter.read_text(encoding="utf-8")
    assert old in text, "test setup"
    chapter.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as fast:
        load_handbook(content)
    problems = [str(p) for p in fast.value.problems]
    assert any(p.startswith(f"{chapter}:{line}: error: {message}") for p in problems), problems
    # The same problems, word for word, as jsonschema alone reports them.
    real = schema.fast_valid
    try:
        schema.fast_valid = lambda data, kind: False
        with pytest.raises(ContentError) as slow:
            load_handbook(content)
    finally:
        schema.fast_valid = real
    assert problems == [str(p) for p in slow.value.problems]
