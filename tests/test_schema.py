"""The published JSON Schemas are valid and wired to every YAML file for editors' IDEs."""

from __future__ import annotations

import fnmatch
import json
from pathlib import Path

import jsonschema
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
