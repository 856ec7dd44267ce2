"""The study tools' decisions, tested on their ES modules with Node's built-in test runner.

tests/js/*.test.mjs import docs/assets/javascripts/study/*.js as the browser does (a stand-in
`window`, tests/js/fake_window.mjs, holds localStorage and the "storage" events of other tabs).
This runs them as part of `make test`; `node --test tests/js/` runs them alone.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
JS_TESTS = ROOT / "tests" / "js"
MIN_NODE = 20


def test_the_study_logic_passes_its_node_tests():
    node = shutil.which("node")
    if node is None:
        pytest.fail(f"node is missing: the study logic tests need Node.js {MIN_NODE}+ (`make system-deps` installs it)", pytrace=False)
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
    assert int(version.lstrip("v").split(".")[0]) >= MIN_NODE, f"node {version} is too old: the tests need {MIN_NODE}+"
    files = sorted(str(path) for path in JS_TESTS.glob("*.test.mjs"))
    assert files, f"no *.test.mjs in {JS_TESTS}"
    result = subprocess.run([node, "--test", *files], capture_output=True, text=True, cwd=ROOT)
    summary = [line for line in result.stdout.splitlines() if line.startswith(("# tests", "# pass", "# fail", "not ok"))]
    assert result.returncode == 0, "\n".join(summary) + "\n--- node --test ---\n" + result.stdout[-6000:] + result.stderr
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout, result.stdout[-2000:]
