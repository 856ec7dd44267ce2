"""The GitHub Actions workflow: valid for actionlint, least privilege, pinned, and shaped as promised.

Pull requests run `make test`; pushes to main run it too, then build for the Pages address and deploy.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
SITE_WORKFLOW = WORKFLOWS / "site.yml"
VENV_BIN = Path(sys.executable).parent
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40} # v\d+(?:\.\d+){0,2}$")


def actionlint(*arguments: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    binary, shellcheck = VENV_BIN / "actionlint", VENV_BIN / "shellcheck"
    for tool in (binary, shellcheck):
        if not tool.is_file():
            pytest.fail(f"{tool.name} is not installed in {VENV_BIN}: run `make setup`")
    return subprocess.run(
        [str(binary), "-no-color", "-shellcheck", str(shellcheck), *arguments], cwd=cwd, capture_output=True, text=True
    )


def workflow_files() -> list[Path]:
    found = sorted(WORKFLOWS.glob("*.yml")) + sorted(WORKFLOWS.glob("*.yaml"))
    assert found, f"no workflow in {WORKFLOWS}"
    return found


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(SITE_WORKFLOW.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` key as True


def steps_using(job: dict, action: str) -> list[dict]:
    return [step for step in job["steps"] if step.get("uses", "").startswith(f"{action}@")]


def test_actionlint_finds_no_problem_in_any_workflow():
    result = actionlint(*map(str, workflow_files()))
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_reports_a_broken_workflow_with_its_line(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\n"
        "permissions: {}\n"
        "jobs:\n"
        "  test:\n"
        "    runs-on: ubuntu-24.04\n"
        "    steps:\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n"
        "      - run: make test\n"
        "        if: ${{ steps.missing.outputs.ok }}\n",
        encoding="utf-8",
    )
    result = actionlint(str(broken), cwd=tmp_path)
    assert result.returncode == 1
    assert "broken.yml:7:" in result.stdout and "potentially untrusted" in result.stdout, result.stdout
    assert "broken.yml:9:" in result.stdout, result.stdout


def test_every_action_is_pinned_to_a_commit_with_its_version_in_a_comment():
    for path in workflow_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = re.match(r"^\s*(?:-\s+)?uses:\s*(.+?)\s*$", line)
            if match:
                assert PINNED.match(match.group(1)), f"{path.name}:{number}: not pinned to a full SHA with '# vX.Y.Z': {match.group(1)}"


def test_token_has_no_permission_unless_a_job_asks_for_its_own(workflow):
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    assert {name: job.get("permissions") for name, job in jobs.items()} == {
        "test": {"contents": "read"},
        "build": {"contents": "read", "pages": "read"},
        "deploy": {"pages": "write", "id-token": "write"},
    }


def test_pull_requests_and_main_run_every_check(workflow):
    on = triggers(workflow)
    assert "pull_request" in on and on["push"]["branches"] == ["main"]
    test = workflow["jobs"]["test"]
    assert "if" not in test, "the test job must run on pull requests and on main alike"
    assert [step["run"] for step in test["steps"] if "run" in step] == ["make test"]
    assert steps_using(test, "actions/checkout")[0]["with"]["persist-credentials"] is False


def test_only_main_builds_for_pages_and_deploys_after_the_tests_pass(workflow):
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["needs"] == "test" and deploy["needs"] == "build"
    assert "github.event_name != 'pull_request'" in build["if"] and "refs/heads/main" in build["if"]
    (configure,) = steps_using(build, "actions/configure-pages")
    (make_build,) = [step for step in build["steps"] if step.get("run") == "make build"]
    assert make_build["env"]["SITE_URL"] == "${{ steps." + configure["id"] + ".outputs.base_url }}/"
    (upload,) = steps_using(build, "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "site"
    (deployment,) = steps_using(deploy, "actions/deploy-pages")
    assert deploy["environment"] == {"name": "github-pages", "url": "${{ steps." + deployment["id"] + ".outputs.page_url }}"}
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_make_build_writes_the_folder_the_workflow_uploads():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^build:.*\n((?:\t.*\n)+)", makefile, flags=re.MULTILINE)
    assert recipe and re.search(r"mkdocs build .*--strict.*--site-dir site\b", recipe.group(1)), "make build must build strictly into site/"
