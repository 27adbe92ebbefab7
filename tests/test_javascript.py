"""The widgets' JavaScript logic, unit-tested with Node's built-in test runner."""

from __future__ import annotations

import shutil
import subprocess

from conftest import ROOT


def test_javascript_unit_tests_pass():
    node = shutil.which("node")
    assert node, "Node.js is needed for the JavaScript unit tests (Debian: apt-get install nodejs)"
    result = subprocess.run(
        [node, "--test", *sorted(str(p) for p in (ROOT / "tests" / "js").glob("*.test.js"))],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout
