"""The editors' documents and the pull-request workflow name commands that exist, and files that exist."""

from __future__ import annotations

import re

import yaml

from conftest import ROOT
from tests.support.cli import hb

DOCUMENTS = [
    "README.md",
    "CONTRIBUTING.md",
    "CONTRIBUTING.zh.md",
    ".github/workflows/pull-request.yml",
    ".github/pull_request_template.md",
]


def test_every_hb_command_the_documents_use_exists():
    commands = set(re.findall(r"\{([a-z,-]+)\}", hb("--help").stdout)[0].split(","))
    for name in DOCUMENTS:
        used = set(re.findall(r"scripts/hb ([a-z][a-z-]*)", (ROOT / name).read_text(encoding="utf-8")))
        assert used <= commands, (name, used - commands)


def test_contributing_exists_in_both_languages_with_the_same_recipes():
    english = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    chinese = (ROOT / "CONTRIBUTING.zh.md").read_text(encoding="utf-8")
    assert re.findall(r"^### (7\.\d)", english, re.M) == re.findall(r"^### (7\.\d)", chinese, re.M)
    assert len(re.findall(r"^### 7\.\d", english, re.M)) >= 8


def test_the_workflow_runs_the_tests_the_check_the_report_a_strict_build_and_keeps_the_preview():
    workflow = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["check"]["steps"]
    runs = " ".join(step.get("run", "") for step in steps)
    for command in (
        ".ci/run",
        "scripts/hb check",
        'scripts/hb report >> "$GITHUB_STEP_SUMMARY"',
        "scripts/build site",
        "scripts/hb check-site site",
    ):
        assert command in runs, command
    [upload] = [step for step in steps if step.get("uses", "").startswith("actions/upload-artifact")]
    assert upload["with"]["path"] == "site/"


def test_codeowners_gives_each_manual_the_owner_its_manual_yml_names():
    owners = (ROOT / ".github/CODEOWNERS").read_text(encoding="utf-8")
    for manual in sorted((ROOT / "checklists/manuals").glob("*/manual.yml")):
        owner = yaml.safe_load(manual.read_text(encoding="utf-8"))["owner"]
        assert re.search(rf"^/checklists/manuals/{manual.parent.name}/\s+{re.escape(owner)}\b", owners, re.M), manual
