"""Lighthouse (mobile, its default form factor) on a locally served page: one run's figures.

Lighthouse is pinned in package.json (devDependencies) and installed by `npm ci` (the Makefile's
bench target does it). Lighthouse 13 declares Node.js 22.19 but runs on this machine's Node.js 20:
the bench prints the version it ran with. It drives Debian's Chromium (CHROME_PATH).
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from chromium_launch import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE_BIN = ROOT / "node_modules" / ".bin" / "lighthouse"
INSTALLED_PACKAGE = ROOT / "node_modules" / "lighthouse" / "package.json"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Resource kinds of Lighthouse's resource summary that a page of this site loads.
RESOURCE_KINDS = ("document", "script", "stylesheet", "image", "other")


class LighthouseError(Exception):
    """Lighthouse is missing or could not measure a page."""


@dataclass
class Run:
    """One Lighthouse run's figures."""

    scores: dict[str, int]  # category -> 0..100
    tbt_ms: float
    lcp_ms: float
    fcp_ms: float
    cls: float
    bytes: int  # everything transferred during the load (compressed, as served)
    bytes_by_kind: dict[str, int]
    failing: dict[str, list[str]]  # category -> audits that keep it below 100 ("id: title (value)")
    script_ms: dict[str, float]  # main-thread time (ms) by script, its path on the site (Lighthouse's bootup-time)
    requests: dict[str, int]  # bytes transferred by request, by its path on the site ("(the page)" for the page itself)
    benchmark_index: float  # Lighthouse's CPU benchmark: below about 1000 the machine is slow or busy


def pinned_version() -> str:
    return json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["lighthouse"]


def require_lighthouse() -> str:
    """The installed Lighthouse's version; fails when it is missing or not the pinned one."""
    wanted = pinned_version()
    if not LIGHTHOUSE_BIN.exists() or not INSTALLED_PACKAGE.is_file():
        raise LighthouseError(f"Lighthouse {wanted} is not installed: run `npm ci` (make bench does)")
    installed = json.loads(INSTALLED_PACKAGE.read_text(encoding="utf-8"))["version"]
    if installed != wanted:
        raise LighthouseError(f"node_modules holds Lighthouse {installed}, package.json pins {wanted}: run `npm ci`")
    if not CHROMIUM.is_file():
        raise LighthouseError(f"Chromium not found at {CHROMIUM}: run `make system-deps` (Debian package `chromium`)")
    return installed


def run_lighthouse(url: str, report_path: Path, blocked: tuple[str, ...] = ()) -> Run:
    """Run Lighthouse on `url`, keep its JSON report at `report_path`, return its figures.

    `blocked`: URL patterns the page may not load (Lighthouse's --blocked-url-patterns).
    """
    command = [
        str(LIGHTHOUSE_BIN),
        url,
        "--output=json",
        f"--output-path={report_path}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=" + " ".join(["--headless=new", *CHROMIUM_ARGS]),
        "--quiet",
        *(f"--blocked-url-patterns={pattern}" for pattern in blocked),
    ]
    env = dict(os.environ, CHROME_PATH=str(CHROMIUM))
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not report_path.is_file():
        raise LighthouseError(f"Lighthouse failed on {url}:\n{result.stdout}{result.stderr}")
    report = json.loads(report_path.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise LighthouseError(f"Lighthouse could not load {url}: {report['runtimeError'].get('message')}")
    return figures_of(report)


def figures_of(report: dict) -> Run:
    audits = report["audits"]
    summary = {item["resourceType"]: item["transferSize"] for item in audits["resource-summary"]["details"]["items"]}
    scores = category_scores(report)
    return Run(
        scores=scores,
        tbt_ms=audits["total-blocking-time"]["numericValue"],
        lcp_ms=audits["largest-contentful-paint"]["numericValue"],
        fcp_ms=audits["first-contentful-paint"]["numericValue"],
        cls=audits["cumulative-layout-shift"]["numericValue"],
        bytes=int(audits["total-byte-weight"]["numericValue"]),
        bytes_by_kind={kind: summary.get(kind, 0) for kind in RESOURCE_KINDS},
        failing={category: failing_audits(report, category) for category in CATEGORIES if category != "performance" and scores[category] < 100},
        script_ms={_site_path(item["url"]): item["total"] for item in audits["bootup-time"]["details"].get("items", [])},
        requests=_requests(report),
        benchmark_index=report.get("environment", {}).get("benchmarkIndex") or 0,
    )


def _requests(report: dict) -> dict[str, int]:
    page = urlsplit(report["finalDisplayedUrl"]).path
    found: dict[str, int] = {}
    for item in report["audits"]["network-requests"]["details"]["items"]:
        parts = urlsplit(item["url"])
        if parts.scheme.startswith("http"):
            name = "(the page)" if parts.path == page else parts.path.lstrip("/")
            found[name] = found.get(name, 0) + item.get("transferSize", 0)
    return found


def _site_path(url: str) -> str:
    """A script's path on the site ("assets/javascripts/bundle.min.js"), or Lighthouse's own label."""
    parts = urlsplit(url)
    return parts.path.lstrip("/") or "(the page)" if parts.scheme.startswith("http") else url


def category_scores(report: dict) -> dict[str, int]:
    scores = {}
    for category in CATEGORIES:
        score = report["categories"][category]["score"]
        scores[category] = round(100 * score) if score is not None else 0
    return scores


def failing_audits(report: dict, category: str) -> list[str]:
    """The scored audits of a category that did not pass, worst first."""
    audits = report["audits"]
    found = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if audit.get("scoreDisplayMode") in ("notApplicable", "informative", "manual") or audit.get("score") is None:
            continue
        if audit["score"] < 1:
            value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
            found.append((audit["score"], f"{ref['id']}: {audit['title']}{value}"))
    return [text for _, text in sorted(found)]
