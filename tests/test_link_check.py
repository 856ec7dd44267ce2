"""The weekly link check, offline: the exact command of .github/workflows/links.yml against a local server.

A server on 127.0.0.1 answers 200 for /alive and 404 for /gone; two small built pages cite them. The
command must report the dead link with the page that cites it, leave the live one and the site's own
address alone, write the job summary, and fail; on a site whose links all resolve it must pass.
"""

from __future__ import annotations

import os
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
LINKS_WORKFLOW = ROOT / ".github" / "workflows" / "links.yml"
OWN_ADDRESS = "https://guide.invalid/"  # .invalid never resolves: if it were checked, it would be reported


class Answers(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the name http.server calls)
        self.send_response(200 if self.path == "/alive" else 404)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"ok" if self.path == "/alive" else b"not found")

    def do_HEAD(self):  # noqa: N802
        self.send_response(200 if self.path == "/alive" else 404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Answers)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def workflow_command() -> str:
    workflow = yaml.safe_load(LINKS_WORKFLOW.read_text(encoding="utf-8"))
    (step,) = [step for step in workflow["jobs"]["links"]["steps"] if step.get("id") == "links"]
    return step["run"]


def page(title: str, body: str) -> str:
    return (
        f"<!doctype html><html><head><title>{title}</title>"
        f'<link rel="canonical" href="{OWN_ADDRESS}"></head><body>{body}</body></html>'
    )


def make_site(folder: Path, pages: dict[str, str]) -> Path:
    for path, text in pages.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, encoding="utf-8")
    (folder / "sitemap.xml").write_text(f"<urlset><url><loc>{OWN_ADDRESS}</loc></url></urlset>", encoding="utf-8")
    return folder


def run_workflow_command(site: Path, summary: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "SITE_DIR": str(site), "GITHUB_STEP_SUMMARY": str(summary)}
    return subprocess.run(["bash", "-c", workflow_command()], cwd=ROOT, env=env, capture_output=True, text=True)


def test_the_workflow_runs_make_links_weekly_and_on_demand():
    workflow = yaml.safe_load(LINKS_WORKFLOW.read_text(encoding="utf-8"))
    on = workflow.get("on", workflow.get(True))
    assert on["schedule"] and "workflow_dispatch" in on
    assert workflow["permissions"] == {}
    job = workflow["jobs"]["links"]
    assert job["permissions"] == {"contents": "read"}
    assert [step["run"] for step in job["steps"] if "run" in step] == ["make build", "make links"]


def test_a_dead_link_is_reported_with_the_page_that_cites_it(server, tmp_path):
    site = make_site(
        tmp_path / "site",
        {
            "index.html": page("Home", f'<a href="{server}/alive">a live source</a> <a href="monitoring/model-drift/">drift</a>'),
            "monitoring/model-drift/index.html": page("Model drift", f'<a href="{server}/gone">a vanished paper</a>'),
        },
    )
    summary = tmp_path / "summary.md"
    result = run_workflow_command(site, summary)
    assert result.returncode != 0, result.stdout + result.stderr
    reported = [line for line in result.stdout.splitlines() if server in line]
    assert reported == [f"monitoring/model-drift/ (Model drift): {server}/gone: Rejected status code: 404 Not Found"], result.stdout
    report = summary.read_text(encoding="utf-8")
    assert "## External links: 1 dead of 2" in report, report
    assert f"| Model drift (`monitoring/model-drift/`) | <{server}/gone> |" in report, report
    assert "/alive" not in report and OWN_ADDRESS not in report


def test_a_site_whose_links_all_resolve_passes(server, tmp_path):
    site = make_site(tmp_path / "site", {"index.html": page("Home", f'<a href="{server}/alive">a live source</a>')})
    summary = tmp_path / "summary.md"
    result = run_workflow_command(site, summary)
    assert result.returncode == 0, result.stdout + result.stderr
    assert server not in result.stdout
    assert summary.read_text(encoding="utf-8") == "## External links\n\nAll 1 external links resolve.\n"
